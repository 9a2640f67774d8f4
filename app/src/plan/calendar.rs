//! The plan as iCalendar (RFC 5545), so the year's APTs land in Outlook and other calendars: a
//! download per year and a subscribable feed per unit behind an unguessable token.
//! UIDs are stable per meeting, SEQUENCE rises with each change, times are Europe/Stockholm.

use crate::domain::plain_text::{lines, one_line};
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

/// One meeting with what its calendar entries show.
pub struct CalendarMeeting<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Its version (the first session's SEQUENCE).
    pub version: u32,
    /// The version of each further session, in the order of `meeting.sessions`.
    pub session_versions: Vec<u32>,
    /// The topics planned for it.
    pub topics: Vec<&'a PlanTopic>,
}

/// A local Stockholm time, as every entry writes it.
pub fn local(date: chrono::NaiveDate, time: chrono::NaiveTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: date.and_time(time),
        tzid: "Europe/Stockholm".to_string(),
    }
}

/// When and where one session of a meeting is held, with its calendar identity.
struct SessionEntry<'a> {
    uid: String,
    sequence: u32,
    date: chrono::NaiveDate,
    start: chrono::NaiveTime,
    end: chrono::NaiveTime,
    location: &'a str,
    online_link: Option<&'a str>,
}

/// Every session of a meeting: the first (the meeting's own fields) and the further ones.
fn sessions_of<'a>(entry: &'a CalendarMeeting<'a>) -> Vec<SessionEntry<'a>> {
    let m = entry.meeting;
    let first = SessionEntry {
        uid: format!("apt-{}@arshjul", m.id),
        sequence: entry.version,
        date: m.date,
        start: m.start,
        end: m.end,
        location: &m.location,
        online_link: m.online_link.as_deref(),
    };
    let further = m.sessions.iter().enumerate().map(|(i, s)| SessionEntry {
        uid: format!("apt-{}-tillfalle-{}@arshjul", m.id, s.id),
        sequence: entry.session_versions.get(i).copied().unwrap_or(1),
        date: s.date,
        start: s.start,
        end: s.end,
        location: &s.location,
        online_link: s.online_link.as_deref(),
    });
    std::iter::once(first).chain(further).collect()
}

/// The calendar of a unit's meetings, one event per session. `plan_url` is where each entry
/// links to.
pub fn unit_calendar(unit_name: &str, plan_url: &str, meetings: &[CalendarMeeting<'_>]) -> String {
    calendar_of(
        &format!("APT {unit_name}"),
        apt_events(unit_name, plan_url, meetings),
    )
}

/// The events of a unit's meetings, one per session.
fn apt_events(unit_name: &str, plan_url: &str, meetings: &[CalendarMeeting<'_>]) -> Vec<Event> {
    let mut events = Vec::new();
    for entry in meetings {
        let m = entry.meeting;
        let sessions = sessions_of(entry);
        let count = sessions.len();
        for (n, session) in sessions.into_iter().enumerate() {
            let mut description = String::from("Arbetsplatsträff (APT).");
            if count > 1 {
                description.push_str(&format!(
                    " Tillfälle {} av {count}, med samma innehåll.",
                    n + 1
                ));
            }
            if !entry.topics.is_empty() {
                description.push_str("\n\nÄmnen ur årshjulet:");
                for t in &entry.topics {
                    description.push_str("\n- ");
                    description.push_str(&one_line(&t.title));
                }
            }
            if let Some(link) = session.online_link {
                description.push_str("\n\nDigitalt möte: ");
                description.push_str(&one_line(link));
            }
            description.push_str("\n\nPlanen: ");
            description.push_str(plan_url);
            let location = match (session.online_link, session.location.is_empty()) {
                (Some(link), true) => link,
                _ => session.location,
            };
            let summary = if count > 1 {
                format!("APT {unit_name} (tillfälle {} av {count})", n + 1)
            } else {
                format!("APT {unit_name}")
            };
            let mut event = Event::new();
            event
                .uid(&session.uid)
                .summary(&one_line(&summary))
                .description(&lines(&description))
                .location(&one_line(location))
                .url(&one_line(plan_url))
                .sequence(session.sequence)
                .starts(local(session.date, session.start))
                .ends(local(session.date, session.end))
                .status(if m.cancelled {
                    EventStatus::Cancelled
                } else {
                    EventStatus::Confirmed
                });
            events.push(event.done());
        }
    }
    events
}

/// A calendar named `name` of `events`, with Europe/Stockholm defined in it.
pub fn calendar_of(name: &str, events: Vec<Event>) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&one_line(name));
    calendar.timezone("Europe/Stockholm");
    for event in events {
        calendar.push(event);
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

/// Loads and writes the calendar of a unit's plans for `years` (two queries per plan), with the
/// meetings of the cooperation groups of that node (one query): the node's whole year.
pub async fn calendar_for_unit(
    db: &crate::db::Db,
    unit_id: i64,
    unit_name: &str,
    years: std::ops::RangeInclusive<i32>,
    origin: &str,
    plan_url: &str,
) -> sqlx::Result<String> {
    use super::db;
    let mut loaded = Vec::new();
    for year in years.clone() {
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
            meetings.iter().map(move |m| {
                let planned = topics
                    .iter()
                    .filter(|t| t.meeting_id == Some(m.id))
                    .collect();
                entry(m, versions, planned)
            })
        })
        .collect();
    let mut events = apt_events(unit_name, plan_url, &entries);
    let groups = crate::cooperation::db::node_meetings(db, unit_id, years).await?;
    events.extend(crate::cooperation::calendar::group_events(&groups, origin));
    Ok(calendar_of(&format!("APT {unit_name}"), events))
}

/// A meeting's calendar entry: its sessions with the SEQUENCE each has reached, so every
/// calendar file (the feed, a download, a notice's invitation) names the same entries.
pub fn entry<'a>(
    meeting: &'a Meeting,
    versions: &super::db::EntryVersions,
    topics: Vec<&'a PlanTopic>,
) -> CalendarMeeting<'a> {
    CalendarMeeting {
        meeting,
        version: sequence(versions.meetings.get(&meeting.id)),
        session_versions: meeting
            .sessions
            .iter()
            .map(|s| sequence(versions.sessions.get(&s.id)))
            .collect(),
        topics,
    }
}

