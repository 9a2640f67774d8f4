//! An APT's notice with its agenda as a print document: the unit, "Kallelse till
//! arbetsplatsträff (APT)", when and where each session is, the agenda section by section with
//! each item's time, who leads it, its kind and its text, and what to read before the meeting.
//! It says the same as the notice's e-mail; an editor's copy before the notice has gone out says
//! it is a draft.

use maud::html;

use app::domain::ItemKind;
use app::meetings::AgendaView;

use super::parts::{clock, document, full_day, paragraphs};

/// The kind of an item as the agenda names it.
fn kind_sv(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Information => "Information",
        ItemKind::Dialogue => "Dialog",
        ItemKind::Decision => "Beslut",
        ItemKind::FollowUp => "Uppföljning",
    }
}

/// The document's title, also its file name's stem.
pub fn title(agenda: &AgendaView) -> String {
    format!(
        "Kallelse APT {} {}",
        agenda.unit_name,
        agenda.meeting.first_date().format("%Y-%m-%d")
    )
}

/// The whole document: HTML with its styles inline.
pub fn notice_html(agenda: &AgendaView) -> String {
    let m = &agenda.meeting;
    let sessions = std::iter::once((m.date, m.start, m.end, &m.location, &m.online_link)).chain(
        m.sessions
            .iter()
            .map(|s| (s.date, s.start, s.end, &s.location, &s.online_link)),
    );
    let sent = agenda.notice.as_ref().and_then(|n| n.sent.last());
    let body = html! {
        @if m.cancelled {
            p.draft { "Mötet är inställt." }
        } @else if !agenda.published {
            p.draft { "Utkast – kallelsen är inte skickad." }
        }
        p.org { (agenda.unit_name) }
        h1 { "Kallelse till arbetsplatsträff (APT)" }
        p { "Välkommen till arbetsplatsträff (APT) för " (agenda.unit_name) "." }
        table.facts {
            @for (date, start, end, place, link) in sessions {
                tr { th { "När:" } td { (full_day(date)) " kl. " (clock(start)) "–" (clock(end)) } }
                @if !place.is_empty() { tr { th { "Var:" } td { (place) } } }
                @if let Some(link) = link { tr { th { "Digitalt:" } td { (link) } } }
            }
        }
        h2 { "Dagordning" }
        @if agenda.timing.total > 0 {
            p { "Planerad tid " (agenda.timing.total) " av mötets " (agenda.timing.length) " minuter." }
        }
        @for section in &agenda.sections {
            h3 { (section.title) }
            ol.agenda {
                @for item in &section.items {
                    li {
                        strong { (item.title) }
                        " (" (kind_sv(item.kind))
                        @if item.minutes > 0 { ", " (item.minutes) " min" }
                        @if !item.presenter.is_empty() { ", " (item.presenter) }
                        ")"
                        (paragraphs(&item.description))
                    }
                }
            }
        }
        @if !agenda.material.is_empty() || !agenda.attachments.is_empty() {
            h2 { "Material inför mötet" }
            ul {
                @for link in &agenda.material {
                    li {
                        (link.label)
                        @if let Some(url) = &link.url { ": " (url) }
                    }
                }
                @for file in &agenda.attachments { li { "Bifogad fil: " (file.file_name) } }
            }
        }
        @if let Some(sent) = sent {
            p.stamp {
                @if sent.update { "Uppdaterad kallelse skickad " } @else { "Kallelsen skickades " }
                (full_day(sent.sent_on)) " kl. " (sent.sent_time.replace(':', ".")) " av "
                (sent.sent_by) " till " (sent.recipients) " medlemmar."
            }
        }
    };
    document(&title(agenda), AGENDA_CSS, body)
}

const AGENDA_CSS: &str = "ol.agenda { margin: 0 0 2mm; padding-left: 6mm; }
ol.agenda li { margin-bottom: 2mm; break-inside: avoid; }
ol.agenda p { margin: 0.5mm 0 0; }";
