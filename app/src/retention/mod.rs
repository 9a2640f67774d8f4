//! Retention (gallring) by decision: the organisation's rules per kind of record, what a rule
//! would cull, culling runs that record what they removed, and (for HR at the root) the page
//! that sets rules and runs them. The rules themselves are `domain::retention`.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
mod server;

pub use server::{
    get_retention, run_culling, save_retention_rule, CullingDone, KindRetention, RetentionView,
    RuleView, RunCulling, RunView, SaveRetentionRule, PREVIEW_LINES,
};
#[cfg(feature = "ssr")]
pub mod archive;
#[cfg(feature = "ssr")]
pub mod archive_text;
