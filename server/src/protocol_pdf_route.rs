//! `/samverkan/{group}/mote/{meeting}/protokoll.pdf`: a cooperation meeting's protocol as PDF,
//! for whoever may read it on its page (members and keepers the draft or the locked document; an
//! employee of the node the last locked version where the group publishes to all employees);
//! `?version=N` a locked version as it was approved.

use axum::extract::{Path, Query, State};
use axum::response::Response;

use app::cooperation::adjusting_read::protocol_as_asked;
use app::cooperation::CoopProtocolView;
use app::error::AppError;

use crate::access::{signed_in, Caller};
use crate::download::download;
use crate::pdf::protocol::{protocol_html, title};
use crate::unit_pdf_routes::VersionQuery;
use crate::ServerState;

/// The protocol as the caller may read it, or its locked version `version`: what the PDF and
/// the bilagor's downloads are made from.
pub(crate) async fn readable_protocol(
    state: &ServerState,
    caller: &Caller,
    group_id: i64,
    meeting_id: i64,
    version: Option<u32>,
) -> Result<CoopProtocolView, AppError> {
    let viewer = signed_in(state, caller).await?;
    protocol_as_asked(state.app.clone(), viewer, group_id, meeting_id, version).await
}

/// Serves the protocol's PDF.
pub async fn download_protocol(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, meeting_id)): Path<(i64, i64)>,
    Query(query): Query<VersionQuery>,
) -> Result<Response, AppError> {
    let protocol = readable_protocol(&state, &caller, group_id, meeting_id, query.version).await?;
    let bytes = state.pdf.render(protocol_html(&protocol)).await?;
    let name = format!("{}.pdf", title(&protocol));
    Ok(download(
        bytes,
        "application/pdf",
        &name,
        "private, no-store",
    ))
}
