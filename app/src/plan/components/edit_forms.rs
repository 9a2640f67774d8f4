//! The chef's forms on the plan page: start the year's plan (from the wheel or by copying last
//! year) and add an APT. Plain ActionForms, so they work before hydration too.

use leptos::prelude::*;

use super::meeting_fields::{field_message, form_message, MeetingFields};
use crate::i18n::*;
use crate::plan::{AddMeeting, AddOwnTopic, CreatePlan, PlaceAllSuggested};
use crate::ui::{error_message, failure_message, month_name, ChangeForm, FormError, SubmitButton};

/// Shown when the unit has no plan for the year and the viewer may create one.
#[component]
pub fn CreatePlanForms(
    action: ServerAction<CreatePlan>,
    unit_id: i64,
    year: i32,
    can_copy: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let failure = failure_message(action);
    view! {
        <section class="panel create-plan" aria-labelledby="skapa-rubrik">
            <h2 id="skapa-rubrik">{t!(i18n, create_heading, year = move || year)}</h2>
            <p>{t!(i18n, create_intro)}</p>
            <FormError message=failure />
            <div class="create-plan__choices">
                <ChangeForm action ids=vec![("unit_id", unit_id.to_string()), ("year", year.to_string()), ("source", "mall".to_string())] failure_shown_above=true
                    label=Signal::derive(move || t_string!(i18n, create_from_template).to_string()) />
                {can_copy.then(|| view! {
                    <ChangeForm action ids=vec![("unit_id", unit_id.to_string()), ("year", year.to_string()), ("source", "forra-aret".to_string())] failure_shown_above=true variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, create_copy_previous, year = year - 1).to_string()) />
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
    let result = Signal::derive(move || action.value().get());
    let ids = vec![
        ("unit_id", unit_id.to_string()),
        ("year", year.to_string()),
        ("plan_version", plan_version.to_string()),
    ];
    view! {
        <section class="panel add-meeting" aria-labelledby="ny-rubrik">
            <h2 id="ny-rubrik">{t!(i18n, add_meeting_heading)}</h2>
            <ChangeForm action ids beside_fields=true
                label=Signal::derive(move || t_string!(i18n, add_meeting_button).to_string())
                done=Signal::derive(move || t_string!(i18n, add_meeting_saved).to_string())>
                <MeetingFields prefix="ny" meeting=None result />
            </ChangeForm>
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
    let ids = vec![
        ("unit_id", unit_id.to_string()),
        ("year", year.to_string()),
        ("plan_version", plan_version.to_string()),
    ];
    view! {
        <ChangeForm action ids class="place-all" variant="secondary"
            label=Signal::derive(move || t_string!(i18n, place_all_button).to_string())>
            <p class="place-all__intro">{t!(i18n, place_all_intro)}</p>
        </ChangeForm>
    }
}

/// "Lägg till eget ämne": a topic of the unit's own, with a month and guidance.
#[component]
pub fn OwnTopicForm(
    action: ServerAction<AddOwnTopic>,
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let result = Signal::derive(move || action.value().get());
    let problem = move || form_message(result.get()).map(|e| error_message(e)());
    let err = move |field: &'static str| move || field_message(result.get(), field);
    let invalid =
        move |field: &'static str| move || field_message(result.get(), field).is_some().to_string();
    let months = (1..=12u32)
        .map(|m| view! { <option value=m.to_string()>{month_name(i18n, m)}</option> })
        .collect_view();
    view! {
        <section class="panel own-topic" aria-labelledby="eget-rubrik">
            <h2 id="eget-rubrik">{t!(i18n, own_topic_heading)}</h2>
            <ActionForm action attr:novalidate="">
                <input type="hidden" name="unit_id" value=unit_id />
                <input type="hidden" name="year" value=year />
                <input type="hidden" name="plan_version" value=plan_version />
                <FormError message=Signal::derive(problem) />
                <div class="field">
                    <label for="eget-rubrik-falt">{t!(i18n, own_topic_title)}</label>
                    <input id="eget-rubrik-falt" name="topic[title]" type="text" required
                        aria-describedby="eget-rubrik-fel" aria-invalid=invalid("title") />
                    <p id="eget-rubrik-fel" class="field__error">{err("title")}</p>
                </div>
                <div class="field">
                    <label for="eget-manad">{t!(i18n, own_topic_month)}</label>
                    <select id="eget-manad" name="topic[month]" aria-describedby="eget-manad-fel" aria-invalid=invalid("month")>
                        <option value="">{t!(i18n, own_topic_choose_month)}</option>
                        {months}
                    </select>
                    <p id="eget-manad-fel" class="field__error">{err("month")}</p>
                </div>
                <div class="field">
                    <label for="eget-vagledning">{t!(i18n, own_topic_guidance)}</label>
                    <textarea id="eget-vagledning" name="topic[guidance]" rows="3"
                        aria-describedby="eget-vagledning-fel" aria-invalid=invalid("guidance")></textarea>
                    <p id="eget-vagledning-fel" class="field__error">{err("guidance")}</p>
                </div>
                <SubmitButton pending
                    label=Signal::derive(move || t_string!(i18n, own_topic_button).to_string()) />
                <p class="form-status" role="status">
                    {move || (!pending.get() && matches!(result.get(), Some(Ok(())))).then(|| t_string!(i18n, own_topic_saved).to_string())}
                </p>
            </ActionForm>
        </section>
    }
}
