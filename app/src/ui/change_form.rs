//! The one shape of a form that changes something: the ids it changes as hidden fields, the
//! message of a failed attempt above the fields, the fields, and the submit button that says it
//! is busy. It is an `ActionForm`, so it posts as plain HTML before hydration too.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::PostUrl;
use leptos::server_fn::request::ClientReq;
use leptos::server_fn::{Http, ServerFn};
use leptos::web_sys::FormData;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::ui::{error_message, FormError, SubmitButton};

/// A change form for `action`: `ids` as hidden fields, the failure above `children` (the
/// fields), a submit button saying `label` (and `busy_label`, "Sparar…" unless given, while it
/// runs), and after a success the `done` line, announced as status.
#[component]
pub fn ChangeForm<S, OutputProtocol>(
    /// The server function the form posts to.
    action: ServerAction<S>,
    /// The ids the change is about, as (name, value): posted as hidden fields.
    #[prop(optional)]
    ids: Vec<(&'static str, String)>,
    /// What the button does, e.g. "Spara".
    #[prop(into)]
    label: Signal<String>,
    /// What the button says while the change runs; "Sparar…" when not given.
    #[prop(into, optional)]
    busy_label: MaybeProp<String>,
    /// The button's look: `primary`, `secondary` or `quiet`.
    #[prop(default = "primary")]
    variant: &'static str,
    /// The button's name for screen readers when its visible text alone is not enough.
    #[prop(into, optional)]
    aria_label: MaybeProp<String>,
    /// The form's class, for its layout.
    #[prop(optional)]
    class: &'static str,
    /// The fields show their own problems beside them (`TextField`'s `error`): the message above
    /// the form then says only what is wrong with the form as a whole.
    #[prop(optional)]
    beside_fields: bool,
    /// The page shows this action's failure above its forms (one action behind a form per row):
    /// the form then shows none of its own.
    #[prop(optional)]
    failure_shown_above: bool,
    /// What the form says once the change is saved, e.g. "APT:t är tillagt."
    #[prop(into, optional)]
    done: MaybeProp<String>,
    /// The fields, between the failure message and the button.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    S: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<S::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData: From<FormData>,
    S::Output: Clone + Send + Sync + 'static,
    <S as ServerFn>::Client: Client<AppError>,
    OutputProtocol: 'static,
{
    let hidden = ids
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view();
    let pending = action.pending();
    let result = action.value();
    let failure = Signal::derive(move || match result.get() {
        Some(Err(AppError::Invalid { .. })) if beside_fields => None,
        Some(Err(e)) => Some(error_message(e)()),
        _ => None,
    });
    let has_done = done.get_untracked().is_some();
    // The confirmation speaks of the last change only once it is over, never of an earlier one
    // while the next is under way.
    let done_line = move || {
        (!pending.get() && matches!(result.get(), Some(Ok(_))))
            .then(|| done.get())
            .flatten()
    };
    view! {
        <ActionForm action attr:class=class attr:novalidate="">
            {hidden}
            {(!failure_shown_above).then(|| view! { <FormError message=failure /> })}
            {children.map(|c| c())}
            <SubmitButton pending label busy_label variant aria_label />
            {has_done.then(|| view! { <p class="form-status" role="status">{done_line}</p> })}
        </ActionForm>
    }
}
