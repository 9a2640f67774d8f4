//! "Tillfällen" on a meeting's page: the APT's sessions (the first is the meeting itself), a way
//! to remove a further one, and the form that adds one with its own time and place.

use leptos::prelude::*;

use super::meeting_fields::{form_message, MeetingFields};
use crate::i18n::*;
use crate::plan::{AddSession, MeetingDetail, RemoveSession};
use crate::ui::{error_message, when_and_where, FormError, SubmitButton};

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
    let add_pending = add.pending();
    let remove_pending = remove.pending();
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
                    <ActionForm action=remove attr:class="session__remove">
                        <input type="hidden" name="unit_id" value=unit_id />
                        <input type="hidden" name="meeting_id" value=meeting_id />
                        <input type="hidden" name="session_id" value=s.id />
                        <input type="hidden" name="plan_version" value=plan_version />
                        <button type="submit" class="button button--quiet" aria-label=label
                            aria-busy=move || remove_pending.get().to_string()>
                            {t!(i18n, session_remove)}
                        </button>
                    </ActionForm>
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
            <ActionForm action=add attr:novalidate="" attr:aria-labelledby="nytt-tillfalle">
                <input type="hidden" name="unit_id" value=detail.unit_id />
                <input type="hidden" name="meeting_id" value=m.id />
                <input type="hidden" name="plan_version" value=detail.plan_version />
                <MeetingFields prefix="tillfalle" meeting=None result=add_result />
                <SubmitButton pending=add_pending variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, session_add_button).to_string()) />
                <p class="form-status" role="status">
                    {move || matches!(add_result.get(), Some(Ok(()))).then(|| t_string!(i18n, session_added).to_string())}
                </p>
            </ActionForm>
        </section>
    }
}
