//! Proposals and the backlog: anyone of the unit proposes an item for a coming APT; the chef
//! accepts it onto an agenda, defers it to the backlog or declines it with a reason the proposer
//! sees; backlog items go onto an agenda when their time comes.

use leptos::prelude::*;

use crate::domain::AgendaItemInput;
use crate::error::AppError;
use crate::meetings::ProposalsView;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// The proposals page of a unit: the viewer's own proposals, and for editors those waiting and
/// the backlog.
#[server(prefix = "/api", endpoint = "forslag")]
pub async fn get_proposals(unit_id: i64) -> Result<ProposalsView, AppError> {
    use crate::meetings::db;

    let UnitAccess {
        viewer,
        state,
        grant,
    } = UnitAccess::read(unit_id).await?;
    let can_edit = grant.access.can_edit();
    let today = state.clock.today();
    let (waiting, backlog) = if can_edit {
        (
            db::proposals(&state.db, unit_id, None).await?,
            db::backlog(&state.db, unit_id).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(ProposalsView {
        unit_id,
        unit_name: grant.unit_name(),
        can_edit,
        mine: db::proposals(&state.db, unit_id, Some(viewer.user.id)).await?,
        waiting,
        backlog,
        upcoming: db::upcoming_meetings(&state.db, unit_id, today).await?,
    })
}

/// A meeting chosen in a form: one of the unit's coming APTs, or none for "the next possible".
#[cfg(feature = "ssr")]
async fn coming_meeting(
    state: &crate::state::AppState,
    unit_id: i64,
    text: &str,
    required: bool,
) -> Result<Option<i64>, AppError> {
    let choose = || AppError::Invalid {
        field: "meeting".into(),
        message: "Välj ett av de kommande APT:na i listan.".into(),
    };
    let Some(id) = crate::domain::optional_id(text, "meeting")? else {
        return if required { Err(choose()) } else { Ok(None) };
    };
    let today = state.clock.today();
    let upcoming = crate::meetings::db::upcoming_meetings(&state.db, unit_id, today).await?;
    if upcoming.iter().any(|m| m.id == id) {
        Ok(Some(id))
    } else {
        Err(choose())
    }
}

/// Proposes an item for a coming APT of the unit (anyone who may read the unit).
#[server(prefix = "/api", endpoint = "forslag/nytt")]
pub async fn propose_item(
    unit_id: i64,
    meeting_id: String,
    title: String,
    description: String,
) -> Result<(), AppError> {
    use crate::domain::{check_text, check_title};

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?;
    let title = check_title(&title, "title")?;
    let description = check_text(&description, "description", 5000)?;
    let meeting = coming_meeting(&state, unit_id, &meeting_id, false).await?;
    let stored = crate::meetings::db::propose(
        &state.db,
        unit_id,
        viewer.user.id,
        meeting,
        &title,
        &description,
    )
    .await?;
    match stored {
        Some(_) => Ok(()),
        // Shown beside the title, where the person is writing the next one.
        None => Err(AppError::Invalid {
            field: "title".into(),
            message: crate::domain::agenda::too_many_proposals(),
        }),
    }
}

#[cfg(feature = "ssr")]
async fn decide(
    (viewer, state): (&crate::auth::session::Viewer, &crate::state::AppState),
    unit_id: i64,
    proposal_id: i64,
    decision: crate::meetings::db::Decision<'_>,
) -> Result<(), AppError> {
    use crate::meetings::db::{self, AgendaError};

    db::decide(
        &state.db,
        unit_id,
        proposal_id,
        viewer.user.id,
        decision,
        state.clock.now(),
    )
    .await
    .map_err(|e| match e {
        AgendaError::Stale => AppError::Conflict {
            message: "Förslaget har redan behandlats av någon annan. Ladda om sidan.".into(),
        },
        other => other.into(),
    })
}

/// Accepts a proposal onto the agenda of one of the unit's coming APTs.
#[server(prefix = "/api", endpoint = "forslag/godta")]
pub async fn accept_proposal(
    unit_id: i64,
    proposal_id: i64,
    meeting_id: String,
) -> Result<(), AppError> {
    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let meeting_id = coming_meeting(&state, unit_id, &meeting_id, true)
        .await?
        .ok_or(AppError::NotFound)?;
    decide(
        (&viewer, &state),
        unit_id,
        proposal_id,
        crate::meetings::db::Decision::Accept { meeting_id },
    )
    .await
}

/// Defers a proposal to the unit's backlog.
#[server(prefix = "/api", endpoint = "forslag/skjut-upp")]
pub async fn defer_proposal(unit_id: i64, proposal_id: i64) -> Result<(), AppError> {
    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    decide(
        (&viewer, &state),
        unit_id,
        proposal_id,
        crate::meetings::db::Decision::Defer,
    )
    .await
}

/// Declines a proposal with a reason the proposer sees.
#[server(prefix = "/api", endpoint = "forslag/avsla")]
pub async fn decline_proposal(
    unit_id: i64,
    proposal_id: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::check_decline_reason;

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let reason = check_decline_reason(&reason)?;
    decide(
        (&viewer, &state),
        unit_id,
        proposal_id,
        crate::meetings::db::Decision::Decline { reason: &reason },
    )
    .await
}

/// Puts a backlog item on the agenda of one of the unit's coming APTs.
#[server(prefix = "/api", endpoint = "backlog/planera")]
pub async fn schedule_backlog_item(
    unit_id: i64,
    item_id: i64,
    meeting_id: String,
) -> Result<(), AppError> {
    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let meeting_id = coming_meeting(&state, unit_id, &meeting_id, true)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::meetings::db::schedule(&state.db, unit_id, item_id, meeting_id)
        .await
        .map_err(AppError::from)
}

/// Adds the chef's own item to the backlog.
#[server(prefix = "/api", endpoint = "backlog/ny")]
pub async fn add_backlog_item(unit_id: i64, item: AgendaItemInput) -> Result<(), AppError> {
    use crate::domain::check_agenda_item;

    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let checked = check_agenda_item(&item)?;
    crate::meetings::db::add_to_backlog(&state.db, unit_id, &checked).await?;
    Ok(())
}

/// Removes an item from the backlog.
#[server(prefix = "/api", endpoint = "backlog/ta-bort")]
pub async fn remove_backlog_item(unit_id: i64, item_id: i64) -> Result<(), AppError> {
    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    crate::meetings::db::remove_from_backlog(&state.db, unit_id, item_id)
        .await
        .map_err(AppError::from)
}
