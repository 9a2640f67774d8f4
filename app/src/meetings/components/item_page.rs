//! `/enhet/:unit_id/mote/:meeting_id/punkt/:item_id`: the chef changes one agenda item, reads
//! its topic's guidance (and may copy it into the description), marks it as not reached, or takes
//! it off the agenda. Saving returns to the agenda.

use leptos::prelude::*;
use leptos_meta::Title;

use super::agenda_item_view::TopicHelpView;
use super::item_fields::ItemFields;
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::{
    get_agenda, AgendaView, SetItemReached, TakeOffAgendaItem, UpdateAgendaItem, UseTopicGuidance,
};
use crate::ui::Loaded;
use crate::ui::{
    failure_message, route_id, success_count, whole_form_message, ChangeForm, ErrorPanel,
    FormError, SubmitButton,
};

/// The edit page of one agenda item.
#[component]
pub fn AgendaItemPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let meeting_id = route_id("meeting_id");
    let item_id = route_id("item_id");
    let update = ServerAction::<UpdateAgendaItem>::new();
    let take_off = ServerAction::<TakeOffAgendaItem>::new();
    let guidance = ServerAction::<UseTopicGuidance>::new();
    let reached = ServerAction::<SetItemReached>::new();
    let (copied, marked) = (success_count(guidance), success_count(reached));
    let agenda = Resource::new(
        move || (unit_id.get(), meeting_id.get(), copied.get(), marked.get()),
        |(unit, meeting, _, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_agenda(u, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=agenda view=move |a| match item_id.get() {
            _ if !a.can_edit => view! { <ErrorPanel error=AppError::Forbidden /> }.into_any(),
            Some(id) if a.items().any(|i| i.id == id) => view! {
                <ItemEdit agenda=a item_id=id update take_off guidance reached />
            }.into_any(),
            _ => view! { <ErrorPanel error=AppError::NotFound /> }.into_any(),
        } />
    }
}

#[component]
fn ItemEdit(
    agenda: AgendaView,
    item_id: i64,
    update: ServerAction<UpdateAgendaItem>,
    take_off: ServerAction<TakeOffAgendaItem>,
    guidance: ServerAction<UseTopicGuidance>,
    reached: ServerAction<SetItemReached>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(item) = agenda.items().find(|i| i.id == item_id).cloned() else {
        return view! { <ErrorPanel error=AppError::NotFound /> }.into_any();
    };
    let (unit_id, meeting_id) = (agenda.unit_id, agenda.meeting.id);
    let back = format!("/enhet/{unit_id}/mote/{meeting_id}/dagordning#punkt-{item_id}");
    let title = t_string!(i18n, item_page_title, title = item.title.clone()).to_string();
    let sections: Vec<(i64, String)> = agenda
        .sections
        .iter()
        .map(|s| (s.id, s.title.clone()))
        .collect();
    let result = Signal::derive(move || update.value().get());
    let pending = update.pending();
    let problem = whole_form_message(result);
    let help = item
        .topic_id
        .and_then(|t| agenda.topic_help.iter().find(|h| h.topic_id == t).cloned());
    let has_guidance = help.as_ref().is_some_and(|h| !h.guidance.is_empty());
    let _guidance_pending = guidance.pending();
    let _reached_pending = reached.pending();
    let _take_off_pending = take_off.pending();
    let other_problem = Signal::derive(move || {
        failure_message(guidance)
            .get()
            .or_else(|| failure_message(reached).get())
            .or_else(|| failure_message(take_off).get())
    });
    let is_reached = item.reached;
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_agenda)}</a></p>
        <section class="panel" aria-labelledby="punkt-rubrik">
            <h1 id="punkt-rubrik">{title}</h1>
            <FormError message=problem />
            <ActionForm action=update attr:novalidate="">
                <input type="hidden" name="unit_id" value=unit_id />
                <input type="hidden" name="meeting_id" value=meeting_id />
                <input type="hidden" name="item_id" value=item_id />
                <input type="hidden" name="agenda_version" value=agenda.agenda_version />
                <ItemFields prefix="punkt" sections section=item.section_id.unwrap_or_default()
                    item=item.clone() result />
                <SubmitButton pending variant="primary"
                    label=Signal::derive(move || t_string!(i18n, save_changes).to_string()) />
            </ActionForm>
        </section>
        {help.map(|h| view! {
            <section class="panel" aria-labelledby="vagledning-rubrik">
                <h2 id="vagledning-rubrik">{t!(i18n, topic_help_heading)}</h2>
                <TopicHelpView help=h />
                {has_guidance.then(|| view! {
                    <ChangeForm action=guidance ids=vec![("unit_id", unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("item_id", item_id.to_string())] failure_shown_above=true variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, item_use_guidance).to_string()) />
                })}
            </section>
        })}
        <section class="panel" aria-labelledby="punkt-mer">
            <h2 id="punkt-mer">{t!(i18n, item_more_heading)}</h2>
            <FormError message=other_problem />
            <p>{t!(i18n, item_reached_intro)}</p>
            <ChangeForm action=reached ids=vec![("unit_id", unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("item_id", item_id.to_string()), ("reached", (!is_reached).to_string())] failure_shown_above=true variant="secondary"
                label=Signal::derive(move || if is_reached {
                        t_string!(i18n, item_mark_not_reached).to_string()
                    } else {
                        t_string!(i18n, item_mark_reached).to_string()
                    }) />
            <div class="button-row">
                <ChangeForm action=take_off ids=vec![("unit_id", unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("item_id", item_id.to_string()), ("to", "backlog".to_string())] failure_shown_above=true variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, item_to_backlog).to_string()) />
                <ChangeForm action=take_off ids=vec![("unit_id", unit_id.to_string()), ("meeting_id", meeting_id.to_string()), ("item_id", item_id.to_string()), ("to", "delete".to_string())] failure_shown_above=true variant="quiet"
                    label=Signal::derive(move || t_string!(i18n, item_delete).to_string()) />
            </div>
        </section>
    }
    .into_any()
}
