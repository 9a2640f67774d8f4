//! The one clock the app reads. Every "today" and "now" of a page, a rule, a record's time stamp
//! and a background job comes from [`Clock`], which the server keeps in `AppState`; no other code
//! calls `Utc::now()` or `Local::now()` (clippy's `disallowed-methods` holds that).
//!
//! In production the clock is the system's. In demo and test mode `ARSHJUL_TODAY=2027-12-31`
//! moves it to that date: the time of day still runs, so sessions age and "nyss" stays true, but
//! every page, deadline and job behaves as it would on that day. That is how the suite proves it
//! passes on any day of the year.

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeDelta, Utc};

/// Where the app's time comes from: the system clock, moved by a whole number of days in demo and
/// test mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    /// Added to the system's time; zero in production.
    shift: TimeDelta,
}

impl Clock {
    /// The system's clock, as production runs.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock on which today is `today` (the time of day still runs), for demo and test mode.
    pub fn on(today: NaiveDate) -> Clock {
        let real = Self::system_now().with_timezone(&Local).date_naive();
        Clock {
            shift: TimeDelta::days(today.signed_duration_since(real).num_days()),
        }
    }

    /// This moment.
    pub fn now(&self) -> DateTime<Utc> {
        Self::system_now() + self.shift
    }

    /// Today's date where the server runs.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&Local).date_naive()
    }

    /// The world's time, never moved: for checks against other parties' clocks (an ID token's
    /// expiry at the organisation's provider), which a moved demo clock must not fail.
    pub fn wall_now(&self) -> DateTime<Utc> {
        Self::system_now()
    }

    /// This moment in the server's time zone, for times of day shown to people.
    pub fn local_now(&self) -> DateTime<Local> {
        self.now().with_timezone(&Local)
    }

    /// This year, the default year of plans, checklists and roll-ups.
    pub fn year(&self) -> i32 {
        self.today().year()
    }

    /// Whether the clock is moved away from the system's (demo and test mode only).
    pub fn is_moved(&self) -> bool {
        self.shift != TimeDelta::zero()
    }

    #[allow(clippy::disallowed_methods)] // The one place the system clock is read.
    fn system_now() -> DateTime<Utc> {
        Utc::now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moved_clock_shows_its_date_and_keeps_the_time_of_day_running() {
        let eve = NaiveDate::from_ymd_opt(2027, 12, 31).expect("a date");
        let clock = Clock::on(eve);
        assert_eq!(clock.today(), eve);
        assert_eq!(clock.year(), 2027);
        assert!(clock.is_moved() || Clock::system().today() == eve);
        let (a, b) = (clock.now(), clock.now());
        assert!(b >= a);
    }

    #[test]
    fn the_system_clock_is_not_moved() {
        assert!(!Clock::system().is_moved());
        assert_eq!(Clock::system(), Clock::default());
    }
}
