//! A person's own sign-in sessions: the list, and ending one or all the others (a lost phone, a
//! shared computer). Only one's own sessions can be seen or ended.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One open session, as the person's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// The session's id (to end it).
    pub id: i64,
    /// "Firefox på Windows".
    pub device: String,
    /// The client's address at sign-in.
    pub address: String,
    /// `password` or `oidc`.
    pub method: String,
    /// Signed in at (server local time).
    pub started: NaiveDateTime,
    /// Last used at (server local time).
    pub last_seen: NaiveDateTime,
    /// The session this page was asked from.
    pub current: bool,
}

/// `/konto`: the signed-in person's open sessions, the current one first.
#[server(prefix = "/api", endpoint = "konto/sessioner")]
pub async fn my_sessions() -> Result<Vec<SessionSummary>, AppError> {
    use super::session::require_session;
    use super::sessions_db;
    use crate::domain::{check_session, device_label, SessionCheck};

    let open = require_session().await?;
    let state = crate::state::app_state()?;
    let now = state.clock.now();
    let rows = sessions_db::list_open(&state.db, open.user.id).await?;
    let mut list: Vec<SessionSummary> = rows
        .into_iter()
        .filter(|r| {
            matches!(
                check_session(state.session_limits, r.started_at, r.last_seen_at, now),
                SessionCheck::Live { .. }
            )
        })
        .map(|r| SessionSummary {
            id: r.id,
            device: device_label(&r.user_agent),
            address: r.address,
            method: r.method,
            started: r.started_at.with_timezone(&chrono::Local).naive_local(),
            last_seen: r.last_seen_at.with_timezone(&chrono::Local).naive_local(),
            current: r.id == open.id,
        })
        .collect();
    list.sort_by_key(|s| !s.current);
    Ok(list)
}

/// Ends one of the person's own sessions (not the current one: that is signing out).
#[server(prefix = "/api", endpoint = "konto/avsluta-session")]
pub async fn end_my_session(session_id: i64) -> Result<(), AppError> {
    use super::session::require_session;
    use super::sessions_db;
    use crate::audit::{self, Event};

    let open = require_session().await?;
    if session_id == open.id {
        return Err(AppError::Invalid {
            field: String::new(),
            message: "Det här är inloggningen du använder nu. Logga ut för att avsluta den.".into(),
        });
    }
    let state = crate::state::app_state()?;
    let ended = sessions_db::end_own(
        &state.db,
        open.user.id,
        session_id,
        "ended_by_person",
        state.clock.now(),
    )
    .await?;
    if !ended {
        return Err(AppError::NotFound);
    }
    audit::record_for(
        Some(open.user.id),
        &open.user.name,
        Event::new("session_ended").subject("session", session_id),
    )
    .await
}

/// Ends every session of the person except the one asking.
#[server(prefix = "/api", endpoint = "konto/avsluta-andra")]
pub async fn end_my_other_sessions() -> Result<(), AppError> {
    use super::session::require_session;
    use super::sessions_db;
    use crate::audit::{self, Event};

    let open = require_session().await?;
    let state = crate::state::app_state()?;
    let count = sessions_db::end_all_of(
        &state.db,
        open.user.id,
        Some(open.id),
        "ended_by_person",
        state.clock.now(),
    )
    .await?;
    audit::record_for(
        Some(open.user.id),
        &open.user.name,
        Event::new("sessions_ended").detail(format!("{count} andra inloggningar")),
    )
    .await
}
