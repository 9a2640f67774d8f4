//! What the agenda's server functions share: the checks of who asks, and how refusals read.

use crate::auth::session::Viewer;
use crate::error::AppError;
use crate::meetings::db::AgendaError;
use crate::plan::changes::support::{editor_of, meeting_in_unit};
use crate::state::AppState;

/// The signed-in editor of the unit, for a meeting of that unit: (viewer, state, plan id).
pub async fn agenda_editor(
    unit_id: i64,
    meeting_id: i64,
) -> Result<(Viewer, AppState, i64), AppError> {
    let (viewer, state, _) = editor_of(unit_id).await?;
    let (plan_id, _) = meeting_in_unit(&state, unit_id, meeting_id).await?;
    Ok((viewer, state, plan_id))
}

/// The signed-in editor of the unit, for an item on the agenda of one of its meetings.
pub async fn item_editor(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
) -> Result<(Viewer, AppState), AppError> {
    let (viewer, state, _) = agenda_editor(unit_id, meeting_id).await?;
    match crate::meetings::db::item_place(&state.db, item_id).await? {
        Some((unit, Some(meeting))) if unit == unit_id && meeting == meeting_id => {
            Ok((viewer, state))
        }
        _ => Err(AppError::NotFound),
    }
}

/// Maps a refused or failed agenda change.
pub fn agenda_error(err: AgendaError) -> AppError {
    match err {
        AgendaError::Stale => AppError::Conflict {
            message: "Dagordningen har ändrats efter att du öppnade den. Din ändring är inte \
                      sparad men finns kvar i formuläret: ladda om sidan, se ändringen och spara \
                      igen."
                .into(),
        },
        AgendaError::NotFound => AppError::NotFound,
        AgendaError::SectionNotEmpty => AppError::Invalid {
            field: "section".into(),
            message: "Avsnittet har punkter. Flytta eller ta bort dem först.".into(),
        },
        AgendaError::Db(e) => AppError::internal("agenda change", e),
    }
}

/// Parses the id of a choice in a form ("" is refused with `message` beside `field`).
pub fn required_id(text: &str, field: &str, message: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| AppError::Invalid {
        field: field.to_string(),
        message: message.to_string(),
    })
}

/// "up" or "down" from a form's button.
pub fn direction(text: &str) -> Result<bool, AppError> {
    match text {
        "up" => Ok(true),
        "down" => Ok(false),
        _ => Err(AppError::NotFound),
    }
}
