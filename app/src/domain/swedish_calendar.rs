//! Swedish names of weekdays and months, as protocols and e-mails write a day ("onsdag 3 juni").

use chrono::{Datelike, NaiveDate};

const DAYS: [&str; 7] = [
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
];

/// The months' names in lower case, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The weekday's name in lower case ("onsdag").
pub fn weekday_name(date: NaiveDate) -> &'static str {
    DAYS[date.weekday().num_days_from_monday() as usize]
}

/// The month's name in lower case ("juni").
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// The day as a protocol writes it within its year: "onsdag 3 juni".
pub fn weekday_and_date(date: NaiveDate) -> String {
    format!("{} {} {}", weekday_name(date), date.day(), month_name(date))
}

/// A day in running text: "3 juni 2026".
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_written_as_seed_002_writes_it() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 3).unwrap_or_default();
        assert_eq!(weekday_and_date(day), "onsdag 3 juni");
        let new_year = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        assert_eq!(weekday_and_date(new_year), "torsdag 31 december");
    }
}
