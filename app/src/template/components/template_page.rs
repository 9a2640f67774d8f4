//! `/mall`: HR's view of the organisation's template: the rule parameters, the recurring points
//! and the wheel's topics month by month, each changeable. Plain ActionForms, so it all works
//! before hydration too.

use leptos::prelude::*;
use leptos_meta::Title;

use super::topic_fields::WheelTopicFields;
use crate::i18n::*;
use crate::template::{
    get_template, AddPoint, RenamePoint, RetirePoint, SaveRules, SaveTemplateTopic, TemplatePage,
};
use crate::ui::Loaded;
use crate::ui::{
    error_message, field_message, form_message, kind_label, month_name, success_count, ChangeForm,
    FormError, TextField,
};

/// The template page.
#[component]
pub fn TemplatePageView() -> impl IntoView {
    let i18n = use_i18n();
    let rules = ServerAction::<SaveRules>::new();
    let add_point = ServerAction::<AddPoint>::new();
    let rename = ServerAction::<RenamePoint>::new();
    let retire = ServerAction::<RetirePoint>::new();
    let add_topic = ServerAction::<SaveTemplateTopic>::new();
    let saves = (
        success_count(rules),
        success_count(add_point),
        success_count(rename),
        success_count(retire),
        success_count(add_topic),
    );
    let page = Resource::new(
        move || {
            (
                saves.0.get(),
                saves.1.get(),
                saves.2.get(),
                saves.3.get(),
                saves.4.get(),
            )
        },
        |_| get_template(),
    );
    view! {
        <Title text=t_string!(i18n, template_title).to_string() />
        <Loaded resource=page view=move |p| view! {
                    <Template page=p rules add_point rename retire add_topic />
                }.into_any() />
    }
}

#[component]
fn Template(
    page: TemplatePage,
    rules: ServerAction<SaveRules>,
    add_point: ServerAction<AddPoint>,
    rename: ServerAction<RenamePoint>,
    retire: ServerAction<RetirePoint>,
    add_topic: ServerAction<SaveTemplateTopic>,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = page.org_name.clone();
    view! {
        <h1>{t!(i18n, template_title)}</h1>
        <p class="lead">{t!(i18n, template_intro, org = move || org.clone())}</p>
        <p><a href="/mall/checklistor">{t!(i18n, checklist_templates_link)}</a></p>
        <RulesForm action=rules rules=page.rules />
        <Points page=page.clone() add=add_point rename retire />
        <Topics page add=add_topic />
    }
}

#[component]
fn RulesForm(action: ServerAction<SaveRules>, rules: crate::domain::PlanRules) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    view! {
        <section class="panel" aria-labelledby="regler-rubrik">
            <h2 id="regler-rubrik">{t!(i18n, template_rules_heading)}</h2>
            <p>{t!(i18n, template_rules_intro)}</p>
            <ChangeForm action beside_fields=true
                label=Signal::derive(move || t_string!(i18n, template_rules_save).to_string())
                done=Signal::derive(move || t_string!(i18n, template_saved).to_string())>
                <div class="meeting-fields__times">
                    <TextField id="regel-min" name="rules[min_apts_per_year]" kind="number" min="1" max="52"
                        value=rules.min_apts_per_year.to_string() label=t_string!(i18n, template_rules_min).to_string()
                        error=err("min_apts_per_year") />
                    <TextField id="regel-dagar" name="rules[notice_days]" kind="number" min="0" max="60"
                        value=rules.notice_days.to_string() label=t_string!(i18n, template_rules_notice).to_string()
                        error=err("notice_days") />
                    <TextField id="regel-roster" name="rules[vote_threshold]" kind="number" min="5" max="100"
                        value=rules.vote_threshold.to_string() label=t_string!(i18n, template_rules_votes).to_string()
                        error=err("vote_threshold") />
                    <TextField id="regel-anteckningar" name="rules[minutes_days]" kind="number" min="0" max="90"
                        value=rules.minutes_days.to_string() label=t_string!(i18n, template_rules_minutes).to_string()
                        error=err("minutes_days") />
                </div>
            </ChangeForm>
        </section>
    }
}

