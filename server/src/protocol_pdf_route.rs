//! `/samverkan/{group}/mote/{meeting}/protokoll.pdf`: a cooperation meeting's protocol as PDF,
//! for whoever may read it on its page (members and keepers the draft or the locked document; an
//! employee of the node the last locked version where the group publishes to all employees).

use axum::extract::{Path, State};
use axum::response::Response;

use app::cooperation::adjusting_read::protocol_for;
use app::error::AppError;

use crate::access::{signed_in, Caller};
use crate::download::download;
use crate::pdf::protocol::{protocol_html, title};
use crate::ServerState;

/// Serves the protocol's PDF.
pub async fn download_protocol(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, meeting_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let viewer = signed_in(&state, &caller).await?;
    let protocol = protocol_for(state.app.clone(), viewer, group_id, meeting_id).await?;
    let bytes = state.pdf.render(protocol_html(&protocol)).await?;
    let name = format!("{}.pdf", title(&protocol));
    Ok(download(
        bytes,
        "application/pdf",
        &name,
        "private, no-store",
    ))
}
