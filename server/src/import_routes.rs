//! The HR export's upload over plain HTTP, since a file upload is a multipart form that must work
//! without the wasm bundle: the administrator's files are read, kept for the preview, and the
//! browser goes on to the preview, or back to the upload page with what is wrong with the file.

use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use app::error::AppError;
use app::org::import_file::{read_files, MAX_IMPORT_BYTES};

use crate::access::{signed_in, Caller};
use crate::ServerState;

/// The most an import upload may send: the export's limit, with room for the form around it.
pub const IMPORT_BODY_LIMIT: usize = MAX_IMPORT_BYTES + 1024 * 1024;

/// `POST /organisation/import/ladda-upp` (multipart, field `filer`, one XLSX or two CSV files):
/// for HR at the organisation's root. Goes on to `/organisation/import/{id}`, or back to
/// `/organisation/import?fel=…` saying what is wrong.
pub async fn upload(
    State(state): State<ServerState>,
    caller: Caller,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let viewer = signed_in(&state, &caller).await?;
    let org = app::org::import_org(&state.app.db, &viewer).await?;
    caller.trail.update(|n| n.node_id = Some(org));
    let back = |problem: &str| {
        let text = utf8_percent_encode(problem, NON_ALPHANUMERIC);
        Ok(Redirect::to(&format!("/organisation/import?fel={text}")).into_response())
    };
    let files = match read_files_field(multipart).await {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => return back("Välj filen eller filerna från HR-systemet."),
        Err(problem) => return back(&problem),
    };
    let name = files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let read = tokio::task::spawn_blocking(move || read_files(&files))
        .await
        .map_err(|e| AppError::internal("reading an import", e))?;
    let file = match read {
        Ok(file) => file,
        Err(problem) => return back(&problem.0),
    };
    let id = app::org::import_db::store(
        &state.app.db,
        org,
        viewer.user.id,
        &name,
        &file,
        state.app.clock.now(),
    )
    .await?;
    Ok(Redirect::to(&format!("/organisation/import/{id}")).into_response())
}

/// The files of the `filer` field, each with its name; empty choices are left out.
async fn read_files_field(mut multipart: Multipart) -> Result<Vec<(String, Vec<u8>)>, String> {
    let too_large = || {
        format!(
            "Filerna är större än {} MB tillsammans.",
            MAX_IMPORT_BYTES / 1024 / 1024
        )
    };
    let mut files = Vec::new();
    let mut total = 0usize;
    while let Some(field) = multipart.next_field().await.map_err(|_| too_large())? {
        if field.name() != Some("filer") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| too_large())?;
        total += bytes.len();
        if total > MAX_IMPORT_BYTES {
            return Err(too_large());
        }
        if !bytes.is_empty() {
            files.push((name, bytes.to_vec()));
        }
    }
    Ok(files)
}
