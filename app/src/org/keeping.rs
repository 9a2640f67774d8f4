//! Keeping the organisation (`/organisation`): HR at a node (at the root, the organisation's
//! administrator) adds, renames, moves and closes the nodes below it and gives people roles in
//! them. Every function checks, before it reads or writes, that the asker keeps the node
//! (`domain::can_keep_node`), and nobody changes their own roles.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{NodeKind, Role};
use crate::error::AppError;

/// A node above the one shown, for the way back up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceLink {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Whether the asker keeps it (and so may open it here).
    pub kept: bool,
}

/// A node as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeView {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its kind's code.
    pub kind: String,
    /// Its kind's name.
    pub kind_label: String,
    /// The HR system's code.
    pub code: Option<String>,
    /// The day it was closed, when it is.
    pub closed_on: Option<chrono::NaiveDate>,
    /// The organisation's root has no place above it.
    pub is_root: bool,
}

/// A node directly below the one shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildView {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its kind's name.
    pub kind_label: String,
    /// The HR system's code.
    pub code: Option<String>,
    /// Closed nodes are listed last and marked.
    pub closed: bool,
    /// Nodes directly below it.
    pub children: i64,
    /// People with a role in it.
    pub members: i64,
}

/// One role held in the node shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    /// The person.
    pub person_id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Job title.
    pub title: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
    /// The role.
    pub role: Role,
    /// The union, for a union representative.
    pub union_name: String,
    /// The HR import gave the role (a re-import may take it away again).
    pub from_import: bool,
    /// The asker's own role, which they may not take away.
    pub own: bool,
    /// The person has chosen a password; one who has not may be sent a new invitation.
    pub has_password: bool,
}

/// Everything the page of one node shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptNodePage {
    /// The nodes above, from the root down.
    pub path: Vec<PlaceLink>,
    /// The node itself.
    pub node: NodeView,
    /// What the chef of this kind of node is called ("Rektor" at a school).
    pub chef_label: String,
    /// The organisation's node kinds, for the forms.
    pub kinds: Vec<NodeKind>,
    /// The nodes directly below.
    pub children: Vec<ChildView>,
    /// The roles held in the node.
    pub members: Vec<MemberView>,
}

#[cfg(feature = "ssr")]
pub(super) mod check {
    use super::super::keeping_db::{self, KeptNode};
    use crate::auth::session::{require_viewer, Viewer};
    use crate::domain::can_keep_node;
    use crate::error::AppError;
    use crate::state::{app_state, AppState};

    /// A node the asker keeps, with its ancestry (the node first, the root last).
    pub struct Kept {
        pub viewer: Viewer,
        pub state: AppState,
        pub ancestry: Vec<KeptNode>,
    }

    impl Kept {
        pub fn id(&self) -> i64 {
            self.ancestry[0].id
        }

        pub fn node(&self) -> &KeptNode {
            &self.ancestry[0]
        }

        pub fn org_id(&self) -> i64 {
            self.ancestry.last().map_or(self.id(), |n| n.id)
        }

        pub fn ids(&self) -> Vec<i64> {
            self.ancestry.iter().map(|n| n.id).collect()
        }

        /// Whether the asker may give or take the person's roles here (never their own).
        pub fn may_change_roles_of(&self, person_id: i64) -> bool {
            crate::domain::can_grant_role(
                &self.viewer.memberships,
                self.viewer.user.id,
                person_id,
                &self.ids(),
            )
        }
    }

    /// The signed-in person, if they keep the node: `NotFound` for no such node, `Forbidden`
    /// for a node outside their part of the tree.
    pub async fn kept(node_id: i64) -> Result<Kept, AppError> {
        let viewer = require_viewer().await?;
        let state = app_state()?;
        crate::audit::trail::note_node(node_id);
        let ancestry = keeping_db::node_and_ancestry(&state.db, node_id).await?;
        if ancestry.is_empty() {
            return Err(AppError::NotFound);
        }
        let ids: Vec<i64> = ancestry.iter().map(|n| n.id).collect();
        if !can_keep_node(&viewer.memberships, &ids) {
            tracing::warn!(
                person_id = viewer.user.id,
                node_id,
                "refused keeping a node"
            );
            return Err(AppError::Forbidden);
        }
        Ok(Kept {
            viewer,
            state,
            ancestry,
        })
    }

    /// The highest node the signed-in person keeps, where `/organisation` starts.
    pub async fn top_kept() -> Result<i64, AppError> {
        let viewer = require_viewer().await?;
        let state = app_state()?;
        let mut best: Option<(usize, i64)> = None;
        for node in viewer.hr_nodes() {
            let depth = keeping_db::node_and_ancestry(&state.db, node).await?.len();
            if best.is_none_or(|(d, _)| depth < d) {
                best = Some((depth, node));
            }
        }
        best.map(|(_, node)| node).ok_or(AppError::Forbidden)
    }
}

/// The page of a node the asker keeps; `None` opens the highest node they keep.
#[server(prefix = "/api", endpoint = "organisation")]
pub async fn organisation_node(node_id: Option<i64>) -> Result<KeptNodePage, AppError> {
    use super::keeping_db;
    use crate::domain::can_keep_node;

    let node_id = match node_id {
        Some(id) => id,
        None => check::top_kept().await?,
    };
    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let children = keeping_db::children(db, node_id).await?;
    let members = keeping_db::members(db, node_id).await?;
    let label = |code: &str| {
        kinds
            .iter()
            .find(|k| k.code == code)
            .map_or_else(|| code.to_string(), |k| k.label.clone())
    };
    let node = kept.node();
    let chef_label = kinds
        .iter()
        .find(|k| k.code == node.kind)
        .map_or_else(|| "Chef".to_string(), |k| k.chef_label.clone());
    // The nodes above, from the root down; the asker keeps one when HR at it or above it.
    let path = (1..kept.ancestry.len())
        .rev()
        .map(|at| {
            let above: Vec<i64> = kept.ancestry[at..].iter().map(|a| a.id).collect();
            PlaceLink {
                id: kept.ancestry[at].id,
                name: kept.ancestry[at].name.clone(),
                kept: can_keep_node(&kept.viewer.memberships, &above),
            }
        })
        .collect();
    Ok(KeptNodePage {
        path,
        node: NodeView {
            id: node.id,
            name: node.name.clone(),
            kind: node.kind.clone(),
            kind_label: label(&node.kind),
            code: node.code.clone(),
            closed_on: node
                .closed_at
                .map(|at| at.with_timezone(&chrono::Local).date_naive()),
            is_root: node.parent_id.is_none(),
        },
        chef_label,
        children: children
            .into_iter()
            .map(|c| ChildView {
                id: c.node.id,
                kind_label: label(&c.node.kind),
                name: c.node.name,
                code: c.node.code,
                closed: c.node.closed_at.is_some(),
                children: c.children,
                members: c.members,
            })
            .collect(),
        members: members
            .into_iter()
            .filter_map(|m| {
                Role::from_code(&m.role).map(|role| MemberView {
                    own: m.person_id == kept.viewer.user.id,
                    person_id: m.person_id,
                    name: m.name,
                    email: m.email,
                    title: m.title,
                    active: m.active,
                    role,
                    union_name: m.union_name,
                    from_import: m.source == "import",
                    has_password: m.has_password,
                })
            })
            .collect(),
        kinds,
    })
}
