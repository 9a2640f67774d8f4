//! `/enhet/:unit_id/amne/:topic_id`: a topic's guidance, contact, links and OSA tip, and the
//! meeting it is planned for.

use leptos::prelude::*;
use leptos_meta::Title;

use super::placement_form::PlacementForm;
use crate::error::AppError;
use crate::i18n::*;
use crate::plan::{get_topic_detail, PlaceTopic, TopicDetail};
use crate::ui::Loaded;
use crate::ui::{
    format_date, format_time, kind_label, month_name, query_year, route_id, success_count,
};

/// The topic page.
#[component]
pub fn TopicPage() -> impl IntoView {
    let _i18n = use_i18n();
    let unit_id = route_id("unit_id");
    let year = query_year();
    let topic_id = route_id("topic_id");
    let place = ServerAction::<PlaceTopic>::new();
    let placed = success_count(place);
    let detail = Resource::new(
        move || (unit_id.get(), topic_id.get(), year.get(), placed.get()),
        |(unit_id, topic_id, year, _)| async move {
            match (unit_id, topic_id) {
                (Some(u), Some(t)) => get_topic_detail(u, t, year).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=detail view=move |d| view! { <TopicView detail=d place /> } />
    }
}

#[component]
fn TopicView(detail: TopicDetail, place: ServerAction<PlaceTopic>) -> impl IntoView {
    let i18n = use_i18n();
    let t = detail.topic.clone();
    let title = t.title.clone();
    let months = if t.month_start == t.month_end {
        month_name(i18n, t.month_start)
    } else {
        format!(
            "{}/{}",
            month_name(i18n, t.month_start),
            month_name(i18n, t.month_end).to_lowercase()
        )
    };
    let back = format!("/enhet/{}?ar={}", detail.unit_id, detail.year);
    let unit_name = detail.unit_name.clone();
    let year = detail.year;
    let planned = detail.meeting.clone().map(|m| {
        format!(
            "{}, {}–{}",
            format_date(i18n, m.date),
            format_time(i18n, m.start),
            format_time(i18n, m.end)
        )
    });
    let paragraphs = detail
        .guidance
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_string()}</p> })
        .collect_view();
    let title_for_head = title.clone();
    let placement = detail
        .can_edit
        .then(|| view! { <PlacementForm action=place detail=detail.clone() /> });
    view! {
        <Title text=title_for_head />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <article class="panel topic" aria-labelledby="amne-rubrik">
            <h1 id="amne-rubrik">{title}</h1>
            <dl class="facts">
                <div><dt>{t!(i18n, topic_months)}</dt><dd>{months}</dd></div>
                <div><dt>{t!(i18n, topic_kind)}</dt><dd>{kind_label(i18n, t.kind)}</dd></div>
                <div><dt>{t!(i18n, topic_contact)}</dt><dd>{detail.contact.clone()}</dd></div>
                <div>
                    <dt>{t!(i18n, topic_planned_for)}</dt>
                    <dd>{match planned {
                        Some(p) => p.into_any(),
                        None => t!(i18n, topic_not_planned, year = move || year).into_any(),
                    }}</dd>
                </div>
            </dl>
            {t.send_with_notice.then(|| view! { <p class="tag tag--notice">{t!(i18n, with_notice)}</p> })}
            <section aria-labelledby="vagledning-rubrik">
                <h2 id="vagledning-rubrik">{t!(i18n, topic_guidance)}</h2>
                {paragraphs}
            </section>
            {detail.osa_tip.clone().map(|tip| view! {
                <aside class="tip" aria-labelledby="osa-rubrik">
                    <h2 id="osa-rubrik">{t!(i18n, topic_osa_tip)}</h2>
                    <p>{tip}</p>
                </aside>
            })}
            {(!detail.links.is_empty()).then(|| view! {
                <section aria-labelledby="lankar-rubrik">
                    <h2 id="lankar-rubrik">{t!(i18n, topic_links)}</h2>
                    <ul class="links">
                        {detail.links.clone().into_iter().map(|l| match l.url {
                            Some(url) => view! { <li><a href=url rel="noopener">{l.label}</a></li> }.into_any(),
                            None => view! { <li>{l.label} " " {t!(i18n, topic_no_url)}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </article>
        {placement}
    }
}
