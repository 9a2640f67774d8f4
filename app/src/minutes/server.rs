//! Server functions of minutes and the action plan. Members read published versions only; the
//! chef (and deputy, and HR) keep the draft and publish it.

use std::collections::HashMap;

use leptos::prelude::*;

use super::MinutesView;
use crate::domain::ActionInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::{UnitAccess, UnitMeeting};

/// The minutes of a meeting: the published version asked for (the latest by default), and for
/// editors the draft with attendance and actions.
#[server(prefix = "/api", endpoint = "minnesanteckningar")]
pub async fn get_minutes(
    unit_id: i64,
    meeting_id: i64,
    version: Option<u32>,
) -> Result<MinutesView, AppError> {
    use super::{db, snapshot, Attendee, PublishedMinutes};

    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let (UnitMeeting { year, .. }, meeting) =
        crate::org::access::unit_meeting(&state, &grant, meeting_id).await?;
    let versions = db::versions(&state.db, meeting_id).await?;
    let shown = published_copy(&state.db, meeting_id, &versions, version).await?;
    let can_edit = grant.access.can_edit();
    let (draft, attendees, actions, unpublished_changes) = if can_edit {
        let draft = crate::meetings::db::agenda(&state.db, meeting_id).await?;
        let recorded = db::attendance(&state.db, meeting_id).await?;
        let attendees: Vec<Attendee> = crate::notices::db::recipients(&state.db, unit_id)
            .await?
            .into_iter()
            .map(|r| Attendee {
                present: recorded.iter().find(|(p, _)| *p == r.id).map(|(_, p)| *p),
                person_id: r.id,
                name: r.name,
            })
            .collect();
        let actions = db::meeting_actions(&state.db, meeting_id).await?;
        let now = snapshot(&draft, &attendees, &actions);
        let latest = match versions.last() {
            Some(v) => db::content(&state.db, meeting_id, v.version)
                .await?
                .and_then(|t| serde_json::from_str::<PublishedMinutes>(&t).ok()),
            None => None,
        };
        let changed = latest.as_ref() != Some(&now);
        (draft, attendees, actions, changed)
    } else {
        (Vec::new(), Vec::new(), Vec::new(), false)
    };
    Ok(MinutesView {
        unit_id,
        unit_name: grant.unit_name(),
        year,
        meeting,
        can_edit,
        versions,
        shown,
        draft,
        attendees,
        actions,
        unpublished_changes,
    })
}

/// The published copy everyone reads: `version`, or the latest of `versions` when none is asked
/// for; `None` before the first publication, `NotFound` for a version that does not exist. The
/// minutes page and the minutes' PDF read it here, so both show the same words.
#[cfg(feature = "ssr")]
pub async fn published_copy(
    db: &crate::db::Db,
    meeting_id: i64,
    versions: &[super::MinutesVersion],
    version: Option<u32>,
) -> Result<Option<(u32, super::PublishedMinutes)>, AppError> {
    let Some(wanted) = version.or(versions.last().map(|v| v.version)) else {
        return Ok(None);
    };
    let text = super::db::content(db, meeting_id, wanted)
        .await?
        .ok_or(AppError::NotFound)?;
    let minutes = serde_json::from_str(&text)
        .map_err(|e| AppError::internal("published minutes unreadable", e))?;
    Ok(Some((wanted, minutes)))
}

/// Records who attended: `present[<person id>]` for each member present (unchecked are absent).
#[server(prefix = "/api", endpoint = "minnesanteckningar/narvaro")]
pub async fn save_attendance(
    unit_id: i64,
    meeting_id: i64,
    #[server(default)] present: HashMap<String, String>,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let members = crate::notices::db::recipients(&state.db, unit_id).await?;
    let rows: Vec<(i64, bool)> = members
        .iter()
        .map(|m| (m.id, present.contains_key(&m.id.to_string())))
        .collect();
    super::db::set_attendance(&state.db, meeting_id, &rows).await?;
    Ok(())
}

