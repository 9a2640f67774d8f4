//! `/obligatoriska-amnen`: a förvaltning's or avdelning's chef, or HR, pushes a topic to every
//! unit below a node for a year; the units see it in their plan as required.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;
use crate::template::{get_push_page, PushPage, PushTopic};
use crate::ui::Loaded;
use crate::ui::{
    error_message, field_message, form_message, month_name, success_count, FormError, SubmitButton,
};

/// The push page.
#[component]
pub fn PushPageView() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<PushTopic>::new();
    let pushed = success_count(action);
    let page = Resource::new(move || pushed.get(), |_| get_push_page());
    view! {
        <Title text=t_string!(i18n, push_title).to_string() />
        <Loaded resource=page view=move |p| view! { <Push page=p action /> } />
    }
}

#[component]
fn Push(page: PushPage, action: ServerAction<PushTopic>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let is_done = crate::ui::saved_and_idle(action);
    let err = move |f: &'static str| move || field_message(result.get(), f);
    let invalid =
        move |f: &'static str| move || field_message(result.get(), f).is_some().to_string();
    let problem = move || form_message(result.get()).map(|e| error_message(e)());
    let nodes = page
        .nodes
        .iter()
        .map(|n| {
            let text = t_string!(
                i18n,
                push_node_option,
                node = n.label.clone(),
                units = n.units
            )
            .to_string();
            view! { <option value=n.id.to_string()>{text}</option> }
        })
        .collect_view();
    let months = (1..=12u32)
        .map(|m| view! { <option value=m.to_string()>{month_name(i18n, m)}</option> })
        .collect_view();
    let pushed = page
        .pushed
        .iter()
        .map(|t| {
            let text = format!(
                "{} {} · {} · {}",
                month_name(i18n, t.month),
                t.year,
                t.node_name,
                t.title
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    let has_pushed = !page.pushed.is_empty();
    view! {
        <h1>{t!(i18n, push_title)}</h1>
        <p class="lead">{t!(i18n, push_intro)}</p>
        <section class="panel" aria-labelledby="skicka-rubrik">
            <h2 id="skicka-rubrik">{t!(i18n, push_heading)}</h2>
            <ActionForm action attr:novalidate="">
                <FormError message=Signal::derive(problem) />
                <div class="field">
                    <label for="skicka-nod">{t!(i18n, push_node)}</label>
                    <select id="skicka-nod" name="node_id" aria-describedby="skicka-nod-fel" aria-invalid=invalid("node_id")>
                        {nodes}
                    </select>
                    <p id="skicka-nod-fel" class="field__error">{err("node_id")}</p>
                </div>
                <div class="field">
                    <label for="skicka-ar">{t!(i18n, push_year)}</label>
                    <input id="skicka-ar" name="year" type="number" min="2000" max="2100"
                        value=page.default_year.to_string() aria-describedby="skicka-ar-fel" aria-invalid=invalid("year") />
                    <p id="skicka-ar-fel" class="field__error">{err("year")}</p>
                </div>
                <div class="field">
                    <label for="skicka-rubrik-falt">{t!(i18n, own_topic_title)}</label>
                    <input id="skicka-rubrik-falt" name="topic[title]" type="text" required
                        aria-describedby="skicka-rubrik-fel" aria-invalid=invalid("title") />
                    <p id="skicka-rubrik-fel" class="field__error">{err("title")}</p>
                </div>
                <div class="field">
                    <label for="skicka-manad">{t!(i18n, own_topic_month)}</label>
                    <select id="skicka-manad" name="topic[month]" aria-describedby="skicka-manad-fel" aria-invalid=invalid("month")>
                        <option value="">{t!(i18n, own_topic_choose_month)}</option>
                        {months}
                    </select>
                    <p id="skicka-manad-fel" class="field__error">{err("month")}</p>
                </div>
                <div class="field">
                    <label for="skicka-vagledning">{t!(i18n, own_topic_guidance)}</label>
                    <textarea id="skicka-vagledning" name="topic[guidance]" rows="3"
                        aria-describedby="skicka-vagledning-fel" aria-invalid=invalid("guidance")></textarea>
                    <p id="skicka-vagledning-fel" class="field__error">{err("guidance")}</p>
                </div>
                <SubmitButton pending=action.pending()
                    label=Signal::derive(move || t_string!(i18n, push_button).to_string()) />
                <p class="form-status" role="status">
                    {move || is_done.get().then(|| t_string!(i18n, push_done).to_string())}
                </p>
            </ActionForm>
        </section>
        {has_pushed.then(|| view! {
            <section class="panel" aria-labelledby="skickade-rubrik">
                <h2 id="skickade-rubrik">{t!(i18n, push_list_heading)}</h2>
                <ul>{pushed}</ul>
            </section>
        })}
    }
}
