//! `/utkorg`: the outbox of notices for HR, newest first: every message with its recipient,
//! subject, text and how it fared. Without a mail server this is where notices are read.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;
use crate::notices::{get_outbox, OutboxMessage};
use crate::ui::Loaded;

fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: &str) -> (String, &'static str) {
    match status {
        "sent" => (
            t_string!(i18n, outbox_status_sent).to_string(),
            "badge badge--ok",
        ),
        "queued" => (t_string!(i18n, outbox_status_queued).to_string(), "badge"),
        "failed" => (
            t_string!(i18n, outbox_status_failed).to_string(),
            "badge badge--warn",
        ),
        _ => (t_string!(i18n, outbox_status_stored).to_string(), "badge"),
    }
}

/// The outbox page.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let messages = Resource::new(|| (), |_| get_outbox());
    view! {
        <Title text=t_string!(i18n, outbox_title).to_string() />
        <h1>{t!(i18n, outbox_title)}</h1>
        <p class="lead">{t!(i18n, outbox_intro)}</p>
        <Loaded resource=messages view=move |result| match result {
                list if list.is_empty() => view! { <p class="panel">{t!(i18n, outbox_empty)}</p> }.into_any(),
                list => view! {
                    <ul class="outbox">
                        {list.into_iter().map(|m| view! { <OutboxItem message=m /> }).collect_view()}
                    </ul>
                }.into_any(),
            } />
    }
}

#[component]
fn OutboxItem(message: OutboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let (status, badge) = status_label(i18n, &message.status);
    view! {
        <li class="panel outbox__message">
            <h2 class="outbox__subject">{message.subject.clone()}</h2>
            <p class="muted">
                {t!(i18n, outbox_to, to = message.to.clone())} " · " {message.created.clone()} " "
                <span class=badge>{status}</span>
            </p>
            {message.error.clone().map(|e| view! { <p class="notice notice--warn">{e}</p> })}
            <details>
                <summary>{t!(i18n, outbox_show_text)}</summary>
                <pre class="outbox__body">{message.body.clone()}</pre>
            </details>
        </li>
    }
}
