//! Server functions of cooperation groups: each checks who asks through `GroupAccess` (or, to make
//! a group, that the person keeps the node) before it reads or writes.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{access::GroupAccess, db};
use super::{GroupView, GroupsView};
use crate::domain::cooperation::MemberInput;
use crate::domain::MeetingInput;
use crate::error::AppError;
use crate::org::MemberAdded;

/// The groups the person sits in or keeps, and the nodes where they may make one.
#[server(prefix = "/api", endpoint = "samverkan")]
pub async fn groups() -> Result<GroupsView, AppError> {
    use super::GroupSummary;
    use crate::domain::cooperation::GroupRole;
    use crate::domain::{NodeChoice, Role};

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let subtrees: Vec<i64> = viewer
        .memberships
        .iter()
        .filter(|m| m.role == Role::Hr)
        .map(|m| m.node_id)
        .collect();
    let chef_nodes: Vec<i64> = viewer
        .memberships
        .iter()
        .filter(|m| m.role == Role::Chef)
        .map(|m| m.node_id)
        .collect();
    let today = state.clock.today();
    let rows = db::groups_for(&state.db, viewer.user.id, &subtrees, &chef_nodes, today).await?;
    let groups = rows
        .into_iter()
        .map(|r| GroupSummary {
            id: r.group.id,
            name: r.group.name,
            node_name: r.node_name,
            safety_committee: r.group.safety_committee,
            my_role: r.my_role.as_deref().and_then(GroupRole::from_code),
            next_meeting: r.next_meeting,
        })
        .collect();
    let mut nodes: Vec<NodeChoice> = Vec::new();
    for top in subtrees.iter().chain(chef_nodes.iter()) {
        // HR keeps a whole subtree; a chef only their own node (one row, no walk below it).
        let below = if subtrees.contains(top) {
            db::group_nodes_below(&state.db, *top).await?
        } else {
            db::group_node(&state.db, *top).await?.into_iter().collect()
        };
        for row in below {
            if !nodes.iter().any(|n| n.id == row.id) {
                nodes.push(NodeChoice {
                    id: row.id,
                    name: row.name,
                    depth: u32::try_from(row.depth).unwrap_or(0),
                    closed: false,
                });
            }
        }
    }
    Ok(GroupsView { groups, nodes })
}

/// Makes a group at a node the person keeps, with the seed's standing agenda; its id.
#[server(prefix = "/api", endpoint = "samverkan/ny")]
pub async fn create_group(
    node_id: String,
    name: String,
    min_meetings: String,
    #[server(default)] notice_days: String,
    #[server(default)] safety_committee: Option<String>,
) -> Result<i64, AppError> {
    use crate::domain::cooperation::{check_group_name, check_meeting_rule, DEFAULT_NOTICE_DAYS};
    use crate::domain::form_input::problem;
    use crate::domain::required_id;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let node_id = required_id(
        &node_id,
        "node_id",
        "Välj var i organisationen gruppen finns.",
    )?;
    crate::audit::trail::note_node(node_id);
    if !super::access::keeps_node(&state, &viewer, node_id).await? {
        tracing::warn!(
            person_id = viewer.user.id,
            node_id,
            "refused making a cooperation group"
        );
        return Err(AppError::Forbidden);
    }
    let name = check_group_name(&name)?;
    let notice = if notice_days.trim().is_empty() {
        DEFAULT_NOTICE_DAYS.to_string()
    } else {
        notice_days
    };
    let rule = check_meeting_rule(&min_meetings, &notice, safety_committee.is_some())?;
    db::create_group(&state.db, node_id, &name, rule, state.clock.now())
        .await?
        .ok_or_else(|| problem("name", "Det finns redan en grupp med det namnet här.").into())
}

