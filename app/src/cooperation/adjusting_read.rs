//! Reads a protocol for whoever asks and where its justering stands: members read the draft
//! (or, once locked, the document as it was approved); an employee of the node reads the last
//! locked version when the group publishes to all employees. The wording's fingerprint, which
//! every approval names, is made here too.

use sha2::{Digest, Sha256};

use super::access::GroupAccess;
use super::db::{self, VersionRow};
use super::protocol_read::protocol_view;
use super::{
    ApprovalView, ApproverChoice, CommentView, CoopAdjustingView, CoopProtocolView, LockedStamp,
    SignedBy, SignerView, VersionView,
};
use crate::auth::session::{require_viewer, Viewer};
use crate::domain::cooperation::adjusting::{signers, AdjustFacts, AdjustStage};
use crate::domain::cooperation::protocol::AdjustDates;
use crate::error::AppError;
use crate::state::{app_state, AppState};

/// The protocol of meeting `meeting_id` of group `group_id` as the person asking may read it:
/// as it stands, or its locked version `version`.
pub async fn protocol_for_reader(
    group_id: i64,
    meeting_id: i64,
    version: Option<u32>,
) -> Result<CoopProtocolView, AppError> {
    let viewer = require_viewer().await?;
    protocol_as_asked(app_state()?, viewer, group_id, meeting_id, version).await
}

/// The protocol as it stands for `viewer` ([`protocol_for`]), or its locked version `version`
/// ([`version_for`]): the page, its PDF and its bilagor's downloads ask alike.
pub async fn protocol_as_asked(
    state: AppState,
    viewer: Viewer,
    group_id: i64,
    meeting_id: i64,
    version: Option<u32>,
) -> Result<CoopProtocolView, AppError> {
    match version {
        None => protocol_for(state, viewer, group_id, meeting_id).await,
        Some(v) => version_for(state, viewer, group_id, meeting_id, v).await,
    }
}

/// The protocol as `viewer` may read it: members the draft as it stands (or the locked
/// document) with where its justering stands; those who keep the group the last locked
/// document only; an employee of the node the last locked version when the group publishes to all
/// employees.
pub async fn protocol_for(
    state: AppState,
    viewer: Viewer,
    group_id: i64,
    meeting_id: i64,
) -> Result<CoopProtocolView, AppError> {
    match GroupAccess::if_inside(state.clone(), viewer.clone(), group_id).await? {
        Some(access) => {
            access.meeting(meeting_id).await?;
            let locked = db::protocol_locked(&access.state.db, meeting_id).await?;
            if !locked && access.role.is_none() {
                // Keeping a group (HR, the node's chef) is not sitting in it: only members read
                // a draft. While a correction is open, those who keep it read what was approved.
                if let Some(approved) = locked_view(&access.state.db, meeting_id, None).await? {
                    return Ok(approved);
                }
                tracing::warn!(
                    person_id = access.viewer.user.id,
                    group_id,
                    "refused a cooperation protocol's draft to one who only keeps the group"
                );
                return Err(AppError::Forbidden);
            }
            let mut view = if locked {
                locked_view(&access.state.db, meeting_id, None)
                    .await?
                    .ok_or(AppError::NotFound)?
            } else {
                protocol_view(&access, meeting_id).await?
            };
            view.adjusting = Some(adjusting_view(&access, meeting_id, &view).await?);
            Ok(view)
        }
        None => published_view(&state, &viewer, group_id, meeting_id, None).await,
    }
}

/// Locked version `version` as approved, kept with the protocol's history: for its members and
/// those who keep the group, and for an employee of the node when the group publishes to all
/// employees. `NotFound` when that version is not locked (a correction still open, or none).
pub async fn version_for(
    state: AppState,
    viewer: Viewer,
    group_id: i64,
    meeting_id: i64,
    version: u32,
) -> Result<CoopProtocolView, AppError> {
    let version = Some(i32::try_from(version).map_err(|_| AppError::NotFound)?);
    match GroupAccess::if_inside(state.clone(), viewer.clone(), group_id).await? {
        Some(access) => {
            access.meeting(meeting_id).await?;
            locked_view(&access.state.db, meeting_id, version)
                .await?
                .ok_or(AppError::NotFound)
        }
        None => published_view(&state, &viewer, group_id, meeting_id, version).await,
    }
}

