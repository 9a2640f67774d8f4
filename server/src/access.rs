//! Who asks, for the plain HTTP routes outside Leptos (calendar download, attachments): the
//! session's person with their roles and their grant to a unit, or the response that refuses.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use app::auth::session::{viewer_for, Viewer};
use app::org::guard::{readable_unit, UnitGrant};

use crate::ServerState;

/// A short Swedish refusal with its status.
pub fn refuse(status: StatusCode, message: &'static str) -> Response {
    (status, message).into_response()
}

/// The signed-in person; 401 when nobody is (or the account was closed).
pub async fn signed_in(state: &ServerState, session: &Session) -> Result<Viewer, Response> {
    match viewer_for(&state.app.db, state.app.session_limits, session).await {
        Ok(Some(viewer)) => Ok(viewer),
        Ok(None) => Err(refuse(StatusCode::UNAUTHORIZED, "Du behöver logga in.")),
        Err(_) => Err(refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Något gick fel hos oss.",
        )),
    }
}

/// The signed-in person's grant to a unit they may read; 401, 403 or 404 otherwise.
pub async fn unit_reader(
    state: &ServerState,
    session: &Session,
    unit_id: i64,
) -> Result<(Viewer, UnitGrant), Response> {
    let viewer = signed_in(state, session).await?;
    match readable_unit(&state.app, &viewer, unit_id).await {
        Ok(grant) => Ok((viewer, grant)),
        Err(err) => {
            let status = StatusCode::from_u16(err.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Err((status, err.to_string()).into_response())
        }
    }
}
