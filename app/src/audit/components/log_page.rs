//! `/logg`: HR's audit log, filtered with a plain GET form (works before hydration) and paged
//! with a link to older entries.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::audit::catalogue::{describe, EntryCategory};
use crate::audit::{get_audit_log, LogEntry, LogView};
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::NodePicker;
use crate::ui::TextField;

/// The audit log page.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|q| {
            let text = |key: &str| q.get(key).filter(|v| !v.is_empty());
            (
                q.get("nod").and_then(|v| v.parse::<i64>().ok()),
                text("typ"),
                text("person"),
                text("fran"),
                text("till"),
                q.get("fore").and_then(|v| v.parse::<i64>().ok()),
            )
        })
    });
    let log = Resource::new(
        move || params.get(),
        |(node, category, person, from, to, before)| {
            get_audit_log(node, category, person, from, to, before)
        },
    );
    view! {
        <Loaded resource=log view=move |view| view! { <LogBody log=view /> } />
    }
}

fn category_label(i18n: leptos_i18n::I18nContext<Locale>, category: EntryCategory) -> String {
    match category {
        EntryCategory::Changes => t_string!(i18n, audit_category_changes).to_string(),
        EntryCategory::SignIns => t_string!(i18n, audit_category_sign_ins).to_string(),
        EntryCategory::Refused => t_string!(i18n, audit_category_refused).to_string(),
    }
}

/// The next (older) page: the same filter as hidden fields, so no URL is built by hand.
#[component]
fn OlderPage(log: LogView, before: i64) -> impl IntoView {
    let i18n = use_i18n();
    let hidden = |name: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <input type="hidden" name=name value=value /> })
    };
    view! {
        <form method="get" action="/logg" class="audit-older">
            <input type="hidden" name="nod" value=log.node_id />
            {hidden("typ", log.category.map(|c| c.code().to_string()).unwrap_or_default())}
            {hidden("person", log.person.clone())}
            {hidden("fran", log.from.clone())}
            {hidden("till", log.to.clone())}
            <input type="hidden" name="fore" value=before />
            <button type="submit" class="button button--secondary">{t!(i18n, audit_older)}</button>
        </form>
    }
}

#[component]
fn LogBody(log: LogView) -> impl IntoView {
    let i18n = use_i18n();
    let english = i18n.get_locale_untracked() == Locale::en;
    let title = t_string!(i18n, audit_title, node = log.node_name.clone()).to_string();
    let problem = |field: &str| {
        log.problems
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
    };
    let from_error = Signal::stored(problem("from"));
    let to_error = Signal::stored(problem("to"));
    let category_options = EntryCategory::ALL
        .into_iter()
        .map(|c| view! { <option value=c.code() selected=log.category == Some(c)>{category_label(i18n, c)}</option> })
        .collect_view();
    let next = log
        .next_before
        .map(|before| view! { <OlderPage log=log.clone() before /> });
    let count = log.entries.len();
    let entries = log
        .entries
        .iter()
        .cloned()
        .map(|e| view! { <LogLine entry=e english /> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, audit_intro)}</p>
        <form method="get" action="/logg" class="panel rollup-picker">
            <NodePicker nodes=log.nodes.clone() selected=log.node_id />
            <div class="field">
                <label for="typ">{t!(i18n, audit_category)}</label>
                <select id="typ" name="typ">
                    <option value="" selected=log.category.is_none()>{t!(i18n, filter_all)}</option>
                    {category_options}
                </select>
            </div>
            <TextField id="person" name="person" label=t_string!(i18n, audit_person).to_string()
                value=log.person.clone() error=Signal::stored(None::<String>) />
            <TextField id="fran" name="fran" kind="date" label=t_string!(i18n, audit_from).to_string()
                value=log.from.clone() error=from_error />
            <TextField id="till" name="till" kind="date" label=t_string!(i18n, audit_to).to_string()
                value=log.to.clone() error=to_error />
            <button type="submit" class="button button--secondary">{t!(i18n, rollup_show)}</button>
        </form>
        <p role="status">{t!(i18n, audit_count, count = count)}</p>
        {if count == 0 {
            view! { <p class="empty">{t!(i18n, audit_none)}</p> }.into_any()
        } else {
            view! { <ol class="audit-list">{entries}</ol> }.into_any()
        }}
        {next}
    }
}

#[component]
fn LogLine(entry: LogEntry, english: bool) -> impl IntoView {
    let i18n = use_i18n();
    let what = describe(&entry.action, english)
        .map(str::to_string)
        .unwrap_or_else(|| entry.action.clone());
    let actor = if entry.actor.is_empty() {
        t_string!(i18n, audit_nobody).to_string()
    } else {
        entry.actor.clone()
    };
    let refused = entry.action == crate::audit::catalogue::REFUSED;
    view! {
        <li class="panel audit-entry">
            <p class="audit-entry__head">
                <time datetime=entry.at_iso.clone()>{entry.at.clone()}</time>
                " · " <strong>{actor}</strong>
            </p>
            <p>
                {refused.then(|| view! { <span class="badge badge--warn">{what.clone()}</span> " " })}
                {(!refused).then(|| what.clone())}
                {entry.node_name.clone().map(|n| view! { " · " {n} })}
            </p>
            {(!entry.subject.is_empty() || !entry.detail.is_empty()).then(|| view! {
                <p class="audit-entry__detail">
                    {entry.subject.clone()}
                    {(!entry.subject.is_empty() && !entry.detail.is_empty()).then_some(" · ")}
                    {entry.detail.clone()}
                </p>
            })}
            {(!entry.address.is_empty()).then(|| view! {
                <p class="audit-entry__detail">{t!(i18n, audit_address)} " " {entry.address.clone()}</p>
            })}
        </li>
    }
}
