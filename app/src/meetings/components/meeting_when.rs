//! When and where a meeting is (each session on its own line) and its links for joining online:
//! the head of the agenda page and of the "next APT" page.

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::Meeting;
use crate::ui::when_and_where;

/// The meeting's sessions, one line each, and a join link per online session.
#[component]
pub fn MeetingWhen(meeting: Meeting) -> impl IntoView {
    let i18n = use_i18n();
    let m = meeting;
    let when = std::iter::once(when_and_where(
        i18n,
        m.date,
        m.start,
        m.end,
        &m.location,
        m.online_link.as_deref(),
    ))
    .chain(m.sessions.iter().map(|s| {
        when_and_where(
            i18n,
            s.date,
            s.start,
            s.end,
            &s.location,
            s.online_link.as_deref(),
        )
    }))
    .map(|line| view! { <li>{line}</li> })
    .collect_view();
    let links = std::iter::once(m.online_link.clone())
        .chain(m.sessions.iter().map(|s| s.online_link.clone()))
        .flatten()
        .map(|url| {
            view! { <li><a href=url.clone() rel="noopener">{t!(i18n, agenda_join_link)}</a></li> }
        })
        .collect_view();
    view! {
        <ul class="agenda__when">{when}</ul>
        <ul class="agenda__links">{links}</ul>
    }
}
