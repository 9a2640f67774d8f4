//! The action plan (handlingsplan): every action of a unit whatever it came from (an APT, a
//! checklist question, a round, a risk assessment, the employee survey, an incident), followed to
//! closure and to a check of its effect; and the combined plan over any part of the organisation.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod rollup;
mod server;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{ActionSource, ActionStatus, Answer, Effect};

pub use server::*;

/// Where an action comes from, with a link where there is one ("Koppling till").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionOrigin {
    /// An APT: the meeting and its day.
    Meeting {
        /// Meeting id.
        meeting_id: i64,
        /// Its day.
        day: NaiveDate,
    },
    /// A checklist question.
    Checklist {
        /// The unit's checklist.
        checklist_id: i64,
        /// Its name ("Checklista för årlig uppföljning 2026").
        checklist: String,
        /// The question.
        question: String,
    },
    /// Another source, with the note typed.
    Other {
        /// Which.
        source: ActionSource,
        /// The note ("Skyddsrond 12 mars", …).
        note: String,
    },
}

/// An action of the plan with every field of the seed's "Åtgärder från checklistor".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// Action id.
    pub id: i64,
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Where it comes from.
    pub origin: ActionOrigin,
    /// The answer that caused it ("Resultat").
    pub answer: Option<Answer>,
    /// What is to be done ("Åtgärd").
    pub title: String,
    /// Description.
    pub description: String,
    /// Where it stands.
    pub status: ActionStatus,
    /// The responsible person's id.
    pub responsible_id: Option<i64>,
    /// Their name.
    pub responsible: Option<String>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// End date.
    pub end: Option<NaiveDate>,
    /// What was done, follow-up.
    pub comment: String,
    /// The effect check, once closed (or reopened after "nej").
    pub effect: Option<Effect>,
    /// Why.
    pub effect_comment: String,
    /// Times reopened after an effect check said "nej".
    pub reopened: u32,
    /// Days from today to the end date, for open actions with one (negative when overdue).
    pub days_left: Option<i64>,
    /// Raised by every change; an edit made on an older version is refused.
    pub version: i64,
    /// The APTs whose agendas take it up for feedback: (meeting, day).
    pub feedback: Vec<(i64, NaiveDate)>,
}

impl PlanAction {
    /// Open and past its end date.
    pub fn overdue(&self) -> bool {
        self.days_left.is_some_and(|d| d < 0)
    }
}

/// Filters of the combined action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFilter {
    /// A node of the tree: its units' actions (a unit: its own).
    pub node_id: i64,
    /// Only this status.
    pub status: Option<ActionStatus>,
    /// Only this responsible person.
    pub responsible: Option<i64>,
    /// Only actions running in this year (from start, or creation, to end or closing).
    pub year: Option<i32>,
    /// Also the actions written into minutes not yet published: for the unit's editors only,
    /// since everyone else learns of them with the minutes.
    pub with_unpublished: bool,
}

/// The combined action plan over a node, for HR and the cooperation group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRollupView {
    /// The node (or unit).
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The nodes the viewer may pick.
    pub nodes: Vec<crate::domain::NodeChoice>,
    /// The status filter.
    pub status: Option<ActionStatus>,
    /// The responsible filter.
    pub responsible: Option<i64>,
    /// The period filter.
    pub year: Option<i32>,
    /// Everyone responsible for an action below the node, for the picker.
    pub responsibles: Vec<Member>,
    /// There are more responsibles than a picker offers (see `rollup::RESPONSIBLE_CHOICES`):
    /// the page says to choose a smaller part to filter on one.
    #[serde(default)]
    pub too_many_responsibles: bool,
    /// The actions of the page, open first.
    pub actions: Vec<PlanAction>,
    /// Actions that match the filters, on all pages.
    #[serde(default)]
    pub total: u32,
    /// This page, from 1.
    #[serde(default)]
    pub page: u32,
    /// Pages in all.
    #[serde(default)]
    pub pages: u32,
}
