//! That a posted form is under way, on every page: the one island the layout carries. Forms
//! post as plain HTML (`ActionForm` outside an island, the upload's multipart form, the search
//! forms), so between the click and the next page the browser alone would show nothing in the
//! page. This island listens for any form's submission and turns its submit button to its busy
//! words (`SubmitButton`'s `data-busy-label`, e.g. "Sparar…") and `aria-busy`, until the page
//! the post answers with replaces it. A form an island posts itself (its submission prevented)
//! shows its own state and is left alone.

use leptos::prelude::*;

/// The listener; renders nothing visible.
#[island]
pub fn FormsUnderWay() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    listen();
    view! { <span class="forms-under-way" hidden></span> }
}

/// Busy words on the submitter of every form posted by the browser itself; and the words put
/// back when the browser shows the page again from its back-forward cache.
#[cfg(feature = "hydrate")]
fn listen() {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, HtmlFormElement};

    let submitted = window_event_listener(leptos::ev::submit, |ev| {
        if ev.default_prevented() {
            return;
        }
        let button: Option<Element> = ev.submitter().map(Element::from).or_else(|| {
            ev.target()
                .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
                .and_then(|form| form.query_selector("button[type=submit]").ok().flatten())
        });
        let Some(button) = button else {
            return;
        };
        if let Some(busy) = button.get_attribute("data-busy-label") {
            let label = button.text_content().unwrap_or_default();
            let _ = button.set_attribute("data-idle-label", &label);
            button.set_text_content(Some(&busy));
            let _ = button.set_attribute("aria-busy", "true");
            let _ = button.set_attribute("aria-disabled", "true");
        }
    });
    let shown_again = window_event_listener(leptos::ev::pageshow, |ev| {
        if !ev.persisted() {
            return;
        }
        let Ok(busy) = document().query_selector_all("[data-idle-label]") else {
            return;
        };
        for i in 0..busy.length() {
            if let Some(button) = busy.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let label = button.get_attribute("data-idle-label").unwrap_or_default();
                button.set_text_content(Some(&label));
                let _ = button.remove_attribute("data-idle-label");
                let _ = button.set_attribute("aria-busy", "false");
                let _ = button.set_attribute("aria-disabled", "false");
            }
        }
    });
    // The page's life is the listeners' life.
    std::mem::forget((submitted, shown_again));
}
