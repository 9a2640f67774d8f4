//! An APT's published minutes as a print document: the unit and the day, the version and who
//! published it, who attended and who did not, each item's notes and decision (or that the
//! meeting did not reach it), and the actions decided. It prints exactly the published copy
//! members read, never the draft.

use maud::html;

use app::minutes::{MinutesVersion, PublishedMinutes};
use app::plan::Meeting;

use super::parts::{document, full_day, paragraphs};

/// One published version of one meeting's minutes, as the PDF prints it.
pub struct MinutesCopy<'a> {
    /// The unit's name.
    pub unit_name: &'a str,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Which version, when and by whom.
    pub version: &'a MinutesVersion,
    /// The newest version, to say when a later one exists.
    pub latest: u32,
    /// The text.
    pub minutes: &'a PublishedMinutes,
}

/// The document's title, also its file name's stem.
pub fn title(copy: &MinutesCopy<'_>) -> String {
    format!(
        "Minnesanteckningar APT {} {}",
        copy.unit_name,
        copy.meeting.first_date().format("%Y-%m-%d")
    )
}

/// The whole document: HTML with its styles inline.
pub fn minutes_html(copy: &MinutesCopy<'_>) -> String {
    let m = copy.minutes;
    let v = copy.version;
    let body = html! {
        @if v.version < copy.latest {
            p.draft { "Det finns en senare version (" (copy.latest) ") av minnesanteckningarna." }
        }
        p.org { (copy.unit_name) }
        h1 { "Minnesanteckningar från arbetsplatsträff (APT)" }
        p { (full_day(copy.meeting.first_date())) }
        p.stamp {
            "Version " (v.version) ", publicerad " (full_day(v.published_on)) " kl. "
            (v.published_time.replace(':', ".")) " av " (v.published_by) "."
        }
        table.facts {
            tr { th { "Närvarande:" } td { (m.present.join(", ")) } }
            tr { th { "Frånvarande:" } td { (m.absent.join(", ")) } }
        }
        @for section in &m.sections {
            h2 { (section.title) }
            @for item in &section.items {
                h3 { (item.title) }
                @if !item.reached {
                    p { em { "Punkten hanns inte med." } }
                }
                (paragraphs(&item.notes))
                @if !item.decision.is_empty() { p.decision { "Beslut: " (item.decision) } }
            }
        }
        h2 { "Åtgärder" }
        @if m.actions.is_empty() {
            p { "Inga åtgärder beslutades." }
        } @else {
            table.data {
                thead { tr { th { "Åtgärd" } th { "Punkt" } th { "Ansvarig" } th { "Klart senast" } } }
                tbody {
                    @for a in &m.actions {
                        tr {
                            td { (a.title) }
                            td { (a.item.clone().unwrap_or_default()) }
                            td { (a.responsible.clone().unwrap_or_default()) }
                            td { (a.due.map(|d| d.to_string()).unwrap_or_default()) }
                        }
                    }
                }
            }
        }
    };
    document(&title(copy), "", body)
}