#[component]
fn Points(
    page: TemplatePage,
    add: ServerAction<AddPoint>,
    rename: ServerAction<RenamePoint>,
    retire: ServerAction<RetirePoint>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add_result = Signal::derive(move || add.value().get());
    let rename_result = Signal::derive(move || rename.value().get());
    let problem = move || {
        form_message(add_result.get())
            // A rename's message (also a field problem) shows here: it names no row of its own.
            .or_else(|| rename_result.get().and_then(Result::err))
            .or_else(|| retire.value().get().and_then(Result::err))
            .map(|e| error_message(e)())
    };
    let rows = page
        .points
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let field_id = format!("punkt-{}", p.id);
            let label = t_string!(i18n, template_point_label, number = i + 1).to_string();
            let retire_label = t_string!(i18n, template_point_retire_label, title = p.title.clone()).to_string();
            let point_id = p.id;
            view! {
                <li class="template-point">
                    <ChangeForm action=rename class="template-point__rename" failure_shown_above=true
                        ids=vec![("point_id", point_id.to_string())] variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, template_point_rename).to_string())>
                        <TextField id=field_id name="title" value=p.title.clone() label />
                    </ChangeForm>
                    <ChangeForm action=retire class="template-point__retire" failure_shown_above=true
                        ids=vec![("point_id", point_id.to_string())] variant="quiet" aria_label=retire_label busy_label=t_string!(i18n, removing).to_string()
                        label=Signal::derive(move || t_string!(i18n, template_retire).to_string()) />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="punkter-rubrik">
            <h2 id="punkter-rubrik">{t!(i18n, template_points_heading)}</h2>
            <p>{t!(i18n, template_points_intro)}</p>
            <FormError message=Signal::derive(problem) />
            <ol class="template-points">{rows}</ol>
            <ChangeForm action=add failure_shown_above=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, template_point_add).to_string())>
                <TextField id="ny-punkt" name="title" label=t_string!(i18n, template_point_new).to_string()
                    error=Signal::derive(move || field_message(add_result.get(), "title")) />
            </ChangeForm>
        </section>
    }
}

#[component]
fn Topics(page: TemplatePage, add: ServerAction<SaveTemplateTopic>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || add.value().get());
    let months = (1..=12u32)
        .filter_map(|month| {
            let topics: Vec<_> = page
                .topics
                .iter()
                .filter(|t| t.month_start == month)
                .cloned()
                .collect();
            if topics.is_empty() {
                return None;
            }
            let items = topics
                .into_iter()
                .map(|t| {
                    let href = format!("/mall/amne/{}", t.id);
                    let span = (t.month_end != t.month_start).then(|| {
                        format!(
                            " ({}–{})",
                            month_name(i18n, t.month_start),
                            month_name(i18n, t.month_end)
                        )
                    });
                    view! {
                        <li>
                            <a href=href>{t.title}</a>{span}
                            " " <span class="tag">{kind_label(i18n, t.kind)}</span>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <h3>{month_name(i18n, month)}</h3>
                <ul class="topic-links">{items}</ul>
            })
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="amnen">
            <h2 id="amnen">{t!(i18n, template_topics_heading)}</h2>
            <p>{t!(i18n, template_topics_intro)}</p>
            {months}
        </section>
        <section class="panel" aria-labelledby="nytt-amne">
            <h2 id="nytt-amne">{t!(i18n, template_topic_add_heading)}</h2>
            <ChangeForm action=add ids=vec![("topic_id", String::new())] beside_fields=true
                label=Signal::derive(move || t_string!(i18n, template_topic_add).to_string())
                done=Signal::derive(move || t_string!(i18n, template_topic_added).to_string())>
                <WheelTopicFields prefix="nytt" topic=None result />
            </ChangeForm>
        </section>
    }
}
