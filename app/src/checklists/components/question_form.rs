//! One question of a checklist: its answer and analysis (saved on their own, only over what the
//! form was opened with), and, when the answer falls short, the action it asks for or the reason
//! why none is needed.

use std::collections::HashSet;

use leptos::prelude::*;

use super::answer_label;
use super::checklist_actions::ChecklistActions;
use crate::actions::components::status_label;
use crate::checklists::{LinkedAction, QuestionView};
use crate::domain::{ActionStatus, Answer};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    field_message, paragraphs, ChangeForm, CheckField, FormError, SelectField, SubmitButton,
    TextArea, TextField,
};

/// The question as a list item.
#[component]
pub fn QuestionItem(
    question: QuestionView,
    unit_id: i64,
    checklist_id: i64,
    editable: bool,
    members: Vec<(String, String)>,
    actions: ChecklistActions,
    answered: RwSignal<HashSet<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id;
    let heading = format!("fraga-{id}");
    let labelled = heading.clone();
    // The answer and analysis as last loaded or saved: shown, and posted as "before".
    let saved = RwSignal::new((question.answer, question.analysis.clone()));
    let linked = RwSignal::new(question.actions.clone());
    let reason = RwSignal::new(question.no_action_reason.clone());
    Effect::new(move |_| {
        if let Some(Ok(s)) = actions.answer.value().get() {
            if s.question_id == id {
                saved.set((Answer::from_code(&s.answer), s.analysis.clone()));
                answered.update(|a| {
                    a.insert(id);
                });
            }
        }
    });
    // Each follow-up result lands on the question it was posted for.
    let added = crate::ui::result_for(
        actions.add_action,
        crate::ui::sent_for(actions.add_action, |i| Some(i.question_id)),
        id,
    );
    let declined = crate::ui::result_for(
        actions.decline,
        crate::ui::sent_for(actions.decline, |i| Some(i.question_id)),
        id,
    );
    let declined_text = crate::ui::sent_for(actions.decline, |i| Some(i.reason.trim().to_string()));
    // Each runs when a result arrives, not when another question's form is sent.
    Effect::new(move |_| {
        actions.add_action.value().track();
        if let Some(Ok(a)) = added.get_untracked() {
            if !linked.with_untracked(|l| l.iter().any(|x| x.id == a.id)) {
                linked.update(|l| l.push(a));
            }
        }
    });
    Effect::new(move |_| {
        actions.decline.value().track();
        if let Some(Ok(())) = declined.get_untracked() {
            reason.set(declined_text.get_untracked());
        }
    });
    let number = question.number;
    let text = question.text.clone();
    let help = (!question.help.is_empty()).then(|| question.help.clone());
    let answer_part = if editable {
        view! { <AnswerForm question=question.clone() unit_id checklist_id actions saved /> }
            .into_any()
    } else {
        view! {
            <p class="question__answer">
                {move || saved.get().0.map(|a| answer_label(i18n, a)).unwrap_or_else(|| t_string!(i18n, checklist_unanswered).to_string())}
            </p>
            {move || { let a = saved.get().1; (!a.is_empty()).then(|| view! { <div class="question__analysis">{paragraphs(&a)}</div> }) }}
        }
        .into_any()
    };
    let needs = move || saved.get().0.is_some_and(Answer::needs_action);
    view! {
        <li class="question" aria-labelledby=labelled>
            <h3 id=heading class="question__text">{format!("{number}. {text}")}</h3>
            {help.map(|h| view! { <p class="field__hint question__help">{h}</p> })}
            {answer_part}
            {move || needs().then(|| view! {
                <FollowUp question_id=id unit_id checklist_id editable members=members.clone()
                    actions linked reason added declined />
            })}
        </li>
    }
}

