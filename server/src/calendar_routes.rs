//! Calendar files: a unit's year as an `.ics` download for signed-in readers, and the unit's
//! subscribable feed behind its unguessable token (calendar programs cannot sign in), both with
//! the meetings of the node's cooperation groups; and a cooperation group's year for its members.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use serde::Deserialize;

use app::error::AppError;
use app::plan::calendar::calendar_for_unit;
use app::plan::db as plan_db;

use crate::access::unit_reader;
use crate::download::download;
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

/// The token of a feed's file name (`{64 hex}.ics`); anything else is an address of nothing.
fn feed_token(file: &str) -> Result<&str, AppError> {
    let token = file.strip_suffix(".ics").unwrap_or(file);
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    Ok(token)
}

/// A calendar file: the year's meetings in iCalendar format.
fn ics(text: String, filename: &str, cache: &'static str) -> Response {
    download(text, "text/calendar; charset=utf-8", filename, cache)
}

/// `GET /enhet/{unit_id}/kalender.ics?ar=2026`: for anyone who may read the unit.
pub async fn unit_download(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(unit_id): Path<i64>,
    Query(query): Query<YearQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (_, grant) = unit_reader(&state, &caller, unit_id).await?;
    let year = query.ar.unwrap_or_else(|| state.app.clock.year());
    let name = grant.unit_name();
    let origin = origin(&headers);
    let url = format!("{origin}/enhet/{unit_id}?ar={year}");
    let text = calendar_for_unit(&state.app.db, unit_id, &name, year..=year, &origin, &url)
        .await
        .map_err(|err| AppError::internal("calendar download", err))?;
    Ok(ics(text, &format!("apt-{year}.ics"), "no-store"))
}

/// `GET /kalender/{token}.ics`: the unit's meetings of last, this and next year, for the
/// person whose address it is.
pub async fn feed(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let token = feed_token(&file)?;
    let owner = plan_db::feed_owner(&state.app.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    // The address is its person's: served only while they may still read the unit, so a role
    // or an account taken away ends the subscription at once. Refused like an unknown address.
    let memberships = app::auth::db::memberships(&state.app.db, owner.person_id).await?;
    let ancestry: Vec<i64> = app::org::keeping_db::node_and_ancestry(&state.app.db, owner.unit_id)
        .await?
        .iter()
        .map(|n| n.id)
        .collect();
    if !owner.active || !app::domain::access_to_unit(&memberships, &ancestry).can_read() {
        tracing::info!(
            person_id = owner.person_id,
            unit_id = owner.unit_id,
            "calendar feed of someone who no longer reads the unit"
        );
        return Err(AppError::NotFound);
    }
    let (unit_id, name) = (owner.unit_id, owner.unit_name);
    let year = state.app.clock.year();
    let origin = origin(&headers);
    let url = format!("{origin}/enhet/{unit_id}");
    let text = calendar_for_unit(
        &state.app.db,
        unit_id,
        &name,
        year - 1..=year + 1,
        &origin,
        &url,
    )
    .await
    .map_err(|err| AppError::internal("calendar feed", err))?;
    Ok(ics(text, "apt.ics", "private, max-age=300"))
}

/// `GET /samverkan/{group_id}/kalender.ics?ar=2026`: the group's meetings of the year, for its
/// members and those who keep it.
pub async fn group_download(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(group_id): Path<i64>,
    Query(query): Query<YearQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    use app::cooperation::{access::GroupAccess, calendar::group_calendar, db as coop_db};

    let viewer = crate::access::signed_in(&state, &caller).await?;
    let access = GroupAccess::of(state.app.clone(), viewer, group_id).await?;
    let year = query.ar.unwrap_or_else(|| state.app.clock.year());
    let meetings = coop_db::group_year_meetings(&state.app.db, group_id, year).await?;
    let text = group_calendar(&access.group.name, &meetings, &origin(&headers));
    Ok(ics(text, &format!("samverkan-{year}.ics"), "no-store"))
}

/// `GET /samverkan/kalender/{token}.ics`: the group's meetings of last, this and next year, for
/// the person whose address it is, while they are active and still sit in the group or keep it
/// (refused like an unknown address otherwise).
pub async fn group_feed(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    use app::cooperation::{access::GroupAccess, calendar::group_calendar, db as coop_db};

    let token = feed_token(&file)?;
    let db = &state.app.db;
    let owner = coop_db::group_feed_owner(db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(user) = app::auth::db::find_active_person(db, owner.person_id).await? else {
        return Err(AppError::NotFound);
    };
    let memberships = app::auth::db::memberships(db, owner.person_id).await?;
    let viewer = app::auth::session::Viewer { user, memberships };
    let Some(access) = GroupAccess::if_inside(state.app.clone(), viewer, owner.group_id).await?
    else {
        tracing::info!(
            person_id = owner.person_id,
            group_id = owner.group_id,
            "group calendar feed of someone no longer in the group"
        );
        return Err(AppError::NotFound);
    };
    let year = state.app.clock.year();
    let meetings = coop_db::group_meetings_in(db, owner.group_id, year - 1..=year + 1).await?;
    let text = group_calendar(&access.group.name, &meetings, &origin(&headers));
    Ok(ics(text, "samverkan.ics", "private, max-age=300"))
}
