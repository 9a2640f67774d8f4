//! Notices (kallelser): sending an APT's agenda to every member of the unit, by e-mail over SMTP
//! when configured and otherwise into the outbox administrators read; the time it went out, set
//! against the deadline; and updates when the agenda changes after sending.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod mail;
mod server;
#[cfg(feature = "ssr")]
pub mod worker;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::NoticeTiming;

pub use server::*;

/// One sending of a notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRecord {
    /// True for an update after the agenda changed; false for the notice itself.
    pub update: bool,
    /// The day it went out.
    pub sent_on: NaiveDate,
    /// When, as "HH:MM" in Stockholm.
    pub sent_time: String,
    /// Who sent it.
    pub sent_by: String,
    /// How many it went to.
    pub recipients: u32,
}

/// How the messages of the latest sending fared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// Waiting for the mail server.
    pub queued: u32,
    /// Accepted by the mail server.
    pub sent: u32,
    /// Refused or unreachable after retries.
    pub failed: u32,
    /// Kept in the outbox (no mail server configured).
    pub stored: u32,
}

/// Where a meeting's notice stands: what the agenda page shows the chef.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeState {
    /// Against the deadline.
    pub timing: NoticeTiming,
    /// Every sending, first first.
    pub sent: Vec<NoticeRecord>,
    /// True when the agenda changed after the latest sending.
    pub agenda_changed: bool,
    /// Members of the unit with an e-mail address: who a sending goes to.
    pub recipients: u32,
    /// How the latest sending's messages fared.
    pub delivery: Delivery,
    /// True when e-mail goes out over SMTP; false when it stays in the outbox.
    pub smtp: bool,
}

/// A message in the outbox, as administrators read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// Message id.
    pub id: i64,
    /// Recipient's address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// The text of the message.
    pub body: String,
    /// `queued`, `sent`, `failed` or `stored`.
    pub status: String,
    /// Why it failed.
    pub error: Option<String>,
    /// When it was made, "YYYY-MM-DD HH:MM".
    pub created: String,
}
