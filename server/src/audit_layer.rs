//! The audit middleware: every request gets a [`RequestTrail`] the handler fills in (who asked,
//! which unit), and once the answer is known the entry `app::audit::catalogue::decide` asks for
//! is appended: successful changes and refused requests. A form's ids say what a change was
//! made to; what was written stays in the record itself, not in the trail.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::audit::append_entry;
use app::audit::catalogue::{decide, ids_in_form};
use app::audit::db::NewEntry;
use app::audit::trail::RequestTrail;
use app::state::AppState;

/// Records what the request did in the audit trail.
pub async fn audit_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().as_str().to_string();
    let path = request.uri().path().to_string();
    let trail = RequestTrail::default();
    let (mut parts, body) = request.into_parts();
    parts.extensions.insert(trail.clone());
    let address = app::auth::client::address_of(&parts, state.trust_proxy);
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    // A form is read here to name its ids, then handed on unchanged. It is small: the body limit
    // applies (a larger one is refused as the inner limit would).
    let (body, subject) = if is_form && parts.method != axum::http::Method::GET {
        match axum::body::to_bytes(body, crate::BODY_LIMIT).await {
            Ok(bytes) => {
                let subject = ids_in_form(&String::from_utf8_lossy(&bytes));
                (Body::from(bytes), subject)
            }
            Err(_) => {
                return (
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "Det du skickade är för stort.",
                )
                    .into_response();
            }
        }
    } else {
        (body, String::new())
    };
    let response = next.run(Request::from_parts(parts, body)).await;
    let note = trail.snapshot();
    // A failed server function says so in a header; a plain form post's answer is then still a
    // redirect, so the status the error noted is the outcome (an unexplained failure: 500).
    let failed = response.headers().contains_key("serverfnerror");
    let answered = response.status().as_u16();
    let status = if failed && answered < 400 {
        note.failure.unwrap_or(500)
    } else {
        answered
    };
    let Some(recorded) = decide(&method, &path, status, note.recorded) else {
        return response;
    };
    let (actor_id, actor) = note.actor.unzip();
    let entry = NewEntry {
        actor_id,
        actor: actor.unwrap_or_default(),
        action: recorded.action,
        node_id: note.node_id,
        subject,
        detail: recorded.detail,
        address,
    };
    if let Err(err) = append_entry(&state, &entry).await {
        // The change itself is done; losing its trail entry must be seen by whoever runs the
        // service.
        tracing::error!(error = %err, action = %entry.action, "writing the audit trail failed");
    }
    response
}
