//! Minutes (minnesanteckningar) of an APT: attendance, notes and decisions per agenda item, and
//! actions that go into the unit's action plan. Publishing stores a version every member reads;
//! later changes are published as new versions, so the published text is never lost.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod server;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ActionStatus;
use crate::meetings::AgendaSection;
use crate::plan::Meeting;

pub use server::*;

/// A member of the unit and whether the minutes have them as present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// Person id.
    pub person_id: i64,
    /// Name.
    pub name: String,
    /// Present (true), absent (false), or not yet recorded.
    pub present: Option<bool>,
}

/// An action in the unit's action plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Action id.
    pub id: i64,
    /// The agenda item it came from, if any.
    pub item_id: Option<i64>,
    /// The meeting it came from: (id, day).
    pub meeting: Option<(i64, NaiveDate)>,
    /// What is to be done.
    pub title: String,
    /// Who is responsible.
    pub responsible: Option<String>,
    /// Done by.
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: ActionStatus,
}

/// The minutes as published: a self-contained copy, so later changes never alter what was read.
///
/// Stored as JSON for good (the archive keeps it for years), so it must stay readable as it
/// grows: every part reads a missing field as its default (`#[serde(default)]`), and `format`
/// says which shape wrote it, for the day a change needs more than a default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedMinutes {
    /// The shape of this copy: [`PublishedMinutes::FORMAT`] when written now; copies written
    /// before formats were numbered read as 1.
    #[serde(default = "first_format")]
    pub format: u32,
    /// Who attended.
    pub present: Vec<String>,
    /// Members who did not.
    pub absent: Vec<String>,
    /// The agenda's sections with what was said and decided.
    pub sections: Vec<PublishedSection>,
    /// Actions decided at the meeting.
    pub actions: Vec<PublishedAction>,
}

impl PublishedMinutes {
    /// The format this release writes.
    pub const FORMAT: u32 = 1;
}

impl Default for PublishedMinutes {
    fn default() -> Self {
        PublishedMinutes {
            format: PublishedMinutes::FORMAT,
            present: Vec::new(),
            absent: Vec::new(),
            sections: Vec::new(),
            actions: Vec::new(),
        }
    }
}

fn first_format() -> u32 {
    1
}

fn reached_by_default() -> bool {
    true
}

/// A section of published minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedSection {
    /// Heading.
    pub title: String,
    /// Items in order.
    pub items: Vec<PublishedItem>,
}

/// An item of published minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedItem {
    /// The agenda item's title.
    pub title: String,
    /// What was said.
    pub notes: String,
    /// What was decided.
    pub decision: String,
    /// False when the meeting did not reach it (an item of a copy that does not say was reached).
    #[serde(default = "reached_by_default")]
    pub reached: bool,
}

/// An action as published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishedAction {
    /// What is to be done.
    pub title: String,
    /// The item it belongs to.
    pub item: Option<String>,
    /// Who is responsible.
    pub responsible: Option<String>,
    /// Done by.
    pub due: Option<NaiveDate>,
}

/// One published version: who and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesVersion {
    /// 1, 2, …
    pub version: u32,
    /// The day.
    pub published_on: NaiveDate,
    /// The time, "HH:MM".
    pub published_time: String,
    /// By whom.
    pub published_by: String,
}

/// Everything the minutes page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesView {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The plan's year.
    pub year: i32,
    /// The meeting.
    pub meeting: Meeting,
    /// Whether the viewer keeps the minutes.
    pub can_edit: bool,
    /// The published versions, first first.
    pub versions: Vec<MinutesVersion>,
    /// The version shown (the latest unless another was asked for), with its text.
    pub shown: Option<(u32, PublishedMinutes)>,
    /// The draft: the agenda with its notes (editors only).
    pub draft: Vec<AgendaSection>,
    /// The unit's members with their attendance (editors only).
    pub attendees: Vec<Attendee>,
    /// Actions written down at the meeting (editors only).
    pub actions: Vec<Action>,
    /// True when the draft differs from the latest published version (editors only).
    pub unpublished_changes: bool,
}

/// The minutes as they would be published now: the draft's sections and notes, who attended
/// (members not marked present count as absent), and the actions with their items' titles.
pub fn snapshot(
    draft: &[AgendaSection],
    attendees: &[Attendee],
    actions: &[Action],
) -> PublishedMinutes {
    let item_title = |id: Option<i64>| {
        id.and_then(|id| {
            draft
                .iter()
                .flat_map(|s| s.items.iter())
                .find(|i| i.id == id)
                .map(|i| i.title.clone())
        })
    };
    PublishedMinutes {
        format: PublishedMinutes::FORMAT,
        present: attendees
            .iter()
            .filter(|a| a.present == Some(true))
            .map(|a| a.name.clone())
            .collect(),
        absent: attendees
            .iter()
            .filter(|a| a.present != Some(true))
            .map(|a| a.name.clone())
            .collect(),
        sections: draft
            .iter()
            .map(|s| PublishedSection {
                title: s.title.clone(),
                items: s
                    .items
                    .iter()
                    .map(|i| PublishedItem {
                        title: i.title.clone(),
                        notes: i.notes.clone(),
                        decision: i.decision.clone(),
                        reached: i.reached,
                    })
                    .collect(),
            })
            .collect(),
        actions: actions
            .iter()
            .map(|a| PublishedAction {
                title: a.title.clone(),
                item: item_title(a.item_id),
                responsible: a.responsible.clone(),
                due: a.due,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_written_before_formats_were_numbered_still_reads() {
        let old = r#"{"present":["Anna"],"absent":[],
            "sections":[{"title":"Stående punkter","items":[{"title":"Arbetsmiljö",
            "notes":"Larmen.","decision":""}]}],"actions":[]}"#;
        let minutes: PublishedMinutes = serde_json::from_str(old).expect("old copy reads");
        assert_eq!(minutes.format, 1);
        assert_eq!(minutes.present, vec!["Anna".to_string()]);
        let item = &minutes.sections[0].items[0];
        assert!(item.reached, "an item that does not say was reached");
        assert_eq!(item.notes, "Larmen.");
    }

    #[test]
    fn a_copy_keeps_its_format_and_reads_fields_it_does_not_know_past() {
        let minutes = PublishedMinutes::default();
        let text = serde_json::to_string(&minutes).expect("writes");
        assert!(text.contains(r#""format":1"#));
        let newer = text.replace(r#""format":1"#, r#""format":2,"signed_by":"Ingrid""#);
        let read: PublishedMinutes = serde_json::from_str(&newer).expect("newer copy reads");
        assert_eq!(read.format, 2);
    }
}
