//! The chef's forms on the plan page: start the year's plan (from the wheel or by copying last
//! year) and add an APT. Plain ActionForms, so they work before hydration too.

use leptos::prelude::*;

use super::meeting_fields::{form_message, MeetingFields};
use crate::i18n::*;
use crate::plan::{AddMeeting, CreatePlan, PlaceAllSuggested};
use crate::ui::{error_message, SubmitButton};

/// Shown when the unit has no plan for the year and the viewer may create one.
#[component]
pub fn CreatePlanForms(
    action: ServerAction<CreatePlan>,
    unit_id: i64,
    year: i32,
    can_copy: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let failure = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| error_message(e)())
    };
    view! {
        <section class="panel create-plan" aria-labelledby="skapa-rubrik">
            <h2 id="skapa-rubrik">{t!(i18n, create_heading, year = move || year)}</h2>
            <p>{t!(i18n, create_intro)}</p>
            <div class="form-error" role="alert">{move || failure().map(|m| view! { <p class="form-error__text">{m}</p> })}</div>
            <div class="create-plan__choices">
                <ActionForm action>
                    <input type="hidden" name="unit_id" value=unit_id />
                    <input type="hidden" name="year" value=year />
                    <input type="hidden" name="source" value="mall" />
                    <SubmitButton pending variant="primary"
                        label=Signal::derive(move || t_string!(i18n, create_from_template).to_string())
                        busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
                </ActionForm>
                {can_copy.then(|| view! {
                    <ActionForm action>
                        <input type="hidden" name="unit_id" value=unit_id />
                        <input type="hidden" name="year" value=year />
                        <input type="hidden" name="source" value="forra-aret" />
                        <SubmitButton pending variant="secondary"
                            label=Signal::derive(move || t_string!(i18n, create_copy_previous, year = year - 1).to_string())
                            busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
                    </ActionForm>
                })}
            </div>
        </section>
    }
}

/// "Lägg till APT": the five fields, the plan's version, and feedback on saving.
#[component]
pub fn AddMeetingForm(
    action: ServerAction<AddMeeting>,
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let result = Signal::derive(move || action.value().get());
    let problem = move || form_message(result.get()).map(|e| error_message(e)());
    let saved = move || matches!(result.get(), Some(Ok(())));
    view! {
        <section class="panel add-meeting" aria-labelledby="ny-rubrik">
            <h2 id="ny-rubrik">{t!(i18n, add_meeting_heading)}</h2>
            <ActionForm action>
                <input type="hidden" name="unit_id" value=unit_id />
                <input type="hidden" name="year" value=year />
                <input type="hidden" name="plan_version" value=plan_version />
                <div class="form-error" role="alert">{move || problem().map(|m| view! { <p class="form-error__text">{m}</p> })}</div>
                <MeetingFields prefix="ny" meeting=None result />
                <SubmitButton pending=pending variant="primary"
                    label=Signal::derive(move || t_string!(i18n, add_meeting_button).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
                <p class="form-status" role="status">
                    {move || saved().then(|| t_string!(i18n, add_meeting_saved).to_string())}
                </p>
            </ActionForm>
        </section>
    }
}

/// One click that places every unplaced topic in the first meeting of its month(s).
#[component]
pub fn PlaceAllForm(
    action: ServerAction<PlaceAllSuggested>,
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let failure = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| error_message(e)())
    };
    view! {
        <ActionForm action attr:class="place-all">
            <input type="hidden" name="unit_id" value=unit_id />
            <input type="hidden" name="year" value=year />
            <input type="hidden" name="plan_version" value=plan_version />
            <p class="place-all__intro">{t!(i18n, place_all_intro)}</p>
            <div class="form-error" role="alert">{move || failure().map(|m| view! { <p class="form-error__text">{m}</p> })}</div>
            <SubmitButton pending variant="secondary"
                label=Signal::derive(move || t_string!(i18n, place_all_button).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
        </ActionForm>
    }
}
