//! `GET /samverkan/{group}/foretagshalsovard/{year}/diagram.svg`: the chart of the node's
//! occupational health service use per month against the year before, for whoever reads the
//! group's statistics page (its members and those who keep it). 404 when the year has none.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use app::cooperation::access::GroupAccess;
use app::error::AppError;

use crate::access::{signed_in, Caller};
use crate::health_chart::month_chart;
use crate::ServerState;

/// The chart as an SVG image; never cached, since the figures may be saved again.
pub async fn chart(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    let viewer = signed_in(&state, &caller).await?;
    let access = GroupAccess::of(state.app.clone(), viewer, group_id).await?;
    let (this, last) =
        app::health_service::db::figures_with_last(&state.app.db, access.group.node_id, year)
            .await?;
    let this = this.ok_or(AppError::NotFound)?;
    let svg = month_chart(&this, last.as_ref())
        .map_err(|e| AppError::internal("health service chart", e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        svg,
    )
        .into_response())
}
