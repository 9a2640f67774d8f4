//! The chef's draft of the minutes: attendance, and per agenda item the notes, the decision,
//! whether it was reached, and the actions written down under it. Each item saves on its own, so
//! nothing typed elsewhere on the page is lost.

use leptos::prelude::*;

use super::minutes_actions::MinutesActions;
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::AgendaItem;
use crate::minutes::{Action, MinutesView, SaveAttendance};
use crate::ui::{
    field_message, ChangeForm, CheckField, FormError, SelectField, SubmitButton, TextArea,
    TextField,
};

/// "Närvaro": a checkbox per member of the unit.
#[component]
pub fn AttendancePanel(
    minutes: MinutesView,
    action: ServerAction<SaveAttendance>,
) -> impl IntoView {
    let i18n = use_i18n();
    let people = minutes
        .attendees
        .iter()
        .map(|a| {
            let id = format!("narvaro-{}", a.person_id);
            view! {
                <CheckField id name=format!("present[{}]", a.person_id)
                    checked=a.present == Some(true) item=true label=a.name.clone() />
            }
        })
        .collect_view();
    let is_saved = crate::ui::saved_and_idle(action);
    let done = move || {
        is_saved
            .get()
            .then(|| t_string!(i18n, minutes_attendance_saved).to_string())
    };
    view! {
        <section class="panel" aria-labelledby="narvaro">
            <h2 id="narvaro">{t!(i18n, minutes_attendance)}</h2>
            <ChangeForm action ids=vec![("unit_id", minutes.unit_id.to_string()), ("meeting_id", minutes.meeting.id.to_string())] variant="secondary"
                label=Signal::derive(move || t_string!(i18n, minutes_attendance_save).to_string())>
                <fieldset class="attendance">
                    <legend>{t!(i18n, minutes_attendance_legend)}</legend>
                    <ul class="attendance__list">{people}</ul>
                </fieldset>
            </ChangeForm>
            <p class="form-status" role="status">{done}</p>
        </section>
    }
}

/// Every section of the agenda with a form per item.
#[component]
pub fn DraftItems(
    minutes: MinutesView,
    actions: MinutesActions,
    meeting_actions: Resource<Result<Vec<Action>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let members: Vec<(String, String)> = std::iter::once((
        String::new(),
        t_string!(i18n, minutes_no_responsible).to_string(),
    ))
    .chain(
        minutes
            .attendees
            .iter()
            .map(|a| (a.person_id.to_string(), a.name.clone())),
    )
    .collect();
    // The item each action form was last posted for, so its messages appear beside its fields.
    let item_saved = crate::ui::sent_for(actions.item, |i| Some(i.item_id));
    let action_for = crate::ui::sent_for(actions.add_action, |i| i.item_id);
    let sections = minutes
        .draft
        .iter()
        .map(|section| {
            let items = section
                .items
                .iter()
                .cloned()
                .map(|item| {
                    view! {
                        <DraftItem item unit_id=minutes.unit_id meeting_id=minutes.meeting.id
                            members=members.clone() actions meeting_actions item_saved action_for />
                    }
                })
                .collect_view();
            view! {
                <section class="panel minutes-section">
                    <h2>{section.title.clone()}</h2>
                    <ol class="agenda-items">{items}</ol>
                </section>
            }
        })
        .collect_view();
    let empty = minutes.draft.is_empty();
    view! {
        {empty.then(|| view! { <p class="panel">{t!(i18n, minutes_no_agenda)}</p> })}
        {sections}
    }
}

