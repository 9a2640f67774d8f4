//! Cooperation groups (samverkansgrupp, förvaltningsgrupp, skyddskommitté): where an
//! administration accounts for its work environment and its business to the unions (seed 002).
//! A group belongs to a node of the tree; HR at or above the node, or the node's own chef, keeps
//! its members on both sides, its standing agenda and its meeting plan. Members read their own
//! groups and nothing else of them.

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod adjusting_read;
#[cfg(feature = "ssr")]
pub mod adjusting_reminders;
mod adjusting_server;
#[cfg(feature = "ssr")]
pub mod adjusting_text;
mod adjusting_types;
#[cfg(feature = "ssr")]
pub mod archive;
mod bilagor_server;
#[cfg(feature = "ssr")]
pub mod calendar;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
mod demo_protocol;
mod meeting_server;
#[cfg(feature = "ssr")]
mod notice_text;
#[cfg(feature = "ssr")]
mod protocol_read;
mod protocol_server;
mod protocol_types;
mod server;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::cooperation::agenda::{CoopItemKind, SubmissionKind};
use crate::domain::cooperation::{GroupRole, GroupYearStatus, Side};
use crate::domain::NodeChoice;

pub use adjusting_server::*;
pub use adjusting_types::*;
pub use bilagor_server::*;
pub use meeting_server::*;
pub use protocol_server::*;
pub use protocol_types::*;
pub use server::*;

/// The groups page: the groups the person sits in or keeps, and where they may make one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsView {
    /// The groups, by node and name.
    pub groups: Vec<GroupSummary>,
    /// The nodes where the person may make a group (none for a member who keeps nothing).
    pub nodes: Vec<NodeChoice>,
}

/// A group in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// The group.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its node's name.
    pub node_name: String,
    /// Whether it is also the skyddskommitté.
    pub safety_committee: bool,
    /// The person's role, when they sit in it.
    pub my_role: Option<GroupRole>,
    /// Its next meeting.
    pub next_meeting: Option<NaiveDate>,
}

/// A group's page: its settings, members, standing agenda and the year's meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    /// The group.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its node's name.
    pub node_name: String,
    /// Whether it is also the skyddskommitté.
    pub safety_committee: bool,
    /// The fewest meetings a year.
    pub min_meetings: u32,
    /// Days of notice.
    pub notice_days: u32,
    /// Whether a locked protocol is published to every employee of the node too.
    pub publish_to_employees: bool,
    /// Whether the viewer keeps the group (shows the forms).
    pub can_keep: bool,
    /// The members: the employer's side first.
    pub members: Vec<MemberView>,
    /// The standing agenda, numbered from 1.
    pub standing: Vec<StandingItemView>,
    /// The year shown.
    pub year: i32,
    /// The year's meetings.
    pub meetings: Vec<GroupMeetingView>,
    /// The plan against the group's rule.
    pub status: GroupYearStatus,
    /// The person's own subscription address for the group's meetings, once they made one.
    pub feed_url: Option<String>,
}

/// A member as the group's page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Their e-mail (for those who keep the group).
    pub email: Option<String>,
    /// The side.
    pub side: Side,
    /// The function title.
    pub function_title: String,
    /// The union, on the employees' side.
    pub union_name: Option<String>,
    /// The role in the group.
    pub role: GroupRole,
}

/// An item of the standing agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingItemView {
    /// The item.
    pub id: i64,
    /// Its number on the agenda (1, 2, …).
    pub number: u32,
    /// Its title.
    pub title: String,
    /// One sub-item per unit or staff below the node.
    pub per_unit: bool,
}

/// A meeting in the group's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMeetingView {
    /// The meeting.
    pub id: i64,
    /// Its day.
    pub date: NaiveDate,
    /// When it starts.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
    /// Where.
    pub location: String,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

/// A cooperation meeting's page: when and where, the agenda, and what members sent in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopMeetingView {
    /// The group.
    pub group_id: i64,
    /// Its name.
    pub group_name: String,
    /// The meeting.
    pub meeting_id: i64,
    /// Its day.
    pub date: NaiveDate,
    /// When it starts.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
    /// Where.
    pub location: String,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// Whether its protocol is approved and locked: the agenda and what was sent in are then
    /// part of the record and no longer change.
    pub locked: bool,
    /// Whether the viewer may open its protocol: a member, or (once locked) one who keeps the
    /// group.
    pub reads_protocol: bool,
    /// Whether the viewer writes the agenda (chair, secretary or keeper) and it is still open.
    pub can_edit: bool,
    /// Whether the viewer sits in the group and may send in (while the protocol is open).
    pub is_member: bool,
    /// The numbered items.
    pub items: Vec<CoopItemView>,
    /// What members sent in.
    pub submissions: Vec<SubmissionView>,
    /// Where the notice stands against the group's deadline.
    pub notice: crate::domain::NoticeTiming,
    /// How many times the notice went out (the first, then updates).
    pub notices_sent: u32,
    /// How many members it goes to.
    pub recipients: u32,
}

/// A numbered item with its lettered sub-items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopItemView {
    /// The item.
    pub id: i64,
    /// 1, 2, …
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Its sub-items.
    pub subs: Vec<CoopSubItemView>,
}

/// A lettered sub-item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopSubItemView {
    /// The sub-item.
    pub id: i64,
    /// a, b, …
    pub letter: String,
    /// Its title.
    pub title: String,
    /// Its kind, when it has one.
    pub kind: Option<CoopItemKind>,
}

/// Something a member sent in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    /// The submission.
    pub id: i64,
    /// Who: their union, or their name when they represent none.
    pub from: String,
    /// A question or a comment.
    pub kind: SubmissionKind,
    /// What it is about.
    pub title: String,
    /// The text.
    pub body: String,
    /// Whether the secretary has placed it on the agenda.
    pub placed: bool,
}
