//! Sign-in through the organisation's OpenID Connect provider, beside local accounts. The two
//! plain routes (`GET /logga-in/oidc`, `GET /oidc/callback`, in the server crate) call
//! [`begin`] and [`finish`]; the protocol itself is in `provider.rs`.
//!
//! People are matched by their identity at the provider (issuer and `sub`), kept on them at
//! their first sign-in through it. That first time they are matched by the e-mail address the
//! provider vouches for (verified, in plain form), to an existing active person who has no other
//! identity there yet; a disabled account stays out. Nobody is created by signing in, unless their
//! organisation has switched on open sign-up for their e-mail domain: they then get an account
//! with no roles. The session then
//! starts as after a password sign-in (new cookie id, a `sign_in_sessions` row) and the trail
//! records it; every refusal is recorded too, with its reason.

pub mod identity_db;
pub mod provider;

use http::{HeaderMap, HeaderValue};

pub use provider::{Callback, OidcProvider, OidcSettings, PendingSignIn, ProvidedIdentity};

use super::sessions_db::{SignInMethod, SignInOrigin};
use super::{db, session, SignInProblem};
use crate::audit::db::NewEntry;
use crate::state::AppState;

/// Open sign-up: a person not in the register whose address is in the e-mail domains of an
/// organisation that has switched it on gets an account there, with no roles (the start page
/// tells them whom to ask). `None` when no organisation takes them, or when it fails (logged).
async fn sign_up(state: &AppState, provided: &ProvidedIdentity, email: &str) -> Option<i64> {
    use crate::domain::sign_up::{check_email_domains, in_domains, name_from_email};
    use crate::org::{keeping_db, starting_db};

    let open = match starting_db::open_sign_ups(&state.db).await {
        Ok(open) => open,
        Err(err) => {
            tracing::error!(%err, "reading the organisations open to sign-up");
            return None;
        }
    };
    let org_id = open.into_iter().find_map(|(org_id, domains)| {
        let domains = check_email_domains(&domains).unwrap_or_default();
        in_domains(email, &domains).then_some(org_id)
    })?;
    // Some providers give the address as the name: a name made from it reads better.
    let name = provided
        .name
        .clone()
        .filter(|n| !n.contains('@'))
        .unwrap_or_else(|| name_from_email(email));
    let name: String = name
        .chars()
        .take(crate::domain::org_keeping::MAX_NODE_NAME)
        .collect();
    match keeping_db::add_person(&state.db, org_id, &name, email, None).await {
        Ok(id) => {
            tracing::info!(person_id = id, org_id, "an account made by open sign-up");
            Some(id)
        }
        Err(err) => {
            tracing::error!(%err, "making an account by open sign-up");
            None
        }
    }
}

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
    let provided = match provider
        .finish(pending, callback, state.clock.wall_now())
        .await
    {
        Ok(provided) => provided,
        Err(problem) => {
            record(state, origin, None, "", "sign_in_refused", problem.code()).await;
            return Err(problem);
        }
    };
    let (person_id, email) = match_person(state, provider, origin, &provided).await?;
    let cookie = session::start_in(state, person_id, SignInMethod::Oidc, origin)
        .await
        .map_err(|_| SignInProblem::Unavailable)?;
    record(state, origin, Some(person_id), &email, "sign_in", "oidc").await;
    tracing::info!(person_id, "signed in through the OpenID provider");
    Ok(cookie)
}

/// The person the provider's identity belongs to, and the address to record: the person the
/// identity was kept on, or at the first sign-in the active person with the verified address
/// (the identity is then kept on them), or a new account by open sign-up. Every refusal is
/// recorded with its reason.
async fn match_person(
    state: &AppState,
    provider: &OidcProvider,
    origin: &SignInOrigin,
    provided: &ProvidedIdentity,
) -> Result<(i64, String), SignInProblem> {
    let unavailable = |err: sqlx::Error| {
        tracing::error!(%err, "finding the person of a provider sign-in");
        SignInProblem::Unavailable
    };
    let shown: String = provided.email.chars().take(254).collect();
    let refuse = |person: Option<i64>, problem: SignInProblem| {
        let shown = shown.clone();
        async move {
            record(
                state,
                origin,
                person,
                &shown,
                "sign_in_refused",
                problem.code(),
            )
            .await;
            Err(problem)
        }
    };
    let (issuer, subject) = (provided.issuer.as_str(), provided.subject.as_str());
    if let Some(known) = identity_db::find_by_identity(&state.db, issuer, subject)
        .await
        .map_err(unavailable)?
    {
        if !known.active {
            return refuse(Some(known.id), SignInProblem::UnknownPerson).await;
        }
        return Ok((known.id, shown));
    }
    let email = match provided.email_to_match(provider.accepts_unverified_email()) {
        Ok(email) => email,
        Err(problem) => return refuse(None, problem).await,
    };
    let person_id = match db::find_login(&state.db, &email)
        .await
        .map_err(unavailable)?
    {
        Some(found) if found.active => found.user.id,
        Some(found) => return refuse(Some(found.user.id), SignInProblem::UnknownPerson).await,
        None => match sign_up(state, provided, &email).await {
            Some(id) => {
                record(state, origin, Some(id), &email, "signed_up", "oidc").await;
                id
            }
            None => return refuse(None, SignInProblem::UnknownPerson).await,
        },
    };
    let kept = identity_db::keep_identity(&state.db, person_id, issuer, subject)
        .await
        .map_err(|err| {
            // A unique violation: two people at once claimed one identity.
            tracing::error!(%err, person_id, "keeping a provider identity");
            SignInProblem::Unavailable
        })?;
    if !kept {
        // The address's owner already signs in as someone else at the provider: an address
        // reused or renamed there does not hand their account over.
        return refuse(Some(person_id), SignInProblem::OtherIdentity).await;
    }
    record(
        state,
        origin,
        Some(person_id),
        &email,
        "oidc_identity_kept",
        "",
    )
    .await;
    Ok((person_id, email))
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
    if let Err(err) = crate::audit::append_entry(state, &entry).await {
        tracing::error!(%err, action, "writing a sign-in to the audit trail");
    }
}
