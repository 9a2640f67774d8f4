//! Whose page a page load is, for the service worker that keeps the next APT offline. Every page
//! answer names its viewer (`X-Arshjul-Viewer`: the signed-in person's id, empty when nobody is
//! signed in in this browser) and, for the next APT, until when its saved copy may be read
//! (`X-Arshjul-Copy-Until`: the session's absolute end, milliseconds since 1970). The worker
//! drops a copy as soon as a page names another viewer or none (the session ended, timed out or
//! the account was disabled, or someone else signed in) and serves none past its time.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use app::state::AppState;

/// The header naming the page's viewer.
pub const VIEWER: &str = "x-arshjul-viewer";

/// The header saying until when the next APT's copy may be read offline.
pub const COPY_UNTIL: &str = "x-arshjul-copy-until";

/// The page whose copy is kept.
const NEXT_PAGE: &str = "/nasta-apt";

/// Marks page answers with their viewer (and the next APT's with its copy's end).
pub async fn mark_owner(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_page = request.method() == Method::GET
        && !request.uri().path().starts_with("/pkg/")
        && !request.uri().path().starts_with("/api/")
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    if !is_page {
        return next.run(request).await;
    }
    let is_next = request.uri().path() == NEXT_PAGE;
    let open = match app::auth::session::open_session(&state, request.headers()).await {
        Ok(open) => open,
        Err(_) => return next.run(request).await,
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let viewer = open
        .as_ref()
        .map(|o| o.user.id.to_string())
        .unwrap_or_default();
    if let Ok(value) = HeaderValue::from_str(&viewer) {
        headers.insert(VIEWER, value);
    }
    if let (true, Some(open)) = (is_next, open) {
        let until = (open.started_at + state.session_limits.absolute).timestamp_millis();
        if let Ok(value) = HeaderValue::from_str(&until.to_string()) {
            headers.insert(COPY_UNTIL, value);
        }
    }
    response
}
