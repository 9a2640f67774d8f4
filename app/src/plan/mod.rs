//! A unit's annual plan: its APTs through the year and which wheel topic goes in which meeting,
//! checked against the organisation's rules.

#[cfg(feature = "ssr")]
pub mod calendar;
pub(crate) mod changes;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
pub(crate) mod server;
#[cfg(feature = "ssr")]
pub mod template;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::{plan_status, PlanRules, PlanStatus, TopicPlacement};

pub use changes::{
    add_meeting, add_own_topic, add_session, create_plan, place_all_suggested, place_topic,
    remove_session, renew_calendar_feed, set_meeting_cancelled, take_in_topics, update_meeting,
    AddMeeting, AddOwnTopic, AddSession, CreatePlan, PlaceAllSuggested, PlaceTopic, RemoveSession,
    RenewCalendarFeed, SetMeetingCancelled, TakeInTopics, UpdateMeeting,
};
pub use server::{
    get_meeting_detail, get_topic_detail, get_unit_plan, GetMeetingDetail, GetTopicDetail,
    GetUnitPlan,
};

/// The kind of a wheel topic, which shapes how it is run at the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TopicKind {
    /// "Info om …": the chef informs.
    Information,
    /// "Dialog kring …": discussion, often producing an action plan.
    Dialogue,
    /// "Följ upp …": reviewing earlier actions.
    FollowUp,
}

impl TopicKind {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            TopicKind::Information => "information",
            TopicKind::Dialogue => "dialogue",
            TopicKind::FollowUp => "follow_up",
        }
    }

    /// Parses a stored code (unknown codes read as information).
    pub fn from_code(code: &str) -> TopicKind {
        match code {
            "dialogue" => TopicKind::Dialogue,
            "follow_up" => TopicKind::FollowUp,
            _ => TopicKind::Information,
        }
    }
}

/// One APT of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Meeting id.
    pub id: i64,
    /// The day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
    /// Room or place.
    pub location: String,
    /// Link for digital attendance.
    pub online_link: Option<String>,
    /// A cancelled meeting stays visible but does not count.
    pub cancelled: bool,
    /// Further sessions with the same content (the fields above are the first), by date.
    pub sessions: Vec<MeetingSession>,
}

impl Meeting {
    /// The day the notice deadline counts from: the earliest of the sessions.
    pub fn first_date(&self) -> NaiveDate {
        crate::domain::first_session_date(self.date, self.sessions.iter().map(|s| s.date))
    }
}

/// A further session of an APT, for staff who cannot come to the first: same content, its own
/// time and place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSession {
    /// Session id.
    pub id: i64,
    /// The day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
    /// Room or place.
    pub location: String,
    /// Link for digital attendance.
    pub online_link: Option<String>,
}

/// A wheel topic as the plan shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTopic {
    /// The topic's id.
    pub id: i64,
    /// Title, as the wheel writes it.
    pub title: String,
    /// First month (1–12).
    pub month_start: u32,
    /// Last month (1–12).
    pub month_end: u32,
    /// Information, dialogue or follow-up.
    pub kind: TopicKind,
    /// Whether material should go out with the notice.
    pub send_with_notice: bool,
    /// The meeting it is planned for.
    pub meeting_id: Option<i64>,
    /// The node above the unit that requires it this year (a pushed topic), by name.
    pub required_by: Option<String>,
}

/// Everything the unit's plan page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitPlan {
    /// The unit's id.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// Names of the nodes above the unit, top first.
    pub unit_path: Vec<String>,
    /// The plan's year.
    pub year: i32,
    /// True when a plan exists for the year.
    pub exists: bool,
    /// The plan's version: every change is made on it and refused when it is stale.
    pub plan_version: i64,
    /// True when last year has a plan that can be copied.
    pub previous_year_has_plan: bool,
    /// The unit's subscribable calendar address, once the chef has made one.
    pub feed_url: Option<String>,
    /// Whether the viewer may change the plan (edit controls are shown only then).
    pub can_edit: bool,
    /// The organisation's rule parameters.
    pub rules: PlanRules,
    /// The plan's standing against the rules.
    pub status: PlanStatus,
    /// The APTs in date order.
    pub meetings: Vec<Meeting>,
    /// The topics in wheel order.
    pub topics: Vec<PlanTopic>,
    /// Points on every APT (as the template had them when the plan was made).
    pub recurring_points: Vec<String>,
    /// Template topics new or changed since the plan was made (shown to editors only).
    pub template_news: Vec<TemplateNews>,
    /// Today's date on the server (for the "today" mark).
    pub today: NaiveDate,
    /// The day each meeting's notice first went out (meetings never sent are missing).
    pub notices_sent: Vec<(i64, NaiveDate)>,
    /// The year's workload checks, for the trend.
    pub workload: Vec<crate::workload::WorkloadPoint>,
    /// The meetings of the cooperation groups of this node in the year: the node's wheel shows
    /// them beside its APTs.
    #[serde(default)]
    pub group_meetings: Vec<NodeGroupMeeting>,
}

