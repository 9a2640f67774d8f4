//! Who is asking: the signed-in session behind the request's cookie, and the roles behind it.
//! Every server function starts here before it reads or writes.
//!
//! The browser's session cookie (`auth::cookies`) holds only a random key. The key names a row of
//! `sign_in_sessions`, which says who signed in, when, and whether the session still lives: it is
//! checked against the idle and absolute limits on every request, and ending it (sign-out, the
//! person's own list, an administrator disabling the account) takes effect at once.

use http::header::SET_COOKIE;
use http::{HeaderMap, HeaderValue};

use crate::domain::{access_to_unit, check_session, Access, Membership, SessionCheck};
use crate::error::AppError;
use crate::state::{app_state, AppState};

use super::request_session::RequestSession;
use super::sessions_db::{self, OpenSession, SignInMethod, SignInOrigin};
use super::CurrentUser;

/// The signed-in person with their roles: what authorisation decisions are made from.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// The person.
    pub user: CurrentUser,
    /// Their roles in the organisation tree.
    pub memberships: Vec<Membership>,
}

impl Viewer {
    /// The viewer's access to a unit with the given ancestry (unit first, root last).
    pub fn access_to(&self, ancestry: &[i64]) -> Access {
        access_to_unit(&self.memberships, ancestry)
    }

    /// The nodes where the viewer is HR (empty for everyone else).
    pub fn hr_nodes(&self) -> Vec<i64> {
        self.memberships
            .iter()
            .filter(|m| m.role == crate::domain::Role::Hr)
            .map(|m| m.node_id)
            .collect()
    }
}

use crate::tokens::random_token;

/// The headers of the request being served (none outside a request).
fn request_headers() -> HeaderMap {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default()
}

/// Sends a cookie with the answer of the server function being served.
fn set_cookie(value: Option<HeaderValue>) -> Result<(), AppError> {
    let value = value.ok_or_else(|| AppError::internal("session cookie", "not a header value"))?;
    let response = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::internal("session cookie", "no response to set it on"))?;
    response.append_header(SET_COOKIE, value);
    Ok(())
}

/// The accounts that have signed in on the requesting browser before.
pub fn known_accounts() -> Vec<i64> {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return Vec::new();
    };
    app_state()
        .map(|s| s.cookies.known_accounts(&parts.headers))
        .unwrap_or_default()
}

/// Has the browser remember that `person_id` signed in on it (beside `known`, those it knew).
pub fn remember_device(known: &[i64], person_id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    set_cookie(state.cookies.device_cookie(known, person_id))
}

/// Where the request being served comes from (browser and address), for the session list.
pub fn request_origin() -> SignInOrigin {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return SignInOrigin::default();
    };
    let trust_proxy = app_state().map(|s| s.trust_proxy).unwrap_or(false);
    super::client::origin_of(&parts, trust_proxy)
}

/// Starts a signed-in session for the person: a new row under a fresh random key, which the
/// answer's cookie carries (whatever key the browser had before is never reused: no fixation).
pub async fn start(person_id: i64, method: SignInMethod) -> Result<(), AppError> {
    let state = app_state()?;
    let cookie = start_in(&state, person_id, method, &request_origin()).await?;
    super::request_session::RequestSession::forget().await;
    set_cookie(Some(cookie))
}

/// Starts a signed-in session and returns the `Set-Cookie` value that carries its key, for plain
/// routes outside Leptos (the OpenID provider's way back) to send with their answer.
pub async fn start_in(
    state: &AppState,
    person_id: i64,
    method: SignInMethod,
    origin: &SignInOrigin,
) -> Result<HeaderValue, AppError> {
    let key = random_token();
    sessions_db::insert(
        &state.db,
        &key,
        person_id,
        method,
        origin,
        state.clock.now(),
    )
    .await?;
    state
        .cookies
        .session_cookie(&key)
        .ok_or_else(|| AppError::internal("session cookie", "not a header value"))
}

/// Ends the session: its row is marked signed out and the browser told to forget the cookie.
pub async fn end() -> Result<(), AppError> {
    let state = app_state()?;
    if let Some(open) = open_session(&state, &request_headers()).await? {
        sessions_db::end(&state.db, open.id, "signed_out", state.clock.now()).await?;
    }
    super::request_session::RequestSession::forget().await;
    set_cookie(state.cookies.session_removal())
}

/// The live signed-in session behind a request's cookie, checked against the time limits. An
/// expired one is ended on the spot; `None` when nobody is signed in, the session was ended, or
/// the account was disabled.
pub async fn open_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<OpenSession>, AppError> {
    let db = &state.db;
    let Some(key) = state.cookies.session_key(headers) else {
        return Ok(None);
    };
    let Some(open) = sessions_db::find_open(db, &key).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let check = check_session(
        state.session_limits,
        open.started_at,
        open.last_seen_at,
        now,
    );
    match check {
        SessionCheck::Live { touch } => {
            if touch {
                sessions_db::touch(db, open.id, now).await?;
            }
            Ok(Some(open))
        }
        SessionCheck::Idle | SessionCheck::Absolute => {
            let reason = check.end_reason().unwrap_or("idle");
            sessions_db::end(db, open.id, reason, now).await?;
            tracing::info!(person_id = open.user.id, reason, "session timed out");
            Ok(None)
        }
    }
}

/// The live session of the request being served, read once per request.
pub async fn current_session() -> Result<Option<OpenSession>, AppError> {
    let state = app_state()?;
    RequestSession::session(|| async { open_session(&state, &request_headers()).await }).await
}

/// The live session of the request being served; `NotSignedIn` otherwise.
pub async fn require_session() -> Result<OpenSession, AppError> {
    current_session().await?.ok_or(AppError::NotSignedIn)
}

/// The signed-in person, or `None` when nobody is (or the session ended).
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    Ok(current_session().await?.map(|open| open.user))
}

/// The signed-in person with their roles; `NotSignedIn` otherwise.
pub async fn require_viewer() -> Result<Viewer, AppError> {
    let open = require_session().await?;
    crate::audit::trail::note_actor(open.user.id, &open.user.name);
    Ok(Viewer {
        user: open.user,
        memberships: open.memberships,
    })
}

/// The viewer behind a request's cookie, for plain HTTP handlers outside Leptos (downloads);
/// `None` when nobody is signed in there.
pub async fn viewer_for(state: &AppState, headers: &HeaderMap) -> Result<Option<Viewer>, AppError> {
    Ok(open_session(state, headers).await?.map(|open| Viewer {
        user: open.user,
        memberships: open.memberships,
    }))
}

/// Runs the session clean-up (`sessions_db::clean_up`) every ten minutes for as long as the
/// server runs.
pub fn spawn_cleanup(state: &AppState) {
    let (db, limits, clock) = (state.db.clone(), state.session_limits, state.clock);
    tokio::spawn(async move {
        loop {
            match sessions_db::clean_up(&db, limits, clock.now()).await {
                Ok((0, 0)) => {}
                Ok((ended, forgotten)) => tracing::info!(ended, forgotten, "sessions cleaned up"),
                Err(err) => tracing::error!(%err, "session clean-up"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        }
    });
}
