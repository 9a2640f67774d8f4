//! "Nytt i årshjulet": topics HR added to or changed in the template after the plan was made.
//! The plan is never rewritten behind the chef's back; they take each in, or all at once.

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::{TakeInTopics, TemplateNews};
use crate::ui::{failure_message, month_name, ChangeForm, FormError};

/// The news with a "Ta in" button each and one for all.
#[component]
pub fn TemplateNewsPanel(
    action: ServerAction<TakeInTopics>,
    news: Vec<TemplateNews>,
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = failure_message(action);
    // Every form takes in one topic (or, with no topic, all) into this version of the plan.
    let ids = move |topic_id: String| {
        vec![
            ("unit_id", unit_id.to_string()),
            ("year", year.to_string()),
            ("plan_version", plan_version.to_string()),
            ("topic_id", topic_id),
        ]
    };
    let count = news.len();
    let items = news
        .into_iter()
        .map(|n| {
            let what = if n.changed {
                t_string!(i18n, news_changed).to_string()
            } else {
                t_string!(i18n, news_new).to_string()
            };
            let label = t_string!(i18n, news_take_in_label, title = n.title.clone()).to_string();
            view! {
                <li class="session">
                    <span>
                        <span class="tag">{what}</span> " " <strong>{n.title.clone()}</strong>
                        " (" {month_name(i18n, n.month_start)} ")"
                    </span>
                    <ChangeForm action class="session__remove" failure_shown_above=true
                        ids=ids(n.topic_id.to_string()) variant="secondary" aria_label=label
                        label=Signal::derive(move || t_string!(i18n, news_take_in).to_string()) />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel template-news" aria-labelledby="nytt-rubrik">
            <h2 id="nytt-rubrik">{t!(i18n, news_heading)}</h2>
            <p>{t!(i18n, news_intro, count = move || count)}</p>
            <FormError message=failure />
            <ul class="sessions__list">{items}</ul>
            {(count > 1).then(|| view! {
                <ChangeForm action failure_shown_above=true ids=ids(String::new())
                    label=Signal::derive(move || t_string!(i18n, news_take_in_all).to_string()) />
            })}
        </section>
    }
}
