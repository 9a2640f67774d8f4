//! `AppError`: the one error type every server function returns, shared by server and browser.
//!
//! Error policy:
//! - Variants name what the user can act on (sign in, no access, not found, a field to fix).
//! - Anything unexpected (database down, a bug) becomes `Internal`: the detail is logged on the
//!   server with context by [`AppError::internal`] and never reaches the browser.
//! - The UI turns each variant into a translated sentence; `Display` is the Swedish default for logs
//!   and no-JS fallbacks.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, in terms the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// No signed-in person: the page asks them to sign in.
    #[error("Du behöver logga in.")]
    NotSignedIn,
    /// Wrong e-mail or password (never says which).
    #[error("Fel e-postadress eller lösenord.")]
    InvalidCredentials,
    /// Too many sign-in attempts from this address or for this account: wait and try again.
    #[error("För många inloggningsförsök. Vänta {minutes} minuter och försök sedan igen.")]
    TooManyAttempts {
        /// Whole minutes to wait (at least one).
        minutes: u32,
    },
    /// Too many requests from this browser (or, signed out, this address) in a short time.
    #[error("För många förfrågningar på kort tid. Vänta {seconds} sekunder och försök igen.")]
    TooManyRequests {
        /// Whole seconds to wait (at least one).
        seconds: u32,
    },
    /// Signed in, but their roles do not allow this.
    #[error("Du har inte behörighet till det här.")]
    Forbidden,
    /// The thing asked for does not exist (or is hidden from this person).
    #[error("Det du söker finns inte.")]
    NotFound,
    /// Input to fix: the field's name and a message to show beside it.
    #[error("{message}")]
    Invalid {
        /// The form field the message belongs to.
        field: String,
        /// A Swedish sentence saying what to change.
        message: String,
    },
    /// Someone else changed the same thing first; the message says who and what.
    #[error("{message}")]
    Conflict {
        /// A Swedish sentence: who changed what, and that the input is kept.
        message: String,
    },
    /// Something failed on the server; details are in the server log only.
    #[error("Något gick fel hos oss. Försök igen om en stund.")]
    Internal,
    /// The request never reached the server function or its answer could not be read.
    #[error("Kontakten med servern bröts. Kontrollera anslutningen och försök igen.")]
    Transport,
}

/// What an edit refused as stale was about: the subject of the one sentence every stale edit
/// shows, so a plan, an agenda and an answer all say the same thing the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// A year's plan (meetings and placed topics).
    Plan,
    /// A meeting's agenda.
    Agenda,
    /// An answer in a checklist.
    Answer,
    /// An action in an action plan.
    Action,
    /// The minutes' notes for an agenda item.
    Notes,
    /// A checklist template.
    Template,
    /// A node's analysis of a rolled-up checklist.
    Analysis,
    /// A section of a work environment report (its assessment and answers).
    ReportSection,
}

impl Edited {
    fn subject(self) -> &'static str {
        match self {
            Edited::Plan => "Planen",
            Edited::Agenda => "Dagordningen",
            Edited::Answer => "Svaret på frågan",
            Edited::Action => "Åtgärden",
            Edited::Notes => "Anteckningarna för punkten",
            Edited::Template => "Mallen",
            Edited::Analysis => "Analysen",
            Edited::ReportSection => "Avsnittet",
        }
    }
}

impl AppError {
    /// The refusal of an edit made on a version someone else changed first. `earlier` says who
    /// and when, when that is known (e.g. "Ingrid Åström för 3 minuter sedan"); the input stays
    /// in the form, and the sentence says so.
    pub fn stale(edited: Edited, earlier: Option<String>) -> AppError {
        let who = earlier.unwrap_or_else(|| "någon annan".into());
        AppError::Conflict {
            message: format!(
                "{} har ändrats av {who} efter att du öppnade sidan. Din ändring är inte sparad \
                 men finns kvar i formuläret: ladda om sidan, se ändringen och spara igen.",
                edited.subject()
            ),
        }
    }

    /// Logs an unexpected error with its context and returns the plain `Internal` variant.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, err: impl std::fmt::Display) -> AppError {
        tracing::error!(%err, "{context}");
        AppError::Internal
    }

    /// Gives a server function's answer the HTTP status that fits the error (403, 404, 409, …)
    /// when it was called as an API, and notes the failure for the audit trail. Plain form posts
    /// keep their answer, the redirect back to the page, which then shows the error. Called for
    /// every error a server function answers with (`ser` below), never by hand.
    #[cfg(feature = "ssr")]
    fn set_http_status(&self) {
        use leptos::prelude::use_context;
        let Some(parts) = use_context::<http::request::Parts>() else {
            return;
        };
        // The audit trail needs the real outcome also of a plain form post, whose answer stays
        // a redirect.
        let status = self.status_code();
        crate::audit::trail::note_failure(status);
        let form_post = parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
        if parts.uri.path().starts_with("/api/") && !form_post {
            if let (Some(response), Ok(status)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                http::StatusCode::from_u16(status),
            ) {
                response.set_status(status);
            }
        }
    }

    /// The HTTP status that fits the error when a page renders it on the server.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::Conflict { .. } => 409,
            AppError::TooManyAttempts { .. } | AppError::TooManyRequests { .. } => 429,
            AppError::Internal | AppError::Transport => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Encodes the error for the answer, and gives the answer the error's HTTP status (403, 404,
    /// 422, …) in this one place, so no server function can answer a refusal or bad input with
    /// a generic 500 by forgetting to set it.
    fn ser(&self) -> leptos::server_fn::Bytes {
        use leptos::server_fn::Encodes;
        #[cfg(feature = "ssr")]
        self.set_http_status();
        <JsonEncoding as Encodes<AppError>>::encode(self)
            .unwrap_or_else(|_| leptos::server_fn::Bytes::from_static(b"\"Internal\""))
    }

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Input that cannot be read is the sender's mistake (422 through `ser`), not a 500.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::Invalid {
                field: String::new(),
                message: "Formuläret saknar uppgifter eller har fel format.".into(),
            },
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Transport
            }
            _ => AppError::Internal,
        }
    }
}

/// The plain HTTP routes (downloads, calendars, uploads) answer with the error too: its status
/// and its Swedish sentence as plain text. Internal details were logged where they happened.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let status = http::StatusCode::from_u16(self.status_code())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        (
            status,
            [(http::header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            self.to_string(),
        )
            .into_response()
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::internal("database error", err)
    }
}

/// A field's problem becomes the message shown beside that field.
impl From<crate::domain::FieldProblem> for AppError {
    fn from(problem: crate::domain::FieldProblem) -> Self {
        AppError::Invalid {
            field: problem.field.to_string(),
            message: problem.message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stale_edit_says_who_and_that_the_input_is_kept() {
        let AppError::Conflict { message } = AppError::stale(Edited::Answer, None) else {
            panic!("a stale edit is a conflict");
        };
        assert!(message.starts_with("Svaret på frågan har ändrats av någon annan efter att"));
        assert!(message.contains("finns kvar i formuläret"));
        let AppError::Conflict { message } =
            AppError::stale(Edited::Plan, Some("Ingrid Åström nyss".into()))
        else {
            panic!("a stale edit is a conflict");
        };
        assert!(message.starts_with("Planen har ändrats av Ingrid Åström nyss efter att"));
    }
}
