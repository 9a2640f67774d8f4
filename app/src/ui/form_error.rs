//! The message of a form as a whole (a conflict, no access, a failure), announced when it appears.

use leptos::prelude::*;

/// An alert region above a form's fields; empty (and hidden) while there is nothing to say.
#[component]
pub fn FormError(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="form-error" role="alert">
            {move || message.get().map(|m| view! { <p class="form-error__text">{m}</p> })}
        </div>
    }
}