/// A cooperation group's meeting at the plan's node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeGroupMeeting {
    /// The meeting.
    pub id: i64,
    /// The group's name.
    pub group_name: String,
    /// Its day.
    pub date: NaiveDate,
    /// When it starts.
    pub start: chrono::NaiveTime,
    /// When it ends.
    pub end: chrono::NaiveTime,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

/// A topic HR added to or changed in the template after the plan was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateNews {
    /// The template topic's current row.
    pub topic_id: i64,
    /// Its title.
    pub title: String,
    /// First month.
    pub month_start: u32,
    /// True when it is a new version of a topic the plan holds (false: a new topic).
    pub changed: bool,
}

/// A link from a topic to material on the intranet or elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicLink {
    /// What the link shows.
    pub label: String,
    /// Where it goes (some sources name a page without an address).
    pub url: Option<String>,
}

/// A topic's full detail: guidance, contact, links and the OSA tip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDetail {
    /// The unit the topic was opened from.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// The topic and where it is planned.
    pub topic: PlanTopic,
    /// Contact function (e.g. HR-avdelningen).
    pub contact: String,
    /// Guidance text, paragraphs separated by blank lines.
    pub guidance: String,
    /// A tip for checking workload at the meeting.
    pub osa_tip: Option<String>,
    /// Links to material.
    pub links: Vec<TopicLink>,
    /// The meeting it is planned for in the unit's plan of that year.
    pub meeting: Option<Meeting>,
    /// The plan's year.
    pub year: i32,
    /// Whether the viewer may move the topic to another meeting.
    pub can_edit: bool,
    /// The plan's version (when the topic is part of a plan).
    pub plan_version: Option<i64>,
    /// The plan's meetings, for choosing where the topic goes (only for editors).
    pub meetings: Vec<Meeting>,
}

/// One APT with what its edit page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDetail {
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// The plan's year.
    pub year: i32,
    /// The plan's version.
    pub plan_version: i64,
    /// The meeting.
    pub meeting: Meeting,
    /// The topics planned for it.
    pub topics: Vec<PlanTopic>,
    /// Whether the viewer may change it.
    pub can_edit: bool,
}

/// The status of one plan from its loaded meetings and topics (no further queries).
pub fn status_of(rules: PlanRules, meetings: &[Meeting], topics: &[PlanTopic]) -> PlanStatus {
    let month_of: HashMap<i64, u32> = meetings
        .iter()
        .filter(|m| !m.cancelled)
        .map(|m| (m.id, m.date.month()))
        .collect();
    let placements: Vec<TopicPlacement> = topics
        .iter()
        .map(|t| TopicPlacement {
            month_start: t.month_start,
            month_end: t.month_end,
            meeting_month: t.meeting_id.and_then(|id| month_of.get(&id).copied()),
        })
        .collect();
    let held = u32::try_from(month_of.len()).unwrap_or(u32::MAX);
    plan_status(rules, held, &placements)
}

impl From<&MeetingSession> for crate::domain::SessionTime {
    fn from(s: &MeetingSession) -> Self {
        crate::domain::SessionTime {
            date: s.date,
            start: s.start,
            end: s.end,
        }
    }
}

impl From<&Meeting> for crate::domain::SessionTime {
    fn from(m: &Meeting) -> Self {
        crate::domain::SessionTime {
            date: m.date,
            start: m.start,
            end: m.end,
        }
    }
}
