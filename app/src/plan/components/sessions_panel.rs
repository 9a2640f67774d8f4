//! "Tillfällen" on a meeting's page: the APT's sessions (the first is the meeting itself), a way
//! to remove a further one, and the form that adds one with its own time and place.

use leptos::prelude::*;

use super::meeting_fields::{form_message, MeetingFields};
use crate::i18n::*;
use crate::plan::{AddSession, MeetingDetail, RemoveSession};
use crate::ui::{error_message, when_and_where, ChangeForm, FormError};

/// The sessions of one APT and the forms that change them.
#[component]
pub fn SessionsPanel(
    detail: MeetingDetail,
    add: ServerAction<AddSession>,
    remove: ServerAction<RemoveSession>,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = detail.meeting.clone();
    let first = when_and_where(
        i18n,
        m.date,
        m.start,
        m.end,
        &m.location,
        m.online_link.as_deref(),
    );
    let add_result = Signal::derive(move || add.value().get());
    let problem = move || {
        form_message(add_result.get())
            .or_else(|| remove.value().get().and_then(Result::err))
            .map(|e| error_message(e)())
    };
    let (unit_id, meeting_id, plan_version) = (detail.unit_id, m.id, detail.plan_version);
    let further = m
        .sessions
        .clone()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let text = when_and_where(
                i18n,
                s.date,
                s.start,
                s.end,
                &s.location,
                s.online_link.as_deref(),
            );
            let number = i + 2;
            let label = t_string!(i18n, session_remove_label, number = number).to_string();
            view! {
                <li class="session">
                    <span><strong>{t!(i18n, session_number, number = number)}</strong> " " {text}</span>
                    <ChangeForm action=remove class="session__remove" failure_shown_above=true
                        ids=vec![
                            ("unit_id", unit_id.to_string()),
                            ("meeting_id", meeting_id.to_string()),
                            ("session_id", s.id.to_string()),
                            ("plan_version", plan_version.to_string()),
                        ]
                        variant="quiet" aria_label=label busy_label=t_string!(i18n, removing).to_string()
                        label=Signal::derive(move || t_string!(i18n, session_remove).to_string()) />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel sessions" aria-labelledby="tillfallen">
            <h2 id="tillfallen">{t!(i18n, sessions_heading)}</h2>
            <p>{t!(i18n, sessions_intro)}</p>
            <FormError message=Signal::derive(problem) />
            <ol class="sessions__list">
                <li class="session">
                    <span><strong>{t!(i18n, session_number, number = 1)}</strong> " " {first}</span>
                </li>
                {further}
            </ol>
            <h3 id="nytt-tillfalle">{t!(i18n, session_add_heading)}</h3>
            <ChangeForm action=add failure_shown_above=true variant="secondary"
                attr:aria-labelledby="nytt-tillfalle"
                ids=vec![
                    ("unit_id", unit_id.to_string()),
                    ("meeting_id", meeting_id.to_string()),
                    ("plan_version", plan_version.to_string()),
                ]
                label=Signal::derive(move || t_string!(i18n, session_add_button).to_string())
                done=Signal::derive(move || t_string!(i18n, session_added).to_string())>
                <MeetingFields prefix="tillfalle" meeting=None result=add_result />
            </ChangeForm>
        </section>
    }
}
