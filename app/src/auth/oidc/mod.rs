//! Sign-in through the organisation's OpenID Connect provider, beside local accounts. The two
//! plain routes (`GET /logga-in/oidc`, `GET /oidc/callback`, in the server crate) call
//! [`begin`] and [`finish`]; the protocol itself is in `provider.rs`.
//!
//! People are matched by the e-mail address the provider vouches for, to an existing active
//! person: nobody is created by signing in, and a disabled account stays out. The session then
//! starts as after a password sign-in (new cookie id, a `sign_in_sessions` row) and the trail
//! records it; every refusal is recorded too, with its reason.

pub mod provider;

use http::{HeaderMap, HeaderValue};

pub use provider::{Callback, OidcProvider, OidcSettings, PendingSignIn, ProvidedEmail};

use super::sessions_db::{SignInMethod, SignInOrigin};
use super::{db, session, SignInProblem};
use crate::audit::db::{append, NewEntry};
use crate::state::AppState;

/// Starts a sign-in: returns the provider's address to send the browser to, and the cookie
/// that keeps its state, nonce and PKCE verifier in the browser (encrypted) until it is back.
pub async fn begin(
    state: &AppState,
    origin: &SignInOrigin,
) -> Result<(String, HeaderValue), SignInProblem> {
    let provider = offered(state, origin).await?;
    let (url, pending) = provider.begin(state.clock.wall_now()).await?;
    let cookie = serde_json::to_string(&pending)
        .ok()
        .and_then(|text| state.cookies.pending_cookie(&text))
        .ok_or_else(|| {
            tracing::error!("keeping a sign-in's state in a cookie");
            SignInProblem::Unavailable
        })?;
    Ok((url, cookie))
}

/// Finishes a sign-in on the provider's way back: verifies the answer against the state the
/// request's cookie kept, finds the person and starts their session; returns the session's
/// cookie. The caller has the browser forget the pending state, whatever the outcome.
pub async fn finish(
    state: &AppState,
    headers: &HeaderMap,
    origin: &SignInOrigin,
    callback: Callback,
) -> Result<HeaderValue, SignInProblem> {
    let provider = offered(state, origin).await?;
    let pending: Option<PendingSignIn> = state
        .cookies
        .pending(headers)
        .and_then(|text| serde_json::from_str(&text).ok());
    let email = match provider
        .finish(pending, callback, state.clock.wall_now())
        .await
    {
        Ok(provided) => provided.email,
        Err(problem) => {
            record(state, origin, None, "", "sign_in_refused", problem.code()).await;
            return Err(problem);
        }
    };
    let record_of = db::find_login(&state.db, &email).await.map_err(|err| {
        tracing::error!(%err, "finding the person of a provider sign-in");
        SignInProblem::Unavailable
    })?;
    let person = match record_of {
        Some(found) if found.active => found.user,
        other => {
            let id = other.map(|r| r.user.id);
            let code = SignInProblem::UnknownPerson.code();
            record(state, origin, id, &email, "sign_in_refused", code).await;
            return Err(SignInProblem::UnknownPerson);
        }
    };
    let cookie = session::start_in(state, person.id, SignInMethod::Oidc, origin)
        .await
        .map_err(|_| SignInProblem::Unavailable)?;
    record(state, origin, Some(person.id), &email, "sign_in", "oidc").await;
    tracing::info!(
        person_id = person.id,
        "signed in through the OpenID provider"
    );
    Ok(cookie)
}

/// The configured provider, unless this address has made too many sign-in attempts. Each start
/// writes a session record and each way back asks the provider, so a flood from one address is
/// stopped here, as a flood of passwords is (and recorded as one).
async fn offered<'a>(
    state: &'a AppState,
    origin: &SignInOrigin,
) -> Result<&'a OidcProvider, SignInProblem> {
    let provider = state
        .sign_in
        .oidc
        .as_deref()
        .ok_or(SignInProblem::NotOffered)?;
    if state.sign_in_throttle.check(&origin.address).is_err() {
        record(state, origin, None, "", "sign_in_throttled", "address").await;
        return Err(SignInProblem::TooManyAttempts);
    }
    Ok(provider)
}

/// Appends a sign-in entry to the audit trail; a failure to write it is logged (the sign-in's
/// outcome stands either way, as it does for a password sign-in's refusal).
async fn record(
    state: &AppState,
    origin: &SignInOrigin,
    actor_id: Option<i64>,
    email: &str,
    action: &str,
    detail: &str,
) {
    let entry = NewEntry {
        actor_id,
        actor: if email.is_empty() {
            "OpenID Connect".to_string()
        } else {
            email.to_string()
        },
        action: action.to_string(),
        detail: if action != "sign_in_refused" {
            detail.to_string()
        } else {
            format!("oidc: {detail}")
        },
        address: origin.address.clone(),
        ..NewEntry::default()
    };
    if let Err(err) = append(&state.db, &entry, state.clock.now()).await {
        tracing::error!(%err, action, "writing a sign-in to the audit trail");
    }
}
