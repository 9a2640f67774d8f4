//! The audit trail: an append-only record of who did what and when (sign-ins, refused requests,
//! and changes to plans, agendas, minutes, checklists, actions, roles and templates). The
//! database refuses updates and deletes of it; HR reads the entries of its part of the tree.

pub mod catalogue;
mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod endpoints;
mod log;
#[cfg(feature = "ssr")]
mod record;
#[cfg(feature = "ssr")]
pub mod refusal_gate;
#[cfg(feature = "ssr")]
pub mod trail;

#[cfg(feature = "ssr")]
pub use record::{append_entry, record, record_for, spawn_refusal_flush, Event};

pub use components::AuditLogPage;
pub use log::{get_audit_log, LogEntry, LogView, PAGE_SIZE};
