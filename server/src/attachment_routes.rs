//! Agenda attachments over plain HTTP, since a file upload is a multipart form that must work
//! before (and without) the wasm bundle: the chef's upload, which answers with a redirect back to
//! the agenda saying how it went, and the download for anyone who may read the agenda.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

use app::domain::{check_attachment, AttachmentProblem, Sniffed, MAX_ATTACHMENT_BYTES};
use app::meetings::db::{self as agenda_db, NewAttachment};

use crate::access::{refuse, unit_reader};
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
) -> Response {
    let (viewer, grant) = match unit_reader(&state, &caller, unit_id).await {
        Ok(granted) => granted,
        Err(refusal) => return refusal,
    };
    if !grant.access.can_edit() {
        tracing::warn!(
            person_id = viewer.user.id,
            unit_id,
            "refused attachment upload"
        );
        return refuse(
            StatusCode::FORBIDDEN,
            "Du får inte ändra enhetens dagordningar.",
        );
    }
    match app::plan::db::meeting_plan(&state.app.db, meeting_id).await {
        Ok(Some((_, unit, _))) if unit == unit_id => {}
        Ok(_) => return refuse(StatusCode::NOT_FOUND, "Mötet finns inte."),
        Err(err) => {
            tracing::error!(%err, meeting_id, "attachment upload: meeting");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.");
        }
    }
    let back = |outcome: &str| {
        Redirect::to(&format!(
            "/enhet/{unit_id}/mote/{meeting_id}/dagordning?bilaga={outcome}#bilagor"
        ))
        .into_response()
    };
    let (name, bytes, size) = match read_file_field(multipart).await {
        Ok(file) => file,
        Err(problem) => return back(problem.code()),
    };
    let sniffed = match infer::get(&bytes) {
        Some(kind) => Sniffed::Binary(kind.mime_type()),
        None if std::str::from_utf8(&bytes).is_ok_and(|t| !t.contains('\0')) => Sniffed::Text,
        None => Sniffed::Unknown,
    };
    let checked = match check_attachment(&name, size, sniffed) {
        Ok(checked) => checked,
        Err(problem) => return back(problem.code()),
    };
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let file = NewAttachment {
        file_name: &checked.name,
        content_type: checked.kind.mime(),
        content: &bytes,
        sha256: &sha256,
        uploaded_by: viewer.user.id,
        uploaded_at: state.app.clock.now(),
    };
    match agenda_db::add_attachment(&state.app.db, meeting_id, &file).await {
        Ok(_) => back("sparad"),
        Err(err) => {
            tracing::error!(%err, meeting_id, "attachment upload: store");
            back("fel")
        }
    }
}

/// The `fil` field's name and bytes (at most one byte over the limit is kept; the rest is read
/// and dropped) and its full size.
async fn read_file_field(
    mut multipart: Multipart,
) -> Result<(String, Vec<u8>, usize), AttachmentProblem> {
    let mut found = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(AttachmentProblem::TooLarge),
        };
        if field.name() != Some("fil") || found.is_some() {
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
    found.ok_or(AttachmentProblem::Missing)
}

/// `GET /bilagor/{id}`: the file, for anyone who may read the unit once the notice has gone out
/// (its editors at any time). Always a download, never run or shown inline by the browser.
pub async fn download(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(id): Path<i64>,
) -> Response {
    let not_found = || refuse(StatusCode::NOT_FOUND, "Bilagan finns inte.");
    if let Err(refusal) = crate::access::signed_in(&state, &caller).await {
        return refusal;
    }
    let meta = match agenda_db::attachment_meta(&state.app.db, id).await {
        Ok(Some(meta)) => meta,
        Ok(None) => return not_found(),
        Err(err) => {
            tracing::error!(%err, id, "attachment download: meta");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.");
        }
    };
    let grant = match unit_reader(&state, &caller, meta.unit_id).await {
        Ok((_, grant)) => grant,
        Err(refusal) => return refusal,
    };
    if !meta.sent && !grant.access.can_edit() {
        return not_found();
    }
    let content = match agenda_db::attachment_content(&state.app.db, id).await {
        Ok(Some(content)) => content,
        Ok(None) => return not_found(),
        Err(err) => {
            tracing::error!(%err, id, meeting_id = meta.meeting_id, "attachment download");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.");
        }
    };
    let mut response = content.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&meta.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&meta.file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `attachment` with an ASCII name for old clients and the exact name (RFC 6266/8187).
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(name, NON_ALPHANUMERIC)
    )
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn names_the_download_in_ascii_and_exactly() {
        assert_eq!(
            content_disposition("Årsplan \"ny\".pdf"),
            "attachment; filename=\"_rsplan _ny_.pdf\"; filename*=UTF-8''%C3%85rsplan%20%22ny%22%2Epdf"
        );
    }
}