/// A locked version (the last one, or `version`), for an employee of the group's node when the
/// group publishes its protocols to all employees; `Forbidden` otherwise (also before the first
/// lock).
async fn published_view(
    state: &AppState,
    viewer: &Viewer,
    group_id: i64,
    meeting_id: i64,
    version: Option<i32>,
) -> Result<CoopProtocolView, AppError> {
    let group = db::group(&state.db, group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !group.publish_to_employees
        || !db::works_under(&state.db, viewer.user.id, group.node_id).await?
    {
        tracing::warn!(
            person_id = viewer.user.id,
            group_id,
            "refused cooperation group protocol"
        );
        return Err(AppError::Forbidden);
    }
    db::group_meeting(&state.db, group_id, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Before the first lock there is nothing for them; a version asked for that is not locked
    // is not there.
    let missing = if version.is_some() {
        AppError::NotFound
    } else {
        AppError::Forbidden
    };
    locked_view(&state.db, meeting_id, version)
        .await?
        .ok_or(missing)
}

/// A locked version's document (the last, or `version`) with its stamp, if it is locked.
async fn locked_view(
    db: &crate::db::Db,
    meeting_id: i64,
    version: Option<i32>,
) -> Result<Option<CoopProtocolView>, AppError> {
    let Some(db::LockedDocumentRow {
        id,
        version,
        locked_at,
        document,
    }) = db::locked_document(db, meeting_id, version).await?
    else {
        return Ok(None);
    };
    let signed = db::approvals(db, id)
        .await?
        .into_iter()
        .map(|a| SignedBy {
            name: a.name,
            at: local(a.approved_at),
        })
        .collect();
    stamped(&document, version, locked_at, signed).map(Some)
}

/// A locked version's document as approved, with its stamp: which version, when it was locked
/// and who approved it when. The protocol page, its PDF and the archive export read it here.
pub fn stamped(
    document: &str,
    version: i32,
    locked_at: chrono::DateTime<chrono::Utc>,
    signed: Vec<SignedBy>,
) -> Result<CoopProtocolView, AppError> {
    let mut view: CoopProtocolView = serde_json::from_str(document)
        .map_err(|e| AppError::internal("locked protocol", e.to_string()))?;
    view.can_write = false;
    view.locked = Some(LockedStamp {
        version: u32::try_from(version).unwrap_or(1),
        locked_at: local(locked_at),
        signed,
    });
    Ok(view)
}

/// The protocol as it is kept and approved: without what depends on who reads it.
pub fn document_of(view: &CoopProtocolView) -> CoopProtocolView {
    CoopProtocolView {
        can_write: false,
        adjusting: None,
        locked: None,
        ..view.clone()
    }
}

/// The wording's fingerprint: the SHA-256 of the document as JSON, as hex.
pub fn fingerprint(view: &CoopProtocolView) -> String {
    let json = serde_json::to_string(&document_of(view)).unwrap_or_default();
    Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the stage of the meeting's last version follows from (the first, unopened one when
/// there is none).
pub fn facts_of(last: Option<&VersionRow>, dates: Option<&AdjustDates>) -> AdjustFacts {
    AdjustFacts {
        version: last.map_or(1, |v| u32::try_from(v.version).unwrap_or(1)),
        sent: last.is_some_and(|v| v.sent_at.is_some()),
        locked: last.is_some_and(|v| v.locked_at.is_some()),
        comments_due: dates.map(|d| d.comments_due),
    }
}

/// The named approvers' ids, and those who sign (the secretary and the approvers), of the
/// meeting of the group with `members`.
pub async fn signers_of(
    db: &crate::db::Db,
    members: &[db::MemberRow],
    meeting_id: i64,
) -> Result<(Vec<i64>, Vec<i64>), AppError> {
    let named = db::approvers(db, meeting_id).await?;
    let secretary = members
        .iter()
        .find(|m| m.is_secretary())
        .map(|m| m.person_id);
    let all = signers(secretary, &named);
    Ok((named, all))
}

/// Those who sign the protocol of the group's meeting, for nobody in particular (the reminders).
pub async fn signers_of_group(
    db: &crate::db::Db,
    group_id: i64,
    meeting_id: i64,
) -> Result<Vec<i64>, AppError> {
    let members = db::members(db, group_id).await?;
    Ok(signers_of(db, &members, meeting_id).await?.1)
}

/// Where the justering of the meeting's protocol stands, for the panel on its page.
async fn adjusting_view(
    access: &GroupAccess,
    meeting_id: i64,
    shown: &CoopProtocolView,
) -> Result<CoopAdjustingView, AppError> {
    let db = &access.state.db;
    let versions = db::versions(db, meeting_id).await?;
    let last = versions.last();
    let dates = db::adjust_dates(db, meeting_id).await?;
    let facts = facts_of(last, dates.as_ref());
    let stage = facts.stage(access.state.clock.local_now().naive_local());
    let members = db::members(db, access.group.id).await?;
    let (named, signing) = signers_of(db, &members, meeting_id).await?;
    let approvals = match last {
        Some(v) => db::approvals(db, v.id).await?,
        None => Vec::new(),
    };
    let comments = match last {
        Some(v) => db::comments(db, v.id).await?,
        None => Vec::new(),
    };
    let wording = fingerprint(shown);
    let me = access.viewer.user.id;
    let signer_views: Vec<SignerView> = signing
        .iter()
        .filter_map(|id| members.iter().find(|m| m.person_id == *id))
        .map(|m| {
            let mine = approvals.iter().find(|a| a.person_id == m.person_id);
            let current = mine.filter(|a| stage == AdjustStage::Locked || a.fingerprint == wording);
            SignerView {
                person_id: m.person_id,
                name: m.name.clone(),
                secretary: m.is_secretary(),
                approved: current.map(|a| ApprovalView {
                    at: local(a.approved_at),
                    method: a.method.clone(),
                }),
                approved_earlier: mine.is_some() && current.is_none(),
            }
        })
        .collect();
    let i_approved = signer_views
        .iter()
        .any(|s| s.person_id == me && s.approved.is_some());
    Ok(CoopAdjustingView {
        version: facts.version,
        stage,
        reason: last.map(|v| v.reason.clone()).unwrap_or_default(),
        deadline: facts.deadline(),
        sent_at: last.and_then(|v| v.sent_at).map(local),
        locked_at: last.and_then(|v| v.locked_at).map(local),
        fingerprint: wording,
        members: members
            .iter()
            .map(|m| ApproverChoice {
                person_id: m.person_id,
                name: m.name.clone(),
                function_title: m.function_title.clone(),
                chosen: named.contains(&m.person_id),
            })
            .collect(),
        signers: signer_views,
        comments: comments
            .into_iter()
            .map(|c| CommentView {
                id: c.id,
                name: c.name,
                at: local(c.created_at),
                body: c.body,
            })
            .collect(),
        versions: versions
            .iter()
            .map(|v| VersionView {
                version: u32::try_from(v.version).unwrap_or(1),
                reason: v.reason.clone(),
                sent_at: v.sent_at.map(local),
                locked_at: v.locked_at.map(local),
            })
            .collect(),
        can_write: access.writes_protocol(),
        is_member: access.role.is_some(),
        is_signer: signing.contains(&me),
        i_approved,
    })
}

/// A moment in the server's time zone, as pages show it.
/// A stored instant in the server's local time, as documents write it.
pub fn local(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    at.with_timezone(&chrono::Local).naive_local()
}
