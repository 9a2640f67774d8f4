//! What Årshjul knows of a node's year, said in the report with its source, and the answers it
//! suggests from it: the rounds done of those due, the checklists done with a safety
//! representative, and the actions opened, closed, closed with effect and overdue.

use super::rollup::suggest;
use super::sections::{Section, YesNo};

/// The counts the report reads from Årshjul's own records, over the node and everything below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KnownFacts {
    /// Rounds marked done (one per unit and kind of round).
    pub rounds_done: i64,
    /// Rounds due: each unit does each kind of round the organisation keeps once a year.
    pub rounds_due: i64,
    /// Checklists of any kind marked done.
    pub checklists_done: i64,
    /// Of those, the ones a safety representative took part in.
    pub done_with_safety: i64,
    /// Actions opened during the year.
    pub opened: i64,
    /// Actions closed during the year.
    pub closed: i64,
    /// Of those, with their effect checked as reached.
    pub closed_with_effect: i64,
    /// Actions not done and past their end date.
    pub overdue: i64,
    /// Actions opened before the year and still not done.
    pub earlier_open: i64,
}

/// The questions Årshjul suggests an answer to.
pub const SUGGESTED: [&str; 2] = ["rounds_done", "safety_representative"];

/// Whether Årshjul suggests an answer to any question of `section` (so its facts are worth
/// reading before a save).
pub fn suggests_in(section: Section) -> bool {
    super::sections::questions_in(section).any(|q| SUGGESTED.contains(&q.code))
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// What Årshjul suggests for question `code`, with what it rests on ("3 av 4 ronder är klara"),
/// when its records say anything about it.
pub fn suggestion(code: &str, facts: &KnownFacts) -> Option<(YesNo, String)> {
    match code {
        "rounds_done" => suggest(count(facts.rounds_done), count(facts.rounds_due)).map(|a| {
            (
                a,
                format!(
                    "{} av {} arbetsmiljöronder är klara i Årshjul.",
                    facts.rounds_done, facts.rounds_due
                ),
            )
        }),
        "safety_representative" => {
            suggest(count(facts.done_with_safety), count(facts.checklists_done)).map(|a| {
                (
                    a,
                    format!(
                        "Skyddsombud deltog i {} av {} klara checklistor och ronder i Årshjul.",
                        facts.done_with_safety, facts.checklists_done
                    ),
                )
            })
        }
        _ => None,
    }
}

/// The lines a section shows of what Årshjul knows, each naming its source.
pub fn facts_for(section: Section, year: i32, facts: &KnownFacts) -> Vec<String> {
    match section {
        Section::PreviousActions => vec![
            format!(
                "Åtgärder från tidigare år som ännu inte är klara: {} (handlingsplanerna i Årshjul).",
                facts.earlier_open
            ),
            format!(
                "Åtgärder {year}: {} öppnade, {} avslutade, varav {} med bekräftad effekt; {} är \
                 försenade (handlingsplanerna i Årshjul).",
                facts.opened, facts.closed, facts.closed_with_effect, facts.overdue
            ),
        ],
        Section::Rounds => vec![
            format!(
                "Arbetsmiljöronder klara: {} av {} (checklistorna i Årshjul).",
                facts.rounds_done, facts.rounds_due
            ),
            format!(
                "Klara checklistor och ronder där skyddsombud deltog: {} av {} (checklistorna i \
                 Årshjul).",
                facts.done_with_safety, facts.checklists_done
            ),
        ],
        _ => Vec::new(),
    }
}