fn sequence(version: Option<&i64>) -> u32 {
    version.and_then(|v| u32::try_from(*v).ok()).unwrap_or(1)
}

/// A new feed token: 32 random bytes as hex, unguessable.
pub fn new_feed_token() -> String {
    crate::tokens::random_token()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::TopicKind;
    use chrono::{NaiveDate, NaiveTime};

    /// A March topic placed in meeting 7.
    fn topic(title: &str) -> PlanTopic {
        PlanTopic {
            id: 1,
            title: title.into(),
            month_start: 3,
            month_end: 3,
            kind: TopicKind::Information,
            send_with_notice: false,
            meeting_id: Some(7),
            required_by: None,
        }
    }

    fn meeting(id: i64, d: u32, cancelled: bool) -> Meeting {
        Meeting {
            id,
            date: NaiveDate::from_ymd_opt(2026, 3, d).unwrap(),
            start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
            location: "Eken".into(),
            online_link: Some("https://mote.example.se/apt".into()),
            cancelled,
            sessions: Vec::new(),
        }
    }

    #[test]
    fn the_calendar_parses_with_one_event_per_meeting_and_stable_uids() {
        let a = meeting(7, 10, false);
        let b = meeting(8, 24, true);
        let topic = topic("Info om AFA försäkringar");
        let text = unit_calendar(
            "Hemtjänst Norr",
            "https://arshjul.example.se/enhet/4",
            &[
                CalendarMeeting {
                    meeting: &a,
                    version: 3,
                    session_versions: vec![],
                    topics: vec![&topic],
                },
                CalendarMeeting {
                    meeting: &b,
                    version: 1,
                    session_versions: vec![],
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
    fn a_carriage_return_in_a_place_or_title_starts_no_property() {
        let mut a = meeting(7, 10, false);
        a.location = "Eken\rATTENDEE:mailto:x@evil.example".into();
        a.online_link = None;
        let topic = topic("Brand\r\nORGANIZER:mailto:y@evil.example");
        let text = unit_calendar(
            "Hemtjänst\rNorr",
            "https://arshjul.example.se/enhet/4",
            &[CalendarMeeting {
                meeting: &a,
                version: 1,
                session_versions: vec![],
                topics: vec![&topic],
            }],
        );
        // Every line ends with CRLF and nothing else breaks one.
        let bare_cr = text.replace("\r\n", "").contains('\r');
        assert!(!bare_cr, "no bare carriage return");
        let unfolded = text.replace("\r\n ", "");
        assert!(!unfolded
            .lines()
            .any(|l| l.starts_with("ATTENDEE") || l.starts_with("ORGANIZER")));
        assert!(unfolded.contains("LOCATION:Eken ATTENDEE:mailto:x@evil.example"));
        let parsed: Calendar = text.parse().expect("valid iCalendar");
        assert_eq!(
            parsed
                .components
                .iter()
                .filter_map(|c| c.as_event())
                .count(),
            1
        );
    }

    #[test]
    fn each_session_is_its_own_event_with_its_own_time_and_place() {
        let mut a = meeting(7, 10, false);
        a.sessions.push(crate::plan::MeetingSession {
            id: 31,
            date: NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            start: NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            location: "Personalrummet".into(),
            online_link: None,
        });
        let text = unit_calendar(
            "Hemtjänst Norr",
            "https://arshjul.example.se/enhet/4",
            &[CalendarMeeting {
                meeting: &a,
                version: 2,
                session_versions: vec![5],
                topics: vec![],
            }],
        );
        let parsed: Calendar = text.parse().expect("valid iCalendar");
        let events: Vec<&Event> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].get_uid(), Some("apt-7-tillfalle-31@arshjul"));
        assert_eq!(events[1].get_sequence(), Some(5));
        assert_eq!(events[1].get_location(), Some("Personalrummet"));
        assert_eq!(
            events[0].get_summary(),
            Some("APT Hemtjänst Norr (tillfälle 1 av 2)")
        );
        assert!(text.contains("DTSTART;TZID=Europe/Stockholm:20260312T073000"));
    }

    #[test]
    fn feed_tokens_are_long_and_differ() {
        let (a, b) = (new_feed_token(), new_feed_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
