//! `/logg`: HR reads the audit trail of its part of the tree, newest first, filtered on part of
//! the tree, kind of entry, person and period, a page at a time.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::catalogue::EntryCategory;
use crate::domain::NodeChoice;
use crate::error::AppError;

/// Entries per page.
pub const PAGE_SIZE: i64 = 50;

/// One entry as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Entry id.
    pub id: i64,
    /// When, in local time (`2026-11-23 14:05`), and as ISO for `<time datetime>`.
    pub at: String,
    /// `at` as RFC 3339.
    pub at_iso: String,
    /// Who acted (empty when nobody was signed in).
    pub actor: String,
    /// The action code.
    pub action: String,
    /// The unit or node.
    pub node_name: Option<String>,
    /// What it was done to (ids).
    pub subject: String,
    /// More about it.
    pub detail: String,
    /// From which address.
    pub address: String,
}

/// A page of the log with its filter as applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogView {
    /// The node read.
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The nodes the reader may choose.
    pub nodes: Vec<NodeChoice>,
    /// The category asked for.
    pub category: Option<EntryCategory>,
    /// The person filter as typed.
    pub person: String,
    /// The first day as typed.
    pub from: String,
    /// The last day as typed.
    pub to: String,
    /// Problems of the filter's fields: (field, message).
    pub problems: Vec<(String, String)>,
    /// The entries.
    pub entries: Vec<LogEntry>,
    /// The cursor of the next (older) page, when there is one.
    pub next_before: Option<i64>,
}

/// A page of the audit trail of a node, for HR at or above it.
#[server(prefix = "/api", endpoint = "logg")]
pub async fn get_audit_log(
    #[server(default)] node: Option<i64>,
    #[server(default)] category: Option<String>,
    #[server(default)] person: Option<String>,
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
    #[server(default)] before: Option<i64>,
) -> Result<LogView, AppError> {
    use chrono::{Local, TimeZone, Utc};

    use super::db::{log_page, LogQuery};
    use crate::auth::session::require_viewer;
    use crate::checklists::rollup::{nodes_where, pick_from};
    use crate::domain::{can_read_audit, check_audit_filter, AuditFilterInput};
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let tree = state.org_tree().await?;
    let nodes = nodes_where(&tree, |ancestry| {
        can_read_audit(&viewer.memberships, ancestry)
    });
    let (node_id, nodes) = pick_from(&tree, &viewer, nodes, node)?;
    let input = AuditFilterInput {
        from: from.unwrap_or_default(),
        to: to.unwrap_or_default(),
        person: person.unwrap_or_default(),
    };
    let (filter, problems) = check_audit_filter(&input);
    let category = category.as_deref().and_then(EntryCategory::from_code);
    let start_of = |day: chrono::NaiveDate| {
        Local
            .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let query = LogQuery {
        node_id,
        unplaced: tree.tree.root_of(node_id) == Some(node_id),
        category,
        from: filter.from.and_then(start_of),
        until: filter.to.and_then(|d| d.succ_opt()).and_then(start_of),
        person: filter.person.clone(),
        before,
        limit: PAGE_SIZE + 1,
    };
    let mut rows = log_page(&state.db, &query).await?;
    let next_before = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|r| r.id)
    } else {
        None
    };
    let entries = rows
        .into_iter()
        .map(|r| LogEntry {
            id: r.id,
            at: r
                .at
                .with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            at_iso: r.at.to_rfc3339(),
            actor: r.actor,
            action: r.action,
            node_name: r.node_name,
            subject: r.subject,
            detail: r.detail,
            address: r.address,
        })
        .collect();
    Ok(LogView {
        node_id,
        node_name: tree.name(node_id),
        nodes,
        category,
        person: input.person,
        from: input.from,
        to: input.to,
        problems: problems
            .into_iter()
            .map(|p| (p.field.to_string(), p.message))
            .collect(),
        entries,
        next_before,
    })
}
