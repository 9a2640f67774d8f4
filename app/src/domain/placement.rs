//! Suggesting where a topic goes: the first meeting (not cancelled) in the topic's month(s).

use chrono::{Datelike, NaiveDate};

/// A topic waiting for a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenTopic {
    /// Topic id.
    pub id: i64,
    /// First month (1–12).
    pub month_start: u32,
    /// Last month (1–12).
    pub month_end: u32,
}

/// A meeting that can take topics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingSlot {
    /// Meeting id.
    pub id: i64,
    /// Its date.
    pub date: NaiveDate,
    /// Cancelled meetings take no topics.
    pub cancelled: bool,
}

/// For each topic, the earliest meeting in its months; topics whose months have no meeting are
/// left out (they stay unplaced and the plan says so).
pub fn suggest_placements(topics: &[OpenTopic], meetings: &[MeetingSlot]) -> Vec<(i64, i64)> {
    let mut open: Vec<&MeetingSlot> = meetings.iter().filter(|m| !m.cancelled).collect();
    open.sort_by_key(|m| m.date);
    topics
        .iter()
        .filter_map(|t| {
            open.iter()
                .find(|m| (t.month_start..=t.month_end).contains(&m.date.month()))
                .map(|m| (t.id, m.id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: i64, m: u32, d: u32, cancelled: bool) -> MeetingSlot {
        MeetingSlot {
            id,
            date: NaiveDate::from_ymd_opt(2027, m, d).unwrap(),
            cancelled,
        }
    }

    #[test]
    fn each_topic_goes_to_the_first_meeting_of_its_months() {
        let topics = [
            OpenTopic {
                id: 1,
                month_start: 1,
                month_end: 1,
            },
            OpenTopic {
                id: 2,
                month_start: 5,
                month_end: 6,
            },
        ];
        let meetings = [
            slot(30, 6, 8, false),
            slot(10, 1, 12, false),
            slot(20, 5, 11, true),
        ];
        // The May meeting is cancelled, so the May/June topic goes to June.
        assert_eq!(
            suggest_placements(&topics, &meetings),
            vec![(1, 10), (2, 30)]
        );
    }

    #[test]
    fn a_topic_without_a_meeting_in_its_months_stays_open() {
        let topics = [OpenTopic {
            id: 1,
            month_start: 7,
            month_end: 7,
        }];
        assert!(suggest_placements(&topics, &[slot(10, 1, 12, false)]).is_empty());
    }
}
