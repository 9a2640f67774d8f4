//! A unit's documents as PDF, for anyone who may read them on their pages, with the same checks:
//! `/enhet/{u}/mote/{m}/kallelse.pdf` (the notice with its agenda; members once the notice has
//! gone out), `/enhet/{u}/mote/{m}/minnesanteckningar.pdf?version=` (a published version, the
//! latest by default), `/enhet/{u}/handlingsplan.pdf` and
//! `/enhet/{u}/checklista/{c}/checklista.pdf` (with its answers).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use app::error::AppError;
use app::org::access::{unit_meeting, UnitAccess, UnitMeeting};

use crate::access::{unit_reader, Caller};
use crate::download::download;
use crate::pdf::minutes::MinutesCopy;
use crate::pdf::{action_plan, checklist, minutes, notice};
use crate::ServerState;

/// A document as a download: never cached, since it holds what its reader may read today.
fn pdf(bytes: Vec<u8>, stem: &str) -> Response {
    download(
        bytes,
        "application/pdf",
        &format!("{stem}.pdf"),
        "private, no-store",
    )
}

/// The notice with its agenda.
pub async fn notice_pdf(
    State(state): State<ServerState>,
    caller: Caller,
    Path((unit_id, meeting_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (_, grant) = unit_reader(&state, &caller, unit_id).await?;
    let agenda = app::meetings::load::load_agenda(&state.app, &grant, meeting_id)
        .await?
        .for_reader();
    if agenda.sections.is_empty() {
        // Not written yet, or not sent to members yet: the page says so, a file would be empty.
        return Err(AppError::NotFound);
    }
    let bytes = state.pdf.render(notice::notice_html(&agenda)).await?;
    Ok(pdf(bytes, &notice::title(&agenda)))
}

/// `?version=`: a kept version of a document (published minutes, a locked protocol).
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    /// The version's number, 1, 2, …; the current one when absent.
    pub version: Option<u32>,
}

/// A published version of the minutes (the latest by default); 404 before the first.
pub async fn minutes_pdf(
    State(state): State<ServerState>,
    caller: Caller,
    Path((unit_id, meeting_id)): Path<(i64, i64)>,
    Query(query): Query<VersionQuery>,
) -> Result<Response, AppError> {
    let (_, grant) = unit_reader(&state, &caller, unit_id).await?;
    let (UnitMeeting { .. }, meeting) = unit_meeting(&state.app, &grant, meeting_id).await?;
    let versions = app::minutes::db::versions(&state.app.db, meeting_id).await?;
    let (number, text) =
        app::minutes::published_copy(&state.app.db, meeting_id, &versions, query.version)
            .await?
            .ok_or(AppError::NotFound)?;
    let version = versions
        .iter()
        .find(|v| v.version == number)
        .ok_or(AppError::NotFound)?;
    let unit_name = grant.unit_name();
    let copy = MinutesCopy {
        unit_name: &unit_name,
        meeting: &meeting,
        version,
        latest: versions.last().map_or(number, |v| v.version),
        minutes: &text,
    };
    let bytes = state.pdf.render(minutes::minutes_html(&copy)).await?;
    Ok(pdf(bytes, &minutes::title(&copy)))
}

/// The unit's action plan as its page shows it to this reader.
pub async fn action_plan_pdf(
    State(state): State<ServerState>,
    caller: Caller,
    Path(unit_id): Path<i64>,
) -> Result<Response, AppError> {
    let (_, grant) = unit_reader(&state, &caller, unit_id).await?;
    let actions = app::actions::unit_plan_actions(&state.app, &grant).await?;
    let unit_name = grant.unit_name();
    let html = action_plan::action_plan_html(&unit_name, &actions, state.app.clock.today());
    let bytes = state.pdf.render(html).await?;
    Ok(pdf(bytes, &action_plan::title(&unit_name)))
}

/// A checklist of the unit with its answers.
pub async fn checklist_pdf(
    State(state): State<ServerState>,
    caller: Caller,
    Path((unit_id, checklist_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (viewer, grant) = unit_reader(&state, &caller, unit_id).await?;
    let access = UnitAccess {
        viewer,
        state: state.app.clone(),
        grant,
    };
    let view = app::checklists::page_data::load_view(&access, checklist_id).await?;
    let bytes = state.pdf.render(checklist::checklist_html(&view)).await?;
    Ok(pdf(bytes, &checklist::title(&view)))
}
