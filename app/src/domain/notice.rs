//! When the notice (kallelse) of an APT must go out, and whether it did in time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::plan_rules::notice_deadline;

/// Where a meeting's notice stands against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeTiming {
    /// Not sent; the deadline has not passed (sending now is on time).
    Due {
        /// The last day it may go out.
        deadline: NaiveDate,
    },
    /// Not sent, and the deadline has passed: sending now is late.
    Overdue {
        /// The day that passed.
        deadline: NaiveDate,
        /// Days since the deadline.
        days_late: u32,
    },
    /// Sent on or before the deadline.
    OnTime {
        /// The day it went out.
        sent: NaiveDate,
    },
    /// Sent after the deadline.
    Late {
        /// The day it went out.
        sent: NaiveDate,
        /// Days after the deadline.
        days_late: u32,
    },
}

impl NoticeTiming {
    /// True when the notice went out, or would go out today, after its deadline.
    pub fn is_late(&self) -> bool {
        matches!(
            self,
            NoticeTiming::Overdue { .. } | NoticeTiming::Late { .. }
        )
    }
}

/// Whether a notice may go out now: before its deadline always, after it only when the sender
/// confirmed (`confirm_late`, a checkbox's `on`); else the refusal beside that checkbox.
pub fn check_late_confirmed(
    timing: NoticeTiming,
    confirm_late: Option<&str>,
) -> Result<(), super::FieldProblem> {
    let confirmed = confirm_late.is_some_and(|v| matches!(v, "on" | "true" | "1"));
    match timing {
        NoticeTiming::Overdue {
            deadline,
            days_late,
        } if !confirmed => Err(super::form_input::problem(
            "confirm_late",
            format!(
                "Sista dag för kallelsen var {} ({days_late} dagar sedan). Kryssa i rutan för \
                 att skicka ändå.",
                deadline.format("%Y-%m-%d")
            ),
        )),
        _ => Ok(()),
    }
}

fn days_after(day: NaiveDate, deadline: NaiveDate) -> u32 {
    u32::try_from((day - deadline).num_days().max(0)).unwrap_or(u32::MAX)
}

/// The notice's standing for a meeting first held on `first_date`: sent on `sent` (the first
/// sending, not an update), or not yet as of `today`. Sending on the deadline day is on time.
pub fn notice_timing(
    first_date: NaiveDate,
    notice_days: u32,
    sent: Option<NaiveDate>,
    today: NaiveDate,
) -> NoticeTiming {
    let deadline = notice_deadline(first_date, notice_days);
    match sent {
        Some(sent) if sent <= deadline => NoticeTiming::OnTime { sent },
        Some(sent) => NoticeTiming::Late {
            sent,
            days_late: days_after(sent, deadline),
        },
        None if today <= deadline => NoticeTiming::Due { deadline },
        None => NoticeTiming::Overdue {
            deadline,
            days_late: days_after(today, deadline),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_notice_goes_only_when_confirmed() {
        let overdue = NoticeTiming::Overdue {
            deadline: day(5, 25),
            days_late: 3,
        };
        let refused = check_late_confirmed(overdue, None).unwrap_err();
        assert_eq!(refused.field, "confirm_late");
        assert!(refused.message.contains("2026-05-25 (3 dagar sedan)"));
        assert!(check_late_confirmed(overdue, Some("on")).is_ok());
        let due = NoticeTiming::Due {
            deadline: day(5, 25),
        };
        assert!(check_late_confirmed(due, None).is_ok());
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_deadline_is_seven_days_before_the_meeting() {
        assert_eq!(notice_deadline(day(3, 10), 7), day(3, 3));
    }

    #[test]
    fn before_the_deadline_an_unsent_notice_is_due() {
        let timing = notice_timing(day(3, 10), 7, None, day(3, 1));
        assert_eq!(
            timing,
            NoticeTiming::Due {
                deadline: day(3, 3)
            }
        );
        assert!(!timing.is_late());
    }

    #[test]
    fn on_the_deadline_day_sending_is_still_on_time() {
        assert!(!notice_timing(day(3, 10), 7, None, day(3, 3)).is_late());
        let sent = notice_timing(day(3, 10), 7, Some(day(3, 3)), day(3, 9));
        assert_eq!(sent, NoticeTiming::OnTime { sent: day(3, 3) });
    }

    #[test]
    fn after_the_deadline_an_unsent_notice_is_overdue_by_days() {
        let timing = notice_timing(day(3, 10), 7, None, day(3, 5));
        assert_eq!(
            timing,
            NoticeTiming::Overdue {
                deadline: day(3, 3),
                days_late: 2
            }
        );
        assert!(timing.is_late());
    }

    #[test]
    fn a_notice_sent_after_the_deadline_stays_late() {
        let timing = notice_timing(day(3, 10), 7, Some(day(3, 6)), day(4, 1));
        assert_eq!(
            timing,
            NoticeTiming::Late {
                sent: day(3, 6),
                days_late: 3
            }
        );
    }

    #[test]
    fn the_organisation_may_ask_for_more_days() {
        assert!(notice_timing(day(3, 10), 14, None, day(3, 1)).is_late());
    }
}
