//! Who is asking: the signed-in session behind the request's cookie, and the roles behind it.
//! Every server function starts here before it reads or writes.
//!
//! The cookie's session record (tower_sessions) holds only a random key. The key names a row of
//! `sign_in_sessions`, which says who signed in, when, and whether the session still lives: it is
//! checked against the idle and absolute limits on every request, and ending it (sign-out, the
//! person's own list, an administrator disabling the account) takes effect at once.

use tower_sessions::Session;

use crate::domain::{access_to_unit, check_session, Access, Membership, SessionCheck};
use crate::error::AppError;
use crate::state::{app_state, AppState};

use super::sessions_db::{self, OpenSession, SignInMethod, SignInOrigin};
use super::{db, CurrentUser};

/// The cookie session's key holding the random key of the `sign_in_sessions` row.
pub const SIGN_IN_KEY: &str = "sign_in";

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

/// 32 random bytes as hex: unguessable keys and tokens.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The request's session (provided by the session layer).
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal("session layer missing", e))
}

/// Where the request being served comes from (browser and address), for the session list.
pub fn request_origin() -> SignInOrigin {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return SignInOrigin::default();
    };
    let trust_proxy = app_state().map(|s| s.trust_proxy).unwrap_or(false);
    super::client::origin_of(&parts, trust_proxy)
}

/// Starts a signed-in session for the person under a new cookie session id (no fixation).
pub async fn start(person_id: i64, method: SignInMethod) -> Result<(), AppError> {
    let session = session().await?;
    let state = app_state()?;
    start_in(&state, &session, person_id, method, &request_origin()).await
}

/// Starts a signed-in session in the given cookie session, for plain routes outside Leptos
/// (the OpenID provider's way back): the cookie's id is cycled first, then a new
/// `sign_in_sessions` row is named by a fresh random key.
pub async fn start_in(
    state: &AppState,
    session: &Session,
    person_id: i64,
    method: SignInMethod,
    origin: &SignInOrigin,
) -> Result<(), AppError> {
    session
        .cycle_id()
        .await
        .map_err(|e| AppError::internal("cycling session id", e))?;
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
    session
        .insert(SIGN_IN_KEY, key)
        .await
        .map_err(|e| AppError::internal("writing session", e))
}

/// Ends the session: its row is marked signed out, the cookie record deleted and the cookie
/// cleared.
pub async fn end() -> Result<(), AppError> {
    let session = session().await?;
    let state = app_state()?;
    if let Some(open) = open_session(&state, &session).await? {
        sessions_db::end(&state.db, open.id, "signed_out", state.clock.now()).await?;
    }
    session
        .flush()
        .await
        .map_err(|e| AppError::internal("ending session", e))
}

/// The live signed-in session behind a cookie session, checked against the time limits. An
/// expired one is ended on the spot (and forgotten by the cookie session); `None` when nobody is
/// signed in, the session was ended, or the account was disabled.
pub async fn open_session(
    state: &AppState,
    session: &Session,
) -> Result<Option<OpenSession>, AppError> {
    let db = &state.db;
    let key: Option<String> = session
        .get(SIGN_IN_KEY)
        .await
        .map_err(|e| AppError::internal("reading session", e))?;
    let Some(key) = key else {
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
            let _ = session.remove::<String>(SIGN_IN_KEY).await;
            Ok(None)
        }
    }
}

/// The live session of the request being served.
pub async fn current_session() -> Result<Option<OpenSession>, AppError> {
    let session = session().await?;
    let state = app_state()?;
    open_session(&state, &session).await
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
    let user = current_user().await?.ok_or(AppError::NotSignedIn)?;
    crate::audit::trail::note_actor(user.id, &user.name);
    let state = app_state()?;
    let memberships = db::memberships(&state.db, user.id).await?;
    Ok(Viewer { user, memberships })
}

/// The viewer behind a cookie session, for plain HTTP handlers outside Leptos (downloads);
/// `None` when nobody is signed in there.
pub async fn viewer_for(state: &AppState, session: &Session) -> Result<Option<Viewer>, AppError> {
    let Some(open) = open_session(state, session).await? else {
        return Ok(None);
    };
    let memberships = db::memberships(&state.db, open.user.id).await?;
    Ok(Some(Viewer {
        user: open.user,
        memberships,
    }))
}
