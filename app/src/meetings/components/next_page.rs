//! `/nasta-apt`: the signed-in person's next APT in each of their units, the agenda in full once
//! the notice has gone out, the material to read, and the last published minutes in full. The
//! service worker keeps this page so it reads the same without a connection; the banner at the
//! top only shows in that saved copy (the worker marks the document) and says when it was saved.

use leptos::prelude::*;
use leptos_meta::Title;

use super::agenda_item_view::item_meta;
use super::meeting_when::MeetingWhen;
use crate::i18n::*;
use crate::meetings::{get_next_meetings, AgendaView, LastMinutes, NextMeeting, NextMeetingsPage};
use crate::minutes::components::{action_line, PublishedItemText};
use crate::ui::Loaded;
use crate::ui::{format_date, paragraphs};

/// The "next APT" page.
#[component]
pub fn NextMeetingsPageView() -> impl IntoView {
    let page = Resource::new(|| (), |()| get_next_meetings());
    view! {
        <Loaded resource=page view=move |p| view! { <NextBody page=p /> } />
    }
}

#[component]
fn NextBody(page: NextMeetingsPage) -> impl IntoView {
    let i18n = use_i18n();
    let saved_at = page.saved_at.clone();
    let empty = page.units.is_empty();
    let units = page
        .units
        .into_iter()
        .map(|unit| view! { <UnitNext unit /> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, next_title).to_string() />
        <p class="offline-banner" role="status">
            {t!(i18n, next_offline_saved, time = move || saved_at.clone())}
        </p>
        <h1>{t!(i18n, next_title)}</h1>
        <p class="lead">{t!(i18n, next_intro)}</p>
        {empty.then(|| view! { <p class="panel">{t!(i18n, next_no_units)}</p> })}
        {units}
    }
}

/// One unit: its coming meeting and its last minutes.
#[component]
fn UnitNext(unit: NextMeeting) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("nasta-{}", unit.unit_id);
    let labelled_by = heading_id.clone();
    let proposals_href = format!("/enhet/{}/forslag", unit.unit_id);
    view! {
        <section class="panel next-apt" aria-labelledby=labelled_by>
            <h2 id=heading_id>{unit.unit_name.clone()}</h2>
            {match unit.agenda {
                Some(agenda) => view! { <NextAgenda agenda /> }.into_any(),
                None => view! { <p>{t!(i18n, next_none_planned)}</p> }.into_any(),
            }}
            <p><a href=proposals_href>{t!(i18n, next_propose)}</a></p>
            {unit.last_minutes.map(|last| view! { <LastMinutesView unit_id=unit.unit_id last /> })}
        </section>
    }
}

/// The coming meeting: when, where, the agenda as sent, and the material to read.
#[component]
fn NextAgenda(agenda: AgendaView) -> impl IntoView {
    let i18n = use_i18n();
    let m = agenda.meeting.clone();
    let date = format_date(i18n, m.first_date());
    let agenda_href = format!("/enhet/{}/mote/{}/dagordning", agenda.unit_id, m.id);
    let empty = agenda.sections.is_empty();
    let sections = agenda
        .sections
        .iter()
        .map(|section| {
            let items = section
                .items
                .iter()
                .map(|item| {
                    view! {
                        <li class="agenda-item">
                            <h4 class="agenda-item__title">{item.title.clone()}</h4>
                            <p class="agenda-item__meta">{item_meta(i18n, item)}</p>
                            <div class="agenda-item__text">{paragraphs(&item.description)}</div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{section.title.clone()}</h3>
                <ol class="agenda-items">{items}</ol>
            }
        })
        .collect_view();
    let material = agenda
        .material
        .iter()
        .map(|link| match &link.url {
            Some(url) => {
                view! { <li><a href=url.clone() rel="noopener">{link.label.clone()}</a></li> }
                    .into_any()
            }
            None => view! { <li>{link.label.clone()}</li> }.into_any(),
        })
        .collect_view();
    let files = agenda
        .attachments
        .iter()
        .map(|file| {
            view! { <li><a href=file.href() download=file.file_name.clone()>{file.file_name.clone()}</a></li> }
        })
        .collect_view();
    let has_material = (!agenda.material.is_empty() || !agenda.attachments.is_empty()) && !empty;
    view! {
        <p class="next-apt__date">{t!(i18n, next_meeting_on, date = move || date.clone())}</p>
        <MeetingWhen meeting=m />
        {if empty {
            view! { <p>{t!(i18n, agenda_not_ready)}</p> }.into_any()
        } else {
            view! {
                {sections}
                {has_material.then(|| view! {
                    <h3>{t!(i18n, next_material)}</h3>
                    <ul>{material}{files}</ul>
                })}
            }
            .into_any()
        }}
        <p><a href=agenda_href>{t!(i18n, next_open_agenda)}</a></p>
    }
}

/// The last published minutes in full: who attended, what was said and decided, the actions.
#[component]
fn LastMinutesView(unit_id: i64, last: LastMinutes) -> impl IntoView {
    let i18n = use_i18n();
    let date = format_date(i18n, last.date);
    let href = format!(
        "/enhet/{unit_id}/mote/{}/minnesanteckningar",
        last.meeting_id
    );
    let text = last.text;
    let present = text.present.join(", ");
    let absent = text.absent.join(", ");
    let sections = text
        .sections
        .iter()
        .map(|section| {
            let items = section
                .items
                .iter()
                .map(|item| {
                    view! {
                        <li class="agenda-item">
                            <p><strong>{item.title.clone()}</strong></p>
                            <PublishedItemText item=item.clone() />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4>{section.title.clone()}</h4>
                <ul class="agenda-items">{items}</ul>
            }
        })
        .collect_view();
    let has_actions = !text.actions.is_empty();
    let actions = text
        .actions
        .iter()
        .map(|a| view! { <li>{action_line(i18n, &a.title, a.responsible.as_deref(), a.due)}</li> })
        .collect_view();
    view! {
        <h3>{t!(i18n, next_last_minutes, date = move || date.clone())}</h3>
        <p><strong>{t!(i18n, minutes_present)}</strong> " " {present}</p>
        <p><strong>{t!(i18n, minutes_absent)}</strong> " " {absent}</p>
        {sections}
        {has_actions.then(|| view! {
            <h4>{t!(i18n, next_actions)}</h4>
            <ul>{actions}</ul>
        })}
        <p><a href=href>{t!(i18n, next_read_minutes, version = last.version)}</a></p>
    }
}
