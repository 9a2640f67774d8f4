//! The text of a cooperation meeting's notice: when and where, the agenda numbered as the
//! protocol will number it, and the link to the meeting's page. Every text passes
//! `domain::plain_text`, so nothing a member typed can start a header line.

use chrono::{NaiveDate, NaiveTime};

use super::CoopItemView;
use crate::domain::plain_text::one_line;

/// The meeting as the notice needs it.
pub struct NoticeMeeting<'a> {
    /// The group's name.
    pub group: &'a str,
    /// The day.
    pub date: NaiveDate,
    /// When it starts.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
    /// Where.
    pub location: &'a str,
    /// The agenda.
    pub items: &'a [CoopItemView],
    /// The meeting page's address.
    pub link: String,
}

/// The subject and the text.
pub fn notice_text(m: &NoticeMeeting<'_>) -> (String, String) {
    let date = m.date.format("%Y-%m-%d");
    let subject = format!("Kallelse: {} {date}", one_line(m.group));
    let mut body = format!(
        "Kallelse till {}\n\nDatum: {date}\nTid: Kl. {}-{}\nPlats: {}\n\nDagordning\n",
        one_line(m.group),
        m.start.format("%H:%M"),
        m.end.format("%H:%M"),
        one_line(m.location),
    );
    for item in m.items {
        body.push_str(&format!("\n{}. {}\n", item.number, one_line(&item.title)));
        for sub in &item.subs {
            let title = one_line(&sub.title);
            match sub.kind {
                Some(kind) => {
                    body.push_str(&format!("   {}) {}: {title}\n", sub.letter, kind.label()))
                }
                None => body.push_str(&format!("   {}) {title}\n", sub.letter)),
            }
        }
    }
    body.push_str(&format!(
        "\nSkicka in frågor och synpunkter inför mötet, och läs dagordningen:\n{}\n",
        m.link
    ));
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cooperation::CoopSubItemView;
    use crate::domain::cooperation::agenda::CoopItemKind;

    #[test]
    fn the_notice_numbers_the_agenda_as_the_protocol_will() {
        let items = vec![CoopItemView {
            id: 1,
            number: 4,
            title: "Arbetsmiljö och hälsa".into(),
            subs: vec![CoopSubItemView {
                id: 2,
                letter: "a".into(),
                title: "Uppföljning av företagshälsovård\r\nBcc: x@example.se".into(),
                kind: Some(CoopItemKind::Information),
            }],
        }];
        let (subject, body) = notice_text(&NoticeMeeting {
            group: "Kulturförvaltningens förvaltningsgrupp",
            date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            start: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            location: "Askebykroken",
            items: &items,
            link: "https://arshjul.example.se/samverkan/1/mote/2".into(),
        });
        assert_eq!(
            subject,
            "Kallelse: Kulturförvaltningens förvaltningsgrupp 2026-06-01"
        );
        assert!(body.contains("Tid: Kl. 10:30-12:00"));
        assert!(body.contains("\n4. Arbetsmiljö och hälsa\n"));
        assert!(body
            .contains("   a) Information: Uppföljning av företagshälsovård  Bcc: x@example.se\n"));
        assert!(body.ends_with("https://arshjul.example.se/samverkan/1/mote/2\n"));
    }
}
