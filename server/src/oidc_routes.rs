//! The two plain routes of sign-in through the organisation's OpenID provider. They are links
//! and redirects the browser follows (no JavaScript, no server function): the session cookie
//! (SameSite=Lax) comes along on the provider's top-level redirect back.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use http::header::SET_COOKIE;

use app::auth::oidc::{self, Callback};
use app::auth::SignInProblem;

use crate::ServerState;

/// Back to the sign-in page, which names the problem.
fn back_with(problem: SignInProblem) -> Response {
    Redirect::to(&format!("/logga-in?fel={}", problem.code())).into_response()
}

/// `GET /logga-in/oidc`: sends the browser to the provider with a fresh state, nonce and PKCE
/// challenge kept in its cookie.
pub async fn begin(State(state): State<ServerState>, parts: http::request::Parts) -> Response {
    let origin = app::auth::client::origin_of(&parts, state.app.trust_proxy);
    match oidc::begin(&state.app, &origin).await {
        Ok((url, pending)) => {
            (AppendHeaders([(SET_COOKIE, pending)]), Redirect::to(&url)).into_response()
        }
        Err(problem) => back_with(problem),
    }
}

/// `GET /oidc/callback`: the provider's way back. Signed in, the person lands on the start
/// page; otherwise on the sign-in page with the reason.
pub async fn callback(
    State(state): State<ServerState>,
    parts: http::request::Parts,
    callback: Result<Query<Callback>, QueryRejection>,
) -> Response {
    // A query that does not parse is no answer of the provider's: refused like a forged one.
    let Ok(Query(callback)) = callback else {
        return back_with(SignInProblem::Expired);
    };
    let origin = app::auth::client::origin_of(&parts, state.app.trust_proxy);
    // The pending sign-in is used once, whatever the outcome.
    let forget = state.app.cookies.pending_removal();
    let (cookies, answer) = match oidc::finish(&state.app, &parts.headers, &origin, callback).await
    {
        Ok(session) => (
            vec![Some(session), forget],
            Redirect::to("/").into_response(),
        ),
        Err(problem) => (vec![forget], back_with(problem)),
    };
    let headers: Vec<_> = cookies
        .into_iter()
        .flatten()
        .map(|c| (SET_COOKIE, c))
        .collect();
    (AppendHeaders(headers), answer).into_response()
}
