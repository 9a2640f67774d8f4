//! The organisation's template, kept by HR: the wheel's topics, the recurring points of every APT
//! and the rule parameters. Changes apply to plans made after them; existing plans keep what they
//! had and their chefs see what is new. Also: a higher node pushing a topic to every unit below it.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod push;
mod server;

use serde::{Deserialize, Serialize};

use crate::domain::PlanRules;
use crate::plan::TopicKind;

pub use push::{get_push_page, push_topic, GetPushPage, PushTopic};
pub use server::{
    add_point, get_template, get_template_topic, rename_point, retire_point, retire_template_topic,
    save_rules, save_template_topic, AddPoint, GetTemplate, GetTemplateTopic, RenamePoint,
    RetirePoint, RetireTemplateTopic, SaveRules, SaveTemplateTopic,
};

/// A recurring point of the template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatePoint {
    /// The row.
    pub id: i64,
    /// What the point is called on the agenda.
    pub title: String,
}

/// A topic of the template with every text HR keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateTopic {
    /// The current row.
    pub id: i64,
    /// Title.
    pub title: String,
    /// First month.
    pub month_start: u32,
    /// Last month.
    pub month_end: u32,
    /// Information, dialogue or follow-up.
    pub kind: TopicKind,
    /// Contact function.
    pub contact: String,
    /// Guidance.
    pub guidance: String,
    /// OSA tip.
    pub osa_tip: Option<String>,
    /// Material goes with the notice.
    pub send_with_notice: bool,
}

/// What HR's template page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatePage {
    /// The organisation's name.
    pub org_name: String,
    /// The rule parameters.
    pub rules: PlanRules,
    /// The recurring points now in force.
    pub points: Vec<TemplatePoint>,
    /// The current topics in wheel order.
    pub topics: Vec<TemplateTopic>,
}

/// A node a person may push topics from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushNode {
    /// The node.
    pub id: i64,
    /// Its name, with the path above it.
    pub label: String,
    /// How many units lie below it.
    pub units: usize,
}

/// A topic pushed earlier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushedTopic {
    /// The topic.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Month.
    pub month: u32,
    /// The year it is required.
    pub year: i32,
    /// The node it was pushed from, by name.
    pub node_name: String,
}

/// What the push page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushPage {
    /// Nodes the person may push from.
    pub nodes: Vec<PushNode>,
    /// Topics pushed from those nodes, newest year first.
    pub pushed: Vec<PushedTopic>,
    /// The year offered by default.
    pub default_year: i32,
}
