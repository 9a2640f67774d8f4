//! Accounts for HR: who has an account in HR's part of the organisation, and turning an account
//! off (which ends every session of it at once) or on again.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

/// One account as HR's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    /// The person's id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Whether the account may sign in.
    pub active: bool,
    /// Each role with the name of its node.
    pub roles: Vec<(Role, String)>,
    /// Whether the asking HR may turn this account off or on.
    pub manageable: bool,
}

/// The ancestries an account's roles sit in, which decide who may manage it; an account without
/// roles belongs to the organisation's root(s).
#[cfg(feature = "ssr")]
fn role_paths(tree: &super::db::LoadedTree, nodes: &[i64]) -> Vec<Vec<i64>> {
    if nodes.is_empty() {
        tree.nodes
            .values()
            .filter(|n| n.parent_id.is_none())
            .map(|n| vec![n.id])
            .collect()
    } else {
        nodes.iter().map(|&n| tree.tree.ancestry(n)).collect()
    }
}

/// `/konton`: the accounts with a role in a part of the tree where the asker is HR.
#[server(prefix = "/api", endpoint = "konton")]
pub async fn accounts() -> Result<Vec<AccountRow>, AppError> {
    use super::{db as org_db, people_db};
    use crate::auth::session::require_viewer;
    use crate::domain::can_manage_account;

    let viewer = require_viewer().await?;
    let hr_nodes = viewer.hr_nodes();
    if hr_nodes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let state = crate::state::app_state()?;
    let tree = org_db::load_tree(&state.db).await?;
    let rows = people_db::people_with_roles(&state.db).await?;
    let mut accounts: Vec<AccountRow> = Vec::new();
    let mut role_nodes: Vec<Vec<i64>> = Vec::new();
    for row in rows {
        if accounts.last().map(|a| a.id) != Some(row.id) {
            accounts.push(AccountRow {
                id: row.id,
                name: row.name.clone(),
                email: row.email.clone(),
                active: row.active,
                roles: Vec::new(),
                manageable: false,
            });
            role_nodes.push(Vec::new());
        }
        if let (Some(node), Some(role), Some(account), Some(nodes)) = (
            row.node_id,
            row.role.as_deref().and_then(Role::from_code),
            accounts.last_mut(),
            role_nodes.last_mut(),
        ) {
            let name = tree
                .nodes
                .get(&node)
                .map(|n| n.name.clone())
                .unwrap_or_default();
            account.roles.push((role, name));
            nodes.push(node);
        }
    }
    let visible = accounts
        .into_iter()
        .zip(role_nodes)
        .filter_map(|(mut account, nodes)| {
            let paths = role_paths(&tree, &nodes);
            let in_part = paths
                .iter()
                .any(|path| path.iter().any(|n| hr_nodes.contains(n)));
            account.manageable =
                can_manage_account(&viewer.memberships, account.id == viewer.user.id, &paths);
            in_part.then_some(account)
        })
        .collect();
    Ok(visible)
}

/// Turns an account off (ending all its sessions at once) or on again.
#[server(prefix = "/api", endpoint = "konton/aktiv")]
pub async fn set_account_active(person_id: i64, active: bool) -> Result<(), AppError> {
    use super::{db as org_db, people_db};
    use crate::audit::{self, Event};
    use crate::auth::session::require_viewer;
    use crate::auth::sessions_db;
    use crate::domain::can_manage_account;

    let viewer = require_viewer().await?;
    let state = crate::state::app_state()?;
    let Some((_, nodes)) = people_db::account(&state.db, person_id).await? else {
        return Err(AppError::NotFound);
    };
    let tree = org_db::load_tree(&state.db).await?;
    let paths = role_paths(&tree, &nodes);
    if !can_manage_account(&viewer.memberships, person_id == viewer.user.id, &paths) {
        return Err(AppError::Forbidden);
    }
    let changed = people_db::set_active(&state.db, person_id, active).await?;
    let mut ended = 0;
    if !active {
        ended = sessions_db::end_all_of(&state.db, person_id, None, "disabled", state.clock.now())
            .await?;
    }
    if changed {
        let mut event = Event::new(if active {
            "account_enabled"
        } else {
            "account_disabled"
        })
        .subject("person", person_id);
        if !active {
            event = event.detail(format!("{ended} inloggningar avslutade"));
        }
        if let Some(&node) = nodes.first() {
            event = event.node(node);
        }
        audit::record(&viewer, event).await?;
    }
    Ok(())
}