/// A group's page: settings, members, standing agenda and the meetings of `year` (this year when
/// none is asked for).
#[server(prefix = "/api", endpoint = "samverkan/grupp")]
pub async fn group(group_id: i64, year: Option<i32>) -> Result<GroupView, AppError> {
    use super::{GroupMeetingView, MemberView, StandingItemView};
    use crate::domain::cooperation::{group_year_status, GroupRole, Side};
    use chrono::Datelike;

    let GroupAccess {
        state,
        group,
        keeps,
        viewer,
        ..
    } = GroupAccess::read(group_id).await?;
    let year = year
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| state.clock.today().year());
    let node_name = crate::org::keeping_db::node_and_ancestry(&state.db, group.node_id)
        .await?
        .first()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let members = db::members(&state.db, group_id)
        .await?
        .into_iter()
        .map(|m| MemberView {
            person_id: m.person_id,
            name: m.name,
            email: keeps.then_some(m.email),
            side: Side::from_code(&m.side).unwrap_or(Side::Employer),
            function_title: m.function_title,
            union_name: m.union_name,
            role: GroupRole::from_code(&m.role).unwrap_or(GroupRole::Member),
        })
        .collect();
    let standing = (1..)
        .zip(db::standing_items(&state.db, group_id).await?)
        .map(|(number, s)| StandingItemView {
            id: s.id,
            number,
            title: s.title,
            per_unit: s.per_unit,
        })
        .collect();
    let meetings: Vec<GroupMeetingView> = db::meetings(&state.db, group_id, year)
        .await?
        .into_iter()
        .map(GroupMeetingView::from)
        .collect();
    let dates: Vec<_> = meetings
        .iter()
        .filter(|m| !m.cancelled)
        .map(|m| m.date)
        .collect();
    let feed_url = db::group_feed_token(&state.db, viewer.user.id, group_id)
        .await?
        .map(|token| format!("{}/samverkan/kalender/{token}.ics", state.link_origin()));
    let rule = group.rule();
    Ok(GroupView {
        id: group.id,
        name: group.name,
        node_name,
        safety_committee: rule.safety_committee,
        min_meetings: rule.min_meetings,
        notice_days: rule.notice_days,
        publish_to_employees: group.publish_to_employees,
        can_keep: keeps,
        members,
        standing,
        year,
        meetings,
        status: group_year_status(rule, year, &dates),
        feed_url,
    })
}

/// Makes the asker a new subscription address of their own for the group's meetings (a member
/// or one who keeps the group); their old one stops working. It is served only while they still
/// sit in the group or keep it, so a union representative without a unit role follows the
/// group's meetings in their own calendar.
#[server(prefix = "/api", endpoint = "samverkan/kalender/fornya")]
pub async fn renew_group_calendar_feed(group_id: i64) -> Result<(), AppError> {
    use crate::plan::calendar::new_feed_token;

    let access = GroupAccess::read(group_id).await?;
    let person_id = access.viewer.user.id;
    db::renew_group_feed(&access.state.db, person_id, group_id, &new_feed_token()).await?;
    tracing::info!(person_id, group_id, "group calendar feed renewed");
    Ok(())
}

/// Changes a group's name and how it meets.
#[server(prefix = "/api", endpoint = "samverkan/installningar")]
pub async fn save_group_settings(
    group_id: i64,
    name: String,
    min_meetings: String,
    notice_days: String,
    #[server(default)] safety_committee: Option<String>,
    #[server(default)] publish_to_employees: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::cooperation::{check_group_name, check_meeting_rule};
    use crate::domain::form_input::problem;

    let GroupAccess { state, group, .. } = GroupAccess::read(group_id).await?.keep()?;
    let name = check_group_name(&name)?;
    let rule = check_meeting_rule(&min_meetings, &notice_days, safety_committee.is_some())?;
    let publish = publish_to_employees.is_some();
    if !db::save_settings(&state.db, &group, &name, rule, publish).await? {
        return Err(problem("name", "Det finns redan en grupp med det namnet här.").into());
    }
    Ok(())
}

