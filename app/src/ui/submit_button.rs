//! The submit button of every form: says what it does, and while the request is under way says
//! so instead (and is marked busy), so no action runs silently.

use leptos::prelude::*;

/// A submit button whose text changes to `busy_label` while `pending`.
#[component]
pub fn SubmitButton(
    /// True while the action runs.
    pending: Memo<bool>,
    /// What the button does, e.g. "Spara".
    #[prop(into)]
    label: Signal<String>,
    /// What it says while running, e.g. "Sparar…".
    #[prop(into)]
    busy_label: Signal<String>,
    /// `primary`, `secondary` or `quiet`.
    #[prop(default = "primary")]
    variant: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class=format!("button button--{variant}")
            aria-disabled=move || pending.get().to_string()
            aria-busy=move || pending.get().to_string()
        >
            {move || if pending.get() { busy_label.get() } else { label.get() }}
        </button>
    }
}
