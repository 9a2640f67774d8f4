//! `/enhet/:unit_id/mote/:meeting_id/dagordning`: an APT's agenda. Everyone of the unit reads it;
//! the chef composes it from the plan and changes it here. Works on a phone and before hydration.

use leptos::prelude::*;
use leptos_meta::Title;

use super::agenda_actions::AgendaActions;
use super::agenda_item_view::AgendaSectionView;
use super::agenda_panels::{AddItemPanel, AddSectionPanel, CarryPanel, ComposePanel};
use super::attachments_panel::AttachmentsPanel;
use super::meeting_when::MeetingWhen;
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::{get_agenda, AgendaView};
use crate::notices::components::NoticePanel;
use crate::ui::Loaded;
use crate::ui::{failure_message, format_date, route_id, FormError};

/// The agenda page of one meeting.
#[component]
pub fn AgendaPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let meeting_id = route_id("meeting_id");
    let actions = AgendaActions::new();
    let saved = actions.saved();
    let agenda = Resource::new(
        move || (unit_id.get(), meeting_id.get(), saved.get()),
        |(unit, meeting, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_agenda(u, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    // While the notice's e-mail is still on its way, look again every two seconds.
    Effect::new(move |_| {
        let queued = agenda
            .get()
            .and_then(Result::ok)
            .and_then(|a| a.notice)
            .is_some_and(|n| n.delivery.queued > 0);
        if queued {
            set_timeout(move || agenda.refetch(), std::time::Duration::from_secs(2));
        }
    });
    view! {
        <Loaded resource=agenda view=move |a| view! { <AgendaBody agenda=a actions /> } />
    }
}

#[component]
fn AgendaBody(agenda: AgendaView, actions: AgendaActions) -> impl IntoView {
    let i18n = use_i18n();
    let m = agenda.meeting.clone();
    let date = format_date(i18n, m.first_date());
    let title = t_string!(i18n, agenda_page_title, date = date.clone()).to_string();
    let back = format!("/enhet/{}?ar={}#mote-{}", agenda.unit_id, agenda.year, m.id);
    let unit_name = agenda.unit_name.clone();
    let minutes_href = format!("/enhet/{}/mote/{}/minnesanteckningar", agenda.unit_id, m.id);
    let workload_href = format!("/enhet/{}/mote/{}/avstamning", agenda.unit_id, m.id);
    let notice_pdf_href = format!("/enhet/{}/mote/{}/kallelse.pdf", agenda.unit_id, m.id);
    let timing = agenda.timing;
    let empty = agenda.sections.is_empty();
    let can_edit = agenda.can_edit;
    let sections = agenda.sections.clone();
    let section_count = sections.len();
    let section_views = sections
        .into_iter()
        .enumerate()
        .map(|(i, section)| {
            view! {
                <AgendaSectionView section agenda=agenda.clone() actions
                    first=i == 0 last=i + 1 == section_count />
            }
        })
        .collect_view();
    let waiting = agenda.waiting_proposals;
    // Just carried: the panel stays to say so, though nothing is left to carry.
    let carried = matches!(actions.carry.value().get_untracked(), Some(Ok(_)));
    let proposals_href = format!("/enhet/{}/forslag", agenda.unit_id);
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <article class="agenda" aria-labelledby="dagordning-rubrik">
            <header class="panel agenda__head">
                <h1 id="dagordning-rubrik">{title}</h1>
                <p class="agenda__unit">{agenda.unit_name.clone()}</p>
                <MeetingWhen meeting=m.clone() />
                <p class="agenda__more">
                    <a href=minutes_href>{t!(i18n, minutes_link)}</a>
                    " · "
                    <a href=workload_href>{t!(i18n, workload_link)}</a>
                    {(!empty).then(|| view! {
                        " · "
                        <a href=notice_pdf_href download="">{t!(i18n, agenda_pdf)}</a>
                    })}
                </p>
                {m.cancelled.then(|| view! { <p><span class="badge badge--warn">{t!(i18n, meeting_cancelled)}</span></p> })}
                {(!empty).then(|| view! {
                    <p class="agenda__timing">
                        {t!(i18n, agenda_timing, total = timing.total, length = timing.length)}
                    </p>
                    {(timing.over_by() > 0).then(|| view! {
                        <p class="notice notice--warn" role="note">
                            {t!(i18n, agenda_over, over = timing.over_by(), length = timing.length)}
                        </p>
                    })}
                })}
                {(can_edit && waiting > 0).then(|| view! {
                    <p class="notice">
                        {t!(i18n, agenda_waiting_proposals, count = waiting)} " "
                        <a href=proposals_href>{t!(i18n, agenda_see_proposals)}</a>
                    </p>
                })}
            </header>
            // A failed move is said once, above the sections it concerns.
            {can_edit.then(|| view! { <FormError message=failure_message(actions.move_entry) /> })}
            {(empty && !can_edit).then(|| view! { <p class="panel">{t!(i18n, agenda_not_ready)}</p> })}
            {can_edit.then(|| view! { <ComposePanel agenda=agenda.clone() action=actions.compose /> })}
            {section_views}
        </article>
        {(!empty).then(|| view! { <AttachmentsPanel agenda=agenda.clone() remove=actions.remove_attachment /> })}
        {(can_edit && !empty).then(|| view! {
            <AddItemPanel agenda=agenda.clone() action=actions.add_item />
            <AddSectionPanel agenda=agenda.clone() action=actions.add_section />
        })}
        {(can_edit && !empty).then(|| agenda.notice.clone().map(|notice| view! {
            <NoticePanel agenda=agenda.clone() notice action=actions.send />
        }))}
        {(can_edit && (agenda.not_reached > 0 || carried)).then(|| view! { <CarryPanel agenda=agenda.clone() action=actions.carry /> })}
    }
}
