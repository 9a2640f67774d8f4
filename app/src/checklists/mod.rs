//! Follow-up checklists (the annual SAM follow-up, Aktiva åtgärder, work environment rounds):
//! HR's templates per organisation and year, a unit's checklist for a year filled in by the chef
//! with the safety representative, and the roll-up over any part of the organisation.

#[cfg(feature = "ssr")]
pub(crate) mod access;
mod analysis_server;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod page_data;
#[cfg(feature = "ssr")]
pub mod rollup;
#[cfg(feature = "ssr")]
pub mod rollup_parts;
#[cfg(feature = "ssr")]
mod rollup_shared;
#[cfg(feature = "ssr")]
pub mod seed;
mod server;
mod template_server;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{ActionStatus, Answer, AnswerScale, ChecklistKind, Progress};

pub use analysis_server::*;
pub use server::*;
pub use template_server::*;

/// A checklist kind as a unit sees it for a year: opened (with its progress) or not yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistSummary {
    /// The unit's checklist, once opened.
    pub id: Option<i64>,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// The template's title.
    pub title: String,
    /// Answered of total (total of the current template when not opened).
    pub progress: Progress,
    /// The day it was marked done.
    pub done_on: Option<NaiveDate>,
}

/// The unit's checklists page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChecklistsView {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The year shown.
    pub year: i32,
    /// The viewer may open a checklist (the chef).
    pub can_open: bool,
    /// One line per kind.
    pub checklists: Vec<ChecklistSummary>,
}

/// A member of the unit (or a safety representative above it) who may take part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Person id.
    pub person_id: i64,
    /// Name.
    pub name: String,
    /// A safety representative for the unit.
    pub safety_representative: bool,
    /// Recorded as taking part.
    pub took_part: bool,
}

/// An action linked to a question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedAction {
    /// Action id.
    pub id: i64,
    /// What is to be done.
    pub title: String,
    /// Where it stands.
    pub status: ActionStatus,
}

/// A question with the unit's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    /// Question id.
    pub id: i64,
    /// 1, 2, … through the checklist.
    pub number: u32,
    /// The question as the template writes it.
    pub text: String,
    /// Help for whoever answers.
    pub help: String,
    /// Its answer scale.
    pub scale: AnswerScale,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// The analysis text.
    pub analysis: String,
    /// Why no action is taken although the answer asks for one.
    pub no_action_reason: Option<String>,
    /// Actions made from this question.
    pub actions: Vec<LinkedAction>,
}

impl QuestionView {
    /// The answer asks for an action that is neither made nor declined.
    pub fn action_missing(&self) -> bool {
        self.answer.is_some_and(Answer::needs_action)
            && self.actions.is_empty()
            && self.no_action_reason.is_none()
    }
}

/// An area ("Område") with its questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaView {
    /// The area's title.
    pub title: String,
    /// Questions in order.
    pub questions: Vec<QuestionView>,
}

/// Everything the checklist page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistView {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The unit's checklist.
    pub id: i64,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// The template's title.
    pub title: String,
    /// The template's version.
    pub template_version: u32,
    /// The period.
    pub year: i32,
    /// The viewer may answer (the chef, or the unit's safety representative).
    pub can_fill: bool,
    /// The viewer may record participants and mark it done (the chef).
    pub can_finish: bool,
    /// Marked done: the day and by whom.
    pub done: Option<(NaiveDate, String)>,
    /// Who may take part, and who did.
    pub participants: Vec<Participant>,
    /// Who may be made responsible for an action from a question: the participants, and the
    /// node's own people, the managers below it and the HR serving it.
    pub responsibles: Vec<(i64, String)>,
    /// Others who took part (e.g. the chief safety representative), as typed.
    pub other_participants: String,
    /// Areas in order.
    pub areas: Vec<AreaView>,
}

impl ChecklistView {
    /// Answered of total.
    pub fn progress(&self) -> Progress {
        let questions = self.areas.iter().flat_map(|a| &a.questions);
        Progress {
            answered: questions.clone().filter(|q| q.answer.is_some()).count() as u32,
            total: questions.count() as u32,
        }
    }

