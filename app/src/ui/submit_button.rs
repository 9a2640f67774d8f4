//! The submit button of every form: says what it does, and while the request is under way says
//! so instead (and is marked busy), so no action runs silently.

use leptos::prelude::*;

use crate::i18n::*;

/// A submit button whose text changes to `busy_label` ("Sparar…" unless given) while `pending`.
#[component]
pub fn SubmitButton(
    /// True while the action runs.
    pending: Memo<bool>,
    /// What the button does, e.g. "Spara".
    #[prop(into)]
    label: Signal<String>,
    /// What it says while running; "Sparar…" when not given.
    #[prop(into, optional)]
    busy_label: MaybeProp<String>,
    /// `primary`, `secondary` or `quiet`.
    #[prop(default = "primary")]
    variant: &'static str,
    /// The button's name for screen readers when the visible text alone is not enough (one of
    /// several "Ta in" buttons: "Ta in Brandskydd").
    #[prop(into, optional)]
    aria_label: MaybeProp<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = Signal::derive(move || {
        busy_label
            .get()
            .unwrap_or_else(|| t_string!(i18n, saving).to_string())
    });
    view! {
        <button
            type="submit"
            class=format!("button button--{variant}")
            aria-label=move || aria_label.get()
            aria-disabled=move || pending.get().to_string()
            aria-busy=move || pending.get().to_string()
            // What `FormsUnderWay` shows while the browser posts the form itself.
            data-busy-label=busy
        >
            {move || if pending.get() { busy.get() } else { label.get() }}
        </button>
    }
}