#[component]
fn AnswerForm(
    question: QuestionView,
    unit_id: i64,
    checklist_id: i64,
    actions: ChecklistActions,
    saved: RwSignal<(Option<Answer>, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id;
    let sent = crate::ui::sent_for(actions.answer, |i| Some(i.question_id));
    let answered_here = crate::ui::result_for(actions.answer, sent, id);
    let result = Signal::derive(move || answered_here.get().map(|r| r.map(|_| ())));
    let pending = Memo::new(move |_| sent.get() == Some(id) && actions.answer.pending().get());
    let answer_error = Signal::derive(move || field_message(result.get(), "answer"));
    let analysis_error = Signal::derive(move || field_message(result.get(), "analysis"));
    let other = Signal::derive(move || {
        crate::ui::form_message(result.get()).map(|e| crate::ui::error_message(e)())
    });
    let done = move || {
        (!pending.get() && matches!(result.get(), Some(Ok(()))))
            .then(|| t_string!(i18n, checklist_answer_saved).to_string())
    };
    let group = format!("svar-{id}");
    let error_id = format!("{group}-fel");
    let described = error_id.clone();
    let options = question
        .scale
        .answers()
        .iter()
        .map(|a| {
            let input_id = format!("{group}-{}", a.code());
            let code = a.code();
            let checked = question.answer == Some(*a);
            view! {
                <CheckField id=input_id kind="radio" name="answer" value=code checked item=true
                    label=answer_label(i18n, *a) />
            }
        })
        .collect_view();
    let legend = t_string!(i18n, checklist_answer_legend, number = question.number).to_string();
    view! {
        <ActionForm action=actions.answer attr:class="question__form">
            <input type="hidden" name="unit_id" value=unit_id />
            <input type="hidden" name="checklist_id" value=checklist_id />
            <input type="hidden" name="question_id" value=id />
            <input type="hidden" name="before_answer"
                prop:value=move || saved.get().0.map(|a| a.code().to_string()).unwrap_or_default() />
            <input type="hidden" name="before_analysis" prop:value=move || saved.get().1 />
            <fieldset class="answer-scale" aria-describedby=described>
                <legend>{legend}</legend>
                <ul class="answer-scale__options">{options}</ul>
                <p id=error_id class="field__error">{move || answer_error.get()}</p>
            </fieldset>
            <TextArea id=format!("analys-{id}") name="analysis"
                label=t_string!(i18n, checklist_analysis).to_string()
                value=question.analysis.clone() error=analysis_error />
            <FormError message=other />
            <SubmitButton pending variant="secondary"
                label=Signal::derive(move || t_string!(i18n, checklist_save_answer).to_string()) />
            <p class="form-status" role="status">{done}</p>
        </ActionForm>
    }
}

#[component]
fn FollowUp(
    question_id: i64,
    unit_id: i64,
    checklist_id: i64,
    editable: bool,
    members: Vec<(String, String)>,
    actions: ChecklistActions,
    linked: RwSignal<Vec<LinkedAction>>,
    reason: RwSignal<Option<String>>,
    added: Signal<Option<Result<LinkedAction, AppError>>>,
    declined: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question_id;
    let missing = move || linked.with(Vec::is_empty) && reason.with(Option::is_none);
    let plan = format!("/enhet/{unit_id}/atgarder");
    let list = move || {
        linked
            .get()
            .into_iter()
            .map(|a| {
                let href = format!("{plan}#atgard-{}", a.id);
                let status: ActionStatus = a.status;
                view! { <li><a href=href>{a.title.clone()}</a> " – " {status_label(i18n, status)}</li> }
            })
            .collect_view()
    };
    let action_result = Signal::derive(move || added.get().map(|r| r.map(|_| ())));
    let decline_result = declined;
    view! {
        <div class="question__follow-up">
            {move || missing().then(|| view! { <p><span class="badge badge--warn">{t!(i18n, checklist_action_needed)}</span></p> })}
            {move || (!linked.with(Vec::is_empty)).then(|| view! {
                <p class="question__follow-up-title">{t!(i18n, checklist_actions_made)}</p>
                <ul>{list()}</ul>
            })}
            {move || reason.get().map(|r| view! { <p>{t!(i18n, checklist_no_action_because)} " " {r}</p> })}
            {editable.then(|| view! {
                <details class="question__add">
                    <summary>{t!(i18n, checklist_create_action)}</summary>
                    <ChangeForm action=actions.add_action ids=vec![("unit_id", unit_id.to_string()), ("checklist_id", checklist_id.to_string()), ("question_id", id.to_string())] failure_shown_above=true variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, checklist_create_action).to_string())>
                        <TextField id=format!("atgard-{id}") name="action[title]" required=true
                            label=t_string!(i18n, minutes_action_title).to_string()
                            error=Signal::derive(move || field_message(action_result.get(), "title")) />
                        <SelectField id=format!("ansvarig-{id}") name="action[responsible]"
                            label=t_string!(i18n, minutes_action_responsible).to_string()
                            options=members.clone()
                            error=Signal::derive(move || field_message(action_result.get(), "responsible")) />
                        <TextField id=format!("slut-{id}") name="action[end]" kind="date"
                            label=t_string!(i18n, action_end).to_string()
                            error=Signal::derive(move || field_message(action_result.get(), "end")) />
                    </ChangeForm>
                </details>
                <details class="question__decline">
                    <summary>{t!(i18n, checklist_no_action_needed)}</summary>
                    <ChangeForm action=actions.decline ids=vec![("unit_id", unit_id.to_string()), ("checklist_id", checklist_id.to_string()), ("question_id", id.to_string())] failure_shown_above=true variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, checklist_save_reason).to_string())>
                        <TextArea id=format!("motivering-{id}") name="reason"
                            label=t_string!(i18n, checklist_no_action_reason).to_string()
                            error=Signal::derive(move || field_message(decline_result.get(), "reason")) />
                    </ChangeForm>
                </details>
            })}
        </div>
    }
}
