//! Server functions of a protocol's justering: the chair or the secretary names the approvers
//! and sends the draft to the members on item 3's day; members comment until the deadline; the
//! approvers and the secretary approve one wording, and the last approval locks and publishes
//! it; a correction after the lock is a new version with its reason, approved again.

use std::collections::HashMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{access::GroupAccess, db};
use crate::error::AppError;

/// Names the approvers (Justerare) of the meeting's protocol: `approver[<person>]` for each one
/// chosen among the group's members. Refused once the protocol is locked.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/justerare")]
pub async fn save_coop_approvers(
    group_id: i64,
    meeting_id: i64,
    #[server(default)] approver: HashMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::cooperation::adjusting::check_approvers;
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    let db = &access.state.db;
    let members = db::members(db, group_id).await?;
    let choices: Vec<(i64, &str)> = members
        .iter()
        .map(|m| (m.person_id, m.name.as_str()))
        .collect();
    let mut chosen = Vec::new();
    for key in approver.keys() {
        let id = key
            .parse::<i64>()
            .map_err(|_| problem("approvers", "Justeraren måste vara ledamot i gruppen."))?;
        chosen.push(id);
    }
    chosen.sort_unstable();
    let ids = check_approvers(&chosen, &choices)?;
    db::save_approvers(db, meeting_id, &ids).await?;
    Ok(())
}

/// Sends the draft (or a correction) to every member for their comments, on or after item 3's
/// day and before its comment deadline. Returns how many it went to.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/skicka")]
pub async fn send_coop_draft(group_id: i64, meeting_id: i64) -> Result<u32, AppError> {
    use super::adjusting_read::facts_of;
    use super::adjusting_text::{draft_text, AdjustSubject};
    use crate::domain::cooperation::adjusting::check_send;
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let db = &access.state.db;
    let versions = db::versions(db, meeting_id).await?;
    let last = versions.last();
    let dates = db::adjust_dates(db, meeting_id).await?;
    let facts = facts_of(last, dates.as_ref());
    let approvers = db::approvers(db, meeting_id).await?.len();
    let now = access.state.clock.now();
    check_send(
        &facts,
        dates.as_ref(),
        approvers,
        access.state.clock.local_now().naive_local(),
    )?;
    let link = protocol_link(&access, meeting_id);
    let about = AdjustSubject {
        group: &access.group.name,
        date: meeting.meeting_date,
        link: &link,
    };
    let reason = last.map(|v| v.reason.as_str()).unwrap_or_default();
    let (subject, body) = draft_text(&about, facts.version, facts.deadline(), reason);
    let to = db::notice_recipients(db, group_id).await?;
    let messages = db::AdjustMessage::to_each(&to, &subject, &body);
    let version = i32::try_from(facts.version).unwrap_or(1);
    let sent = db::send_draft(
        db,
        meeting_id,
        version,
        access.viewer.user.id,
        now,
        &messages,
        outbox_status(&access),
    )
    .await?;
    if !sent {
        return Err(problem("send", "Utkastet är redan skickat till ledamöterna.").into());
    }
    access.state.outbox_wake.notify_one();
    Ok(u32::try_from(to.len()).unwrap_or(u32::MAX))
}

/// A member's comment on the draft, until item 3's deadline.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/synpunkt")]
pub async fn add_coop_comment(
    group_id: i64,
    meeting_id: i64,
    body: String,
) -> Result<(), AppError> {
    use super::adjusting_read::facts_of;
    use crate::domain::cooperation::adjusting::check_comment;

    let access = GroupAccess::read(group_id).await?.member()?;
    access.meeting(meeting_id).await?;
    let db = &access.state.db;
    let versions = db::versions(db, meeting_id).await?;
    let dates = db::adjust_dates(db, meeting_id).await?;
    let facts = facts_of(versions.last(), dates.as_ref());
    let body = check_comment(&facts, &body, access.state.clock.local_now().naive_local())?;
    let Some(version) = versions.last() else {
        return Err(AppError::NotFound);
    };
    db::add_comment(
        db,
        version.id,
        access.viewer.user.id,
        &body,
        access.state.clock.now(),
    )
    .await?;
    Ok(())
}

