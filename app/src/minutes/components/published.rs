//! A published version of the minutes as everyone reads (and prints) it, and the list of
//! versions with who published each and when.

use leptos::prelude::*;

use crate::i18n::*;
use crate::minutes::{MinutesView, PublishedItem, PublishedMinutes};
use crate::ui::{format_date, paragraphs};
use leptos_i18n::I18nContext;

/// "Byt lysrör – Bo – klart senast 3 mars": an action in one line.
pub fn action_line(
    i18n: I18nContext<Locale>,
    title: &str,
    responsible: Option<&str>,
    due: Option<chrono::NaiveDate>,
) -> String {
    let mut line = title.to_string();
    if let Some(r) = responsible {
        line.push_str(&format!(" – {r}"));
    }
    if let Some(d) = due {
        line.push_str(&format!(
            " – {}",
            t_string!(i18n, minutes_due, date = format_date(i18n, d))
        ));
    }
    line
}

/// What the minutes say of one item, under its title: "not reached", the notes, the decision.
#[component]
pub fn PublishedItemText(item: PublishedItem) -> impl IntoView {
    let i18n = use_i18n();
    let decision = item.decision.clone();
    view! {
        {(!item.reached).then(|| view! { <p><span class="badge badge--warn">{t!(i18n, item_not_reached)}</span></p> })}
        <div class="agenda-item__text">{paragraphs(&item.notes)}</div>
        {(!decision.is_empty()).then(|| view! {
            <p><strong>{t!(i18n, minutes_decision_label)}</strong> " " {decision.clone()}</p>
        })}
    }
}

/// One published version.
#[component]
pub fn PublishedView(
    version: u32,
    text: PublishedMinutes,
    is_latest: bool,
    can_edit: bool,
    /// Where this version downloads as PDF.
    pdf_href: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let present = text.present.join(", ");
    let absent = text.absent.join(", ");
    let sections = text
        .sections
        .iter()
        .map(|s| {
            let items = s
                .items
                .iter()
                .map(|i| {
                    view! {
                        <li class="agenda-item">
                            <h4 class="agenda-item__title">{i.title.clone()}</h4>
                            <PublishedItemText item=i.clone() />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="minutes-section">
                    <h3>{s.title.clone()}</h3>
                    <ol class="agenda-items">{items}</ol>
                </section>
            }
        })
        .collect_view();
    let actions = text
        .actions
        .iter()
        .map(|a| view! { <li>{action_line(i18n, &a.title, a.responsible.as_deref(), a.due)}</li> })
        .collect_view();
    let has_actions = !text.actions.is_empty();
    view! {
        <section class="panel minutes-published" aria-labelledby="publicerad">
            <h2 id="publicerad">
                {if can_edit {
                    t_string!(i18n, minutes_published_heading_editor, version = version).to_string()
                } else {
                    t_string!(i18n, minutes_published_heading, version = version).to_string()
                }}
            </h2>
            {(!is_latest).then(|| view! { <p class="notice notice--warn">{t!(i18n, minutes_old_version)}</p> })}
            <p class="no-print"><a href=pdf_href download="">{t!(i18n, minutes_pdf, version = version)}</a></p>
            <p><strong>{t!(i18n, minutes_present)}</strong> " " {present}</p>
            <p><strong>{t!(i18n, minutes_absent)}</strong> " " {absent}</p>
            {sections}
            {has_actions.then(|| view! {
                <h3>{t!(i18n, minutes_actions)}</h3>
                <ul>{actions}</ul>
            })}
        </section>
    }
}

/// Links to every published version, the shown one marked.
#[component]
pub fn VersionList(minutes: MinutesView) -> impl IntoView {
    let i18n = use_i18n();
    let shown = minutes.shown.as_ref().map(|(v, _)| *v);
    let base = format!(
        "/enhet/{}/mote/{}/minnesanteckningar",
        minutes.unit_id, minutes.meeting.id
    );
    let items = minutes
        .versions
        .iter()
        .map(|v| {
            let text = t_string!(
                i18n,
                minutes_version_line,
                version = v.version,
                date = format_date(i18n, v.published_on),
                time = v.published_time.clone(),
                name = v.published_by.clone()
            )
            .to_string();
            let current = (Some(v.version) == shown).then_some("page");
            view! { <li><a href=format!("{base}?version={}", v.version) aria-current=current>{text}</a></li> }
        })
        .collect_view();
    (minutes.versions.len() > 1).then(|| {
        view! {
            <nav class="panel minutes-versions no-print" aria-labelledby="versioner">
                <h2 id="versioner">{t!(i18n, minutes_versions)}</h2>
                <ul>{items}</ul>
            </nav>
        }
    })
}
