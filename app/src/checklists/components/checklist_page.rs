//! `/enhet/:unit_id/checklista/:checklist_id`: one checklist. The chef and the safety
//! representative answer question by question (each answer saves on its own, so nothing typed
//! elsewhere is lost and a half-filled checklist is kept), weak answers get an action or a reason,
//! and the chef records who took part and marks it done.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_meta::Title;

use super::checklist_actions::ChecklistActions;
use super::participants_panel::ParticipantsPanel;
use super::question_form::QuestionItem;
use super::ProgressLine;
use crate::checklists::{get_checklist, ChecklistView, FinishChecklist};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{
    failure_message, field_message, format_date, route_id, success_count, FormError, SubmitButton,
};

/// The checklist page.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let checklist_id = route_id("checklist_id");
    let actions = ChecklistActions {
        answer: ServerAction::new(),
        add_action: ServerAction::new(),
        decline: ServerAction::new(),
        participants: ServerAction::new(),
        finish: ServerAction::new(),
    };
    // Only marking done (or open again) reloads the page: every other form keeps its own state,
    // so text typed in another question is never replaced.
    let finished = success_count(actions.finish);
    let checklist = Resource::new(
        move || (unit_id.get(), checklist_id.get(), finished.get()),
        |(unit, id, _)| async move {
            match (unit, id) {
                (Some(u), Some(c)) => get_checklist(u, c).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=checklist view=move |c| view! { <ChecklistBody checklist=c actions /> } />
    }
}

#[component]
fn ChecklistBody(checklist: ChecklistView, actions: ChecklistActions) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", checklist.title, checklist.year);
    let title = t_string!(
        i18n,
        checklist_title,
        name = name.clone(),
        unit = checklist.unit_name.clone()
    )
    .to_string();
    let back = format!(
        "/enhet/{}/checklistor?ar={}",
        checklist.unit_id, checklist.year
    );
    let progress = checklist.progress();
    let answered: RwSignal<HashSet<i64>> = RwSignal::new(
        checklist
            .areas
            .iter()
            .flat_map(|a| &a.questions)
            .filter(|q| q.answer.is_some())
            .map(|q| q.id)
            .collect(),
    );
    let editable = checklist.can_fill && checklist.done.is_none();
    let members: Vec<(String, String)> = std::iter::once((
        String::new(),
        t_string!(i18n, minutes_no_responsible).to_string(),
    ))
    .chain(
        checklist
            .responsibles
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    )
    .collect();
    let areas = checklist
        .areas
        .iter()
        .map(|area| {
            let items = area
                .questions
                .iter()
                .cloned()
                .map(|q| {
                    view! {
                        <QuestionItem question=q unit_id=checklist.unit_id checklist_id=checklist.id
                            editable members=members.clone() actions answered />
                    }
                })
                .collect_view();
            view! {
                <section class="panel checklist-area">
                    <h2>{area.title.clone()}</h2>
                    <ol class="question-list">{items}</ol>
                </section>
            }
        })
        .collect_view();
    let done_line = checklist.done.clone().map(|(day, by)| {
        t_string!(
            i18n,
            checklist_done_by,
            date = format_date(i18n, day),
            name = by
        )
        .to_string()
    });
    let progress_label = t_string!(i18n, checklist_progress_label, name = name.clone()).to_string();
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, checklists_back, unit = checklist.unit_name.clone())}</a></p>
        <h1>{name.clone()}</h1>
        <p class="muted">{checklist.unit_name.clone()} " · " {t!(i18n, checklist_template_version, version = checklist.template_version)}</p>
        <p class="no-print"><a href=format!("/enhet/{}/checklista/{}/checklista.pdf", checklist.unit_id, checklist.id) download="">{t!(i18n, checklist_pdf)}</a></p>
        <div class="checklist-progress" role="status" aria-live="polite">
            <ProgressLine answered=Signal::derive(move || answered.with(|a| a.len() as u32))
                total=progress.total label=progress_label />
        </div>
        {done_line.map(|l| view! { <p class="panel panel--ok">{l}</p> })}
        <ParticipantsPanel checklist=checklist.clone() action=actions.participants />
        {areas}
        {checklist.can_finish.then(|| view! { <FinishPanel checklist=checklist.clone() action=actions.finish /> })}
    }
}

#[component]
fn FinishPanel(checklist: ChecklistView, action: ServerAction<FinishChecklist>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let done = checklist.done.is_some();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let message = Signal::derive(move || field_message(result.get(), "done"));
    let other = failure_message(action);
    let (label, busy) = if done {
        (
            t_string!(i18n, checklist_reopen).to_string(),
            t_string!(i18n, saving).to_string(),
        )
    } else {
        (
            t_string!(i18n, checklist_mark_done).to_string(),
            t_string!(i18n, saving).to_string(),
        )
    };
    view! {
        <section class="panel" aria-labelledby="klar">
            <h2 id="klar">{t!(i18n, checklist_finish_heading)}</h2>
            <p>{if done { t_string!(i18n, checklist_reopen_hint) } else { t_string!(i18n, checklist_finish_hint) }}</p>
            <ActionForm action>
                <input type="hidden" name="unit_id" value=checklist.unit_id />
                <input type="hidden" name="checklist_id" value=checklist.id />
                <input type="hidden" name="done" value=(!done).to_string() />
                <p id="klar-fel" class="field__error" role="alert">{move || message.get()}</p>
                <SubmitButton pending label=Signal::derive(move || label.clone())
                    busy_label=Signal::derive(move || busy.clone()) />
            </ActionForm>
            {move || message.get().is_none().then(|| view! { <FormError message=other /> })}
        </section>
    }
}
