//! The message of a form as a whole (a conflict, no access, a failure), announced when it appears.

use leptos::prelude::*;

use crate::error::AppError;

/// An alert region above a form's fields; empty (and hidden) while there is nothing to say.
#[component]
pub fn FormError(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="form-error" role="alert">
            {move || message.get().map(|m| view! { <p class="form-error__text">{m}</p> })}
        </div>
    }
}

/// The message for `field` when the last attempt failed on it.
pub fn field_message(result: Option<Result<(), AppError>>, field: &str) -> Option<String> {
    match result {
        Some(Err(AppError::Invalid { field: f, message })) if f == field => Some(message),
        _ => None,
    }
}

/// A message for the whole form: a conflict, no access, or a failure (not a field problem).
pub fn form_message(result: Option<Result<(), AppError>>) -> Option<AppError> {
    match result {
        Some(Err(AppError::Invalid { .. })) | Some(Ok(())) | None => None,
        Some(Err(e)) => Some(e),
    }
}

/// The message to show above a form's fields: what went wrong with the form as a whole (field
/// problems are shown beside their fields instead).
pub fn whole_form_message(result: Signal<Option<Result<(), AppError>>>) -> Signal<Option<String>> {
    Signal::derive(move || form_message(result.get()).map(|e| crate::ui::error_message(e)()))
}
