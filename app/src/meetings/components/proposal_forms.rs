//! The forms of the proposals page: proposing an item, the chef's decisions on waiting proposals,
//! and the backlog.

use leptos::prelude::*;

use super::item_fields::ItemFields;
use super::proposal_actions::ProposalActions;
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::{MeetingChoice, Proposal, ProposalsView, ProposeItem};
use crate::ui::{
    error_message, failure_message, field_message, format_date, ChangeForm, FormError, SelectField,
    TextArea, TextField,
};

fn meeting_options(
    i18n: leptos_i18n::I18nContext<Locale>,
    upcoming: &[MeetingChoice],
    first: Option<String>,
) -> Vec<(String, String)> {
    first
        .map(|label| (String::new(), label))
        .into_iter()
        .chain(
            upcoming
                .iter()
                .map(|m| (m.id.to_string(), format_date(i18n, m.date))),
        )
        .collect()
}

/// "Föreslå en punkt": title, what it is about, and for which APT.
#[component]
pub fn ProposeForm(data: ProposalsView, action: ServerAction<ProposeItem>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let options = meeting_options(
        i18n,
        &data.upcoming,
        Some(t_string!(i18n, propose_any_meeting).to_string()),
    );
    view! {
        <section class="panel" aria-labelledby="foresla">
            <h2 id="foresla">{t!(i18n, propose_heading)}</h2>
            <p>{t!(i18n, propose_intro)}</p>
            <ChangeForm action ids=vec![("unit_id", data.unit_id.to_string())] beside_fields=true
                label=Signal::derive(move || t_string!(i18n, propose_button).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, sending).to_string())
                done=Signal::derive(move || t_string!(i18n, propose_sent).to_string())>
                <TextField id="forslag-rubrik" name="title" required=true
                    label=t_string!(i18n, propose_field_title).to_string() error=err("title") />
                <TextArea id="forslag-beskrivning" name="description" rows=4
                    label=t_string!(i18n, propose_field_description).to_string() error=err("description") />
                <SelectField id="forslag-mote" name="meeting_id" options
                    label=t_string!(i18n, propose_field_meeting).to_string() error=err("meeting") />
            </ChangeForm>
        </section>
    }
}

/// The proposals waiting for the chef, oldest first, each with its three decisions.
#[component]
pub fn WaitingPanel(data: ProposalsView, actions: ProposalActions) -> impl IntoView {
    let i18n = use_i18n();
    // The proposal the last decline was for (unknown after a post without JavaScript).
    let declined_for = Memo::new(move |previous: Option<&Option<i64>>| {
        actions
            .decline
            .input()
            .get()
            .map(|i| i.proposal_id)
            .or_else(|| previous.copied().flatten())
    });
    let problem = Signal::derive(move || {
        failure_message(actions.accept)
            .get()
            .or_else(|| failure_message(actions.defer).get())
            .or_else(|| match actions.decline.value().get() {
                Some(Err(AppError::Invalid { .. })) if declined_for.get().is_some() => None,
                Some(Err(e)) => Some(error_message(e)()),
                _ => None,
            })
    });
    let body = if data.waiting.is_empty() {
        view! { <p>{t!(i18n, proposals_waiting_empty)}</p> }.into_any()
    } else {
        let items = data
            .waiting
            .iter()
            .cloned()
            .map(|p| {
                view! { <WaitingProposal proposal=p upcoming=data.upcoming.clone() unit_id=data.unit_id actions declined_for /> }
            })
            .collect_view();
        view! { <ul class="proposal-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="vantande">
            <h2 id="vantande">{t!(i18n, proposals_waiting)}</h2>
            <FormError message=problem />
            {body}
        </section>
    }
}

#[component]
fn WaitingProposal(
    proposal: Proposal,
    upcoming: Vec<MeetingChoice>,
    unit_id: i64,
    actions: ProposalActions,
    declined_for: Memo<Option<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = proposal.id;
    let by = t_string!(
        i18n,
        proposal_by,
        name = proposal.proposer.clone(),
        date = format_date(i18n, proposal.created)
    )
    .to_string();
    let wanted = proposal
        .wanted
        .as_ref()
        .map(|m| m.id.to_string())
        .unwrap_or_default();
    let wanted_text = proposal
        .wanted
        .as_ref()
        .map(|m| t_string!(i18n, proposal_wanted, date = format_date(i18n, m.date)).to_string());
    let options = meeting_options(i18n, &upcoming, None);
    let can_accept = !options.is_empty();
    let reason_error = Signal::derive(move || {
        (declined_for.get() == Some(id))
            .then(|| field_message(actions.decline.value().get(), "reason"))
            .flatten()
    });
    let heading_id = format!("forslag-{id}");
    let labelled_by = heading_id.clone();
    let ids = move |id: i64| {
        vec![
            ("unit_id", unit_id.to_string()),
            ("proposal_id", id.to_string()),
        ]
    };
    view! {
        <li class="proposal" aria-labelledby=labelled_by>
            <h3 id=heading_id class="proposal__title">{proposal.title.clone()}</h3>
            <p class="muted">{by}</p>
            {wanted_text.map(|w| view! { <p>{w}</p> })}
            {(!proposal.description.is_empty()).then(|| view! { <p>{proposal.description.clone()}</p> })}
            <div class="proposal__decisions">
                {if can_accept {
                    view! {
                        <ChangeForm action=actions.accept ids=ids(id) class="decision" failure_shown_above=true
                            label=Signal::derive(move || t_string!(i18n, proposal_accept).to_string())>
                            <SelectField id=format!("godta-{id}-mote") name="meeting_id" options selected=wanted
                                label=t_string!(i18n, proposal_accept_label).to_string()
                                error=Signal::derive(|| None::<String>) />
                        </ChangeForm>
                    }.into_any()
                } else {
                    view! { <p>{t!(i18n, no_upcoming_meetings)}</p> }.into_any()
                }}
                <ChangeForm action=actions.defer ids=ids(id) class="decision" failure_shown_above=true
                    variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, proposal_defer).to_string()) />
                <ChangeForm action=actions.decline ids=ids(id) class="decision" failure_shown_above=true
                    variant="quiet"
                    label=Signal::derive(move || t_string!(i18n, proposal_decline).to_string())>
                    <TextArea id=format!("avsla-{id}-motivering") name="reason" rows=2
                        label=t_string!(i18n, proposal_decline_reason).to_string() error=reason_error />
                </ChangeForm>
            </div>
        </li>
    }
}

