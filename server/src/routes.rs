//! Plain axum routes beside the Leptos pages: health check, the no-JS language switch, and the
//! caching policy for static files.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use crate::ServerState;

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<ServerState>) -> impl IntoResponse {
    match state.app.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::error!(%err, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// The language form's fields.
#[derive(Deserialize)]
pub struct LanguageForm {
    locale: String,
    tillbaka: Option<String>,
}

/// `POST /sprak`: remembers the chosen language in the cookie leptos_i18n reads, and returns the
/// person to the page they were on (only paths on this site).
pub async fn set_language(Form(form): Form<LanguageForm>) -> Response {
    let locale = match form.locale.as_str() {
        "en" => "en",
        _ => "sv",
    };
    let back = form
        .tillbaka
        .as_deref()
        .and_then(app::domain::return_path::same_site_path)
        .unwrap_or("/")
        .to_string();
    let cookie = format!("i18n_pref_locale={locale}; Path=/; Max-Age=31536000; SameSite=Lax");
    let mut response = Redirect::to(&back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Hashed build assets are cached for a year; everything else is revalidated, and pages (which
/// hold personal data) are not stored at all.
pub async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let policy = if path.starts_with("/pkg/") {
        // Served precompressed by file: shared caches must keep one copy per encoding.
        if !response.headers().contains_key(header::VARY) {
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        "public, max-age=31536000, immutable"
    } else if [".svg", ".ico", ".png", ".webmanifest"]
        .iter()
        .any(|ending| path.ends_with(ending))
    {
        "public, max-age=86400"
    } else if path.ends_with(".js") {
        // Unhashed scripts (the service worker's registration) are checked on every load.
        "no-cache"
    } else {
        "no-store"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}
