//! Several sessions of one APT (the same content for staff who cannot all meet at once): two
//! sessions of the same APT may not overlap, since the same person leads both. The earliest
//! session decides when the notice must go out.

use chrono::{NaiveDate, NaiveTime};

use super::form_input::FieldProblem;
use super::meeting_input::CheckedMeeting;

/// When a session is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionTime {
    /// The day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
}

impl From<&CheckedMeeting> for SessionTime {
    fn from(m: &CheckedMeeting) -> Self {
        SessionTime {
            date: m.date,
            start: m.start,
            end: m.end,
        }
    }
}

impl SessionTime {
    fn overlaps(&self, other: &SessionTime) -> bool {
        self.date == other.date && self.start < other.end && other.start < self.end
    }
}

/// Refuses a session that is the same as, or overlaps, another session of the same APT; the
/// message names the other session so the chef knows which one.
pub fn check_no_clash(new: &SessionTime, others: &[SessionTime]) -> Result<(), FieldProblem> {
    match others.iter().find(|o| o.overlaps(new)) {
        None => Ok(()),
        Some(o) => {
            let same = o.start == new.start && o.end == new.end;
            let message = format!(
                "{} {} kl. {}–{}. Välj en annan tid eller ett annat datum.",
                if same {
                    "APT:n har redan ett tillfälle"
                } else {
                    "Tiden krockar med ett annat tillfälle av samma APT:"
                },
                o.date.format("%Y-%m-%d"),
                o.start.format("%H:%M"),
                o.end.format("%H:%M"),
            );
            Err(FieldProblem {
                field: "start",
                message,
            })
        }
    }
}

/// The day the notice counts from: the first of the sessions.
pub fn first_session_date(
    first: NaiveDate,
    others: impl IntoIterator<Item = NaiveDate>,
) -> NaiveDate {
    others.into_iter().fold(first, NaiveDate::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, start: u32, end: u32) -> SessionTime {
        SessionTime {
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            start: NaiveTime::from_hms_opt(start, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(end, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_second_session_at_another_time_or_day_is_fine() {
        let first = [at(10, 13, 15)];
        assert!(
            check_no_clash(&at(10, 15, 16), &first).is_ok(),
            "back to back"
        );
        assert!(check_no_clash(&at(11, 13, 15), &first).is_ok(), "next day");
    }

    #[test]
    fn the_same_session_twice_is_a_duplicate() {
        let problem = check_no_clash(&at(10, 13, 15), &[at(10, 13, 15)]).unwrap_err();
        assert_eq!(problem.field, "start");
        assert!(problem
            .message
            .contains("redan ett tillfälle 2026-03-10 kl. 13:00–15:00"));
    }

    #[test]
    fn an_overlapping_session_names_the_one_it_clashes_with() {
        let problem = check_no_clash(&at(10, 14, 16), &[at(9, 8, 9), at(10, 13, 15)]).unwrap_err();
        assert!(problem.message.contains("krockar"));
        assert!(problem.message.contains("2026-03-10 kl. 13:00–15:00"));
    }

    #[test]
    fn the_notice_counts_from_the_first_session() {
        let first = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let earlier = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        assert_eq!(first_session_date(first, []), first);
        assert_eq!(first_session_date(first, [earlier, first]), earlier);
    }
}
