//! Accounts for HR: who has an account in HR's part of the organisation, turning an account
//! off (which ends every session of it at once) or on again, and releasing the identity at the
//! organisation's provider that an account is tied to.

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
    /// Whether the account is tied to an identity at the organisation's provider.
    pub provider_linked: bool,
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
    use super::people_db;
    use crate::auth::session::require_viewer;
    use crate::domain::can_manage_account;

    let viewer = require_viewer().await?;
    let hr_nodes = viewer.hr_nodes();
    if hr_nodes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let state = crate::state::app_state()?;
    let tree = state.org_tree().await?;
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
                provider_linked: row.provider_linked,
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

/// The nodes where the account holds roles, when the asker may manage it (HR above all of
/// them, never their own account).
#[cfg(feature = "ssr")]
async fn managed_account(
    viewer: &crate::auth::session::Viewer,
    person_id: i64,
) -> Result<Vec<i64>, AppError> {
    use super::people_db;
    use crate::domain::can_manage_account;

    let state = crate::state::app_state()?;
    let Some((_, nodes)) = people_db::account(&state.db, person_id).await? else {
        return Err(AppError::NotFound);
    };
    let tree = state.org_tree().await?;
    let paths = role_paths(&tree, &nodes);
    if !can_manage_account(&viewer.memberships, person_id == viewer.user.id, &paths) {
        return Err(AppError::Forbidden);
    }
    Ok(nodes)
}

/// Turns an account off (ending all its sessions at once) or on again.
#[server(prefix = "/api", endpoint = "konton/aktiv")]
pub async fn set_account_active(person_id: i64, active: bool) -> Result<(), AppError> {
    use super::people_db;
    use crate::audit::{self, Event};
    use crate::auth::session::require_viewer;
    use crate::auth::sessions_db;

    let viewer = require_viewer().await?;
    let nodes = managed_account(&viewer, person_id).await?;
    let state = crate::state::app_state()?;
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

/// Releases the account's identity at the organisation's provider: the person's next sign-in
/// through it is matched by their verified e-mail address again. HR's step when the provider has
/// given the person a new identity (a recreated account there), which Årshjul otherwise refuses.
#[server(prefix = "/api", endpoint = "konton/koppla-loss")]
pub async fn release_provider_identity(person_id: i64) -> Result<(), AppError> {
    use crate::audit::{self, Event};
    use crate::auth::oidc::identity_db;
    use crate::auth::session::require_viewer;

    let viewer = require_viewer().await?;
    let nodes = managed_account(&viewer, person_id).await?;
    let state = crate::state::app_state()?;
    if identity_db::forget_identity(&state.db, person_id).await? {
        let mut event = Event::new("oidc_identity_released").subject("person", person_id);
        if let Some(&node) = nodes.first() {
            event = event.node(node);
        }
        audit::record(&viewer, event).await?;
    }
    Ok(())
}