    /// Who took part as the printed and archived copies name them, the safety representative
    /// as such: "Sofia Bergström (skyddsombud)".
    pub fn took_part(&self) -> Vec<String> {
        self.participants
            .iter()
            .filter(|p| p.took_part)
            .map(|p| {
                if p.safety_representative {
                    format!("{} (skyddsombud)", p.name)
                } else {
                    p.name.clone()
                }
            })
            .collect()
    }

    /// The safety representative is among those recorded as taking part.
    pub fn safety_representative_took_part(&self) -> bool {
        self.participants
            .iter()
            .any(|p| p.safety_representative && p.took_part)
    }
}

/// How many units gave an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerCount {
    /// The answer.
    pub answer: Answer,
    /// Units.
    pub count: u32,
}

/// One unit's answer to a question, with its name (the seed's "Analys – årlig uppföljning").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitAnswer {
    /// The unit's name.
    pub unit_name: String,
    /// The answer.
    pub answer: Answer,
    /// The analysis.
    pub analysis: String,
}

/// A question with every unit's answer below the node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolledQuestion {
    /// 1, 2, …
    pub number: u32,
    /// Its area.
    pub area: String,
    /// The question.
    pub text: String,
    /// The distribution, in the scale's order (answers given only).
    pub counts: Vec<AnswerCount>,
    /// Every unit's answer, by unit name (none when the roll-up lists the node's parts).
    pub answers: Vec<UnitAnswer>,
    /// The distribution within each of the node's parts, when the roll-up lists them instead
    /// of every unit.
    #[serde(default)]
    pub by_part: Vec<PartCounts>,
}

/// A question's answers counted within one part of the node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartCounts {
    /// The part's name.
    pub name: String,
    /// The distribution, in the scale's order (answers given only).
    pub counts: Vec<AnswerCount>,
}

/// One part of a node in a roll-up too big to list every unit: a child of the node with its
/// units' checklists counted, or the node's own checklist ("Eget").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRow {
    /// The node the part's link opens the roll-up at (the node itself for its own checklist).
    pub node_id: i64,
    /// Its name.
    pub name: String,
    /// Units in it.
    pub units: u32,
    /// Of those, marked done.
    pub done: u32,
    /// Opened, not done.
    pub in_progress: u32,
}

/// Where a unit's checklist stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitState {
    /// Not opened.
    NotStarted,
    /// Opened, not done.
    InProgress {
        /// Answered.
        answered: u32,
        /// In all.
        total: u32,
    },
    /// Marked done that day.
    Done(NaiveDate),
}

/// A unit below the node and its checklist's standing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub name: String,
    /// Its checklist.
    pub checklist_id: Option<i64>,
    /// Where it stands.
    pub state: UnitState,
}

/// The roll-up page: one checklist kind and year over a node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollupView {
    /// The node.
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The period.
    pub year: i32,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// The template's title.
    pub title: String,
    /// The nodes the viewer may pick.
    pub nodes: Vec<crate::domain::NodeChoice>,
    /// Questions with every unit's answers.
    pub questions: Vec<RolledQuestion>,
    /// Every unit below the node, not finished first (none when the parts are listed).
    pub units: Vec<UnitRow>,
    /// The node's parts, each with its units counted, instead of every unit and answer: a
    /// roll-up over more units than a page lists (see `rollup::PAGE_DETAIL_LIMIT`).
    #[serde(default)]
    pub parts: Vec<PartRow>,
    /// The node's own analysis for the report, under the seed's three headings.
    pub analysis: NodeAnalysis,
}

/// A node's own analysis of the rolled-up checklist, for the work environment report (seed
/// 002: "Analys till rapport"), under [`crate::domain::ANALYSIS_HEADINGS`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeAnalysis {
    /// Förbättringsområden – analys av utfall.
    pub improvements: String,
    /// Framgångsfaktorer – analys av utfall.
    pub success_factors: String,
    /// Föregående års aktiviteter från årlig uppföljning – analys av utfall.
    pub previous_year: String,
    /// Who saved it last and on which day, once it is written.
    pub updated: Option<(String, chrono::NaiveDate)>,
    /// Whether the viewer may write it: whoever may answer the node's own checklist (its chef,
    /// HR, the safety representative who takes part).
    pub can_write: bool,
}
