//! Swedish public holidays (allmänna helgdagar) and the de facto holidays on which workplaces are
//! closed (midsommarafton, julafton, nyårsafton), so the plan can warn about an APT on one.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of a year (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let offset = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(u64::from(offset)))
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Every Swedish public and de facto holiday of a year, with its Swedish name, in date order.
pub fn swedish_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let mut days: Vec<(Option<NaiveDate>, &'static str)> = vec![
        (fixed(1, 1), "Nyårsdagen"),
        (fixed(1, 6), "Trettondedag jul"),
        (fixed(5, 1), "Första maj"),
        (fixed(6, 6), "Sveriges nationaldag"),
        (fixed(12, 24), "Julafton"),
        (fixed(12, 25), "Juldagen"),
        (fixed(12, 26), "Annandag jul"),
        (fixed(12, 31), "Nyårsafton"),
    ];
    if let Some(easter) = easter_sunday(year) {
        days.push((shift(easter, -2), "Långfredagen"));
        days.push((Some(easter), "Påskdagen"));
        days.push((shift(easter, 1), "Annandag påsk"));
        days.push((shift(easter, 39), "Kristi himmelsfärdsdag"));
        days.push((shift(easter, 49), "Pingstdagen"));
    }
    if let Some(midsummer_day) = fixed(6, 20).and_then(|d| first_on_or_after(d, Weekday::Sat)) {
        days.push((shift(midsummer_day, -1), "Midsommarafton"));
        days.push((Some(midsummer_day), "Midsommardagen"));
    }
    days.push((
        fixed(10, 31).and_then(|d| first_on_or_after(d, Weekday::Sat)),
        "Alla helgons dag",
    ));
    let mut days: Vec<(NaiveDate, &'static str)> = days
        .into_iter()
        .filter_map(|(date, name)| date.map(|d| (d, name)))
        .collect();
    days.sort();
    days
}

/// The holiday on a date, if it is one.
pub fn holiday_on(date: NaiveDate) -> Option<&'static str> {
    swedish_holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
    }

    #[test]
    fn the_moving_holidays_of_2026_are_found() {
        assert_eq!(holiday_on(d(2026, 4, 3)), Some("Långfredagen"));
        assert_eq!(holiday_on(d(2026, 4, 6)), Some("Annandag påsk"));
        assert_eq!(holiday_on(d(2026, 5, 14)), Some("Kristi himmelsfärdsdag"));
        assert_eq!(holiday_on(d(2026, 6, 19)), Some("Midsommarafton"));
        assert_eq!(holiday_on(d(2026, 6, 20)), Some("Midsommardagen"));
        assert_eq!(holiday_on(d(2026, 10, 31)), Some("Alla helgons dag"));
    }

    #[test]
    fn fixed_holidays_and_ordinary_days() {
        assert_eq!(holiday_on(d(2026, 6, 6)), Some("Sveriges nationaldag"));
        assert_eq!(holiday_on(d(2026, 12, 24)), Some("Julafton"));
        assert_eq!(holiday_on(d(2026, 1, 13)), None);
        assert_eq!(swedish_holidays(2026).len(), 16);
    }
}
