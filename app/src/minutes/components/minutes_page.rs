//! `/enhet/:unit_id/mote/:meeting_id/minnesanteckningar`: the minutes of an APT. Every member
//! reads the published version (and earlier ones); the chef writes the draft here, during or
//! after the meeting, and publishes it.

use leptos::prelude::*;
use leptos_meta::Title;

use super::draft::{AttendancePanel, DraftItems};
use super::minutes_actions::MinutesActions;
use super::published::{PublishedView, VersionList};
use crate::error::AppError;
use crate::i18n::*;
use crate::minutes::{get_meeting_actions, get_minutes, MinutesView, PublishMinutes};
use crate::ui::Loaded;
use crate::ui::{format_date, query_version, route_id, success_count, ChangeForm};

/// The minutes page of one meeting.
#[component]
pub fn MinutesPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let meeting_id = route_id("meeting_id");
    let version = query_version();
    let actions = MinutesActions {
        attendance: ServerAction::new(),
        item: ServerAction::new(),
        add_action: ServerAction::new(),
        remove_action: ServerAction::new(),
        publish: ServerAction::new(),
    };
    // Only publishing reloads the page: saving one item must not wipe what is typed in another.
    let published = success_count(actions.publish);
    let minutes = Resource::new(
        move || {
            (
                unit_id.get(),
                meeting_id.get(),
                version.get(),
                published.get(),
            )
        },
        |(unit, meeting, version, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_minutes(u, m, version).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    let (added, removed) = (
        success_count(actions.add_action),
        success_count(actions.remove_action),
    );
    let meeting_actions = Resource::new(
        move || (unit_id.get(), meeting_id.get(), added.get(), removed.get()),
        |(unit, meeting, _, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_meeting_actions(u, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=minutes view=move |m| view! { <MinutesBody minutes=m actions meeting_actions /> } />
    }
}

#[component]
fn MinutesBody(
    minutes: MinutesView,
    actions: MinutesActions,
    meeting_actions: Resource<Result<Vec<crate::minutes::Action>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let date = format_date(i18n, minutes.meeting.first_date());
    let title = t_string!(i18n, minutes_title, date = date).to_string();
    let agenda_href = format!(
        "/enhet/{}/mote/{}/dagordning",
        minutes.unit_id, minutes.meeting.id
    );
    let latest = minutes.versions.last().map(|v| v.version);
    let shown = minutes.shown.clone();
    let is_latest = shown
        .as_ref()
        .map(|(v, _)| Some(*v) == latest)
        .unwrap_or(true);
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=agenda_href>{t!(i18n, back_to_agenda)}</a></p>
        <article class="minutes" aria-labelledby="minnes-rubrik">
            <h1 id="minnes-rubrik">{title}</h1>
            <p class="agenda__unit">{minutes.unit_name.clone()}</p>
            {minutes.can_edit.then(|| view! {
                <div class="minutes-draft">
                    <PublishPanel minutes=minutes.clone() action=actions.publish />
                    <AttendancePanel minutes=minutes.clone() action=actions.attendance />
                    <DraftItems minutes=minutes.clone() actions meeting_actions />
                </div>
            })}
            {match shown {
                Some((version, text)) => view! {
                    <PublishedView version text is_latest can_edit=minutes.can_edit
                        pdf_href=format!("/enhet/{}/mote/{}/minnesanteckningar.pdf?version={version}",
                            minutes.unit_id, minutes.meeting.id) />
                }.into_any(),
                None if !minutes.can_edit => view! {
                    <p class="panel">{t!(i18n, minutes_not_published)}</p>
                }.into_any(),
                None => ().into_any(),
            }}
            <VersionList minutes=minutes.clone() />
        </article>
    }
}

#[component]
fn PublishPanel(minutes: MinutesView, action: ServerAction<PublishMinutes>) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let state = match minutes.versions.last() {
        None => t_string!(i18n, minutes_state_draft).to_string(),
        Some(v) => t_string!(
            i18n,
            minutes_state_published,
            version = v.version,
            date = format_date(i18n, v.published_on),
            time = v.published_time.clone(),
            name = v.published_by.clone()
        )
        .to_string(),
    };
    let first = minutes.versions.is_empty();
    let done = move || match action.value().get() {
        Some(Ok(v)) => Some(t_string!(i18n, minutes_published_now, version = v).to_string()),
        _ => None,
    };
    view! {
        <section class="panel" aria-labelledby="publicering">
            <h2 id="publicering">{t!(i18n, minutes_publish_heading)}</h2>
            <p>{state}</p>
            {(!first && minutes.unpublished_changes).then(|| view! {
                <p class="notice">{t!(i18n, minutes_unpublished_changes)}</p>
            })}
            <ChangeForm action ids=vec![("unit_id", minutes.unit_id.to_string()), ("meeting_id", minutes.meeting.id.to_string())]
                label=Signal::derive(move || if first {
                        t_string!(i18n, minutes_publish).to_string()
                    } else {
                        t_string!(i18n, minutes_publish_changes).to_string()
                    })>
                <p class="field__hint">{t!(i18n, minutes_publish_hint)}</p>
            </ChangeForm>
            <p class="form-status" role="status">{done}</p>
        </section>
    }
}
