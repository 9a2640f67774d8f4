//! What the agenda's server functions share: how refusals read, and the form's own words.

use crate::error::AppError;
use crate::meetings::db::AgendaError;

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
