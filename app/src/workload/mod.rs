//! The workload check (OSA) of each APT: the chef's record, anonymous votes from members'
//! phones during the meeting, and the year's trend on the unit's page.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod server;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{WorkloadMethod, WorkloadTally};

pub use server::*;

/// Everything the workload page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkloadView {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The meeting's id.
    pub meeting_id: i64,
    /// The meeting's (first) day.
    pub date: NaiveDate,
    /// Whether the viewer runs the check.
    pub can_edit: bool,
    /// Whether the viewer is a member of the unit and may vote.
    pub may_vote: bool,
    /// Whether the viewer has voted.
    pub has_voted: bool,
    /// The method; none before the chef chooses.
    pub method: Option<WorkloadMethod>,
    /// Whether voting is open.
    pub voting_open: bool,
    /// How many have voted, as the viewer may know it (only the side of the threshold while
    /// voting is open).
    pub votes: crate::domain::ShownVotes,
    /// The votes needed, besides the viewer's own, before a result shows.
    pub threshold: u32,
    /// The votes' result: only once voting is closed and enough others voted.
    pub result: Option<WorkloadTally>,
    /// Whether the chef may open voting again (not once it was closed over a result).
    pub may_reopen: bool,
    /// The chef's record of the traffic light and a note.
    pub record: Option<WorkloadRecord>,
}

/// What the chef wrote down of the room's traffic light.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadRecord {
    /// Red.
    pub red: Option<u32>,
    /// Yellow.
    pub yellow: Option<u32>,
    /// Green.
    pub green: Option<u32>,
    /// A note.
    pub note: String,
}

/// One meeting's workload in the year's trend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkloadPoint {
    /// The meeting.
    pub meeting_id: i64,
    /// Its day.
    pub date: NaiveDate,
    /// Counts or averages, from the votes (when enough) or else the chef's record.
    pub tally: WorkloadTally,
    /// True when the figures come from members' votes.
    pub voted: bool,
}
