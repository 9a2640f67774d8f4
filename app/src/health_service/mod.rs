//! The occupational health service's statistics (företagshälsovård, seed 002's bilaga 1): a
//! node's figures for a year as the organisation enters them, read and kept through a
//! cooperation group of the node. Its members read them; those who write the group's agendas
//! (its keepers, chair and secretary) enter them. The page shows them as a table against the year
//! before and as a chart (a server-drawn SVG, `server/src/health_chart.rs`); a protocol's bilaga
//! freezes them (`cooperation::attach_health_service`).

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
mod server;

use serde::{Deserialize, Serialize};

use crate::domain::health_service::{HealthFigures, HealthInput};

pub use server::*;

/// The statistics page of a group's node for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthServiceView {
    /// The group it is read through.
    pub group_id: i64,
    /// The group's name.
    pub group_name: String,
    /// The node the figures are for.
    pub node_name: String,
    /// The year shown.
    pub year: i32,
    /// Whether the person may enter the figures.
    pub may_edit: bool,
    /// The year's figures, when entered.
    pub figures: Option<HealthFigures>,
    /// The year before's, when entered.
    pub last: Option<HealthFigures>,
    /// What the form starts with: the year's figures, or the year before's provider.
    pub input: HealthInput,
}
