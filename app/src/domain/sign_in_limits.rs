//! Brute-force protection of sign-in (OWASP ASVS 2.2.1) that a stranger cannot turn into a
//! lockout. Wrong passwords are counted per account and client address: ten within
//! [`FAILURE_WINDOW`] stop that client's attempts on that account only, so guessing from one
//! place is slow while the owner elsewhere signs in as usual. Guessing spread over many addresses
//! meets a ceiling per account ([`MAX_FAILURES_PER_ACCOUNT`]); a browser the owner has signed in
//! on before (a known device) passes it. (Attempts per client address, whatever the account, are
//! limited in memory by the server before this.)

use chrono::{DateTime, Duration, Utc};

/// Failed sign-ins on one account from one client address within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: i64 = 10;

/// Failed sign-ins on one account from all addresses within [`FAILURE_WINDOW`] before only known
/// devices may try it.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 50;

/// The window failed sign-ins are counted in.
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

/// Failed sign-ins counted in the window, and when the oldest of them was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// How many.
    pub count: i64,
    /// The oldest one's time.
    pub earliest: Option<DateTime<Utc>>,
}

/// Which limit stopped an attempt, for the audit trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// This client's failures on the account.
    Client,
    /// The account's failures from everywhere, and the browser is not a known device.
    Account,
}

impl Limit {
    /// The detail the trail records.
    pub fn code(self) -> &'static str {
        match self {
            Limit::Client => "account and address",
            Limit::Account => "account",
        }
    }
}

/// Whole minutes (at least one) the client must wait before trying the account again, and which
/// limit holds; `None` while it may try.
pub fn sign_in_wait(
    from_client: Failures,
    on_account: Failures,
    known_device: bool,
    now: DateTime<Utc>,
) -> Option<(u32, Limit)> {
    let wait = |f: Failures| minutes_to_wait(f.earliest.unwrap_or(now) + FAILURE_WINDOW - now);
    if from_client.count >= MAX_FAILURES {
        return Some((wait(from_client), Limit::Client));
    }
    if on_account.count >= MAX_FAILURES_PER_ACCOUNT && !known_device {
        return Some((wait(on_account), Limit::Account));
    }
    None
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

    fn failures(count: i64, earliest: i64) -> Failures {
        Failures {
            count,
            earliest: Some(at(earliest)),
        }
    }

    #[test]
    fn nine_failures_leave_one_attempt() {
        assert_eq!(
            sign_in_wait(failures(9, 0), failures(9, 0), false, at(1)),
            None
        );
    }

    #[test]
    fn ten_failures_stop_that_client_until_the_oldest_ages_out() {
        assert_eq!(
            sign_in_wait(failures(10, 0), failures(10, 0), false, at(1)),
            Some((14, Limit::Client))
        );
        assert_eq!(
            sign_in_wait(failures(12, 0), failures(12, 0), true, at(14)),
            Some((1, Limit::Client))
        );
    }

    #[test]
    fn a_stranger_elsewhere_does_not_lock_the_owner_out() {
        // Ten failures from another address: the owner's address has none.
        assert_eq!(
            sign_in_wait(Failures::default(), failures(10, 0), false, at(1)),
            None
        );
    }

    #[test]
    fn guessing_from_many_addresses_stops_all_but_known_devices() {
        let spread = failures(MAX_FAILURES_PER_ACCOUNT, 3);
        assert_eq!(
            sign_in_wait(failures(1, 5), spread, false, at(6)),
            Some((12, Limit::Account))
        );
        assert_eq!(sign_in_wait(Failures::default(), spread, true, at(6)), None);
    }

    #[test]
    fn a_wait_is_whole_minutes_and_never_zero() {
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::seconds(0)), 1);
        assert_eq!(minutes_to_wait(Duration::seconds(-5)), 1);
    }
}
