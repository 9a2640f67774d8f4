//! A unit's checklist with its answers as a print document: the template's title and version,
//! the period, whether it is done (and by whom), who took part with the safety representative
//! named as such, then area by area each question with its answer, the analysis, why no action
//! was taken where the answer asked for one, and the actions made from it.

use maud::html;

use app::checklists::ChecklistView;
use app::exports::tables::status_sv;

use super::parts::{document, full_day};

/// The document's title, also its file name's stem.
pub fn title(c: &ChecklistView) -> String {
    format!("{} {} {}", c.title, c.year, c.unit_name)
}

/// The whole document: HTML with its styles inline.
pub fn checklist_html(c: &ChecklistView) -> String {
    let progress = c.progress();
    let took_part = c.took_part();
    let body = html! {
        @if c.done.is_none() {
            p.draft {
                "Pågår – " (progress.answered) " av " (progress.total) " frågor är besvarade."
            }
        }
        p.org { (c.unit_name) }
        h1 { (c.title) " " (c.year) }
        table.facts {
            tr {
                th { "Status:" }
                td {
                    @match &c.done {
                        Some((day, by)) => { "Klar " (full_day(*day)) ", markerad av " (by) "." }
                        None => { "Inte klar." }
                    }
                }
            }
            tr { th { "Deltagare:" } td { (took_part.join(", ")) } }
            @if !c.other_participants.trim().is_empty() {
                tr { th { "Övriga:" } td { (c.other_participants) } }
            }
            tr { th { "Mall:" } td { "Version " (c.template_version) } }
        }
        @for area in &c.areas {
            h2 { (area.title) }
            @for q in &area.questions {
                section.question {
                    h3 { (q.number) ". " (q.text) }
                    p {
                        "Svar: "
                        strong { (q.answer.map(|a| a.label()).unwrap_or("Inte besvarad")) }
                    }
                    @if !q.analysis.trim().is_empty() { p { "Analys: " (q.analysis) } }
                    @if let Some(reason) = &q.no_action_reason {
                        p { "Ingen åtgärd: " (reason) }
                    }
                    @if !q.actions.is_empty() {
                        ul {
                            @for a in &q.actions {
                                li { "Åtgärd: " (a.title) " (" (status_sv(a.status)) ")" }
                            }
                        }
                    }
                }
            }
        }
    };
    document(&title(c), CHECKLIST_CSS, body)
}

const CHECKLIST_CSS: &str = "section.question { break-inside: avoid; margin-bottom: 3mm; }
section.question ul { margin: 0; padding-left: 5mm; }";
