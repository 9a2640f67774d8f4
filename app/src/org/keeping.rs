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

/// What giving a role did besides: whether a new person was added and invited by mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberAdded {
    /// The person was already here; nothing was mailed.
    Existing,
    /// A new person, with an invitation to choose a password on its way.
    Invited,
    /// A new person; no mail server is set up, so no invitation could be sent.
    InvitationNotSent,
    /// A new person who signs in through the organisation's provider, so needs no password.
    SignsInWithProvider,
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
mod check {
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

/// Adds a node below `parent_id`; returns the new node's id.
#[server(prefix = "/api", endpoint = "organisation/ny")]
pub async fn add_node(
    parent_id: i64,
    name: String,
    kind: String,
    code: String,
) -> Result<i64, AppError> {
    use super::keeping_db;
    use crate::domain::{check_node_code, check_node_kind, check_node_name};

    let kept = check::kept(parent_id).await?;
    let db = &kept.state.db;
    let name = check_node_name(&name)?;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let kind = check_node_kind(&kind, &kinds)?;
    let code = check_node_code(&code)?;
    refuse_taken_code(&kept, code.as_deref(), 0).await?;
    let id = keeping_db::add_node(db, Some(parent_id), &name, &kind, code.as_deref()).await?;
    Ok(id)
}

/// Renames a node and sets its kind and code.
#[server(prefix = "/api", endpoint = "organisation/andra")]
pub async fn edit_node(
    node_id: i64,
    name: String,
    kind: String,
    code: String,
) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::{check_node_code, check_node_kind, check_node_name};

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let name = check_node_name(&name)?;
    let kinds = keeping_db::node_kinds(db, kept.org_id()).await?;
    let kind = check_node_kind(&kind, &kinds)?;
    let code = check_node_code(&code)?;
    refuse_taken_code(&kept, code.as_deref(), node_id).await?;
    if !keeping_db::edit_node(db, node_id, &name, &kind, code.as_deref()).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Refuses a code another node of the organisation already carries, beside the code field.
#[cfg(feature = "ssr")]
async fn refuse_taken_code(
    kept: &check::Kept,
    code: Option<&str>,
    except: i64,
) -> Result<(), AppError> {
    if let Some(code) = code {
        if super::keeping_db::code_taken(&kept.state.db, kept.org_id(), code, except).await? {
            return Err(crate::domain::form_input::problem(
                "code",
                "En annan del av organisationen har redan den koden.",
            )
            .into());
        }
    }
    Ok(())
}

/// Moves a node under another node of the same organisation, named by its code or its name.
/// Its plans, minutes, checklists and actions move with it.
#[server(prefix = "/api", endpoint = "organisation/flytta")]
pub async fn move_node(node_id: i64, place: String) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::{can_keep_node, check_move, form_input::problem};

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let text = place.trim();
    if text.is_empty() {
        return Err(problem("place", "Skriv koden eller namnet på den nya platsen.").into());
    }
    let found = keeping_db::find_place(db, kept.org_id(), text).await?;
    let target = match found.as_slice() {
        [] => {
            return Err(problem(
                "place",
                "Ingen del av organisationen har den koden eller det namnet.",
            )
            .into())
        }
        [one] => one.id,
        _ => return Err(problem("place", "Flera delar heter så. Skriv koden i stället.").into()),
    };
    let target_ancestry: Vec<i64> = keeping_db::node_and_ancestry(db, target)
        .await?
        .iter()
        .map(|n| n.id)
        .collect();
    check_move(&kept.ids(), &target_ancestry).map_err(|p| problem("place", p.message()))?;
    if !can_keep_node(&kept.viewer.memberships, &target_ancestry) {
        return Err(problem(
            "place",
            "Du kan bara flytta till en del som du själv förvaltar.",
        )
        .into());
    }
    if kept.node().parent_id == Some(target) {
        return Ok(());
    }
    keeping_db::move_node(db, node_id, target).await?;
    Ok(())
}

/// Closes a node (its records stay readable and follow the culling rules) or opens it again.
#[server(prefix = "/api", endpoint = "organisation/stang")]
pub async fn close_node(node_id: i64, close: bool) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::form_input::problem;

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    if close {
        if kept.node().parent_id.is_none() {
            return Err(problem("close", "Organisationens översta nivå kan inte stängas.").into());
        }
        if keeping_db::open_children(db, node_id).await? > 0 {
            return Err(problem(
                "close",
                "Stäng eller flytta först de delar som ligger under.",
            )
            .into());
        }
        keeping_db::set_closed(db, node_id, Some(kept.state.clock.now())).await?;
    } else {
        keeping_db::set_closed(db, node_id, None).await?;
    }
    Ok(())
}