#[component]
fn DraftItem(
    item: AgendaItem,
    unit_id: i64,
    meeting_id: i64,
    members: Vec<(String, String)>,
    actions: MinutesActions,
    meeting_actions: Resource<Result<Vec<Action>, AppError>>,
    item_saved: ReadSignal<Option<i64>>,
    action_for: ReadSignal<Option<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id;
    let item_result = crate::ui::result_for(actions.item, item_saved, id);
    let save_result = Signal::derive(move || item_result.get().map(|r| r.map(|_| ())));
    // What the notes and decision were when this form last loaded or saved them: the server
    // refuses a save over someone else's newer text.
    let before = RwSignal::new((item.notes.clone(), item.decision.clone()));
    Effect::new(move |_| {
        if let Some(Ok(saved)) = actions.item.value().get() {
            if saved.item_id == id {
                before.set((saved.notes, saved.decision));
            }
        }
    });
    let action_result = crate::ui::result_for(actions.add_action, action_for, id);
    let save_pending = actions.item.pending();
    // "Sparat." speaks of the last save only once it is over: while a new save runs, the
    // button says so and the old confirmation goes away.
    let saved = move || {
        (!save_pending.get() && matches!(save_result.get(), Some(Ok(()))))
            .then(|| t_string!(i18n, minutes_item_saved).to_string())
    };
    let add_pending = actions.add_action.pending();
    let heading = format!("minnes-punkt-{id}");
    let labelled = heading.clone();
    let listed = move || {
        meeting_actions.get().and_then(Result::ok).map(|all| {
            all.into_iter()
                .filter(|a| a.item_id == Some(id))
                .map(|a| {
                    let line = super::published::action_line(i18n, &a.title, a.responsible.as_deref(), a.due);
                    let remove_text = t_string!(i18n, backlog_remove).to_string();
                    let label = format!(
                        "{remove_text} {}",
                        t_string!(i18n, minutes_remove_action, title = a.title.clone())
                    );
                    view! {
                        <li>
                            {line} " "
                            <ChangeForm action=actions.remove_action class="inline-form"
                                failure_shown_above=true
                                ids=vec![
                                    ("unit_id", unit_id.to_string()),
                                    ("meeting_id", meeting_id.to_string()),
                                    ("action_id", a.id.to_string()),
                                ]
                                variant="quiet" aria_label=label busy_label=t_string!(i18n, removing).to_string()
                                label=remove_text.clone() />
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <li class="agenda-item" aria-labelledby=labelled>
            <h3 id=heading class="agenda-item__title">{item.title.clone()}</h3>
            <FormError message=Signal::derive(move || crate::ui::form_message(save_result.get()).map(|e| crate::ui::error_message(e)())) />
            <ActionForm action=actions.item attr:novalidate="">
                <input type="hidden" name="unit_id" value=unit_id />
                <input type="hidden" name="meeting_id" value=meeting_id />
                <input type="hidden" name="item_id" value=id />
                <input type="hidden" name="text[notes_before]" value=move || before.get().0 />
                <input type="hidden" name="text[decision_before]" value=move || before.get().1 />
                <TextArea id=format!("anteckning-{id}") name="text[notes]" rows=3 value=item.notes.clone()
                    label=t_string!(i18n, minutes_notes).to_string()
                    error=Signal::derive(move || field_message(save_result.get(), "notes")) />
                <TextArea id=format!("beslut-{id}") name="text[decision]" rows=2 value=item.decision.clone()
                    label=t_string!(i18n, minutes_decision).to_string()
                    error=Signal::derive(move || field_message(save_result.get(), "decision")) />
                <CheckField id=format!("ej-hunnen-{id}") name="not_reached" checked=!item.reached
                    label=t_string!(i18n, minutes_not_reached).to_string() />
                <SubmitButton pending=save_pending variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, minutes_item_save).to_string()) />
                <p class="form-status" role="status">{saved}</p>
            </ActionForm>
            <h4>{t!(i18n, minutes_actions)}</h4>
            <Transition fallback=|| ()>
                <ul class="minutes-actions">{listed}</ul>
            </Transition>
            <details class="minutes-add-action">
                <summary>{t!(i18n, minutes_add_action)}</summary>
                <FormError message=Signal::derive(move || crate::ui::form_message(action_result.get()).map(|e| crate::ui::error_message(e)())) />
                <ActionForm action=actions.add_action attr:novalidate="">
                    <input type="hidden" name="unit_id" value=unit_id />
                    <input type="hidden" name="meeting_id" value=meeting_id />
                    <input type="hidden" name="item_id" value=id />
                    <TextField id=format!("atgard-{id}-rubrik") name="action[title]" required=true
                        label=t_string!(i18n, minutes_action_title).to_string()
                        error=Signal::derive(move || field_message(action_result.get(), "title")) />
                    <SelectField id=format!("atgard-{id}-ansvarig") name="action[responsible]" options=members
                        label=t_string!(i18n, minutes_action_responsible).to_string()
                        error=Signal::derive(move || field_message(action_result.get(), "responsible")) />
                    <TextField id=format!("atgard-{id}-klart") name="action[due]" kind="date"
                        label=t_string!(i18n, minutes_action_due).to_string()
                        error=Signal::derive(move || field_message(action_result.get(), "due")) />
                    <SubmitButton pending=add_pending variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, minutes_add_action).to_string()) />
                </ActionForm>
            </details>
        </li>
    }
}