/// Adds a member (a person of the organisation by e-mail; a new person with their name, who is
/// invited to choose a password) or changes one's side, function and role.
#[server(prefix = "/api", endpoint = "samverkan/ledamot")]
pub async fn save_group_member(
    group_id: i64,
    email: String,
    #[server(default)] name: String,
    member: MemberInput,
) -> Result<MemberAdded, AppError> {
    use super::db::MemberSaved;
    use crate::domain::cooperation::check_member;
    use crate::domain::form_input::problem;
    use crate::domain::{check_email, check_person_name};
    use crate::org::keeping_db;

    let GroupAccess {
        viewer,
        state,
        group,
        ..
    } = GroupAccess::read(group_id).await?.keep()?;
    let email = check_email(&email)?;
    let checked = check_member(&member)?;
    let ancestry = keeping_db::node_and_ancestry(&state.db, group.node_id).await?;
    let org_id = ancestry.last().map_or(group.node_id, |n| n.id);
    let (person_id, new_person) = match keeping_db::person_by_email(&state.db, &email).await? {
        Some(person) if person.org_id.is_some_and(|org| org != org_id) => {
            return Err(problem(
                "email",
                "E-postadressen hör till en person i en annan organisation.",
            )
            .into())
        }
        Some(person) => (person.id, None),
        None => {
            let name = check_person_name(&name)?;
            let id = keeping_db::add_person(&state.db, org_id, &name, &email, None).await?;
            (id, Some(name))
        }
    };
    match db::save_member(&state.db, group_id, person_id, &checked).await? {
        MemberSaved::RoleHeldBy(holder) => {
            return Err(problem(
                "role",
                format!(
                    "{holder} är redan {} i gruppen. Gör först om den personen till ledamot.",
                    checked.role.label().to_lowercase()
                ),
            )
            .into())
        }
        MemberSaved::Added | MemberSaved::Changed => {}
    }
    let Some(name) = new_person else {
        return Ok(MemberAdded::Existing);
    };
    if !state.sign_in.local_accounts {
        return Ok(MemberAdded::SignsInWithProvider);
    }
    let from = viewer.user.name.as_str();
    use crate::auth::links::send_link;
    use crate::domain::account_links::LinkPurpose;
    Ok(
        match send_link(
            &state,
            person_id,
            &name,
            &email,
            LinkPurpose::Invite,
            Some(from),
        )
        .await?
        {
            crate::auth::LinkMailed::Queued => MemberAdded::Invited,
            crate::auth::LinkMailed::NoMailServer => MemberAdded::InvitationNotSent,
        },
    )
}

/// Takes a member out of the group.
#[server(prefix = "/api", endpoint = "samverkan/ledamot/ta-bort")]
pub async fn remove_group_member(group_id: i64, person_id: i64) -> Result<(), AppError> {
    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    if !db::remove_member(&state.db, group_id, person_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Adds an item at the end of the group's standing agenda.
#[server(prefix = "/api", endpoint = "samverkan/punkt/ny")]
pub async fn add_standing_item(group_id: i64, title: String) -> Result<(), AppError> {
    use crate::domain::cooperation::check_standing_title;

    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    let title = check_standing_title(&title)?;
    db::add_standing_item(&state.db, group_id, &title).await?;
    Ok(())
}

/// Renames an item of the group's standing agenda.
#[server(prefix = "/api", endpoint = "samverkan/punkt/byt-namn")]
pub async fn rename_standing_item(
    group_id: i64,
    item_id: i64,
    title: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::check_standing_title;

    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    let title = check_standing_title(&title)?;
    if !db::rename_standing_item(&state.db, group_id, item_id, &title).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Removes an item from the group's standing agenda.
#[server(prefix = "/api", endpoint = "samverkan/punkt/ta-bort")]
pub async fn remove_standing_item(group_id: i64, item_id: i64) -> Result<(), AppError> {
    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    if !db::remove_standing_item(&state.db, group_id, item_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Adds a meeting to the group's plan for `year`.
#[server(prefix = "/api", endpoint = "samverkan/mote/ny")]
pub async fn add_group_meeting(
    group_id: i64,
    year: i32,
    meeting: MeetingInput,
) -> Result<(), AppError> {
    use crate::domain::check_meeting;

    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    let checked = check_meeting(&meeting, year)?;
    db::add_meeting(&state.db, group_id, &checked, state.clock.now()).await?;
    Ok(())
}

/// Cancels a meeting of the group, or takes the cancellation back.
#[server(prefix = "/api", endpoint = "samverkan/mote/installt")]
pub async fn cancel_group_meeting(
    group_id: i64,
    meeting_id: i64,
    cancelled: bool,
) -> Result<(), AppError> {
    let GroupAccess { state, .. } = GroupAccess::read(group_id).await?.keep()?;
    if !db::set_cancelled(&state.db, group_id, meeting_id, cancelled).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
