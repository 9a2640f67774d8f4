//! Server functions of the workload check. Only members of the unit vote, once each; nobody,
//! the chef included, sees a result before enough have voted.

use leptos::prelude::*;

use super::WorkloadView;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// The workload check of a meeting, as the viewer may see it.
#[server(prefix = "/api", endpoint = "avstamning")]
pub async fn get_workload(unit_id: i64, meeting_id: i64) -> Result<WorkloadView, AppError> {
    use super::db;
    use crate::domain::{tally, Ballot, WorkloadMethod};

    let UnitAccess {
        viewer,
        state,
        grant,
    } = UnitAccess::read(unit_id).await?;
    let (_, meeting) = crate::org::access::unit_meeting(&state, &grant, meeting_id).await?;
    let check = db::check(&state.db, meeting_id).await?;
    let (votes, has_voted) = db::voters(&state.db, meeting_id, viewer.user.id).await?;
    let threshold = crate::org::db::rules(&state.db, grant.org_id)
        .await?
        .vote_threshold;
    let ballot = Ballot {
        open: check.as_ref().is_some_and(|c| c.1),
        votes,
        voted: has_voted,
        threshold,
    };
    let result = if ballot.result_visible() {
        Some(tally(&db::tallies(&state.db, meeting_id).await?))
    } else {
        None
    };
    let count = |v: Option<i64>| v.and_then(|v| u32::try_from(v).ok());
    Ok(WorkloadView {
        unit_id,
        unit_name: grant.unit_name(),
        meeting_id,
        date: meeting.first_date(),
        can_edit: grant.access.can_edit(),
        may_vote: crate::domain::can_vote_in(&viewer.memberships, unit_id),
        has_voted,
        method: check.as_ref().and_then(|c| WorkloadMethod::from_code(&c.0)),
        voting_open: ballot.open,
        votes: ballot.shown_votes(),
        threshold: threshold.max(crate::domain::MIN_VOTE_THRESHOLD),
        result,
        may_reopen: ballot.may_reopen(),
        record: check.map(|c| super::WorkloadRecord {
            red: count(c.2),
            yellow: count(c.3),
            green: count(c.4),
            note: c.5,
        }),
    })
}

/// Opens (or closes) voting with a method: `traffic_light` or `quadrant`.
#[server(prefix = "/api", endpoint = "avstamning/rostning")]
pub async fn set_workload_voting(
    unit_id: i64,
    meeting_id: i64,
    method: String,
    open: bool,
) -> Result<(), AppError> {
    use crate::domain::WorkloadMethod;

    use super::db::VotingChange;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let threshold = crate::org::db::rules(&access.state.db, access.org_id())
        .await?
        .vote_threshold;
    let UnitAccess { state, .. } = access;
    let method = WorkloadMethod::from_code(&method).ok_or_else(|| AppError::Invalid {
        field: "method".into(),
        message: "Välj ett sätt att stämma av.".into(),
    })?;
    match super::db::set_voting(&state.db, meeting_id, method, open, threshold).await? {
        VotingChange::Done => Ok(()),
        VotingChange::MethodLocked => Err(AppError::Invalid {
            field: "method".into(),
            message: "Sättet kan inte bytas när röster redan har lagts.".into(),
        }),
        VotingChange::ClosedForGood => Err(AppError::Conflict {
            message: "Röstningen är stängd och resultatet har visats. Den kan inte öppnas \
                      igen, eftersom en ny röst då skulle gå att räkna ut."
                .into(),
        }),
    }
}

/// One member's anonymous vote while voting is open.
#[server(prefix = "/api", endpoint = "avstamning/rosta")]
pub async fn cast_workload_vote(
    unit_id: i64,
    meeting_id: i64,
    #[server(default)] light: Option<String>,
    #[server(default)] load: Option<String>,
    #[server(default)] control: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{vote_choice, WorkloadMethod};

    let access = UnitAccess::read(unit_id).await?.vote()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let check = super::db::check(&state.db, meeting_id).await?;
    let (method, open) = match &check {
        Some((method, open, ..)) => (WorkloadMethod::from_code(method), *open),
        None => (None, false),
    };
    let (Some(method), true) = (method, open) else {
        return Err(AppError::Conflict {
            message: "Röstningen är inte öppen.".into(),
        });
    };
    let choice = vote_choice(
        method,
        light.as_deref(),
        load.as_deref(),
        control.as_deref(),
    )?;
    if !super::db::vote(&state.db, meeting_id, viewer.user.id, &choice).await? {
        return Err(AppError::Conflict {
            message: "Du har redan röstat vid det här mötet.".into(),
        });
    }
    Ok(())
}

/// The chef's own record of the traffic light (counts) and a note.
#[server(prefix = "/api", endpoint = "avstamning/anteckna")]
pub async fn save_workload_record(
    unit_id: i64,
    meeting_id: i64,
    red: String,
    yellow: String,
    green: String,
    note: String,
) -> Result<(), AppError> {
    use crate::domain::{check_count, check_text};

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let counts = [
        check_count(&red, "red")?,
        check_count(&yellow, "yellow")?,
        check_count(&green, "green")?,
    ];
    let note = check_text(&note, "note", 2000)?;
    super::db::save_record(&state.db, meeting_id, counts, &note).await?;
    Ok(())
}
