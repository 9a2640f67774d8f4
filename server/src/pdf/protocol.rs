//! A cooperation meeting's protocol as a print document, in seed 002's layout: the
//! administration, the group and the day; Närvarande (with "(punkt 4–12)"), Förhinder,
//! Adjungerade, Tidpunkt, Plats; the numbered items with lettered sub-items, what was said and
//! decided and what the employer takes with it, each naming its bilagor ("bilaga 2–4"); the
//! list of bilagor; then "Vid protokollet" and "Justerare", and for a
//! locked version who approved it and when. Always Swedish: it is the record. A draft says so at
//! the top.

use maud::{html, Markup};

use app::cooperation::{AttendeeView, CoopProtocolView, FollowUpView, ProtocolText};
use app::domain::cooperation::protocol::{
    adjust_lines, follow_up_sentence, Attendance, ItemPurpose,
};
use app::domain::swedish_calendar::weekday_and_date;

use super::parts::{clock, document, full_day, moment, paragraphs};

/// The document's title, also its file name's stem.
pub fn title(p: &CoopProtocolView) -> String {
    format!("Protokoll {} {}", p.group_name, p.date.format("%Y-%m-%d"))
}

/// The whole document: HTML with its styles inline.
pub fn protocol_html(p: &CoopProtocolView) -> String {
    let present: Vec<&AttendeeView> = p
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Some(Attendance::Present { .. })))
        .collect();
    let absent: Vec<&AttendeeView> = p
        .attendees
        .iter()
        .filter(|a| a.attendance == Some(Attendance::Absent))
        .collect();
    let body = html! {
        @if p.locked.is_none() {
            p.draft { "Utkast – protokollet är inte justerat." }
        }
        p.org { (p.node_name) }
        h1 { (p.group_name) }
        p { (full_day(p.date)) }
        table.facts {
            tr { th { "Närvarande:" } td { (people(&present)) } }
            tr { th { "Förhinder:" } td { (people(&absent)) } }
            tr {
                th { "Adjungerade:" }
                td { ul { @for a in &p.adjuncts { li { (a.name) " " (a.function_title) } } } }
            }
            tr { th { "Tidpunkt:" } td { "Kl. " (clock(p.start)) "-" (clock(p.end)) } }
            tr { th { "Plats:" } td { (p.location) } }
        }
        ol.items {
            @for item in &p.items {
                li {
                    h2 {
                        (item.number) ". " (item.title)
                        @if let Some(r) = p.bilaga_ref(item.id) { " (" (r) ")" }
                    }
                    (special(p, item.purpose))
                    (text_block(&item.text, item.subs.is_empty() && item.purpose.is_none()))
                    @if !item.subs.is_empty() {
                        ol.subs {
                            @for sub in &item.subs {
                                li {
                                    h3 {
                                        (sub.letter) ") "
                                        @if let Some(kind) = sub.kind { (kind.label()) ": " }
                                        (sub.title)
                                        @if let Some(r) = p.bilaga_ref(sub.id) { " (" (r) ")" }
                                    }
                                    (text_block(&sub.text, true))
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !p.bilagor.is_empty() {
            section.bilagor {
                h2 { "Bilagor" }
                ul { @for b in &p.bilagor { li { "Bilaga " (b.number) ": " (b.title) } } }
            }
        }
        (signatures(p))
    };
    document(&title(p), "", body)
}

fn people(list: &[&AttendeeView]) -> Markup {
    html! {
        ul {
            @for a in list {
                li {
                    (a.name)
                    @if let Some(note) = a.attendance.and_then(Attendance::note) { " " (note) }
                    " " (a.function_title)
                }
            }
        }
    }
}

/// What items 1, 3 and 12 show beyond their text.
fn special(p: &CoopProtocolView, purpose: Option<ItemPurpose>) -> Markup {
    match purpose {
        Some(ItemPurpose::Previous) => earlier(&p.earlier_follow_ups),
        Some(ItemPurpose::Adjust) => html! {
            @if let Some(dates) = &p.dates {
                p { "Följande beslutades kring dagens protokoll:" }
                ul { @for line in adjust_lines(dates) { li { (line) } } }
            }
        },
        Some(ItemPurpose::Next) => html! {
            @if let Some(next) = &p.next_meeting {
                p {
                    "Nästa möte: " (weekday_and_date(next.date)) " kl. " (clock(next.start)) "-"
                    (clock(next.end)) ", " (next.location) "."
                }
            }
        },
        None => html! {},
    }
}

fn earlier(list: &[FollowUpView]) -> Markup {
    html! {
        @for f in list {
            p {
                "Från protokollet " (full_day(f.raised_on)) ": frågan om " (f.question)
                @if !f.asked_by.is_empty() { " (" (f.asked_by) ")" }
            }
            p { (f.answer.clone().unwrap_or_else(|| "Frågan är fortfarande öppen.".into())) }
        }
    }
}

fn text_block(text: &ProtocolText, show_empty: bool) -> Markup {
    let nothing = text.minutes.is_empty() && text.decision.is_empty() && text.follow_ups.is_empty();
    html! {
        (paragraphs(&text.minutes))
        @if !text.decision.is_empty() { p.decision { (text.decision) } }
        @for f in &text.follow_ups { p { (follow_up_sentence(&f.asked_by, &f.question)) } }
        @if nothing && show_empty { p { "Inget att notera." } }
    }
}

fn signatures(p: &CoopProtocolView) -> Markup {
    html! {
        section.signatures {
            table {
                tr { th { "Vid protokollet" } td { (p.secretary.clone().unwrap_or_default()) } }
                tr {
                    th { "Justerare" }
                    td { @for (i, name) in p.approvers.iter().enumerate() {
                        @if i > 0 { ", " } (name)
                    } }
                }
            }
            @if let Some(stamp) = &p.locked {
                p.stamp {
                    "Justerat digitalt i Årshjul, version " (stamp.version) ", låst "
                    (moment(stamp.locked_at)) ". Inloggningen är underskriften:"
                }
                ul.stamp {
                    @for s in &stamp.signed { li { (s.name) ", " (moment(s.at)) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use app::cooperation::{LockedStamp, SignedBy};
    use chrono::NaiveDate;

    fn protocol() -> CoopProtocolView {
        super::super::sample_protocol()
    }

    #[test]
    fn a_draft_says_so_and_user_text_is_escaped() {
        let html = protocol_html(&protocol());
        assert!(html.contains("Utkast – protokollet är inte justerat."));
        assert!(html.contains("Stadshuset &lt;sal 1&gt;"));
        assert!(html.contains("onsdag 27 maj 2026"));
        assert!(html.contains("Kl. 10.30-12.00"));
    }

    #[test]
    fn a_locked_protocol_names_its_approvers_and_when() {
        let mut p = protocol();
        let at = NaiveDate::from_ymd_opt(2026, 6, 8)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        p.locked = Some(LockedStamp {
            version: 1,
            locked_at: at,
            signed: vec![SignedBy {
                name: "Hanna Åberg".into(),
                at,
            }],
        });
        let html = protocol_html(&p);
        assert!(!html.contains("Utkast"));
        assert!(html.contains("Justerare"));
        assert!(html.contains("Hanna Åberg, måndag 8 juni 2026 kl. 09.05"));
        assert_eq!(
            title(&p),
            "Protokoll Kulturförvaltningens förvaltningsgrupp 2026-05-27"
        );
    }
}
