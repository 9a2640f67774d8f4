//! Further sessions of an APT: added with their own time and place (checked like a meeting, and
//! never clashing with another session of the same APT) and removed again.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{change_by, refused};
use crate::domain::MeetingInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::{UnitAccess, UnitMeeting};

/// Adds a session to an APT (a form post without JavaScript returns to the page it came from).
#[server(prefix = "/api", endpoint = "plan/mote/tillfalle/ny")]
pub async fn add_session(
    unit_id: i64,
    meeting_id: i64,
    plan_version: i64,
    meeting: MeetingInput,
) -> Result<(), AppError> {
    use crate::domain::{check_meeting, check_no_clash, SessionTime};
    use crate::plan::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let UnitMeeting { plan_id, year, .. } = access.meeting(meeting_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let checked = check_meeting(&meeting, year)?;
    let existing = db::meeting(&state.db, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let others: Vec<SessionTime> = std::iter::once(SessionTime::from(&existing))
        .chain(existing.sessions.iter().map(SessionTime::from))
        .collect();
    check_no_clash(&SessionTime::from(&checked), &others)?;
    let note = format!(
        "lade till ett tillfälle {} till APT {}",
        checked.date.format("%Y-%m-%d"),
        existing.date.format("%Y-%m-%d")
    );
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::add_session(&state.db, &change, meeting_id, &checked)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// Removes a further session of an APT.
#[server(prefix = "/api", endpoint = "plan/mote/tillfalle/ta-bort")]
pub async fn remove_session(
    unit_id: i64,
    meeting_id: i64,
    session_id: i64,
    plan_version: i64,
) -> Result<(), AppError> {
    use crate::plan::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let UnitMeeting { plan_id, .. } = access.meeting(meeting_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let change = change_by(
        &viewer,
        &state,
        plan_id,
        plan_version,
        "tog bort ett tillfälle av ett APT",
    );
    db::remove_session(&state.db, &change, meeting_id, session_id)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}