/// The backlog: items waiting for a later APT, each placed on an agenda in one step.
#[component]
pub fn BacklogPanel(data: ProposalsView, actions: ProposalActions) -> impl IntoView {
    let i18n = use_i18n();
    let add_result = Signal::derive(move || actions.add.value().get());
    let problem = Signal::derive(move || {
        failure_message(actions.schedule)
            .get()
            .or_else(|| failure_message(actions.remove).get())
    });
    let options = meeting_options(i18n, &data.upcoming, None);
    let unit_id = data.unit_id;
    let empty = data.backlog.is_empty();
    let items = data
        .backlog
        .into_iter()
        .map(|item| {
            let id = item.id;
            let options = options.clone();
            let can_schedule = !options.is_empty();
            let remove_label = t_string!(i18n, backlog_remove_label, title = item.title.clone()).to_string();
            view! {
                <li class="proposal">
                    <h3 class="proposal__title">{item.title.clone()}</h3>
                    {(!item.description.is_empty()).then(|| view! { <p>{item.description.clone()}</p> })}
                    <div class="proposal__decisions">
                        {can_schedule.then(|| view! {
                            <ChangeForm action=actions.schedule class="decision" failure_shown_above=true
                                ids=vec![("unit_id", unit_id.to_string()), ("item_id", id.to_string())]
                                label=Signal::derive(move || t_string!(i18n, backlog_schedule).to_string())>
                                <SelectField id=format!("backlog-{id}-mote") name="meeting_id" options
                                    label=t_string!(i18n, backlog_schedule_label).to_string()
                                    error=Signal::derive(|| None::<String>) />
                            </ChangeForm>
                        })}
                        <ChangeForm action=actions.remove class="decision" failure_shown_above=true
                            ids=vec![("unit_id", unit_id.to_string()), ("item_id", id.to_string())]
                            variant="quiet" aria_label=remove_label busy_label=t_string!(i18n, removing).to_string()
                            label=Signal::derive(move || t_string!(i18n, backlog_remove).to_string()) />
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="backlog">
            <h2 id="backlog">{t!(i18n, backlog_heading)}</h2>
            <p>{t!(i18n, backlog_intro)}</p>
            <FormError message=problem />
            {empty.then(|| view! { <p class="muted">{t!(i18n, backlog_empty)}</p> })}
            <ul class="proposal-list">{items}</ul>
            <h3 id="ny-i-backlog">{t!(i18n, backlog_add_heading)}</h3>
            <ChangeForm action=actions.add ids=vec![("unit_id", unit_id.to_string())]
                beside_fields=true variant="secondary" attr:aria-labelledby="ny-i-backlog"
                label=Signal::derive(move || t_string!(i18n, backlog_add_button).to_string())>
                <ItemFields prefix="backlog-ny" result=add_result />
            </ChangeForm>
        </section>
    }
}
