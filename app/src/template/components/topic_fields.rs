//! The fields of a template topic (title, months, kind, contact, guidance, OSA tip, "send with
//! the notice"), each with its label and the server's message beside it. Shared by adding a topic
//! and editing one.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;
use crate::plan::TopicKind;
use crate::template::TemplateTopic;
use crate::ui::{field_message, kind_label, month_name, CheckField, TextField};

/// The topic fields, prefilled from `topic` when editing. `prefix` keeps ids unique on the page.
#[component]
pub fn WheelTopicFields(
    prefix: &'static str,
    topic: Option<TemplateTopic>,
    result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |name: &str| format!("{prefix}-{name}");
    let err = move |field: &'static str| move || field_message(result.get(), field);
    let invalid =
        move |field: &'static str| move || field_message(result.get(), field).is_some().to_string();
    let t = topic.clone();
    let title = t.as_ref().map(|t| t.title.clone()).unwrap_or_default();
    let start = t.as_ref().map(|t| t.month_start).unwrap_or(0);
    let end = t.as_ref().map(|t| t.month_end).unwrap_or(0);
    let kind = t.as_ref().map(|t| t.kind);
    let contact = t.as_ref().map(|t| t.contact.clone()).unwrap_or_default();
    let guidance = t.as_ref().map(|t| t.guidance.clone()).unwrap_or_default();
    let osa = t
        .as_ref()
        .and_then(|t| t.osa_tip.clone())
        .unwrap_or_default();
    let notice = t.as_ref().is_some_and(|t| t.send_with_notice);
    let months = move |chosen: u32| {
        (1..=12u32)
            .map(|m| {
                view! { <option value=m.to_string() selected=m == chosen>{month_name(i18n, m)}</option> }
            })
            .collect_view()
    };
    let kinds = [
        TopicKind::Information,
        TopicKind::Dialogue,
        TopicKind::FollowUp,
    ]
    .into_iter()
    .map(|k| {
        view! { <option value=k.code() selected=Some(k) == kind>{kind_label(i18n, k)}</option> }
    })
    .collect_view();
    view! {
        <TextField id=id("rubrik") name="topic[title]" value=title required=true
            label=t_string!(i18n, template_topic_title).to_string()
            error=Signal::derive(err("title")) />
        <div class="meeting-fields__times">
            <div class="field">
                <label for=id("forsta")>{t!(i18n, template_topic_month_start)}</label>
                <select id=id("forsta") name="topic[month_start]"
                    aria-describedby=id("forsta-fel") aria-invalid=invalid("month_start")>
                    <option value="">{t!(i18n, own_topic_choose_month)}</option>
                    {months(start)}
                </select>
                <p id=id("forsta-fel") class="field__error">{err("month_start")}</p>
            </div>
            <div class="field">
                <label for=id("sista")>{t!(i18n, template_topic_month_end)}</label>
                <select id=id("sista") name="topic[month_end]"
                    aria-describedby=id("sista-fel") aria-invalid=invalid("month_end")>
                    <option value="">{t!(i18n, template_topic_same_month)}</option>
                    {months(if end == start { 0 } else { end })}
                </select>
                <p id=id("sista-fel") class="field__error">{err("month_end")}</p>
            </div>
        </div>
        <div class="field">
            <label for=id("typ")>{t!(i18n, template_topic_kind)}</label>
            <select id=id("typ") name="topic[kind]" aria-describedby=id("typ-fel") aria-invalid=invalid("kind")>
                {kinds}
            </select>
            <p id=id("typ-fel") class="field__error">{err("kind")}</p>
        </div>
        <TextField id=id("kontakt") name="topic[contact]" value=contact
            label=t_string!(i18n, template_topic_contact).to_string()
            error=Signal::derive(err("contact")) />
        <div class="field">
            <label for=id("vagledning")>{t!(i18n, template_topic_guidance)}</label>
            <textarea id=id("vagledning") name="topic[guidance]" rows="5"
                aria-describedby=id("vagledning-fel") aria-invalid=invalid("guidance")>{guidance}</textarea>
            <p id=id("vagledning-fel") class="field__error">{err("guidance")}</p>
        </div>
        <div class="field">
            <label for=id("osa")>{t!(i18n, template_topic_osa)}</label>
            <textarea id=id("osa") name="topic[osa_tip]" rows="3"
                aria-describedby=id("osa-fel") aria-invalid=invalid("osa_tip")>{osa}</textarea>
            <p id=id("osa-fel") class="field__error">{err("osa_tip")}</p>
        </div>
        <CheckField id=id("kallelse") name="topic[send_with_notice]" checked=notice
            label=t_string!(i18n, template_topic_notice).to_string() />
    }
}
