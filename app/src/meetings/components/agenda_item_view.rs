//! One section of an agenda with its items as everyone reads them, plus the chef's controls
//! (move, change, the topic's guidance) when they may edit.

use leptos::prelude::*;

use super::agenda_actions::AgendaActions;
use crate::i18n::*;
use crate::meetings::{AgendaItem, AgendaSection, AgendaView, ItemSource, MoveOnAgenda, TopicHelp};
use crate::ui::{
    failure_message, item_kind_label, paragraphs, ChangeForm, FormError, SubmitButton,
};
use leptos_i18n::I18nContext;

/// "Flytta … uppåt" and "… nedåt" for an item or a section (`what`), where there is room to move.
/// The visible word is the direction; the hidden `label` before it names what moves.
#[component]
fn MoveButtons(
    action: ServerAction<MoveOnAgenda>,
    unit_id: i64,
    meeting_id: i64,
    what: &'static str,
    id: i64,
    label: String,
    first: bool,
    last: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let form = move |direction: &'static str, label: String| {
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="unit_id" value=unit_id />
                <input type="hidden" name="meeting_id" value=meeting_id />
                <input type="hidden" name="what" value=what />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="direction" value=direction />
                <button type="submit" class="button button--quiet"
                    aria-busy=move || pending.get().to_string()>
                    <span class="visually-hidden">{label}</span>
                    {move || if direction == "up" {
                        t_string!(i18n, move_up).to_string()
                    } else {
                        t_string!(i18n, move_down).to_string()
                    }}
                </button>
            </ActionForm>
        }
    };
    view! {
        {(!first).then(|| form("up", label.clone()))}
        {(!last).then(|| form("down", label.clone()))}
    }
}

/// A section: its heading (with the chef's controls) and its items in order.
#[component]
pub fn AgendaSectionView(
    section: AgendaSection,
    agenda: AgendaView,
    actions: AgendaActions,
    first: bool,
    last: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("avsnitt-{}", section.id);
    let labelled_by = heading_id.clone();
    let count = section.items.len();
    let items = section
        .items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, item)| {
            let help = item
                .topic_id
                .and_then(|t| agenda.topic_help.iter().find(|h| h.topic_id == t).cloned());
            view! {
                <AgendaItemView item agenda=agenda.clone() actions help
                    first=i == 0 last=i + 1 == count />
            }
        })
        .collect_view();
    let controls = agenda.can_edit.then(|| {
        view! { <SectionControls section=section.clone() agenda=agenda.clone() actions first last /> }
    });
    view! {
        <section class="panel agenda-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{section.title.clone()}</h2>
            {controls}
            {(count == 0).then(|| view! { <p class="muted">{t!(i18n, section_empty)}</p> })}
            <ol class="agenda-items">{items}</ol>
        </section>
    }
}

#[component]
fn SectionControls(
    section: AgendaSection,
    agenda: AgendaView,
    actions: AgendaActions,
    first: bool,
    last: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (unit_id, meeting_id, section_id) = (agenda.unit_id, agenda.meeting.id, section.id);
    let title = section.title.clone();
    let move_label = t_string!(i18n, section_move, title = title.clone()).to_string();
    let rename_pending = actions.rename_section.pending();
    let _remove_pending = actions.remove_section.pending();
    let problem = Signal::derive(move || {
        failure_message(actions.rename_section)
            .get()
            .or_else(|| failure_message(actions.remove_section).get())
    });
    let field_id = format!("avsnitt-{section_id}-rubrik");
    let empty = section.items.is_empty();
    view! {
        <div class="agenda-controls">
            <MoveButtons action=actions.move_entry unit_id meeting_id what="section" id=section_id
                label=move_label first last />
            <details class="agenda-controls__more">
                <summary>{t!(i18n, section_edit_summary, title = title.clone())}</summary>
                <FormError message=problem />
                <ActionForm action=actions.rename_section attr:novalidate="">
                    <input type="hidden" name="unit_id" value=unit_id />
                    <input type="hidden" name="meeting_id" value=meeting_id />
                    <input type="hidden" name="section_id" value=section_id />
                    <div class="field">
                        <label for=field_id.clone()>{t!(i18n, section_title_label)}</label>
                        <input id=field_id name="title" type="text" value=title.clone() required />
                    </div>
                    <SubmitButton pending=rename_pending variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, section_rename).to_string()) />
                </ActionForm>
                {empty.then(|| view! {
                    <ChangeForm action=actions.remove_section ids=vec![("unit_id", unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("section_id", section_id.to_string())] failure_shown_above=true variant="quiet"
                        label=Signal::derive(move || t_string!(i18n, section_remove).to_string()) />
                })}
            </details>
        </div>
    }
}

