//! A cooperation protocol's bilagor over plain HTTP: the secretary's upload of a file under an
//! item (a multipart form that works without the wasm bundle, answered with a redirect back to
//! the protocol saying how it went), and the downloads, for whoever may read the protocol they
//! belong to: an uploaded file as it was, frozen unit results as PDF (WeasyPrint) or XLSX.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use app::cooperation::access::GroupAccess;
use app::cooperation::db as coop_db;
use app::domain::cooperation::bilagor::BilagaKind;
use app::error::AppError;

use crate::access::{signed_in, Caller};
use crate::attachment_routes::{check_upload, read_upload};
use crate::download::download;
use crate::export_tables::xlsx;
use crate::frozen_bilaga::frozen;
use crate::protocol_pdf_route::readable_protocol;
use crate::unit_pdf_routes::VersionQuery;
use crate::ServerState;

/// `POST /samverkan/{group}/mote/{meeting}/bilagor` (multipart: `item_id`, `fil`): for the
/// group's chair and secretary while the protocol is open. Goes back to the protocol with
/// `?bilaga=sparad` or the problem's code.
pub async fn upload(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, meeting_id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let viewer = signed_in(&state, &caller).await?;
    let access = GroupAccess::of(state.app.clone(), viewer, group_id)
        .await?
        .write_protocol()?;
    let back = |outcome: &str| {
        Redirect::to(&format!(
            "/samverkan/{group_id}/mote/{meeting_id}/protokoll?bilaga={outcome}#bilagor"
        ))
        .into_response()
    };
    match access.open_protocol(meeting_id).await {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => return Ok(back("last")),
        Err(e) => return Err(e),
    }
    let upload = match read_upload(multipart).await {
        Ok(upload) => upload,
        Err(problem) => return Ok(back(problem.code())),
    };
    let Some(item_id) = upload
        .fields
        .get("item_id")
        .and_then(|v| v.trim().parse::<i64>().ok())
    else {
        return Ok(back("punkt"));
    };
    let (checked, sha256) = match check_upload(&upload) {
        Ok(checked) => checked,
        Err(problem) => return Ok(back(problem.code())),
    };
    let file = coop_db::NewCoopFile {
        file_name: &checked.name,
        content_type: checked.kind.mime(),
        content: &upload.bytes,
        sha256: &sha256,
    };
    let stored = coop_db::add_file(
        &state.app.db,
        meeting_id,
        item_id,
        &file,
        access.viewer.user.id,
        state.app.clock.now(),
    )
    .await;
    Ok(match stored {
        Ok(Some(_)) => back("sparad"),
        Ok(None) => back(app::domain::AttachmentProblem::MeetingFull.code()),
        Err(sqlx::Error::RowNotFound) => back("punkt"),
        Err(err) => {
            tracing::error!(%err, meeting_id, "cooperation bilaga upload: store");
            back("fel")
        }
    })
}

/// `GET /samverkan/{group}/mote/{meeting}/bilaga/{id}/{file}`: `fil` (an uploaded file),
/// `tabeller.pdf` or `tabeller.xlsx` (frozen unit results). Only bilagor of the protocol as the
/// person may read it (a published locked version lists its own; `?version=N` a locked version's,
/// also one a later correction took out), else 404.
pub async fn download_bilaga(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, meeting_id, id, file)): Path<(i64, i64, i64, String)>,
    Query(query): Query<VersionQuery>,
) -> Result<Response, AppError> {
    let protocol = readable_protocol(&state, &caller, group_id, meeting_id, query.version).await?;
    let bilaga = protocol
        .bilagor
        .iter()
        .find(|b| b.id == id)
        .ok_or(AppError::NotFound)?;
    let content = coop_db::attachment_content(&state.app.db, meeting_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let stem = format!("Bilaga {} {}", bilaga.number, bilaga.title);
    let cache = "private, no-store";
    match (bilaga.kind, file.as_str()) {
        (BilagaKind::File, "fil") => {
            let (Some(bytes), Some(kind), Some(name)) =
                (content.content, content.content_type, content.file_name)
            else {
                return Err(AppError::NotFound);
            };
            Ok(download(bytes, &kind, &name, cache))
        }
        (BilagaKind::File, _) => Err(AppError::NotFound),
        (_, "tabeller.pdf" | "tabeller.xlsx") => {
            let made = frozen(&protocol, bilaga, content.tables.as_deref())?;
            if file == "tabeller.xlsx" {
                let bytes = xlsx(&made.sheets)
                    .map_err(|e| AppError::internal("bilaga xlsx", e.to_string()))?;
                let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                Ok(download(bytes, kind, &format!("{stem}.xlsx"), cache))
            } else {
                let bytes = state.pdf.render(made.html).await?;
                Ok(download(
                    bytes,
                    "application/pdf",
                    &format!("{stem}.pdf"),
                    cache,
                ))
            }
        }
        _ => Err(AppError::NotFound),
    }
}
