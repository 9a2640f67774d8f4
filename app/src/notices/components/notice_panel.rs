//! "Kallelse" on the agenda page: where the notice stands against its deadline, every sending
//! and how its e-mail fared, and the form that sends it (or an update), asking the chef to
//! confirm a late one.

use leptos::prelude::*;

use crate::domain::NoticeTiming;
use crate::i18n::*;
use crate::meetings::AgendaView;
use crate::notices::{NoticeState, SendNotice};
use crate::ui::{
    field_message, format_date, whole_form_message, ChangeForm, CheckField, FormError,
};

fn timing_line(
    i18n: leptos_i18n::I18nContext<Locale>,
    timing: NoticeTiming,
) -> (String, &'static str) {
    match timing {
        NoticeTiming::Due { deadline } => (
            t_string!(i18n, notice_due, date = format_date(i18n, deadline)).to_string(),
            "badge",
        ),
        NoticeTiming::Overdue {
            deadline,
            days_late,
        } => (
            t_string!(
                i18n,
                notice_overdue,
                date = format_date(i18n, deadline),
                days = days_late
            )
            .to_string(),
            "badge badge--warn",
        ),
        NoticeTiming::OnTime { sent } => (
            t_string!(i18n, notice_on_time, date = format_date(i18n, sent)).to_string(),
            "badge badge--ok",
        ),
        NoticeTiming::Late { sent, days_late } => (
            t_string!(
                i18n,
                notice_late,
                date = format_date(i18n, sent),
                days = days_late
            )
            .to_string(),
            "badge badge--warn",
        ),
    }
}

/// The notice panel (editors only).
#[component]
pub fn NoticePanel(
    agenda: AgendaView,
    notice: NoticeState,
    action: ServerAction<SendNotice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (line, badge) = timing_line(i18n, notice.timing);
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let _pending = action.pending();
    let sent_before = !notice.sent.is_empty();
    let can_send = !sent_before || notice.agenda_changed;
    let overdue = matches!(notice.timing, NoticeTiming::Overdue { .. });
    let sendings = notice
        .sent
        .iter()
        .map(|n| {
            let date = format_date(i18n, n.sent_on);
            let text = if n.update {
                t_string!(
                    i18n,
                    notice_record_update,
                    date = date,
                    time = n.sent_time.clone(),
                    name = n.sent_by.clone(),
                    count = n.recipients
                )
            } else {
                t_string!(
                    i18n,
                    notice_record,
                    date = date,
                    time = n.sent_time.clone(),
                    name = n.sent_by.clone(),
                    count = n.recipients
                )
            }
            .to_string();
            view! { <li>{text}</li> }
        })
        .collect_view();
    let d = notice.delivery;
    let delivery = if !sent_before {
        None
    } else if notice.smtp {
        let total = d.sent + d.queued + d.failed;
        Some(view! {
            <p role="status">
                {t!(i18n, notice_delivered, sent = d.sent, total = total)}
                {(d.queued > 0).then(|| view! { " " {t!(i18n, notice_queued, count = d.queued)} })}
            </p>
            {(d.failed > 0).then(|| view! {
                <p class="notice notice--warn">{t!(i18n, notice_failed, count = d.failed)}</p>
            })}
        }.into_any())
    } else {
        Some(
            view! { <p class="notice">{t!(i18n, notice_outbox_only, count = d.stored)}</p> }
                .into_any(),
        )
    };
    let done = move || match action.value().get() {
        Some(Ok(count)) => Some(t_string!(i18n, notice_sent_now, count = count).to_string()),
        _ => None,
    };
    let confirm_error = Signal::derive(move || field_message(result.get(), "confirm_late"));
    let notice_error = Signal::derive(move || field_message(result.get(), "notice"));
    let recipients = notice.recipients;
    view! {
        <section class="panel notice-panel no-print" aria-labelledby="kallelse">
            <h2 id="kallelse">{t!(i18n, notice_heading)}</h2>
            <p><span class=badge>{line}</span></p>
            {sent_before.then(|| view! { <ul class="notice-panel__sent">{sendings}</ul> })}
            {delivery}
            {(sent_before && notice.agenda_changed).then(|| view! {
                <p class="notice">{t!(i18n, notice_agenda_changed)}</p>
            })}
            <FormError message=whole_form_message(result) />
            <p class="field__error" role="alert">{move || notice_error.get()}</p>
            {can_send.then(|| view! {
                <ChangeForm action ids=vec![("unit_id", agenda.unit_id.to_string()), ("meeting_id", agenda.meeting.id.to_string()), ("agenda_version", agenda.agenda_version.to_string())] failure_shown_above=true
                    label=Signal::derive(move || if sent_before {
                            t_string!(i18n, notice_send_update).to_string()
                        } else {
                            t_string!(i18n, notice_send).to_string()
                        })
                    busy_label=Signal::derive(move || t_string!(i18n, sending).to_string())>
                    <p>{t!(i18n, notice_recipients, count = recipients)}</p>
                    {overdue.then(|| view! {
                        <CheckField id="kallelse-sen" name="confirm_late" error=confirm_error
                            label=t_string!(i18n, notice_confirm_late).to_string() />
                    })}
                </ChangeForm>
            })}
            <p class="form-status" role="status">{done}</p>
        </section>
    }
}
