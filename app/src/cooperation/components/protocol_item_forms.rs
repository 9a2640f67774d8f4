//! The protocol's items as the chair and the secretary write them: per item and sub-item what
//! was said and what was decided (saved on its own, refused as stale over someone else's newer
//! text with the typed text kept), the questions the employer takes with it, the answers to
//! earlier ones under "Föregående protokoll", item 3's dates and item 12's next meeting.

use leptos::prelude::*;

use super::protocol_forms::{protocol_ids, DatesForm, NextMeetingForm, ProtocolActions};
use crate::cooperation::{
    CoopProtocolView, FollowUpView, ProtocolItemView, ProtocolSubView, ProtocolText,
};
use crate::domain::cooperation::protocol::{follow_up_sentence, ItemPurpose};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    error_message, field_message, form_message, format_date, result_for, sent_for, ChangeForm,
    FormError, SubmitButton, TextArea, TextField,
};

/// Which form of a kind was last posted, so its outcome shows beside it and nowhere else.
#[derive(Clone, Copy)]
struct Sent {
    minutes: ReadSignal<Option<i64>>,
    follow_up: ReadSignal<Option<i64>>,
    answer: ReadSignal<Option<i64>>,
}

/// Every item of the protocol with its forms.
#[component]
pub fn ItemForms(
    protocol: CoopProtocolView,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sent = Sent {
        minutes: sent_for(actions.minutes, |m| Some(m.item_id)),
        follow_up: sent_for(actions.add_follow_up, |f| Some(f.item_id)),
        answer: sent_for(actions.answer, |a| Some(a.follow_up_id)),
    };
    let ids = protocol_ids(&protocol);
    let items = protocol
        .items
        .iter()
        .cloned()
        .map(|item| {
            view! {
                <ItemForm item protocol=protocol.clone() ids=ids.clone() actions live sent />
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="punkter">
            <h2 id="punkter">{t!(i18n, coop_items_heading)}</h2>
            <p>{t!(i18n, coop_items_intro)}</p>
            {items}
        </section>
    }
}

#[component]
fn ItemForm(
    item: ProtocolItemView,
    protocol: CoopProtocolView,
    ids: Vec<(&'static str, String)>,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
    sent: Sent,
) -> impl IntoView {
    let heading = format!("punkt-{}", item.id);
    let labelled = heading.clone();
    let special = match item.purpose {
        Some(ItemPurpose::Previous) => Some(
            view! { <EarlierAnswers list=protocol.earlier_follow_ups.clone() ids=ids.clone() actions sent /> }
                .into_any(),
        ),
        Some(ItemPurpose::Adjust) => {
            Some(view! { <DatesForm protocol=protocol.clone() action=actions.dates /> }.into_any())
        }
        Some(ItemPurpose::Next) => Some(
            view! { <NextMeetingForm protocol=protocol.clone() action=actions.next /> }.into_any(),
        ),
        None => None,
    };
    let subs = item
        .subs
        .iter()
        .cloned()
        .map(|sub| view! { <SubForm sub ids=ids.clone() actions live sent /> })
        .collect_view();
    view! {
        <section class="protocol-item" aria-labelledby=labelled>
            <h3 id=heading>{format!("{}. {}", item.number, item.title)}</h3>
            {special}
            <TextForm item_id=item.id text=item.text ids=ids.clone() actions live sent />
            {subs}
        </section>
    }
}

#[component]
fn SubForm(
    sub: ProtocolSubView,
    ids: Vec<(&'static str, String)>,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
    sent: Sent,
) -> impl IntoView {
    let heading = format!("punkt-{}", sub.id);
    let labelled = heading.clone();
    let title = match sub.kind {
        Some(kind) => format!("{}) {}: {}", sub.letter, kind.label(), sub.title),
        None => format!("{}) {}", sub.letter, sub.title),
    };
    view! {
        <section class="protocol-item protocol-item--sub" aria-labelledby=labelled>
            <h4 id=heading>{title}</h4>
            <TextForm item_id=sub.id text=sub.text ids actions live sent />
        </section>
    }
}

/// What was said and decided, saved on its own; then the questions the employer takes with it.
#[component]
fn TextForm(
    item_id: i64,
    text: ProtocolText,
    ids: Vec<(&'static str, String)>,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
    sent: Sent,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = actions.minutes;
    let result = result_for(action, sent.minutes, item_id);
    let unit = Signal::derive(move || result.get().map(|r| r.map(|_| ())));
    // The text as this form last loaded or saved it: the server refuses a save over newer text.
    let before = RwSignal::new((text.minutes.clone(), text.decision.clone()));
    Effect::new(move |_| {
        if let Some(Ok(saved)) = result.get() {
            before.set((saved.minutes, saved.decision));
        }
    });
    let pending = action.pending();
    let saved = move || {
        (!pending.get() && matches!(unit.get(), Some(Ok(()))))
            .then(|| t_string!(i18n, coop_minutes_saved).to_string())
    };
    let hidden = hidden_ids(&ids);
    view! {
        <FormError message=Signal::derive(move || form_message(unit.get()).map(|e| error_message(e)())) />
        <ActionForm action attr:novalidate="">
            {hidden}
            <input type="hidden" name="item_id" value=item_id />
            <input type="hidden" name="text[minutes_before]" value=move || before.get().0 />
            <input type="hidden" name="text[decision_before]" value=move || before.get().1 />
            <TextArea id=format!("protokolltext-{item_id}") name="text[minutes]" rows=4
                value=text.minutes.clone() hint=t_string!(i18n, coop_minutes_hint).to_string()
                label=t_string!(i18n, coop_minutes_label).to_string()
                error=Signal::derive(move || field_message(unit.get(), "minutes")) />
            <TextArea id=format!("beslut-{item_id}") name="text[decision]" rows=2
                value=text.decision.clone() hint=t_string!(i18n, coop_decision_hint).to_string()
                label=t_string!(i18n, coop_decision_label).to_string()
                error=Signal::derive(move || field_message(unit.get(), "decision")) />
            <SubmitButton pending variant="secondary"
                label=Signal::derive(move || t_string!(i18n, coop_minutes_save).to_string()) />
            <p class="form-status" role="status">{saved}</p>
        </ActionForm>
        <FollowUps item_id ids actions live sent />
    }
}

/// The questions the employer takes with it under this item (they follow every save), and the
/// form that records one.
#[component]
fn FollowUps(
    item_id: i64,
    ids: Vec<(&'static str, String)>,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
    sent: Sent,
) -> impl IntoView {
    let i18n = use_i18n();
    let list_ids = ids.clone();
    let remove = actions.remove_follow_up;
    let list = move || {
        let follow_ups = live
            .get()
            .and_then(Result::ok)
            .map(|p| raised_under(&p, item_id))
            .unwrap_or_default();
        let rows = follow_ups
            .into_iter()
            .map(|f| {
                let mut ids = list_ids.clone();
                ids.push(("follow_up_id", f.id.to_string()));
                let sentence = follow_up_sentence(&f.asked_by, &f.question);
                let remove_text = t_string!(i18n, backlog_remove).to_string();
                let aria = t_string!(i18n, coop_follow_up_remove, question = f.question.clone())
                    .to_string();
                view! {
                    <li>{sentence} " "
                        <ChangeForm action=remove ids class="inline-form" variant="quiet"
                            aria_label=aria label=remove_text />
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="coop-follow-ups">{rows}</ul> }
    };
    let add = actions.add_follow_up;
    let result = result_for(add, sent.follow_up, item_id);
    let unit = Signal::derive(move || result.get().map(|r| r.map(|_| ())));
    let pending = add.pending();
    let done = move || {
        (!pending.get() && matches!(unit.get(), Some(Ok(()))))
            .then(|| t_string!(i18n, coop_follow_up_added).to_string())
    };
    let hidden = hidden_ids(&ids);
    view! {
        <Transition fallback=|| ()>{list}</Transition>
        <details class="coop-follow-up-add">
            <summary>{t!(i18n, coop_follow_up_add)}</summary>
            <FormError message=Signal::derive(move || form_message(unit.get()).map(|e| error_message(e)())) />
            <ActionForm action=add attr:novalidate="">
                {hidden}
                <input type="hidden" name="item_id" value=item_id />
                <TextField id=format!("fraga-av-{item_id}") name="asked_by" autocomplete="off"
                    label=t_string!(i18n, coop_follow_up_asked_by).to_string()
                    error=Signal::derive(move || field_message(unit.get(), "asked_by")) />
                <TextArea id=format!("fraga-{item_id}") name="question" rows=2
                    label=t_string!(i18n, coop_follow_up_question).to_string()
                    error=Signal::derive(move || field_message(unit.get(), "question")) />
                <SubmitButton pending variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, coop_follow_up_save).to_string()) />
                <p class="form-status" role="status">{done}</p>
            </ActionForm>
        </details>
    }
}

/// The follow-ups raised under one item of the protocol.
fn raised_under(protocol: &CoopProtocolView, item_id: i64) -> Vec<FollowUpView> {
    protocol
        .items
        .iter()
        .flat_map(|i| {
            std::iter::once((i.id, &i.text)).chain(i.subs.iter().map(|s| (s.id, &s.text)))
        })
        .find(|(id, _)| *id == item_id)
        .map(|(_, text)| text.follow_ups.clone())
        .unwrap_or_default()
}

/// Under "Föregående protokoll": each question the employer took with it earlier, with the form
/// that records its answer at this meeting.
#[component]
fn EarlierAnswers(
    list: Vec<FollowUpView>,
    ids: Vec<(&'static str, String)>,
    actions: ProtocolActions,
    sent: Sent,
) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{t!(i18n, coop_previous_none)}</p> }.into_any();
    }
    let action = actions.answer;
    let pending = action.pending();
    list.into_iter()
        .map(|f| {
            let id = f.id;
            let result = result_for(action, sent.answer, id);
            let unit = Signal::derive(move || result.get().map(|r| r.map(|_| ())));
            let done = move || {
                (!pending.get() && matches!(unit.get(), Some(Ok(()))))
                    .then(|| t_string!(i18n, coop_previous_saved).to_string())
            };
            let line = t_string!(
                i18n,
                coop_previous_line,
                date = format_date(i18n, f.raised_on),
                question = f.question.clone()
            )
            .to_string();
            let line = if f.asked_by.is_empty() {
                line
            } else {
                format!("{line} ({})", f.asked_by)
            };
            let hidden = hidden_ids(&ids);
            view! {
                <fieldset class="coop-earlier">
                    <legend>{line}</legend>
                    <FormError message=Signal::derive(move || form_message(unit.get()).map(|e| error_message(e)())) />
                    <ActionForm action attr:novalidate="">
                        {hidden}
                        <input type="hidden" name="follow_up_id" value=id />
                        <TextArea id=format!("svar-{id}") name="answer" rows=2
                            value=f.answer.clone().unwrap_or_default()
                            label=t_string!(i18n, coop_previous_answer).to_string()
                            error=Signal::derive(move || field_message(unit.get(), "answer")) />
                        <SubmitButton pending variant="secondary"
                            label=Signal::derive(move || t_string!(i18n, coop_previous_save).to_string()) />
                        <p class="form-status" role="status">{done}</p>
                    </ActionForm>
                </fieldset>
            }
        })
        .collect_view()
        .into_any()
}

/// The ids a form posts, as hidden fields.
fn hidden_ids(ids: &[(&'static str, String)]) -> impl IntoView {
    ids.iter()
        .cloned()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}
