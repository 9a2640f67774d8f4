//! `/enhet/:unit_id/mote/:meeting_id`: change an APT's date, times, place or link, or cancel it.
//! Works on a phone and before hydration; on success it returns to the plan.

use leptos::prelude::*;
use leptos_meta::Title;

use super::meeting_fields::{form_message, MeetingFields};
use super::sessions_panel::SessionsPanel;
use crate::error::AppError;
use crate::i18n::*;
use crate::plan::{
    get_meeting_detail, AddSession, MeetingDetail, RemoveSession, SetMeetingCancelled,
    UpdateMeeting,
};
use crate::ui::Loaded;
use crate::ui::{
    error_message, format_date, route_id, success_count, ChangeForm, ErrorPanel, FormError,
    SubmitButton,
};

/// The edit page of one meeting.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let _i18n = use_i18n();
    let unit_id = route_id("unit_id");
    let meeting_id = route_id("meeting_id");
    let update = ServerAction::<UpdateMeeting>::new();
    let cancel = ServerAction::<SetMeetingCancelled>::new();
    let add_session = ServerAction::<AddSession>::new();
    let remove_session = ServerAction::<RemoveSession>::new();
    let added = success_count(add_session);
    let removed = success_count(remove_session);
    let detail = Resource::new(
        move || (unit_id.get(), meeting_id.get(), added.get(), removed.get()),
        |(unit, meeting, _, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_meeting_detail(u, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=detail view=move |result| match result {
                d if !d.can_edit => view! { <ErrorPanel error=AppError::Forbidden /> }.into_any(),
                d => view! {
                    <MeetingEdit detail=d.clone() update cancel />
                    <SessionsPanel detail=d add=add_session remove=remove_session />
                }.into_any(),
            } />
    }
}

#[component]
fn MeetingEdit(
    detail: MeetingDetail,
    update: ServerAction<UpdateMeeting>,
    cancel: ServerAction<SetMeetingCancelled>,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = detail.meeting.clone();
    let date = format_date(i18n, m.date);
    let title = format!("{} {}", t_string!(i18n, edit_meeting_title), date);
    let back = format!("/enhet/{}?ar={}#mote-{}", detail.unit_id, detail.year, m.id);
    let unit_name = detail.unit_name.clone();
    let result = Signal::derive(move || update.value().get());
    let pending = update.pending();
    let _cancel_pending = cancel.pending();
    let problem = move || {
        form_message(result.get())
            .or_else(|| cancel.value().get().and_then(Result::err))
            .map(|e| error_message(e)())
    };
    let cancelled = m.cancelled;
    let meeting_id = m.id;
    let heading = title.clone();
    let agenda_href = format!("/enhet/{}/mote/{}/dagordning", detail.unit_id, m.id);
    view! {
        <Title text=title />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <section class="panel" aria-labelledby="mote-rubrik">
            <h1 id="mote-rubrik">{heading}</h1>
            <p><a href=agenda_href>{t!(i18n, agenda_open)}</a></p>
            {cancelled.then(|| view! { <p><span class="badge badge--warn">{t!(i18n, meeting_cancelled)}</span></p> })}
            <FormError message=Signal::derive(problem) />
            <ActionForm action=update attr:novalidate="">
                <input type="hidden" name="unit_id" value=detail.unit_id />
                <input type="hidden" name="meeting_id" value=meeting_id />
                <input type="hidden" name="plan_version" value=detail.plan_version />
                <MeetingFields prefix="mote" meeting=Some(m) result />
                <SubmitButton pending=pending variant="primary"
                    label=Signal::derive(move || t_string!(i18n, save_changes).to_string()) />
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="installt-rubrik">
            <h2 id="installt-rubrik">
                {move || if cancelled {
                    t_string!(i18n, restore_meeting_heading).to_string()
                } else {
                    t_string!(i18n, cancel_meeting_heading).to_string()
                }}
            </h2>
            <p>{move || if cancelled {
                t_string!(i18n, restore_meeting_intro).to_string()
            } else {
                t_string!(i18n, cancel_meeting_intro).to_string()
            }}</p>
            <ChangeForm action=cancel ids=vec![("unit_id", detail.unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("plan_version", detail.plan_version.to_string()), ("cancelled", (!cancelled).to_string())] failure_shown_above=true variant="secondary"
                label=Signal::derive(move || if cancelled {
                        t_string!(i18n, restore_meeting_button).to_string()
                    } else {
                        t_string!(i18n, cancel_meeting_button).to_string()
                    }) />
        </section>
    }
}
