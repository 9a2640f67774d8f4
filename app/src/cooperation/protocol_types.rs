//! What a cooperation meeting's protocol page shows, shared by server and browser.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::cooperation::agenda::CoopItemKind;
use crate::domain::cooperation::bilagor::BilagaKind;
use crate::domain::cooperation::protocol::{AdjustDates, Attendance, ItemPurpose};
use crate::domain::cooperation::Side;

/// A meeting's protocol as it is being written: header, attendance, items with their minutes,
/// decisions and follow-ups, and item 3's dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopProtocolView {
    /// The group.
    pub group_id: i64,
    /// Its name.
    pub group_name: String,
    /// The name of its node (the administration, in the protocol's header).
    pub node_name: String,
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
    /// Whether the viewer writes the protocol (the chair or the secretary).
    pub can_write: bool,
    /// The members with their attendance.
    pub attendees: Vec<AttendeeView>,
    /// Those called in.
    pub adjuncts: Vec<AdjunctView>,
    /// The numbered items with what the protocol says of them.
    pub items: Vec<ProtocolItemView>,
    /// Questions the employer took with it at an earlier meeting: open ones, and those this
    /// meeting answered. Shown under "Föregående protokoll".
    pub earlier_follow_ups: Vec<FollowUpView>,
    /// Item 3's dates, once set.
    pub dates: Option<AdjustDates>,
    /// The group's next meeting after this one (item 12), when the plan has one.
    pub next_meeting: Option<super::GroupMeetingView>,
    /// The secretary, who signs "Vid protokollet".
    #[serde(default)]
    pub secretary: Option<String>,
    /// The approvers (Justerare), by name.
    #[serde(default)]
    pub approvers: Vec<String>,
    /// The bilagor, numbered across the protocol in the order of its items.
    #[serde(default)]
    pub bilagor: Vec<BilagaView>,
    /// Set when the page shows a locked version: which one, and when it was locked.
    #[serde(default)]
    pub locked: Option<LockedStamp>,
    /// Where the justering stands, for members (never part of the document kept).
    #[serde(default)]
    pub adjusting: Option<super::CoopAdjustingView>,
}

impl CoopProtocolView {
    /// How item or sub-item `item_id` names its bilagor ("bilaga 2–4"), when it has any.
    pub fn bilaga_ref(&self, item_id: i64) -> Option<String> {
        let numbers: Vec<u32> = self
            .bilagor
            .iter()
            .filter(|b| b.item_id == item_id)
            .map(|b| b.number)
            .collect();
        crate::domain::cooperation::bilagor::bilaga_ref(&numbers)
    }
}

/// A bilaga of the protocol, as its list and its items name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BilagaView {
    /// The row (the download's address).
    pub id: i64,
    /// 1, 2, … across the protocol.
    pub number: u32,
    /// The item or sub-item it hangs under.
    pub item_id: i64,
    /// A file, or which unit results.
    pub kind: BilagaKind,
    /// What the protocol calls it.
    pub title: String,
}

/// Which locked version a protocol shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockedStamp {
    /// 1, 2, …
    pub version: u32,
    /// When the last approval locked it.
    pub locked_at: chrono::NaiveDateTime,
    /// Who approved it and when, first to last.
    pub signed: Vec<SignedBy>,
}

/// One approval of a locked version, as the document names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedBy {
    /// Who.
    pub name: String,
    /// When (local time).
    pub at: chrono::NaiveDateTime,
}

/// A member and their attendance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeView {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Their side.
    pub side: Side,
    /// The protocol's function title.
    pub function_title: String,
    /// Their attendance, when marked.
    pub attendance: Option<Attendance>,
}

/// One called in for the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjunctView {
    /// The row.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their function, or empty.
    pub function_title: String,
}

/// A numbered item of the protocol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolItemView {
    /// The item.
    pub id: i64,
    /// 1, 2, …
    pub number: u32,
    /// Its title.
    pub title: String,
    /// What it is for beyond its minutes (items 1, 3 and 12).
    pub purpose: Option<ItemPurpose>,
    /// What was said, and decided, and what the employer takes with it.
    pub text: ProtocolText,
    /// Its lettered sub-items.
    pub subs: Vec<ProtocolSubView>,
}

/// A lettered sub-item of the protocol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolSubView {
    /// The sub-item.
    pub id: i64,
    /// a, b, …
    pub letter: String,
    /// Its kind, when it has one.
    pub kind: Option<CoopItemKind>,
    /// Its title.
    pub title: String,
    /// What was said, and decided, and what the employer takes with it.
    pub text: ProtocolText,
}

/// What the protocol says of one item or sub-item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolText {
    /// What was said ("Saco frågade … Arbetsgivaren svarade …").
    pub minutes: String,
    /// What was decided ("Dagordningen godkändes.").
    pub decision: String,
    /// The questions the employer took with it here.
    pub follow_ups: Vec<FollowUpView>,
}

/// A question the employer took with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpView {
    /// The follow-up.
    pub id: i64,
    /// The day of the meeting it was raised at.
    pub raised_on: NaiveDate,
    /// Who asked, or empty.
    pub asked_by: String,
    /// The question (after "frågan om").
    pub question: String,
    /// The answer, once a later meeting gave one.
    pub answer: Option<String>,
}

/// What an item's minutes form posts (`text[minutes]`, …), with the text the form was opened
/// with, so a save over someone else's newer text is refused and the typed text kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopMinutesInput {
    /// What was said.
    pub minutes: String,
    /// What was decided.
    pub decision: String,
    /// What was said, as the form was opened with it.
    #[serde(default)]
    pub minutes_before: String,
    /// What was decided, as the form was opened with it.
    #[serde(default)]
    pub decision_before: String,
}

/// What a saved item's minutes now say, so the form knows its new starting point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCoopMinutes {
    /// The item.
    pub item_id: i64,
    /// What was said, as saved.
    pub minutes: String,
    /// What was decided, as saved.
    pub decision: String,
}
