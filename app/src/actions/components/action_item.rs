//! One action of the plan: its fields, where it comes from, the effect check; for the chef a form
//! to change it and one to close it with its effect.

use leptos::prelude::*;

use super::plan_actions::PlanActions;
use super::{effect_label, source_label, status_label};
use crate::actions::{ActionOrigin, PlanAction};
use crate::checklists::components::answer_label;
use crate::domain::{ActionStatus, Effect};
use crate::i18n::*;
use crate::ui::{
    field_message, format_date, paragraphs, ChangeForm, CheckField, FormError, SelectField,
    TextArea, TextField,
};

/// Where an action comes from, as one line of text.
pub fn origin_text(i18n: leptos_i18n::I18nContext<Locale>, origin: &ActionOrigin) -> String {
    match origin {
        ActionOrigin::Meeting { day, .. } => {
            t_string!(i18n, action_from_meeting, date = format_date(i18n, *day)).to_string()
        }
        ActionOrigin::Checklist {
            checklist,
            question,
            ..
        } => format!("{checklist}: {question}"),
        ActionOrigin::Other { source, note } if note.is_empty() => source_label(i18n, *source),
        ActionOrigin::Other { source, note } => format!("{}: {note}", source_label(i18n, *source)),
    }
}

/// The facts of an action (responsible, dates, origin, answer, effect), shared by the unit's plan
/// and the roll-up.
#[component]
pub fn ActionFacts(action: PlanAction) -> impl IntoView {
    let i18n = use_i18n();
    let mut facts = Vec::new();
    if let Some(r) = &action.responsible {
        facts.push(t_string!(i18n, action_responsible, name = r.clone()).to_string());
    }
    match (action.start, action.end) {
        (Some(s), Some(e)) => facts.push(
            t_string!(
                i18n,
                action_period,
                start = format_date(i18n, s),
                end = format_date(i18n, e)
            )
            .to_string(),
        ),
        (Some(s), None) => {
            facts.push(t_string!(i18n, action_starts, date = format_date(i18n, s)).to_string())
        }
        (None, Some(e)) => {
            facts.push(t_string!(i18n, minutes_due, date = format_date(i18n, e)).to_string())
        }
        (None, None) => {}
    }
    let unit_id = action.unit_id;
    let origin_line = origin_text(i18n, &action.origin);
    let origin_href = match &action.origin {
        ActionOrigin::Meeting { meeting_id, .. } => Some(format!(
            "/enhet/{unit_id}/mote/{meeting_id}/minnesanteckningar"
        )),
        ActionOrigin::Checklist { checklist_id, .. } => {
            Some(format!("/enhet/{unit_id}/checklista/{checklist_id}"))
        }
        ActionOrigin::Other { .. } => None,
    };
    let origin = match origin_href {
        Some(href) => view! { <a href=href>{origin_line}</a> }.into_any(),
        None => view! { <span>{origin_line}</span> }.into_any(),
    };
    let feedback = action
        .feedback
        .iter()
        .map(|(meeting, day)| {
            let href = format!("/enhet/{unit_id}/mote/{meeting}/dagordning");
            let text =
                t_string!(i18n, action_on_agenda, date = format_date(i18n, *day)).to_string();
            view! { <li><a href=href>{text}</a></li> }
        })
        .collect_view();
    let has_feedback = !action.feedback.is_empty();
    let effect = action.effect.map(|e| {
        let text = if e == Effect::No && action.status != ActionStatus::Done {
            t_string!(i18n, action_effect_reopened, answer = effect_label(i18n, e), times = action.reopened).to_string()
        } else {
            t_string!(i18n, action_effect, answer = effect_label(i18n, e)).to_string()
        };
        let comment = action.effect_comment.clone();
        view! { <p><strong>{text}</strong> {(!comment.is_empty()).then(|| format!(" – {comment}"))}</p> }
    });
    view! {
        <p>{facts.join(" · ")}</p>
        <p class="muted">{t!(i18n, action_origin_label)} " " {origin}
            {action.answer.map(|a| format!(" · {}", t_string!(i18n, action_answer, answer = answer_label(i18n, a))))}</p>
        {(!action.description.is_empty()).then(|| view! { <div>{paragraphs(&action.description)}</div> })}
        {(!action.comment.is_empty()).then(|| view! { <p>{t!(i18n, action_comment_label)} " " {action.comment.clone()}</p> })}
        {effect}
        {has_feedback.then(|| view! { <ul class="action__feedback">{feedback}</ul> })}
    }
}

