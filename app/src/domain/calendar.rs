//! Calendar facts the plan shows: ISO week numbers (Swedes plan by "vecka 12") and where a date
//! falls in the year, which places it on the annual wheel.

use chrono::{Datelike, NaiveDate};

/// The ISO 8601 week number of a date (1–53), as Swedish calendars print it.
pub fn iso_week(date: NaiveDate) -> u32 {
    date.iso_week().week()
}

/// How far through its year a date lies, from 0.0 (1 January) to just under 1.0 (31 December).
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if date.leap_year() { 366.0 } else { 365.0 };
    f64::from(date.ordinal0()) / days_in_year
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
}
