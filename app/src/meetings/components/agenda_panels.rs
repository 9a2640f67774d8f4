//! The chef's panels on the agenda page: compose from the plan, add an item, add a section, and
//! carry items the meeting did not reach to the next APT.

use leptos::prelude::*;

use super::item_fields::ItemFields;
use crate::i18n::*;
use crate::meetings::{AddAgendaItem, AddAgendaSection, AgendaView, CarryOverItems, ComposeAgenda};
use crate::ui::{
    failure_message, field_message, format_date, ChangeForm, FormError, SubmitButton, TextField,
};

/// "Skapa dagordning från planen", or, once composed, what the plan has that the agenda lacks.
#[component]
pub fn ComposePanel(agenda: AgendaView, action: ServerAction<ComposeAgenda>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = agenda.sections.is_empty();
    let missing = agenda.missing_from_plan;
    let pending = action.pending();
    let problem = failure_message(action);
    let done = move || match action.value().get() {
        Some(Ok(count)) => Some(t_string!(i18n, agenda_composed, count = count).to_string()),
        _ => None,
    };
    if !empty && missing == 0 {
        return view! { <p class="form-status" role="status">{done}</p> }.into_any();
    }
    view! {
        <section class="panel no-print" aria-labelledby="fran-planen">
            <h2 id="fran-planen">{t!(i18n, agenda_compose_heading)}</h2>
            <p>{move || if empty {
                t_string!(i18n, agenda_compose_intro).to_string()
            } else {
                t_string!(i18n, agenda_compose_missing, count = missing).to_string()
            }}</p>
            <FormError message=problem />
            <ActionForm action>
                <input type="hidden" name="unit_id" value=agenda.unit_id />
                <input type="hidden" name="meeting_id" value=agenda.meeting.id />
                <SubmitButton pending variant="primary"
                    label=Signal::derive(move || if empty {
                        t_string!(i18n, agenda_compose_button).to_string()
                    } else {
                        t_string!(i18n, agenda_compose_more).to_string()
                    })
                    busy_label=Signal::derive(move || t_string!(i18n, agenda_composing).to_string()) />
            </ActionForm>
            <p class="form-status" role="status">{done}</p>
        </section>
    }
    .into_any()
}

/// "Ny punkt": the chef's own item, into a section of choice (the last one at first).
#[component]
pub fn AddItemPanel(agenda: AgendaView, action: ServerAction<AddAgendaItem>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let sections: Vec<(i64, String)> = agenda
        .sections
        .iter()
        .map(|s| (s.id, s.title.clone()))
        .collect();
    let last = sections.last().map(|(id, _)| *id);
    view! {
        <section class="panel no-print" aria-labelledby="ny-punkt">
            <h2 id="ny-punkt">{t!(i18n, item_add_heading)}</h2>
            <ChangeForm action ids=agenda_ids(&agenda) beside_fields=true
                label=Signal::derive(move || t_string!(i18n, item_add_button).to_string())
                done=Signal::derive(move || t_string!(i18n, item_added).to_string())>
                <ItemFields prefix="ny-punkt" sections section=last.unwrap_or_default() result />
            </ChangeForm>
        </section>
    }
}

/// "Nytt avsnitt" at the end of the agenda.
#[component]
pub fn AddSectionPanel(
    agenda: AgendaView,
    action: ServerAction<AddAgendaSection>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    view! {
        <section class="panel no-print" aria-labelledby="nytt-avsnitt">
            <h2 id="nytt-avsnitt">{t!(i18n, section_add_heading)}</h2>
            <ChangeForm action ids=agenda_ids(&agenda) beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, section_add_button).to_string())>
                <TextField id="nytt-avsnitt-rubrik" name="title" required=true
                    label=t_string!(i18n, section_title_label).to_string()
                    error=Signal::derive(move || field_message(result.get(), "section_title")) />
            </ChangeForm>
        </section>
    }
}

/// Items the meeting did not reach, carried to the next APT in one step.
#[component]
pub fn CarryPanel(agenda: AgendaView, action: ServerAction<CarryOverItems>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let count = agenda.not_reached;
    let problem = failure_message(action);
    let done = move || match action.value().get() {
        Some(Ok(n)) => Some(t_string!(i18n, carry_done, count = n).to_string()),
        _ => None,
    };
    let body = match agenda.next_meeting.clone() {
        Some(next) => {
            let date = format_date(i18n, next.date);
            let href = format!("/enhet/{}/mote/{}/dagordning", agenda.unit_id, next.id);
            view! {
                <p>{t!(i18n, carry_intro, count = count, date = move || date.clone())}</p>
                <FormError message=problem />
                <ActionForm action>
                    <input type="hidden" name="unit_id" value=agenda.unit_id />
                    <input type="hidden" name="meeting_id" value=agenda.meeting.id />
                    <SubmitButton pending variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, carry_button).to_string()) />
                </ActionForm>
                <p class="form-status" role="status">{done}</p>
                <p><a href=href>{t!(i18n, carry_open_next)}</a></p>
            }
            .into_any()
        }
        None => view! { <p>{t!(i18n, carry_no_next)}</p> }.into_any(),
    };
    view! {
        <section class="panel no-print" aria-labelledby="ej-hunna">
            <h2 id="ej-hunna">{t!(i18n, carry_heading)}</h2>
            {body}
        </section>
    }
}

/// The ids every agenda form posts: its unit and meeting.
fn agenda_ids(agenda: &AgendaView) -> Vec<(&'static str, String)> {
    vec![
        ("unit_id", agenda.unit_id.to_string()),
        ("meeting_id", agenda.meeting.id.to_string()),
    ]
}
