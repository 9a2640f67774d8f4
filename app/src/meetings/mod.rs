//! Running the APTs: each meeting's agenda (sections and items composed from the plan), the
//! proposals employees make for coming meetings, and the unit's backlog of items not yet placed.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod server;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{AgendaTiming, ItemKind};
use crate::plan::{Meeting, TopicLink};

pub use server::*;

/// Where an agenda item came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemSource {
    /// A recurring point of every APT.
    Recurring,
    /// A wheel topic planned for the meeting.
    Topic,
    /// An accepted proposal.
    Proposal,
    /// Added by the chef.
    Chef,
    /// Carried over from an earlier APT that did not reach it.
    Carried,
}

impl ItemSource {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ItemSource::Recurring => "recurring",
            ItemSource::Topic => "topic",
            ItemSource::Proposal => "proposal",
            ItemSource::Chef => "chef",
            ItemSource::Carried => "carried",
        }
    }

    /// Parses a stored code (unknown codes read as the chef's own).
    pub fn from_code(code: &str) -> ItemSource {
        match code {
            "recurring" => ItemSource::Recurring,
            "topic" => ItemSource::Topic,
            "proposal" => ItemSource::Proposal,
            "carried" => ItemSource::Carried,
            _ => ItemSource::Chef,
        }
    }
}

/// One item of an agenda (or of the backlog).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Item id.
    pub id: i64,
    /// The section it sits in (none in the backlog).
    pub section_id: Option<i64>,
    /// Title on the agenda.
    pub title: String,
    /// Text under the title.
    pub description: String,
    /// Who leads it.
    pub presenter: String,
    /// Planned minutes.
    pub minutes: u32,
    /// Information, dialogue, decision or follow-up.
    pub kind: ItemKind,
    /// Where it came from.
    pub source: ItemSource,
    /// The wheel topic it brings, if any.
    pub topic_id: Option<i64>,
    /// The recurring point it stands for, if any.
    pub point_id: Option<i64>,
    /// The action it brings back for feedback (återkoppling), if any.
    pub action_id: Option<i64>,
    /// Whether the meeting reached it (from the minutes).
    pub reached: bool,
    /// What the minutes say of it (editors only until published).
    pub notes: String,
    /// What was decided (editors only until published).
    pub decision: String,
}

/// A section of an agenda with its items in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaSection {
    /// Section id.
    pub id: i64,
    /// Heading on the agenda.
    pub title: String,
    /// The items in order.
    pub items: Vec<AgendaItem>,
}

/// What a wheel topic brings the chef: guidance, the OSA tip and its material. Shown only to
/// those who edit the agenda, never in the agenda's text unless the chef copies it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicHelp {
    /// The topic.
    pub topic_id: i64,
    /// Contact function.
    pub contact: String,
    /// Guidance for the chef.
    pub guidance: String,
    /// A tip for the workload check.
    pub osa_tip: Option<String>,
    /// Whether its material should go with the notice.
    pub send_with_notice: bool,
    /// Links to material.
    pub links: Vec<TopicLink>,
}

/// A later APT of the plan, for choosing where something goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChoice {
    /// Meeting id.
    pub id: i64,
    /// Its (first) day.
    pub date: NaiveDate,
}

/// Everything the agenda page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaView {
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// The plan's year.
    pub year: i32,
    /// The meeting, with its sessions.
    pub meeting: Meeting,
    /// Rises with every change of the agenda; an item edit is made on it.
    pub agenda_version: i64,
    /// The sections in order.
    pub sections: Vec<AgendaSection>,
    /// Planned minutes against the meeting's length.
    pub timing: AgendaTiming,
    /// Whether the viewer may change the agenda.
    pub can_edit: bool,
    /// Recurring points and planned topics not yet on the agenda (editors only).
    pub missing_from_plan: u32,
    /// Guidance of the topics on the agenda (editors only).
    pub topic_help: Vec<TopicHelp>,
    /// What to read before the meeting, for everyone: the links of the topics the template sends
    /// with the notice.
    pub material: Vec<TopicLink>,
    /// Files the chef attached to the agenda (members see them once the notice has gone out).
    pub attachments: Vec<Attachment>,
    /// Proposals waiting for a decision (editors only).
    pub waiting_proposals: u32,
    /// Items of this meeting the minutes mark as not reached.
    pub not_reached: u32,
    /// The next APT of the plan after this one, where items not reached can go.
    pub next_meeting: Option<MeetingChoice>,
    /// True once the notice has gone out: members see the agenda from then on.
    pub published: bool,
    /// Where the notice stands (editors only).
    pub notice: Option<crate::notices::NoticeState>,
}

impl AgendaView {
    /// Every item, section by section.
    pub fn items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The agenda as a member may read it: nothing before the notice has gone out, and never the
    /// notes and decisions (the minutes' draft, which members read once published). Editors keep
    /// everything.
    pub fn for_reader(mut self) -> Self {
        if self.can_edit {
            return self;
        }
        if !self.published {
            self.sections.clear();
            self.attachments.clear();
        }
        for item in self.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
            item.notes.clear();
            item.decision.clear();
        }
        self
    }
}

/// A file attached to an agenda, without its bytes (served by `/bilagor/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Id.
    pub id: i64,
    /// Name to show.
    pub file_name: String,
    /// Media type.
    pub content_type: String,
    /// Size.
    pub size_bytes: u64,
}

impl Attachment {
    /// Where it is downloaded (for anyone who may read the agenda, checked on every request).
    pub fn href(&self) -> String {
        format!("/bilagor/{}", self.id)
    }
}

/// Where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposalStatus {
    /// Waiting for the chef.
    New,
    /// On an agenda.
    Accepted,
    /// In the backlog, for a later APT.
    Deferred,
    /// Not taken up; the reason says why.
    Declined,
}

impl ProposalStatus {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::New => "new",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Deferred => "deferred",
            ProposalStatus::Declined => "declined",
        }
    }

    /// Parses a stored code (unknown codes read as new).
    pub fn from_code(code: &str) -> ProposalStatus {
        match code {
            "accepted" => ProposalStatus::Accepted,
            "deferred" => ProposalStatus::Deferred,
            "declined" => ProposalStatus::Declined,
            _ => ProposalStatus::New,
        }
    }
}

/// An item someone proposed for a coming APT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Proposal id.
    pub id: i64,
    /// Who proposed it.
    pub proposer: String,
    /// The APT asked for, if one was chosen.
    pub wanted: Option<MeetingChoice>,
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Where it stands.
    pub status: ProposalStatus,
    /// Why it was declined.
    pub reason: Option<String>,
    /// The APT it was put on, once accepted.
    pub placed_in: Option<MeetingChoice>,
    /// When it was made.
    pub created: NaiveDate,
}

/// The unit's proposals page: one's own proposals, and for the chef the waiting ones and the backlog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalsView {
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// Whether the viewer decides on proposals.
    pub can_edit: bool,
    /// The viewer's own proposals, newest first.
    pub mine: Vec<Proposal>,
    /// Proposals waiting for a decision, oldest first (editors only).
    pub waiting: Vec<Proposal>,
    /// The backlog: items for a later APT (editors only).
    pub backlog: Vec<AgendaItem>,
    /// Coming APTs of the unit (today or later, not cancelled).
    pub upcoming: Vec<MeetingChoice>,
}
