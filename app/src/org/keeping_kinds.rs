//! The organisation's kinds of nodes (kommun, förvaltning, enhet, skola, …) and what each kind's
//! chef is called ("Rektor" at a school): kept by the organisation's administrator (HR at the
//! root) on the root's page. A kind's code never changes, so renaming it renames it everywhere.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::keeping::check;
use crate::error::AppError;

/// Adds a kind (an empty `code`) or renames one, with its chef's title.
#[server(prefix = "/api", endpoint = "organisation/typ")]
pub async fn save_node_kind(
    node_id: i64,
    #[server(default)] code: String,
    label: String,
    chef_label: String,
) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::check_node_kind_names;

    let kept = check::kept(node_id).await?;
    if kept.node().parent_id.is_some() {
        // The kinds are the whole organisation's: its administrator's to keep.
        return Err(AppError::Forbidden);
    }
    let db = &kept.state.db;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let kind = check_node_kind_names(&code, &label, &chef_label, &kinds)?;
    keeping_db::save_node_kind(db, kept.org_id(), &kind).await?;
    Ok(())
}
