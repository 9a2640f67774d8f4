//! Who is asking: the person id kept in the server-side session, and the roles behind it.
//! Every server function starts here before it reads or writes.

use tower_sessions::Session;

use crate::domain::{access_to_unit, Access, Membership};
use crate::error::AppError;
use crate::state::app_state;

use super::{db, CurrentUser};

/// The session key holding the signed-in person's id.
pub const PERSON_ID_KEY: &str = "person_id";

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
}

/// The request's session (provided by the session layer).
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal("session layer missing", e))
}

/// Starts a signed-in session for the person, under a new session id (no fixation).
pub async fn start(person_id: i64) -> Result<(), AppError> {
    let session = session().await?;
    session
        .cycle_id()
        .await
        .map_err(|e| AppError::internal("cycling session id", e))?;
    session
        .insert(PERSON_ID_KEY, person_id)
        .await
        .map_err(|e| AppError::internal("writing session", e))
}

/// Ends the session: the stored record is deleted and the cookie cleared.
pub async fn end() -> Result<(), AppError> {
    session()
        .await?
        .flush()
        .await
        .map_err(|e| AppError::internal("ending session", e))
}

/// The signed-in person, or `None` when nobody is (or the account was disabled).
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let session = session().await?;
    let person_id: Option<i64> = session
        .get(PERSON_ID_KEY)
        .await
        .map_err(|e| AppError::internal("reading session", e))?;
    let Some(person_id) = person_id else {
        return Ok(None);
    };
    let state = app_state()?;
    Ok(db::find_active_person(&state.db, person_id).await?)
}

/// The signed-in person with their roles; `NotSignedIn` otherwise.
pub async fn require_viewer() -> Result<Viewer, AppError> {
    let user = current_user()
        .await?
        .ok_or_else(|| AppError::NotSignedIn.with_http_status())?;
    let state = app_state()?;
    let memberships = db::memberships(&state.db, user.id).await?;
    Ok(Viewer { user, memberships })
}

/// The viewer behind a session's person id, for plain HTTP handlers outside Leptos (calendar
/// downloads); `None` for an unknown or disabled account.
pub async fn viewer_for(db: &crate::db::Db, person_id: i64) -> Result<Option<Viewer>, AppError> {
    let Some(user) = db::find_active_person(db, person_id).await? else {
        return Ok(None);
    };
    let memberships = db::memberships(db, user.id).await?;
    Ok(Some(Viewer { user, memberships }))
}