/// One action as a list item.
#[component]
pub fn ActionItem(
    action: PlanAction,
    can_edit: bool,
    members: Vec<(String, String)>,
    coming: Vec<(i64, chrono::NaiveDate)>,
    actions: PlanActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = action.id;
    let heading = format!("atgard-{id}-rubrik");
    let labelled = heading.clone();
    let badge = match action.status {
        ActionStatus::Done => "badge badge--ok",
        _ => "badge",
    };
    let open = action.status != ActionStatus::Done;
    view! {
        <li class="panel action" id=format!("atgard-{id}") aria-labelledby=labelled>
            <h3 id=heading class="action__title">{action.title.clone()}</h3>
            <p>
                <span class=badge>{status_label(i18n, action.status)}</span>
                {action.overdue().then(|| view! { " " <span class="badge badge--warn">{t!(i18n, action_overdue)}</span> })}
            </p>
            <ActionFacts action=action.clone() />
            {(can_edit && open).then(|| view! {
                <EditForm action=action.clone() members=members.clone() actions />
                {(!coming.is_empty()).then(|| view! { <FeedbackForm action=action.clone() coming=coming.clone() actions /> })}
                <CloseForm action=action.clone() actions />
            })}
        </li>
    }
}

fn mine<S>(action: ServerAction<S>, id: i64, of: fn(&S) -> i64) -> Memo<bool>
where
    S: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&bool>| match action.input().get() {
        Some(input) => of(&input) == id,
        None => previous.copied().unwrap_or(false),
    })
}