/// Approves the protocol in the wording the approver read (`fingerprint`): one of the named
/// approvers or the secretary, after the comment deadline. The last approval locks the protocol
/// and publishes it to the members (and, where the group says so, to every employee of its
/// node). Returns whether this approval locked it.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/justera")]
pub async fn approve_coop_protocol(
    group_id: i64,
    meeting_id: i64,
    fingerprint: String,
) -> Result<bool, AppError> {
    use super::adjusting_read::{document_of, facts_of, fingerprint as wording, signers_of};
    use super::adjusting_text::{published_text, AdjustSubject};
    use super::protocol_read::protocol_view;
    use crate::auth::session::require_session;
    use crate::domain::cooperation::adjusting::{check_approval, LOCKED};
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.member()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let db = &access.state.db;
    let members = db::members(db, group_id).await?;
    let (_, signing) = signers_of(db, &members, meeting_id).await?;
    if !signing.contains(&access.viewer.user.id) {
        tracing::warn!(
            person_id = access.viewer.user.id,
            meeting_id,
            "refused approving a protocol they do not sign"
        );
        return Err(AppError::Forbidden);
    }
    let versions = db::versions(db, meeting_id).await?;
    let dates = db::adjust_dates(db, meeting_id).await?;
    let facts = facts_of(versions.last(), dates.as_ref());
    check_approval(&facts, access.state.clock.local_now().naive_local())?;
    let Some(version) = versions.last() else {
        return Err(AppError::NotFound);
    };
    let view = protocol_view(&access, meeting_id).await?;
    let current = wording(&view);
    if fingerprint.trim() != current {
        return Err(problem(
            "approve",
            "Protokollet har ändrats sedan du läste det. Läs den nya lydelsen och justera igen.",
        )
        .into());
    }
    let document = serde_json::to_string(&document_of(&view))
        .map_err(|e| AppError::internal("protocol document", e.to_string()))?;
    let link = protocol_link(&access, meeting_id);
    let about = AdjustSubject {
        group: &access.group.name,
        date: meeting.meeting_date,
        link: &link,
    };
    let (subject, body) = published_text(&about, facts.version);
    let mut to = db::notice_recipients(db, group_id).await?;
    if access.group.publish_to_employees {
        for person in db::employees_under(db, access.group.node_id).await? {
            if !to.iter().any(|p| p.id == person.id) {
                to.push(person);
            }
        }
    }
    let messages = db::AdjustMessage::to_each(&to, &subject, &body);
    let session = require_session().await?;
    let locked = db::approve(
        db,
        &db::Approval {
            version_id: version.id,
            person_id: access.viewer.user.id,
            at: access.state.clock.now(),
            fingerprint: &current,
            method: &session.method,
        },
        &db::Lock {
            signers: &signing,
            document: &document,
            messages: &messages,
            status: outbox_status(&access),
        },
    )
    .await?
    .ok_or_else(|| AppError::Conflict {
        message: LOCKED.to_string(),
    })?;
    if locked {
        access.state.outbox_wake.notify_one();
    }
    Ok(locked)
}

/// Opens a correction of the locked protocol: a new version with its reason, written and
/// approved again.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/rattelse")]
pub async fn correct_coop_protocol(
    group_id: i64,
    meeting_id: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::adjusting::check_correction_reason;
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.meeting(meeting_id).await?;
    let reason = check_correction_reason(&reason)?;
    let opened = db::open_correction(
        &access.state.db,
        meeting_id,
        &reason,
        access.viewer.user.id,
        access.state.clock.now(),
    )
    .await?;
    if !opened {
        return Err(problem(
            "reason",
            "Protokollet är inte justerat än, så det ändras direkt utan rättelse.",
        )
        .into());
    }
    Ok(())
}

/// The protocol page's full link, for e-mails.
#[cfg(feature = "ssr")]
fn protocol_link(access: &GroupAccess, meeting_id: i64) -> String {
    format!(
        "{}/samverkan/{}/mote/{meeting_id}/protokoll",
        access.state.link_origin(),
        access.group.id
    )
}

/// `queued` when SMTP is configured, otherwise `stored` (kept in the outbox).
#[cfg(feature = "ssr")]
fn outbox_status(access: &GroupAccess) -> &'static str {
    if access.state.mailer.is_some() {
        "queued"
    } else {
        "stored"
    }
}
