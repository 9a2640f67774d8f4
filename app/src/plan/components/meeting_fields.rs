//! The fields of a meeting (date, start, end, place, link), each with its label and the message
//! of the server's check beside it. Shared by the add form and the edit page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;
use crate::plan::Meeting;
pub use crate::ui::{field_message, form_message};

/// One labelled input with its error.
#[component]
fn Field(
    id: String,
    name: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-fel");
    let hint_id = format!("{id}-hjalp");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id class="field__hint">{h}</p> })}
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                aria-describedby=described
                aria-invalid=move || error.get().is_some().to_string()
            />
            <p id=error_id class="field__error">{move || error.get()}</p>
        </div>
    }
}

/// The five fields of a meeting, prefilled from `meeting` when editing.
#[component]
pub fn MeetingFields(
    /// A prefix keeping ids unique on the page.
    prefix: &'static str,
    meeting: Option<Meeting>,
    result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = meeting;
    let value = |f: &dyn Fn(&Meeting) -> String| m.as_ref().map(f).unwrap_or_default();
    let date = value(&|m| m.date.format("%Y-%m-%d").to_string());
    let start = value(&|m| m.start.format("%H:%M").to_string());
    let end = value(&|m| m.end.format("%H:%M").to_string());
    let location = value(&|m| m.location.clone());
    let link = value(&|m| m.online_link.clone().unwrap_or_default());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    view! {
        <div class="meeting-fields">
            <Field id=format!("{prefix}-datum") name="meeting[date]" kind="date" value=date required=true
                label=t_string!(i18n, field_date).to_string() error=err("date") />
            <div class="meeting-fields__times">
                <Field id=format!("{prefix}-start") name="meeting[start]" kind="time" value=start required=true
                    label=t_string!(i18n, field_start).to_string() error=err("start") />
                <Field id=format!("{prefix}-slut") name="meeting[end]" kind="time" value=end required=true
                    label=t_string!(i18n, field_end).to_string() error=err("end") />
            </div>
            <Field id=format!("{prefix}-plats") name="meeting[location]" kind="text" value=location
                label=t_string!(i18n, field_location).to_string() error=err("location") />
            <Field id=format!("{prefix}-lank") name="meeting[online_link]" kind="url" value=link
                label=t_string!(i18n, field_online_link).to_string()
                hint=t_string!(i18n, field_online_link_hint).to_string() error=err("online_link") />
        </div>
    }
}