#[component]
fn EditForm(
    action: PlanAction,
    members: Vec<(String, String)>,
    actions: PlanActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = action.id;
    let is_mine = mine(actions.update, id, |i| i.action_id);
    let result = Signal::derive(move || {
        if is_mine.get() {
            actions.update.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let _pending = Memo::new(move |_| is_mine.get() && actions.update.pending().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let other = Signal::derive(move || {
        crate::ui::form_message(result.get()).map(|e| crate::ui::error_message(e)())
    });
    let statuses = [ActionStatus::NotStarted, ActionStatus::InProgress]
        .into_iter()
        .map(|s| (s.code().to_string(), status_label(i18n, s)))
        .collect();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <details class="action__edit">
            <summary>{t!(i18n, action_edit)}<span class="visually-hidden">{format!(" {}", action.title)}</span></summary>
            <ChangeForm action=actions.update ids=vec![("unit_id", action.unit_id.to_string()), ("action_id", id.to_string()), ("version", action.version.to_string())] failure_shown_above=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, action_save).to_string())>
                <SelectField id=format!("status-{id}") name="status" label=t_string!(i18n, action_status).to_string()
                    options=statuses selected=action.status.code().to_string() error=field("status") />
                <TextField id=format!("titel-{id}") name="action[title]" required=true
                    label=t_string!(i18n, minutes_action_title).to_string() value=action.title.clone() error=field("title") />
                <TextArea id=format!("beskrivning-{id}") name="action[description]"
                    label=t_string!(i18n, action_description).to_string() value=action.description.clone() error=field("description") />
                <SelectField id=format!("ansvarig-{id}") name="action[responsible]"
                    label=t_string!(i18n, minutes_action_responsible).to_string() options=members
                    selected=action.responsible_id.map(|r| r.to_string()).unwrap_or_default() error=field("responsible") />
                <TextField id=format!("start-{id}") name="action[start]" kind="date"
                    label=t_string!(i18n, action_start).to_string() value=date(action.start) error=field("start") />
                <TextField id=format!("slut-{id}") name="action[end]" kind="date"
                    label=t_string!(i18n, action_end).to_string() value=date(action.end) error=field("end") />
                <TextArea id=format!("kommentar-{id}") name="action[comment]"
                    label=t_string!(i18n, action_comment).to_string() value=action.comment.clone() error=field("comment") />
                <FormError message=other />
            </ChangeForm>
        </details>
    }
}

#[component]
fn CloseForm(action: PlanAction, actions: PlanActions) -> impl IntoView {
    let i18n = use_i18n();
    let id = action.id;
    let is_mine = mine(actions.close, id, |i| i.action_id);
    let result = Signal::derive(move || {
        if is_mine.get() {
            actions.close.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let _pending = Memo::new(move |_| is_mine.get() && actions.close.pending().get());
    let effect_error = Signal::derive(move || field_message(result.get(), "effect"));
    let other = Signal::derive(move || {
        crate::ui::form_message(result.get()).map(|e| crate::ui::error_message(e)())
    });
    let group = format!("effekt-{id}");
    let error_id = format!("{group}-fel");
    let described = error_id.clone();
    let options = [Effect::Yes, Effect::Partly, Effect::No]
        .into_iter()
        .map(|e| {
            let input_id = format!("{group}-{}", e.code());
            view! {
                <CheckField id=input_id kind="radio" name="effect" value=e.code() item=true
                    label=effect_label(i18n, e) />
            }
        })
        .collect_view();
    view! {
        <details class="action__close">
            <summary>{t!(i18n, action_close)}<span class="visually-hidden">{format!(" {}", action.title)}</span></summary>
            <ChangeForm action=actions.close ids=vec![("unit_id", action.unit_id.to_string()), ("action_id", id.to_string()), ("version", action.version.to_string())] failure_shown_above=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, action_close_submit).to_string())>
                <fieldset class="answer-scale" aria-describedby=described>
                    <legend>{t!(i18n, action_effect_question)}</legend>
                    <ul class="answer-scale__options">{options}</ul>
                    <p id=error_id class="field__error">{move || effect_error.get()}</p>
                </fieldset>
                <TextArea id=format!("effektkommentar-{id}") name="effect_comment"
                    label=t_string!(i18n, action_effect_comment).to_string()
                    hint=t_string!(i18n, action_effect_comment_hint).to_string()
                    error=Signal::derive(move || field_message(result.get(), "effect_comment")) />
                <FormError message=other />
            </ChangeForm>
        </details>
    }
}

#[component]
fn FeedbackForm(
    action: PlanAction,
    coming: Vec<(i64, chrono::NaiveDate)>,
    actions: PlanActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = action.id;
    let is_mine = mine(actions.feedback, id, |i| i.action_id);
    let result = Signal::derive(move || {
        if is_mine.get() {
            actions.feedback.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let _pending = Memo::new(move |_| is_mine.get() && actions.feedback.pending().get());
    let other = Signal::derive(move || {
        crate::ui::form_message(result.get()).map(|e| crate::ui::error_message(e)())
    });
    let options = coming
        .iter()
        .map(|(meeting, day)| {
            (
                meeting.to_string(),
                t_string!(i18n, action_agenda_option, date = format_date(i18n, *day)).to_string(),
            )
        })
        .collect();
    view! {
        <details class="action__feedback-form">
            <summary>{t!(i18n, action_feedback)}<span class="visually-hidden">{format!(" {}", action.title)}</span></summary>
            <ChangeForm action=actions.feedback ids=vec![("unit_id", action.unit_id.to_string()), ("action_id", id.to_string())] failure_shown_above=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, action_feedback_submit).to_string())>
                <SelectField id=format!("apt-{id}") name="meeting_id" label=t_string!(i18n, action_feedback_meeting).to_string()
                    options=options error=Signal::derive(move || field_message(result.get(), "meeting_id")) />
                <FormError message=other />
            </ChangeForm>
        </details>
    }
}
