//! Brute-force protection of sign-in (OWASP ASVS 2.2.1): an account whose password has been
//! wrong too many times lately takes no more attempts until the oldest of them ages out.
//! (Attempts per client address are limited in memory by the server before this.)

use chrono::{DateTime, Duration, Utc};

/// Failed sign-ins an account may have within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: i64 = 10;

/// The window failed sign-ins are counted in.
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

/// Whole minutes (at least one) until `earliest` ages out of the window: what the person is told
/// to wait. `None` while the account has failures to spare.
pub fn account_wait(
    failures: i64,
    earliest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<u32> {
    if failures < MAX_FAILURES {
        return None;
    }
    let free_at = earliest.unwrap_or(now) + FAILURE_WINDOW;
    Some(minutes_to_wait(free_at - now))
}

/// A wait in whole minutes, rounded up, at least one.
pub fn minutes_to_wait(wait: Duration) -> u32 {
    let seconds = wait.num_seconds().max(1);
    u32::try_from((seconds + 59) / 60)
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap()
    }

    #[test]
    fn nine_failures_leave_one_attempt() {
        assert_eq!(account_wait(9, Some(at(0)), at(1)), None);
    }

    #[test]
    fn ten_failures_stop_the_account_until_the_oldest_ages_out() {
        assert_eq!(account_wait(10, Some(at(0)), at(1)), Some(14));
        assert_eq!(account_wait(12, Some(at(0)), at(14)), Some(1));
    }

    #[test]
    fn a_wait_is_whole_minutes_and_never_zero() {
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::seconds(0)), 1);
        assert_eq!(minutes_to_wait(Duration::seconds(-5)), 1);
    }
}
