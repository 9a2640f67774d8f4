//! Calendar files: a unit's year as an `.ics` download for signed-in readers, and the unit's
//! subscribable feed behind its unguessable token (calendar programs cannot sign in).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::plan::calendar::calendar_for_unit;
use app::plan::db as plan_db;

use crate::access::{refuse, unit_reader};
use crate::ServerState;

/// `?ar=2026`.
#[derive(Deserialize)]
pub struct YearQuery {
    ar: Option<i32>,
}

/// Where links in calendar entries point: the request's own host.
fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:3000");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

fn ics(text: String, filename: &str, cache: &'static str) -> Response {
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// `GET /enhet/{unit_id}/kalender.ics?ar=2026`: for anyone who may read the unit.
pub async fn unit_download(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(unit_id): Path<i64>,
    Query(query): Query<YearQuery>,
    headers: HeaderMap,
) -> Response {
    let grant = match unit_reader(&state, &caller, unit_id).await {
        Ok((_, grant)) => grant,
        Err(refusal) => return refusal,
    };
    let year = query.ar.unwrap_or_else(|| state.app.clock.year());
    let name = grant.unit_name();
    let url = format!("{}/enhet/{unit_id}?ar={year}", origin(&headers));
    match calendar_for_unit(&state.app.db, unit_id, &name, year..=year, &url).await {
        Ok(text) => ics(text, &format!("apt-{year}.ics"), "no-store"),
        Err(err) => {
            tracing::error!(%err, unit_id, "calendar download");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.")
        }
    }
}

/// `GET /kalender/{token}.ics`: the unit's meetings of last, this and next year.
pub async fn feed(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return refuse(StatusCode::NOT_FOUND, "Kalendern finns inte.");
    }
    let unit_id = match plan_db::unit_of_feed(&state.app.db, token).await {
        Ok(Some(unit)) => unit,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "Kalendern finns inte."),
        Err(err) => {
            tracing::error!(%err, "calendar feed lookup");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.");
        }
    };
    let tree = match app::org::db::load_tree(&state.app.db).await {
        Ok(tree) => tree,
        Err(err) => {
            tracing::error!(%err, "calendar feed tree");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.");
        }
    };
    let name = tree
        .nodes
        .get(&unit_id)
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let year = state.app.clock.year();
    let url = format!("{}/enhet/{unit_id}", origin(&headers));
    match calendar_for_unit(&state.app.db, unit_id, &name, year - 1..=year + 1, &url).await {
        Ok(text) => ics(text, "apt.ics", "private, max-age=300"),
        Err(err) => {
            tracing::error!(%err, unit_id, "calendar feed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.")
        }
    }
}
