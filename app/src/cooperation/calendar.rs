//! A cooperation group's meetings as iCalendar: the group's own calendar file for its members,
//! and the entries its node's calendar (the unit download and the personal feed) carries beside
//! the APTs. A meeting's only change after it is planned is its cancellation, so SEQUENCE is 1
//! for a cancelled meeting and 0 before.

use icalendar::{Component, Event, EventLike, EventStatus};

use super::db::NodeMeetingRow;
use crate::domain::plain_text::{lines, one_line};
use crate::plan::calendar::{calendar_of, local};

/// One event per meeting, each linking to its page under `origin`.
pub fn group_events(meetings: &[NodeMeetingRow], origin: &str) -> Vec<Event> {
    meetings
        .iter()
        .map(|row| {
            let m = &row.meeting;
            let url = format!("{origin}/samverkan/{}/mote/{}", row.group_id, m.id);
            let mut description = format!("Samverkansmöte: {}.", row.group_name);
            if let Some(link) = &m.online_link {
                description.push_str("\n\nDigitalt möte: ");
                description.push_str(&one_line(link));
            }
            description.push_str("\n\nMötet: ");
            description.push_str(&url);
            let location = match (&m.online_link, m.location.is_empty()) {
                (Some(link), true) => link.as_str(),
                _ => m.location.as_str(),
            };
            Event::new()
                .uid(&format!("samverkan-{}@arshjul", m.id))
                .summary(&one_line(&row.group_name))
                .description(&lines(&description))
                .location(&one_line(location))
                .url(&one_line(&url))
                .sequence(u32::from(m.cancelled))
                .starts(local(m.meeting_date, m.start_time))
                .ends(local(m.meeting_date, m.end_time))
                .status(if m.cancelled {
                    EventStatus::Cancelled
                } else {
                    EventStatus::Confirmed
                })
                .done()
        })
        .collect()
}

/// The group's calendar file of `meetings`.
pub fn group_calendar(group_name: &str, meetings: &[NodeMeetingRow], origin: &str) -> String {
    calendar_of(group_name, group_events(meetings, origin))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cooperation::db::MeetingRow;
    use chrono::{NaiveDate, NaiveTime};

    fn meeting(id: i64, cancelled: bool) -> NodeMeetingRow {
        NodeMeetingRow {
            group_id: 3,
            group_name: "Socialförvaltningens förvaltningsgrupp".into(),
            meeting: MeetingRow {
                id,
                meeting_date: NaiveDate::from_ymd_opt(2026, 9, 21).unwrap(),
                start_time: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
                end_time: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                location: "Stadshuset, sal Älven".into(),
                online_link: None,
                cancelled,
            },
        }
    }

    #[test]
    fn each_meeting_is_an_event_in_stockholm_time_that_links_to_its_page() {
        let text = group_calendar(
            "Socialförvaltningens förvaltningsgrupp",
            &[meeting(7, false), meeting(8, true)],
            "https://arshjul.example.se",
        );
        let parsed: icalendar::Calendar = text.parse().unwrap();
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].get_uid(), Some("samverkan-7@arshjul"));
        assert_eq!(events[1].get_status(), Some(EventStatus::Cancelled));
        assert_eq!(events[1].get_sequence(), Some(1));
        assert!(text.contains("TZID:Europe/Stockholm"));
        assert!(text.contains("DTSTART;TZID=Europe/Stockholm:20260921T103000"));
        assert!(text.contains("https://arshjul.example.se/samverkan/3/mote/7"));
    }
}
