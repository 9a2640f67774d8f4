//! The plan as iCalendar (RFC 5545), so the year's APTs land in Outlook and other calendars: a
//! download per year and a subscribable feed per unit behind an unguessable token.
//! UIDs are stable per meeting, SEQUENCE rises with each change, times are Europe/Stockholm.

use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use super::{Meeting, PlanTopic};

/// Europe/Stockholm (CET/CEST), so calendars that need the definition in the file have it.
const STOCKHOLM: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Stockholm\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// One meeting with what its calendar entry shows.
pub struct CalendarMeeting<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Its version (the entry's SEQUENCE).
    pub version: u32,
    /// The topics planned for it.
    pub topics: Vec<&'a PlanTopic>,
}

fn local(date: chrono::NaiveDate, time: chrono::NaiveTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: date.and_time(time),
        tzid: "Europe/Stockholm".to_string(),
    }
}

/// The calendar of a unit's meetings. `plan_url` is where each entry links to.
pub fn unit_calendar(unit_name: &str, plan_url: &str, meetings: &[CalendarMeeting<'_>]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!("APT {unit_name}"));
    calendar.timezone("Europe/Stockholm");
    for entry in meetings {
        let m = entry.meeting;
        let mut description = String::from("Arbetsplatsträff (APT).");
        if !entry.topics.is_empty() {
            description.push_str("\n\nÄmnen ur årshjulet:");
            for t in &entry.topics {
                description.push_str("\n- ");
                description.push_str(&t.title);
            }
        }
        if let Some(link) = &m.online_link {
            description.push_str("\n\nDigitalt möte: ");
            description.push_str(link);
        }
        description.push_str("\n\nPlanen: ");
        description.push_str(plan_url);
        let location = match (&m.online_link, m.location.is_empty()) {
            (Some(link), true) => link.clone(),
            _ => m.location.clone(),
        };
        let mut event = Event::new();
        event
            .uid(&format!("apt-{}@arshjul", m.id))
            .summary(&format!("APT {unit_name}"))
            .description(&description)
            .location(&location)
            .url(plan_url)
            .sequence(entry.version)
            .starts(local(m.date, m.start))
            .ends(local(m.date, m.end))
            .status(if m.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        calendar.push(event.done());
    }
    let text = calendar.done().to_string();
    // The VTIMEZONE goes before the first event (or before the end when there is none).
    match text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("END:VCALENDAR"))
    {
        Some(at) => format!("{}{STOCKHOLM}{}", &text[..at], &text[at..]),
        None => text,
    }
}

/// Loads and writes the calendar of a unit's plans for `years` (two queries per plan).
pub async fn calendar_for_unit(
    db: &crate::db::Db,
    unit_id: i64,
    unit_name: &str,
    years: std::ops::RangeInclusive<i32>,
    plan_url: &str,
) -> sqlx::Result<String> {
    use super::db;
    let mut loaded = Vec::new();
    for year in years {
        if let Some(plan_id) = db::plan_id(db, unit_id, year).await? {
            let meetings = db::meetings(db, plan_id).await?;
            let topics = db::plan_topics(db, plan_id).await?;
            let versions = db::meeting_versions(db, plan_id).await?;
            loaded.push((meetings, topics, versions));
        }
    }
    let entries: Vec<CalendarMeeting<'_>> = loaded
        .iter()
        .flat_map(|(meetings, topics, versions)| {
            meetings.iter().map(move |m| CalendarMeeting {
                meeting: m,
                version: versions
                    .get(&m.id)
                    .and_then(|v| u32::try_from(*v).ok())
                    .unwrap_or(1),
                topics: topics
                    .iter()
                    .filter(|t| t.meeting_id == Some(m.id))
                    .collect(),
            })
        })
        .collect();
    Ok(unit_calendar(unit_name, plan_url, &entries))
}

/// A new feed token: 32 random bytes as hex, unguessable.
pub fn new_feed_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::TopicKind;
    use chrono::{NaiveDate, NaiveTime};

    fn meeting(id: i64, d: u32, cancelled: bool) -> Meeting {
        Meeting {
            id,
            date: NaiveDate::from_ymd_opt(2026, 3, d).unwrap(),
            start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
            location: "Eken".into(),
            online_link: Some("https://mote.example.se/apt".into()),
            cancelled,
        }
    }

    #[test]
    fn the_calendar_parses_with_one_event_per_meeting_and_stable_uids() {
        let a = meeting(7, 10, false);
        let b = meeting(8, 24, true);
        let topic = PlanTopic {
            id: 1,
            title: "Info om AFA försäkringar".into(),
            month_start: 3,
            month_end: 3,
            kind: TopicKind::Information,
            send_with_notice: false,
            meeting_id: Some(7),
        };
        let text = unit_calendar(
            "Hemtjänst Norr",
            "https://arshjul.example.se/enhet/4",
            &[
                CalendarMeeting {
                    meeting: &a,
                    version: 3,
                    topics: vec![&topic],
                },
                CalendarMeeting {
                    meeting: &b,
                    version: 1,
                    topics: vec![],
                },
            ],
        );
        let parsed: Calendar = text.parse().expect("valid iCalendar");
        let events: Vec<&Event> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].get_uid(), Some("apt-7@arshjul"));
        assert_eq!(events[0].get_sequence(), Some(3));
        assert_eq!(events[1].get_status(), Some(EventStatus::Cancelled));
        assert!(text.contains("DTSTART;TZID=Europe/Stockholm:20260310T130000"));
        assert!(text.contains("BEGIN:VTIMEZONE"));
        // Long lines are folded (RFC 5545 §3.1); unfolded, the topic is in the description.
        assert!(text
            .replace("\r\n ", "")
            .contains("Info om AFA försäkringar"));
    }

    #[test]
    fn feed_tokens_are_long_and_differ() {
        let (a, b) = (new_feed_token(), new_feed_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
