//! What the plan's changes share: a change by the person asking, and how refusals read.

use chrono::{DateTime, Utc};

use crate::auth::session::Viewer;
use crate::domain::FieldProblem;
use crate::error::AppError;
use crate::plan::db::{Change, ChangeError, LastChange};

/// A field problem as the error shown beside the field.
pub fn invalid(problem: FieldProblem) -> AppError {
    problem.into()
}

/// "för 3 minuter sedan" and the like.
fn ago(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    let Some(at) = at else {
        return String::new();
    };
    let minutes = (now - at).num_minutes().max(0);
    match minutes {
        0 => " nyss".to_string(),
        1 => " för 1 minut sedan".to_string(),
        2..=59 => format!(" för {minutes} minuter sedan"),
        60..=119 => " för en timme sedan".to_string(),
        _ => format!(" för {} timmar sedan", minutes / 60),
    }
}

/// The refusal of a stale change, saying who changed what (and how long before `now`).
pub fn stale(last: LastChange, now: DateTime<Utc>) -> AppError {
    let who = last.by.unwrap_or_else(|| "någon annan".to_string());
    let what = last.note.map(|n| format!(" ({n})")).unwrap_or_default();
    AppError::Conflict {
        message: format!(
            "Planen har ändrats av {who}{}{what} efter att du öppnade den. Din ändring är inte \
             sparad men finns kvar i formuläret: ladda om sidan, se ändringen och spara igen.",
            ago(last.at, now)
        ),
    }
}

/// Maps a refused or failed change.
pub fn change_error(err: ChangeError, now: DateTime<Utc>) -> AppError {
    match err {
        ChangeError::Stale(last) => stale(last, now),
        ChangeError::NotInPlan => AppError::NotFound,
        ChangeError::Db(e) => AppError::internal("plan change", e),
    }
}

/// Parses an id typed into or chosen in a form.
pub fn parse_optional_id(text: &str, field: &str) -> Result<Option<i64>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| AppError::Invalid {
        field: field.to_string(),
        message: "Välj ett av alternativen i listan.".into(),
    })
}

/// A change by the signed-in person, made on the plan version their form showed.
pub fn change_by<'a>(
    viewer: &Viewer,
    at: DateTime<Utc>,
    plan_id: i64,
    version: i64,
    note: &'a str,
) -> Change<'a> {
    Change {
        plan_id,
        version,
        person_id: viewer.user.id,
        note,
        at,
    }
}
