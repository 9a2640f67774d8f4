//! How long a signed-in session lives (OWASP ASVS 3.3): it ends after a spell of inactivity and,
//! however active, after an absolute time, when the person signs in again.

use chrono::{DateTime, Duration, Utc};

/// The two limits of a signed-in session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    /// Ends a session nobody has used for this long.
    pub idle: Duration,
    /// Ends every session this long after sign-in.
    pub absolute: Duration,
}

impl Default for SessionLimits {
    /// 30 minutes idle and 12 hours in all: ASVS level 2's limits.
    fn default() -> Self {
        SessionLimits {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

/// How often a live session's "last seen" is written: often enough for the idle limit, rarely
/// enough that reading pages does not become a stream of writes.
pub const TOUCH_EVERY: Duration = Duration::seconds(60);

/// What a session is at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionCheck {
    /// Live; `touch` says its last-seen time should be moved to now.
    Live {
        /// Write the new last-seen time.
        touch: bool,
    },
    /// Unused for longer than the idle limit.
    Idle,
    /// Older than the absolute limit.
    Absolute,
}

impl SessionCheck {
    /// The reason stored when the session is ended for this, if it ends.
    pub fn end_reason(self) -> Option<&'static str> {
        match self {
            SessionCheck::Live { .. } => None,
            SessionCheck::Idle => Some("idle"),
            SessionCheck::Absolute => Some("absolute"),
        }
    }
}

/// Judges a session started at `started` and last used at `last_seen`.
pub fn check_session(
    limits: SessionLimits,
    started: DateTime<Utc>,
    last_seen: DateTime<Utc>,
    now: DateTime<Utc>,
) -> SessionCheck {
    if now - started >= limits.absolute {
        SessionCheck::Absolute
    } else if now - last_seen >= limits.idle {
        SessionCheck::Idle
    } else {
        SessionCheck::Live {
            touch: now - last_seen >= TOUCH_EVERY,
        }
    }
}

/// A short Swedish name of the browser and system behind a User-Agent, for the list of one's own
/// sessions ("Firefox på Windows"); the full string is kept beside it.
pub fn device_label(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| *name);
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} på {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => s.to_string(),
        (None, None) => "Okänd webbläsare".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minutes * 60, 0).unwrap()
    }

    #[test]
    fn a_session_in_use_lives_and_is_touched_at_most_once_a_minute() {
        let limits = SessionLimits::default();
        assert_eq!(
            check_session(limits, at(0), at(10), at(10)),
            SessionCheck::Live { touch: false }
        );
        assert_eq!(
            check_session(limits, at(0), at(10), at(11)),
            SessionCheck::Live { touch: true }
        );
    }

    #[test]
    fn thirty_idle_minutes_end_a_session() {
        let limits = SessionLimits::default();
        assert!(matches!(
            check_session(limits, at(0), at(10), at(39)),
            SessionCheck::Live { .. }
        ));
        assert_eq!(
            check_session(limits, at(0), at(10), at(40)),
            SessionCheck::Idle
        );
        assert_eq!(SessionCheck::Idle.end_reason(), Some("idle"));
    }

    #[test]
    fn twelve_hours_end_even_a_busy_session() {
        let limits = SessionLimits::default();
        assert_eq!(
            check_session(limits, at(0), at(12 * 60 - 1), at(12 * 60)),
            SessionCheck::Absolute
        );
    }

    #[test]
    fn devices_are_named_in_swedish() {
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(device_label(firefox), "Firefox på Windows");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(iphone), "Safari på iPhone");
        let edge =
            "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0";
        assert_eq!(device_label(edge), "Edge på Windows");
        assert_eq!(device_label("curl/8.0"), "Okänd webbläsare");
    }
}
