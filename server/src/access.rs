//! Who asks, for the plain HTTP routes outside Leptos (calendar download, attachments): the
//! session's person with their roles and their grant to a unit, or the `AppError` that refuses.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;
use http::HeaderMap;

use app::audit::trail::RequestTrail;

use app::auth::session::{viewer_for, Viewer};
use app::error::AppError;
use app::org::guard::{readable_unit, UnitGrant};

use crate::ServerState;

/// Who is calling a plain route: the request's headers (its session cookie), and the request's
/// audit note, which the checks below fill in (who asked, which unit) for the audit middleware.
pub struct Caller {
    /// The request's headers.
    pub headers: HeaderMap,
    /// The request's audit note.
    pub trail: RequestTrail,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let trail = parts
            .extensions
            .get::<RequestTrail>()
            .cloned()
            .unwrap_or_default();
        Ok(Caller {
            headers: parts.headers.clone(),
            trail,
        })
    }
}

/// The signed-in person; 401 when nobody is (or the account was closed).
pub async fn signed_in(state: &ServerState, caller: &Caller) -> Result<Viewer, AppError> {
    let viewer = viewer_for(&state.app, &caller.headers)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    caller
        .trail
        .update(|n| n.actor = Some((viewer.user.id, viewer.user.name.clone())));
    Ok(viewer)
}

/// The signed-in person's grant to a unit they may read; 401, 403 or 404 otherwise.
pub async fn unit_reader(
    state: &ServerState,
    caller: &Caller,
    unit_id: i64,
) -> Result<(Viewer, UnitGrant), AppError> {
    let viewer = signed_in(state, caller).await?;
    caller.trail.update(|n| n.node_id = Some(unit_id));
    let grant = readable_unit(&state.app, &viewer, unit_id).await?;
    Ok((viewer, grant))
}
