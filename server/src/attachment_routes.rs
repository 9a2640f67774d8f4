//! Agenda attachments over plain HTTP, since a file upload is a multipart form that must work
//! before (and without) the wasm bundle: the chef's upload, which answers with a redirect back to
//! the agenda saying how it went, and the download for anyone who may read the agenda.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};

use app::domain::{check_attachment, AttachmentProblem, Sniffed, MAX_ATTACHMENT_BYTES};
use app::error::AppError;
use app::meetings::db::{self as agenda_db, NewAttachment};

use crate::access::{signed_in, unit_reader};
use crate::download::download as file_download;
use crate::ServerState;

/// The most an upload request may send. Bigger than the attachment limit, so a file somewhat
/// over it is read to the end and refused with a message instead of a broken connection.
pub const UPLOAD_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// `POST /enhet/{unit_id}/mote/{meeting_id}/bilagor` (multipart, field `fil`): for the unit's
/// editors. Goes back to the agenda with `?bilaga=sparad` or the problem's code.
pub async fn upload(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path((unit_id, meeting_id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (viewer, grant) = unit_reader(&state, &caller, unit_id).await?;
    if !grant.access.can_edit() {
        tracing::warn!(
            person_id = viewer.user.id,
            unit_id,
            "refused attachment upload"
        );
        return Err(AppError::Forbidden);
    }
    match app::plan::db::meeting_plan(&state.app.db, meeting_id).await? {
        Some((_, unit, _)) if unit == unit_id => {}
        _ => return Err(AppError::NotFound),
    }
    let back = |outcome: &str| {
        Redirect::to(&format!(
            "/enhet/{unit_id}/mote/{meeting_id}/dagordning?bilaga={outcome}#bilagor"
        ))
        .into_response()
    };
    let upload = match read_upload(multipart).await {
        Ok(upload) => upload,
        Err(problem) => return Ok(back(problem.code())),
    };
    let (checked, sha256) = match check_upload(&upload) {
        Ok(checked) => checked,
        Err(problem) => return Ok(back(problem.code())),
    };
    let bytes = upload.bytes;
    let file = NewAttachment {
        file_name: &checked.name,
        content_type: checked.kind.mime(),
        content: &bytes,
        sha256: &sha256,
        uploaded_by: viewer.user.id,
        uploaded_at: state.app.clock.now(),
    };
    Ok(
        match agenda_db::add_attachment(&state.app.db, meeting_id, &file).await {
            Ok(Some(_)) => back("sparad"),
            Ok(None) => back(AttachmentProblem::MeetingFull.code()),
            Err(err) => {
                tracing::error!(%err, meeting_id, "attachment upload: store");
                back("fel")
            }
        },
    )
}

/// An upload's file and the form's other (text) fields.
pub struct Upload {
    /// The file's name as the browser sent it.
    pub name: String,
    /// Its bytes (at most one byte over the limit is kept; the rest is read and dropped).
    pub bytes: Vec<u8>,
    /// Its full size.
    pub size: usize,
    /// The other fields, by name.
    pub fields: std::collections::HashMap<String, String>,
}

/// Reads a multipart upload: the `fil` field and any short text fields beside it.
pub async fn read_upload(mut multipart: Multipart) -> Result<Upload, AttachmentProblem> {
    let mut found = None;
    let mut fields = std::collections::HashMap::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(AttachmentProblem::TooLarge),
        };
        let Some(field_name) = field.name().map(str::to_string) else {
            continue;
        };
        if field_name != "fil" {
            if field.file_name().is_none() && !fields.contains_key(&field_name) {
                let text = field
                    .text()
                    .await
                    .map_err(|_| AttachmentProblem::TooLarge)?;
                fields.insert(field_name, text.chars().take(200).collect());
            }
            continue;
        }
        if found.is_some() {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let mut field = field;
        let mut bytes = Vec::new();
        let mut size = 0usize;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    size += chunk.len();
                    if bytes.len() <= MAX_ATTACHMENT_BYTES {
                        let room = MAX_ATTACHMENT_BYTES + 1 - bytes.len();
                        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    }
                }
                Ok(None) => break,
                Err(_) => return Err(AttachmentProblem::TooLarge),
            }
        }
        found = Some((name, bytes, size));
    }
    let (name, bytes, size) = found.ok_or(AttachmentProblem::Missing)?;
    Ok(Upload {
        name,
        bytes,
        size,
        fields,
    })
}

/// The file's checked type and name and its SHA-256, or what is wrong with it.
pub fn check_upload(
    upload: &Upload,
) -> Result<(app::domain::CheckedAttachment, String), AttachmentProblem> {
    let sniffed = match infer::get(&upload.bytes) {
        Some(kind) => Sniffed::Binary(kind.mime_type()),
        None if std::str::from_utf8(&upload.bytes).is_ok_and(|t| !t.contains('\0')) => {
            Sniffed::Text
        }
        None => Sniffed::Unknown,
    };
    let checked = check_attachment(&upload.name, upload.size, sniffed)?;
    let sha256: String = Sha256::digest(&upload.bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((checked, sha256))
}

/// `GET /bilagor/{id}`: the file, for anyone who may read the unit once the notice has gone out
/// (its editors at any time); 404 to everyone else, as for an id that does not exist. Always a
/// download, never run or shown inline by the browser.
pub async fn download(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    signed_in(&state, &caller).await?;
    let meta = agenda_db::attachment_meta(&state.app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Another unit's file is answered like a missing one, so ids tell nobody what exists.
    let (_, grant) = unit_reader(&state, &caller, meta.unit_id)
        .await
        .map_err(|e| match e {
            AppError::Forbidden => AppError::NotFound,
            other => other,
        })?;
    if !meta.sent && !grant.access.can_edit() {
        return Err(AppError::NotFound);
    }
    let content = agenda_db::attachment_content(&state.app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(file_download(
        content,
        &meta.content_type,
        &meta.file_name,
        "private, no-store",
    ))
}
