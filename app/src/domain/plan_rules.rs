//! The rules a unit's annual plan is checked against: at least the minimum number of APTs a year,
//! every topic of the wheel placed in a meeting (ideally in its month), and each meeting's notice
//! deadline.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The organisation's rule parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRules {
    /// Minimum number of APTs a unit holds in a year (the seed says eight).
    pub min_apts_per_year: u32,
    /// Days before a meeting by which the agenda must reach every employee (the seed says seven).
    pub notice_days: u32,
    /// Votes needed before a workload check's result shows (never under five).
    pub vote_threshold: u32,
    /// Days after an APT by which its minutes are to be published (the compliance overview holds
    /// units to it; 14 unless the organisation says otherwise).
    pub minutes_days: u32,
}

/// Days after an APT its minutes are to be out by, unless the organisation says otherwise.
pub const DEFAULT_MINUTES_DAYS: u32 = 14;

impl Default for PlanRules {
    fn default() -> Self {
        PlanRules {
            min_apts_per_year: 8,
            notice_days: 7,
            vote_threshold: super::workload::MIN_VOTE_THRESHOLD,
            minutes_days: DEFAULT_MINUTES_DAYS,
        }
    }
}

/// Where one topic of the plan stands: the months it belongs to and the month of the meeting it is
/// placed in, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicPlacement {
    /// First month (1–12) of the topic in the wheel.
    pub month_start: u32,
    /// Last month (1–12); equal to `month_start` for single-month topics.
    pub month_end: u32,
    /// Month of the meeting the topic is placed in; `None` when not yet placed.
    pub meeting_month: Option<u32>,
}

impl TopicPlacement {
    /// True when the topic is placed in a meeting outside its month(s): a note, not an error.
    pub fn is_out_of_month(&self) -> bool {
        self.meeting_month
            .is_some_and(|m| m < self.month_start || m > self.month_end)
    }
}

/// The plan's standing against the rules, as shown on the plan and in unit lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStatus {
    /// APTs planned and not cancelled.
    pub meetings_planned: u32,
    /// The organisation's minimum.
    pub min_apts: u32,
    /// How many APTs are missing to reach the minimum.
    pub missing_meetings: u32,
    /// Topics of the wheel not placed in any meeting.
    pub unplaced_topics: u32,
    /// Topics placed in a meeting outside their month.
    pub out_of_month_topics: u32,
    /// All topics of the plan.
    pub total_topics: u32,
}

impl PlanStatus {
    /// True when the plan has enough meetings and every topic is placed.
    pub fn meets_rules(&self) -> bool {
        self.missing_meetings == 0 && self.unplaced_topics == 0
    }
}

/// Checks a plan: `meetings_planned` counts the APTs that are not cancelled.
pub fn plan_status(
    rules: PlanRules,
    meetings_planned: u32,
    topics: &[TopicPlacement],
) -> PlanStatus {
    let unplaced = topics.iter().filter(|t| t.meeting_month.is_none()).count();
    let out_of_month = topics.iter().filter(|t| t.is_out_of_month()).count();
    PlanStatus {
        meetings_planned,
        min_apts: rules.min_apts_per_year,
        missing_meetings: rules.min_apts_per_year.saturating_sub(meetings_planned),
        unplaced_topics: count(unplaced),
        out_of_month_topics: count(out_of_month),
        total_topics: count(topics.len()),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The last day the agenda may go out for a meeting on `meeting_date`.
pub fn notice_deadline(meeting_date: NaiveDate, notice_days: u32) -> NaiveDate {
    meeting_date
        .checked_sub_days(Days::new(u64::from(notice_days)))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(month_start: u32, month_end: u32, meeting_month: Option<u32>) -> TopicPlacement {
        TopicPlacement {
            month_start,
            month_end,
            meeting_month,
        }
    }

    #[test]
    fn a_plan_with_fewer_than_eight_apts_says_how_many_are_missing() {
        let status = plan_status(PlanRules::default(), 5, &[]);
        assert_eq!(status.missing_meetings, 3);
        assert!(!status.meets_rules());
    }

    #[test]
    fn a_plan_with_the_minimum_and_every_topic_placed_meets_the_rules() {
        let topics = [placed(1, 1, Some(1)), placed(5, 6, Some(6))];
        let status = plan_status(PlanRules::default(), 8, &topics);
        assert_eq!(status.missing_meetings, 0);
        assert_eq!(status.unplaced_topics, 0);
        assert!(status.meets_rules());
    }

    #[test]
    fn more_meetings_than_the_minimum_are_never_negative_missing() {
        let status = plan_status(PlanRules::default(), 11, &[]);
        assert_eq!(status.missing_meetings, 0);
    }

    #[test]
    fn unplaced_topics_are_counted() {
        let topics = [
            placed(1, 1, None),
            placed(2, 2, Some(2)),
            placed(3, 3, None),
        ];
        let status = plan_status(PlanRules::default(), 8, &topics);
        assert_eq!(status.unplaced_topics, 2);
        assert_eq!(status.total_topics, 3);
        assert!(!status.meets_rules());
    }

    #[test]
    fn a_topic_outside_its_months_is_a_note_not_a_failure() {
        let topics = [
            placed(5, 6, Some(4)),
            placed(8, 9, Some(9)),
            placed(1, 1, Some(2)),
        ];
        let status = plan_status(PlanRules::default(), 8, &topics);
        assert_eq!(status.out_of_month_topics, 2);
        assert!(status.meets_rules());
    }

    #[test]
    fn the_organisation_can_raise_the_minimum() {
        let rules = PlanRules {
            min_apts_per_year: 10,
            ..PlanRules::default()
        };
        assert_eq!(plan_status(rules, 8, &[]).missing_meetings, 2);
    }

    #[test]
    fn the_notice_deadline_is_the_meeting_date_minus_the_notice_days() {
        let meeting = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(
            notice_deadline(meeting, 7),
            NaiveDate::from_ymd_opt(2026, 2, 26).unwrap()
        );
        assert_eq!(notice_deadline(meeting, 0), meeting);
    }
}