/// Gives a person a role in the node: an existing person by their e-mail, or a new person of
/// the organisation (name and title with it), who then gets an invitation to set a password.
#[server(prefix = "/api", endpoint = "organisation/roll")]
pub async fn add_member(
    node_id: i64,
    email: String,
    name: String,
    title: String,
    role: String,
    union_name: String,
) -> Result<MemberAdded, AppError> {
    use super::keeping_db;
    use crate::domain::{
        can_grant_role, check_email, check_person_name, check_role, check_union_name,
        form_input::problem,
    };

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let email = check_email(&email)?;
    let role = check_role(&role)?;
    let union_name = check_union_name(role, &union_name)?;
    let (person_id, new_person) = match keeping_db::person_by_email(db, &email).await? {
        Some(person) => {
            if person.org_id.is_some_and(|org| org != kept.org_id()) {
                return Err(problem(
                    "email",
                    "E-postadressen hör till en person i en annan organisation.",
                )
                .into());
            }
            (person.id, None)
        }
        None => {
            let name = check_person_name(&name)?;
            let title = title.trim();
            let title = (!title.is_empty()).then_some(title);
            let id = keeping_db::add_person(db, kept.org_id(), &name, &email, title).await?;
            (id, Some(name))
        }
    };
    if !can_grant_role(
        &kept.viewer.memberships,
        kept.viewer.user.id,
        person_id,
        &kept.ids(),
    ) {
        return Err(problem("email", "Du kan inte ändra dina egna roller.").into());
    }
    if !keeping_db::add_role(db, person_id, node_id, role, &union_name).await? {
        return Err(problem("role", "Personen har redan den rollen här.").into());
    }
    let Some(name) = new_person else {
        return Ok(MemberAdded::Existing);
    };
    invite(&kept, person_id, &name, &email).await
}

/// Invites a new person to choose a password, when the organisation has local accounts.
#[cfg(feature = "ssr")]
async fn invite(
    kept: &check::Kept,
    person_id: i64,
    name: &str,
    email: &str,
) -> Result<MemberAdded, AppError> {
    use crate::auth::links::send_link;
    use crate::auth::LinkMailed;
    use crate::domain::account_links::LinkPurpose;

    if !kept.state.sign_in.local_accounts {
        return Ok(MemberAdded::SignsInWithProvider);
    }
    let from = kept.viewer.user.name.as_str();
    match send_link(
        &kept.state,
        person_id,
        name,
        email,
        LinkPurpose::Invite,
        Some(from),
    )
    .await?
    {
        LinkMailed::Queued => Ok(MemberAdded::Invited),
        LinkMailed::NoMailServer => Ok(MemberAdded::InvitationNotSent),
    }
}

/// Sends a person with a role in the node a new invitation (the earlier link stops holding),
/// when they have not chosen a password yet.
#[server(prefix = "/api", endpoint = "organisation/bjud-in")]
pub async fn invite_again(node_id: i64, person_id: i64) -> Result<MemberAdded, AppError> {
    use super::keeping_db;
    use crate::domain::can_grant_role;

    let kept = check::kept(node_id).await?;
    if !can_grant_role(
        &kept.viewer.memberships,
        kept.viewer.user.id,
        person_id,
        &kept.ids(),
    ) {
        return Err(AppError::Forbidden);
    }
    let members = keeping_db::members(&kept.state.db, node_id).await?;
    let Some(person) = members.into_iter().find(|m| m.person_id == person_id) else {
        return Err(AppError::NotFound);
    };
    if person.has_password {
        return Err(crate::domain::form_input::problem(
            "person_id",
            "Personen har redan valt lösenord. Den som glömt det använder Glömt lösenordet?",
        )
        .into());
    }
    invite(&kept, person_id, &person.name, &person.email).await
}

/// Takes a role in the node away from a person (never the asker's own).
#[server(prefix = "/api", endpoint = "organisation/ta-bort-roll")]
pub async fn remove_member_role(
    node_id: i64,
    person_id: i64,
    role: String,
) -> Result<(), AppError> {
    use super::keeping_db;
    use crate::domain::{can_grant_role, check_role};

    let kept = check::kept(node_id).await?;
    let role = check_role(&role)?;
    if !can_grant_role(
        &kept.viewer.memberships,
        kept.viewer.user.id,
        person_id,
        &kept.ids(),
    ) {
        return Err(AppError::Forbidden);
    }
    if !keeping_db::remove_role(&kept.state.db, person_id, node_id, role).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
