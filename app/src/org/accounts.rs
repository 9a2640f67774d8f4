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

/// Accounts on one page of HR's list.
pub const ACCOUNTS_PER_PAGE: u32 = 50;

/// One page of HR's list of accounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsList {
    /// The accounts of the page, by name.
    pub rows: Vec<AccountRow>,
    /// Accounts that match, on all pages.
    pub total: u32,
    /// This page, from 1.
    pub page: u32,
    /// Pages in all (at least 1).
    pub pages: u32,
    /// What was searched for (empty: everyone).
    pub search: String,
}

/// `/konton?sok=&sida=`: the accounts with a role in a part of the tree where the asker is HR
/// (everyone of an organisation whose root they are HR at), by name, a page at a time, found by
/// part of a name or an e-mail address.
#[server(prefix = "/api", endpoint = "konton")]
pub async fn accounts(search: Option<String>, page: Option<u32>) -> Result<AccountsList, AppError> {
    use super::people_db::{self, AccountsQuery};
    use crate::auth::session::require_viewer;
    use crate::domain::can_manage_account;

    let viewer = require_viewer().await?;
    let hr_nodes = viewer.hr_nodes();
    if hr_nodes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let state = crate::state::app_state()?;
    let tree = state.org_tree().await?;
    let search = search.map(|s| s.trim().to_string()).unwrap_or_default();
    if search.chars().count() > 200 {
        return Err(AppError::Invalid {
            field: "sok".into(),
            message: "Sökningen får vara högst 200 tecken.".into(),
        });
    }
    let page = page.unwrap_or(1).max(1);
    let roots: Vec<i64> = hr_nodes
        .iter()
        .copied()
        .filter(|&n| tree.tree.root_of(n) == Some(n))
        .collect();
    let query = AccountsQuery {
        hr_nodes,
        roots,
        search: (!search.is_empty()).then(|| search.clone()),
        limit: i64::from(ACCOUNTS_PER_PAGE),
        offset: i64::from(page - 1) * i64::from(ACCOUNTS_PER_PAGE),
    };
    let found = people_db::accounts_page(&state.db, &query).await?;
    let total = u32::try_from(found.total).unwrap_or(u32::MAX);
    let roles = found.roles;
    let rows = found
        .people
        .into_iter()
        .map(|p| {
            let mine: Vec<(i64, Role)> = roles
                .iter()
                .filter(|(person, ..)| *person == p.id)
                .filter_map(|(_, node, role)| Role::from_code(role).map(|r| (*node, r)))
                .collect();
            let nodes: Vec<i64> = mine.iter().map(|(n, _)| *n).collect();
            let paths = role_paths(&tree, &nodes);
            AccountRow {
                manageable: can_manage_account(&viewer.memberships, p.id == viewer.user.id, &paths),
                id: p.id,
                name: p.name,
                email: p.email,
                active: p.active,
                provider_linked: p.provider_linked,
                roles: mine.into_iter().map(|(n, r)| (r, tree.name(n))).collect(),
            }
        })
        .collect();
    Ok(AccountsList {
        rows,
        total,
        page,
        pages: crate::domain::PageOf::new(total, ACCOUNTS_PER_PAGE, None).pages,
        search,
    })
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
