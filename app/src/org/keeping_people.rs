//! Roles at `/organisation/{node}`: giving a person a role (a new person is invited by mail to
//! choose a password), sending a new invitation and taking a role away; by HR at or above the
//! node, never on one's own roles.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::keeping::check;
use crate::error::AppError;

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
        check_email, check_person_name, check_role, check_union_name, form_input::problem,
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
            let title = crate::domain::check_person_title(&title)?;
            let id =
                keeping_db::add_person(db, kept.org_id(), &name, &email, title.as_deref()).await?;
            (id, Some(name))
        }
    };
    if !kept.may_change_roles_of(person_id) {
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

    let kept = check::kept(node_id).await?;
    if !kept.may_change_roles_of(person_id) {
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
    use crate::domain::check_role;

    let kept = check::kept(node_id).await?;
    let role = check_role(&role)?;
    if !kept.may_change_roles_of(person_id) {
        return Err(AppError::Forbidden);
    }
    if !keeping_db::remove_role(&kept.state.db, person_id, node_id, role).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Changes a person's name, e-mail and title, from a node where they hold a role: by HR at or
/// above every node where they hold one (as for switching the account off), never on oneself.
/// A name or title the HR import gave is set again by the next import.
#[server(prefix = "/api", endpoint = "organisation/person")]
pub async fn edit_person(
    node_id: i64,
    person_id: i64,
    name: String,
    email: String,
    title: String,
) -> Result<(), AppError> {
    use super::{keeping_db, people_db};
    use crate::domain::{can_manage_account, check_email, check_person_name, form_input::problem};

    let kept = check::kept(node_id).await?;
    let db = &kept.state.db;
    let Some((_, nodes)) = people_db::account(db, person_id).await? else {
        return Err(AppError::NotFound);
    };
    if !nodes.contains(&node_id) {
        return Err(AppError::NotFound);
    }
    let mut paths = Vec::with_capacity(nodes.len());
    for node in nodes {
        let ancestry = keeping_db::node_and_ancestry(db, node).await?;
        paths.push(ancestry.iter().map(|n| n.id).collect::<Vec<i64>>());
    }
    let own = person_id == kept.viewer.user.id;
    if !can_manage_account(&kept.viewer.memberships, own, &paths) {
        return Err(AppError::Forbidden);
    }
    let name = check_person_name(&name)?;
    let email = check_email(&email)?;
    let title = crate::domain::check_person_title(&title)?;
    if keeping_db::person_by_email(db, &email)
        .await?
        .is_some_and(|other| other.id != person_id)
    {
        return Err(problem("email", "En annan person har redan den e-postadressen.").into());
    }
    keeping_db::edit_person(db, person_id, &name, &email, title.as_deref()).await?;
    Ok(())
}
