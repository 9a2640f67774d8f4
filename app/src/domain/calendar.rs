//! Calendar facts the plan shows: ISO week numbers (Swedes plan by "vecka 12") and where a date
//! falls in the year, which places it on the annual wheel.

use chrono::{Datelike, Days, NaiveDate};

/// The ISO 8601 week number of a date (1–53), as Swedish calendars print it.
pub fn iso_week(date: NaiveDate) -> u32 {
    date.iso_week().week()
}

/// How far through its year a date lies, from 0.0 (1 January) to just under 1.0 (31 December).
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if date.leap_year() { 366.0 } else { 365.0 };
    f64::from(date.ordinal0()) / days_in_year
}

/// The date a meeting moves to when a plan is copied to the next year: the same weekday in the
/// same ISO week. Week 53 becomes the last week of a year without one, and a date that would fall
/// outside the next calendar year (early January in the previous ISO year) moves a week into it.
pub fn same_weekday_next_year(date: NaiveDate) -> Option<NaiveDate> {
    let iso = date.iso_week();
    let target_iso_year = iso.year() + 1;
    let last_week = NaiveDate::from_ymd_opt(target_iso_year, 12, 28)?
        .iso_week()
        .week();
    let moved =
        NaiveDate::from_isoywd_opt(target_iso_year, iso.week().min(last_week), date.weekday())?;
    let wanted_year = date.year() + 1;
    if moved.year() < wanted_year {
        moved.checked_add_days(Days::new(7))
    } else if moved.year() > wanted_year {
        moved.checked_sub_days(Days::new(7))
    } else {
        Some(moved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_weeks_follow_the_swedish_calendar() {
        assert_eq!(iso_week(d(2026, 1, 1)), 1);
        assert_eq!(iso_week(d(2026, 3, 16)), 12);
        // 2026 has 53 weeks: 31 December 2026 is a Thursday.
        assert_eq!(iso_week(d(2026, 12, 31)), 53);
        // 1 January 2027 is a Friday and still belongs to week 53 of 2026.
        assert_eq!(iso_week(d(2027, 1, 1)), 53);
        assert_eq!(iso_week(d(2027, 1, 4)), 1);
    }

    #[test]
    fn the_year_fraction_runs_from_zero_to_almost_one() {
        assert_eq!(year_fraction(d(2026, 1, 1)), 0.0);
        assert!((year_fraction(d(2026, 7, 2)) - 182.0 / 365.0).abs() < 1e-9);
        assert!(year_fraction(d(2024, 12, 31)) < 1.0);
    }

    #[test]
    fn a_copied_meeting_keeps_its_weekday_and_iso_week() {
        // Tuesday of week 3, 2026 → Tuesday of week 3, 2027.
        let moved = same_weekday_next_year(d(2026, 1, 13)).unwrap();
        assert_eq!(moved, d(2027, 1, 19));
        assert_eq!(
            (iso_week(moved), moved.weekday()),
            (3, chrono::Weekday::Tue)
        );
    }

    #[test]
    fn week_53_moves_to_the_last_week_of_a_year_without_one() {
        // 2026 has a week 53; 2027 does not: Thursday 31 Dec 2026 (w53) → Thursday of w52 2027.
        assert_eq!(
            same_weekday_next_year(d(2026, 12, 31)),
            Some(d(2027, 12, 30))
        );
        // 2025 → 2026: week 52 stays week 52 though 2026 has a week 53.
        assert_eq!(
            same_weekday_next_year(d(2025, 12, 23)),
            Some(d(2026, 12, 22))
        );
    }

    #[test]
    fn early_january_in_the_previous_iso_year_stays_in_the_next_calendar_year() {
        // Friday 1 Jan 2027 belongs to ISO week 53 of 2026; copied to 2028 it stays in January.
        let moved = same_weekday_next_year(d(2027, 1, 1)).unwrap();
        assert_eq!(moved.year(), 2028);
        assert_eq!(moved.weekday(), chrono::Weekday::Fri);
        assert_eq!(moved, d(2028, 1, 7));
    }
}