fn source_label(i18n: leptos_i18n::I18nContext<Locale>, source: ItemSource) -> Option<String> {
    match source {
        ItemSource::Recurring => Some(t_string!(i18n, item_source_recurring).to_string()),
        ItemSource::Topic => Some(t_string!(i18n, item_source_topic).to_string()),
        ItemSource::Proposal => Some(t_string!(i18n, item_source_proposal).to_string()),
        ItemSource::Carried => Some(t_string!(i18n, item_source_carried).to_string()),
        ItemSource::Chef => None,
    }
}

/// "Dialog · 20 min · Leds av …": an item's type, planned time and presenter in one line.
pub fn item_meta(i18n: I18nContext<Locale>, item: &AgendaItem) -> String {
    let mut parts = vec![item_kind_label(i18n, item.kind)];
    if item.minutes > 0 {
        parts.push(t_string!(i18n, item_minutes, minutes = item.minutes).to_string());
    }
    if !item.presenter.is_empty() {
        parts.push(t_string!(i18n, item_presenter, name = item.presenter.clone()).to_string());
    }
    parts.join(" · ")
}

/// One item as read on the agenda; for the chef with its controls and its topic's guidance.
#[component]
fn AgendaItemView(
    item: AgendaItem,
    agenda: AgendaView,
    actions: AgendaActions,
    help: Option<TopicHelp>,
    first: bool,
    last: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (unit_id, meeting_id, item_id) = (agenda.unit_id, agenda.meeting.id, item.id);
    let title = item.title.clone();
    let meta = item_meta(i18n, &item);
    let source = source_label(i18n, item.source);
    let edit_href = format!("/enhet/{unit_id}/mote/{meeting_id}/punkt/{item_id}");
    let year = chrono::Datelike::year(&agenda.meeting.date);
    let tool = (item.source == ItemSource::Topic)
        .then(|| crate::domain::topic_tool(&item.title))
        .flatten()
        .map(|tool| match tool {
            crate::domain::TopicTool::ActionPlan => view! {
                <p><a href=format!("/enhet/{unit_id}/atgarder")>{t!(i18n, agenda_item_action_plan_link)}</a></p>
            }.into_any(),
            crate::domain::TopicTool::Checklists => view! {
                <p><a href=format!("/enhet/{unit_id}/checklistor?ar={year}")>{t!(i18n, agenda_item_checklists_link)}</a></p>
            }.into_any(),
        });
    let edit_label = t_string!(i18n, item_edit_label, title = title.clone()).to_string();
    let move_label = t_string!(i18n, item_move, title = title.clone()).to_string();
    let controls = agenda.can_edit.then(|| {
        view! {
            <div class="agenda-controls">
                <a class="button button--quiet" href=edit_href>
                    {t!(i18n, item_edit)}<span class="visually-hidden">{edit_label}</span>
                </a>
                <MoveButtons action=actions.move_entry unit_id meeting_id what="item" id=item_id
                    label=move_label first last />
            </div>
        }
    });
    let help = agenda
        .can_edit
        .then_some(help)
        .flatten()
        .map(|h| view! { <TopicHelpView help=h /> });
    view! {
        <li class="agenda-item" id=format!("punkt-{item_id}")>
            <h3 class="agenda-item__title">{title}</h3>
            <p class="agenda-item__meta">
                {meta}
                {source.map(|s| view! { " " <span class="badge">{s}</span> })}
                {(!item.reached).then(|| view! { " " <span class="badge badge--warn">{t!(i18n, item_not_reached)}</span> })}
            </p>
            <div class="agenda-item__text">{paragraphs(&item.description)}</div>
            {item.action_id.map(|a| view! {
                <p><a href=format!("/enhet/{unit_id}/atgarder#atgard-{a}")>{t!(i18n, agenda_item_action_link)}</a></p>
            })}
            {tool}
            {controls}
            {help}
        </li>
    }
}

/// What a wheel topic brings the chef, folded away under the item.
#[component]
pub fn TopicHelpView(help: TopicHelp) -> impl IntoView {
    let i18n = use_i18n();
    let links = help
        .links
        .iter()
        .map(|l| match &l.url {
            Some(url) => {
                view! { <li><a href=url.clone() rel="noopener">{l.label.clone()}</a></li> }
                    .into_any()
            }
            None => view! { <li>{l.label.clone()}</li> }.into_any(),
        })
        .collect_view();
    let has_links = !help.links.is_empty();
    let contact = help.contact.clone();
    view! {
        <details class="topic-help">
            <summary>{t!(i18n, topic_help_summary)}</summary>
            {help.send_with_notice.then(|| view! { <p><span class="badge">{t!(i18n, topic_help_notice)}</span></p> })}
            {(!contact.is_empty()).then(|| view! { <p>{t!(i18n, topic_help_contact, contact = move || contact.clone())}</p> })}
            {paragraphs(&help.guidance)}
            {help.osa_tip.clone().map(|tip| view! {
                <h4>{t!(i18n, topic_help_osa)}</h4>
                {paragraphs(&tip)}
            })}
            {has_links.then(|| view! {
                <h4>{t!(i18n, topic_help_links)}</h4>
                <ul>{links}</ul>
            })}
        </details>
    }
}
