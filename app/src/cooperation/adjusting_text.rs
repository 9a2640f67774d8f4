//! The e-mails of a protocol's justering, in Swedish: the draft sent for comments, the two
//! reminders, and the protocol published once every signer approved it.

use chrono::NaiveDateTime;

use crate::domain::cooperation::adjusting::moment_text;
use crate::domain::swedish_calendar::weekday_and_date;

/// What every message names: the group, the meeting's day, and the protocol's page.
pub struct AdjustSubject<'a> {
    /// The group's name.
    pub group: &'a str,
    /// The meeting's day.
    pub date: chrono::NaiveDate,
    /// The protocol's page, as a full link.
    pub link: &'a str,
}

impl AdjustSubject<'_> {
    fn day(&self) -> String {
        weekday_and_date(self.date)
    }
}

/// The draft sent to the members: read it, and comment before the deadline (the first version),
/// or read the correction and its reason.
pub fn draft_text(
    about: &AdjustSubject<'_>,
    version: u32,
    deadline: Option<NaiveDateTime>,
    reason: &str,
) -> (String, String) {
    let day = about.day();
    let subject = if version == 1 {
        format!("Protokoll för justering: {} {day}", about.group)
    } else {
        format!(
            "Rättelse av protokollet: {} {day} (version {version})",
            about.group
        )
    };
    let ask = match deadline {
        Some(due) => format!(
            "Har du synpunkter skriver du dem i Årshjul senast {}.",
            moment_text(due)
        ),
        None => format!("Protokollet rättas: {reason}"),
    };
    let body = format!(
        "Hej!\n\nProtokollet från {} {day} finns att läsa i Årshjul. {ask}\n\n\
         Därefter justeras protokollet av justerarna och sekreteraren.\n\n\
         Protokollet: {}\n\nÅrshjul",
        about.group, about.link
    );
    (subject, body)
}

/// The reminder to the members the day before the comment deadline.
pub fn comments_reminder_text(about: &AdjustSubject<'_>, due: NaiveDateTime) -> (String, String) {
    let subject = format!(
        "Påminnelse: synpunkter på protokollet senast {}",
        moment_text(due)
    );
    let body = format!(
        "Hej!\n\nSynpunkter på protokollet från {} {} skrivs i Årshjul senast {}.\n\n\
         Protokollet: {}\n\nÅrshjul",
        about.group,
        about.day(),
        moment_text(due),
        about.link
    );
    (subject, body)
}

/// The reminder to a signer who has not approved, from the signing day on.
pub fn approve_reminder_text(about: &AdjustSubject<'_>) -> (String, String) {
    let subject = format!(
        "Påminnelse: justera protokollet från {} {}",
        about.group,
        about.day()
    );
    let body = format!(
        "Hej!\n\nProtokollet från {} {} väntar på din justering. Läs det och justera i \
         Årshjul.\n\nProtokollet: {}\n\nÅrshjul",
        about.group,
        about.day(),
        about.link
    );
    (subject, body)
}

/// The protocol published: every signer approved it and it is locked.
pub fn published_text(about: &AdjustSubject<'_>, version: u32) -> (String, String) {
    let which = if version == 1 {
        String::new()
    } else {
        format!(" (version {version})")
    };
    let subject = format!("Justerat protokoll: {} {}{which}", about.group, about.day());
    let body = format!(
        "Hej!\n\nProtokollet från {} {} är justerat och publicerat{which}.\n\n\
         Protokollet: {}\n\nÅrshjul",
        about.group,
        about.day(),
        about.link
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_draft_names_the_deadline_as_item_3_does() {
        let about = AdjustSubject {
            group: "Förvaltningsgrupp Kultur",
            date: NaiveDate::from_ymd_opt(2026, 5, 27).unwrap(),
            link: "https://arshjul.example/samverkan/1/mote/2/protokoll",
        };
        let due = NaiveDate::from_ymd_opt(2026, 6, 4)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let (subject, body) = draft_text(&about, 1, Some(due), "");
        assert_eq!(
            subject,
            "Protokoll för justering: Förvaltningsgrupp Kultur onsdag 27 maj"
        );
        assert!(body.contains("senast torsdag 4 juni kl. 12"));
        assert!(body.contains(about.link));
        let (subject, body) = draft_text(&about, 2, None, "Fel namn under punkt 4.");
        assert!(subject.ends_with("(version 2)"));
        assert!(body.contains("Protokollet rättas: Fel namn under punkt 4."));
        let (subject, _) = published_text(&about, 1);
        assert_eq!(
            subject,
            "Justerat protokoll: Förvaltningsgrupp Kultur onsdag 27 maj"
        );
        assert!(comments_reminder_text(&about, due)
            .0
            .contains("senast torsdag 4 juni kl. 12"));
        assert!(approve_reminder_text(&about)
            .1
            .contains("väntar på din justering"));
    }
}
