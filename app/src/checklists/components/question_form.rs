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
    // The question each follow-up form was last posted for (an action forgets its input once
    // it is done), so each result lands on its own question.
    let added_for: RwSignal<Option<i64>> = RwSignal::new(None);
    let declined: RwSignal<Option<(i64, String)>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(i) = actions.add_action.input().get() {
            added_for.set(Some(i.question_id));
        }
    });
    Effect::new(move |_| {
        if let Some(i) = actions.decline.input().get() {
            declined.set(Some((i.question_id, i.reason.trim().to_string())));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(a)) = actions.add_action.value().get() {
            if added_for.get_untracked() == Some(id)
                && !linked.with_untracked(|l| l.iter().any(|x| x.id == a.id))
            {
                linked.update(|l| l.push(a));
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = actions.decline.value().get() {
            if let Some((question, text)) = declined.get_untracked() {
                if question == id {
                    reason.set(Some(text));
                }
            }
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
                    actions linked reason />
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
    let mine = Memo::new(
        move |previous: Option<&bool>| match actions.answer.input().get() {
            Some(input) => input.question_id == id,
            None => previous.copied().unwrap_or(false),
        },
    );
    let result = Signal::derive(move || {
        if mine.get() {
            actions.answer.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let pending = Memo::new(move |_| mine.get() && actions.answer.pending().get());
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
    let action_mine =
        Memo::new(
            move |previous: Option<&bool>| match actions.add_action.input().get() {
                Some(input) => input.question_id == id,
                None => previous.copied().unwrap_or(false),
            },
        );
    let action_result = Signal::derive(move || {
        if action_mine.get() {
            actions.add_action.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let decline_mine =
        Memo::new(
            move |previous: Option<&bool>| match actions.decline.input().get() {
                Some(input) => input.question_id == id,
                None => previous.copied().unwrap_or(false),
            },
        );
    let decline_result = Signal::derive(move || {
        if decline_mine.get() {
            actions.decline.value().get()
        } else {
            None
        }
    });
    let _add_pending = Memo::new(move |_| action_mine.get() && actions.add_action.pending().get());
    let _decline_pending =
        Memo::new(move |_| decline_mine.get() && actions.decline.pending().get());
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
