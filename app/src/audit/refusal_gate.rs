//! Refusals per client, bounded: the trail takes the first few refused requests and stopped
//! sign-ins of one client in a minute one by one, and the rest of that minute as one row with
//! their count, so a flood of refused requests cannot fill the append-only trail. A client is a
//! signed-in person at an address, or an address when nobody is signed in. (Failed sign-ins are
//! not gated: the sign-in limits count them.)

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub use super::catalogue::REFUSALS_HELD;
use super::catalogue::REFUSED;

/// Rows one address may add one by one in a window.
pub const ROWS_PER_WINDOW: u32 = 5;

/// The window refusals are counted in.
pub const WINDOW: Duration = Duration::minutes(1);

/// Addresses followed at once; past that, every new address shares one window (an attacker with
/// many addresses gets one row a minute among them, not one each).
const MAX_ADDRESSES: usize = 10_000;

/// The address every address beyond [`MAX_ADDRESSES`] is counted under.
const OTHERS: &str = "(många adresser)";

/// The actions that are gated: refused requests and stopped sign-ins.
pub fn is_gated(action: &str) -> bool {
    action == REFUSED || action == "sign_in_throttled"
}

/// A client: its address, and the signed-in person if any.
pub type Client = (String, Option<i64>);

/// Refusals from one client that were counted, not written: the row that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The address (or [`OTHERS`]).
    pub address: String,
    /// The signed-in person, if any.
    pub actor_id: Option<i64>,
    /// How many.
    pub count: u32,
    /// When the window began.
    pub since: DateTime<Utc>,
}

impl Held {
    /// The row's detail: how many, since when.
    pub fn detail(&self) -> String {
        format!(
            "{} nekade förfrågningar till under minuten från {} (UTC) skrevs inte var för sig",
            self.count,
            self.since.format("%Y-%m-%d %H:%M:%S")
        )
    }
}

#[derive(Clone, Copy, Debug)]
struct Window {
    started: DateTime<Utc>,
    written: u32,
    held: u32,
}

/// What to write for one more refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admission {
    /// Write the refusal's own row.
    pub write: bool,
    /// First write this count of the address's last window.
    pub held: Option<Held>,
}

/// The windows per address, in memory.
#[derive(Debug, Default)]
pub struct RefusalGate {
    windows: Mutex<HashMap<Client, Window>>,
}

impl RefusalGate {
    /// Counts one refusal from `address` (by the signed-in `actor_id`, if any) at `now`.
    pub fn admit(&self, address: &str, actor_id: Option<i64>, now: DateTime<Utc>) -> Admission {
        let Ok(mut windows) = self.windows.lock() else {
            // A poisoned lock: write the row rather than lose it.
            return Admission {
                write: true,
                held: None,
            };
        };
        let client = (address.to_string(), actor_id);
        let key = if windows.contains_key(&client) || windows.len() < MAX_ADDRESSES {
            client
        } else {
            (OTHERS.to_string(), None)
        };
        let mut held = None;
        let window = windows.entry(key.clone()).or_insert(Window {
            started: now,
            written: 0,
            held: 0,
        });
        if now - window.started >= WINDOW {
            if window.held > 0 {
                held = Some(Held {
                    address: key.0,
                    actor_id: key.1,
                    count: window.held,
                    since: window.started,
                });
            }
            *window = Window {
                started: now,
                written: 0,
                held: 0,
            };
        }
        let write = window.written < ROWS_PER_WINDOW;
        if write {
            window.written += 1;
        } else {
            window.held += 1;
        }
        Admission { write, held }
    }

    /// The counts of windows that have ended, which are forgotten (the periodic flush: a flood
    /// that stops is still counted in the trail).
    pub fn ended(&self, now: DateTime<Utc>) -> Vec<Held> {
        let Ok(mut windows) = self.windows.lock() else {
            return Vec::new();
        };
        let mut ended = Vec::new();
        windows.retain(|(address, actor_id), w| {
            if now - w.started < WINDOW {
                return true;
            }
            if w.held > 0 {
                ended.push(Held {
                    address: address.clone(),
                    actor_id: *actor_id,
                    count: w.held,
                    since: w.started,
                });
            }
            false
        });
        ended
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    #[test]
    fn the_first_few_are_written_and_the_rest_counted_in_one_row() {
        let gate = RefusalGate::default();
        for s in 0..5 {
            assert!(gate.admit("10.0.0.9", None, at(s)).write);
        }
        for s in 5..200 {
            let a = gate.admit("10.0.0.9", None, at(s % 59));
            assert_eq!((a.write, a.held), (false, None));
        }
        // Another address, or a signed-in person at the same one, is not held back.
        assert!(gate.admit("10.0.0.8", None, at(10)).write);
        assert!(gate.admit("10.0.0.9", Some(7), at(10)).write);
        // The next window first writes the count of the last.
        let next = gate.admit("10.0.0.9", None, at(61));
        assert!(next.write);
        assert_eq!(
            next.held,
            Some(Held {
                address: "10.0.0.9".into(),
                actor_id: None,
                count: 195,
                since: at(0),
            })
        );
    }

    #[test]
    fn a_flood_that_stops_is_counted_by_the_flush() {
        let gate = RefusalGate::default();
        for s in 0..8 {
            gate.admit("10.0.0.9", Some(3), at(s));
        }
        assert!(gate.ended(at(30)).is_empty(), "the window is still open");
        let ended = gate.ended(at(70));
        assert_eq!(ended.len(), 1);
        assert_eq!(ended[0].count, 3);
        assert!(ended[0].detail().starts_with("3 nekade förfrågningar"));
        assert!(gate.ended(at(200)).is_empty(), "forgotten once counted");
    }

    #[test]
    fn only_refusals_and_stopped_sign_ins_are_gated() {
        assert!(is_gated("refused"));
        assert!(is_gated("sign_in_throttled"));
        assert!(!is_gated("sign_in_failed"));
        assert!(!is_gated("plan/ny"));
    }
}
