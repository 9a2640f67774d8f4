//! "Nytt i årshjulet": topics HR added to or changed in the template after the plan was made.
//! The plan is never rewritten behind the chef's back; they take each in, or all at once.

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::{TakeInTopics, TemplateNews};
use crate::ui::{failure_message, month_name, FormError};

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
    let pending = action.pending();
    let failure = failure_message(action);
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
                    <ActionForm action attr:class="session__remove">
                        <input type="hidden" name="unit_id" value=unit_id />
                        <input type="hidden" name="year" value=year />
                        <input type="hidden" name="plan_version" value=plan_version />
                        <input type="hidden" name="topic_id" value=n.topic_id />
                        <button type="submit" class="button button--secondary" aria-label=label
                            aria-busy=move || pending.get().to_string()>{t!(i18n, news_take_in)}</button>
                    </ActionForm>
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
                <ActionForm action>
                    <input type="hidden" name="unit_id" value=unit_id />
                    <input type="hidden" name="year" value=year />
                    <input type="hidden" name="plan_version" value=plan_version />
                    <input type="hidden" name="topic_id" value="" />
                    <button type="submit" class="button button--primary"
                        aria-busy=move || pending.get().to_string()>{t!(i18n, news_take_in_all)}</button>
                </ActionForm>
            })}
        </section>
    }
}