/// Saves what the minutes say of one agenda item: notes, decision, and whether it was reached.
#[server(prefix = "/api", endpoint = "minnesanteckningar/punkt")]
pub async fn save_item_minutes(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
    text: ItemMinutesInput,
    #[server(default)] not_reached: Option<String>,
) -> Result<SavedItemMinutes, AppError> {
    use super::db::ItemSave;
    use crate::domain::check_text;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.item(meeting_id, item_id).await?;
    let UnitAccess { state, .. } = access;
    let notes = check_text(&text.notes, "notes", 20_000)?.replace("\r\n", "\n");
    let decision = check_text(&text.decision, "decision", 5_000)?.replace("\r\n", "\n");
    let before = (text.notes_before.as_str(), text.decision_before.as_str());
    match super::db::save_item(
        &state.db,
        meeting_id,
        item_id,
        before,
        &notes,
        &decision,
        not_reached.is_none(),
    )
    .await?
    {
        ItemSave::Saved => Ok(SavedItemMinutes {
            item_id,
            notes,
            decision,
        }),
        ItemSave::Stale => Err(AppError::stale(crate::error::Edited::Notes, None)),
        ItemSave::NotFound => Err(AppError::NotFound),
    }
}

/// What the minutes say of an item, as the form posts it (`text[notes]`, …), with what the
/// notes and decision were when the form was opened.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemMinutesInput {
    /// What was said.
    pub notes: String,
    /// What was decided.
    pub decision: String,
    /// The notes as the form was opened with them.
    #[serde(default)]
    pub notes_before: String,
    /// The decision as the form was opened with it.
    #[serde(default)]
    pub decision_before: String,
}

/// What an item's minutes now say, so the form knows what it was saved over next time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SavedItemMinutes {
    /// The item.
    pub item_id: i64,
    /// Its notes as saved.
    pub notes: String,
    /// Its decision as saved.
    pub decision: String,
}

/// Writes down an action at the meeting (optionally under an item); it goes into the unit's
/// action plan.
#[server(prefix = "/api", endpoint = "minnesanteckningar/atgard")]
pub async fn add_meeting_action(
    unit_id: i64,
    meeting_id: i64,
    #[server(default)] item_id: Option<i64>,
    action: ActionInput,
) -> Result<(), AppError> {
    use crate::domain::check_action;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    if let Some(item) = item_id {
        access.item(meeting_id, item).await?;
    }
    let UnitAccess { viewer, state, .. } = access;
    let meeting = crate::plan::db::meeting(&state.db, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let members: Vec<i64> = crate::notices::db::recipients(&state.db, unit_id)
        .await?
        .iter()
        .map(|r| r.id)
        .collect();
    let checked = check_action(&action, &members, meeting.date)?;
    super::db::add_action(
        &state.db,
        unit_id,
        Some(meeting_id),
        item_id,
        &checked,
        viewer.user.id,
    )
    .await?;
    Ok(())
}

/// Removes an action written down at the meeting.
#[server(prefix = "/api", endpoint = "minnesanteckningar/atgard/ta-bort")]
pub async fn remove_meeting_action(
    unit_id: i64,
    meeting_id: i64,
    action_id: i64,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    if !super::db::remove_action(&state.db, meeting_id, action_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Publishes the minutes as they stand: a new version every member of the unit reads.
#[server(prefix = "/api", endpoint = "minnesanteckningar/publicera")]
pub async fn publish_minutes(unit_id: i64, meeting_id: i64) -> Result<u32, AppError> {
    // Who may publish is decided before anything of the meeting is looked up.
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let view = get_minutes(unit_id, meeting_id, None).await?;
    if !view.can_edit {
        return Err(AppError::Forbidden);
    }
    if !view.unpublished_changes {
        return Err(AppError::Invalid {
            field: "publish".into(),
            message: "Inget har ändrats sedan senaste publiceringen.".into(),
        });
    }
    let UnitAccess { viewer, state, .. } = access;
    let minutes = super::snapshot(&view.draft, &view.attendees, &view.actions);
    let text = serde_json::to_string(&minutes)
        .map_err(|e| AppError::internal("minutes not serialisable", e))?;
    Ok(super::db::publish(
        &state.db,
        meeting_id,
        &text,
        viewer.user.id,
        state.clock.now(),
    )
    .await?)
}

/// The actions written down at a meeting, for the draft (members read them in the published
/// minutes, so they get none here).
#[server(prefix = "/api", endpoint = "minnesanteckningar/atgarder")]
pub async fn get_meeting_actions(
    unit_id: i64,
    meeting_id: i64,
) -> Result<Vec<super::Action>, AppError> {
    let access = UnitAccess::read(unit_id).await?;
    access.meeting(meeting_id).await?;
    if !access.grant.access.can_edit() {
        return Ok(Vec::new());
    }
    Ok(super::db::meeting_actions(&access.state.db, meeting_id).await?)
}
