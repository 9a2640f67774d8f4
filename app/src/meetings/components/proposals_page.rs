//! `/enhet/:unit_id/forslag`: proposals for coming APTs. Everyone of the unit proposes items and
//! follows their own proposals (with the chef's reason when declined); the chef decides on the
//! waiting ones and keeps the backlog.

use leptos::prelude::*;
use leptos_meta::Title;

use super::proposal_actions::ProposalActions;
use super::proposal_forms::{BacklogPanel, ProposeForm, WaitingPanel};
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::{get_proposals, Proposal, ProposalStatus, ProposalsView};
use crate::ui::Loaded;
use crate::ui::{format_date, route_id, success_count};

/// The proposals page of a unit.
#[component]
pub fn ProposalsPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let actions = ProposalActions {
        propose: ServerAction::new(),
        accept: ServerAction::new(),
        defer: ServerAction::new(),
        decline: ServerAction::new(),
        schedule: ServerAction::new(),
        add: ServerAction::new(),
        remove: ServerAction::new(),
    };
    let counts = [
        success_count(actions.propose),
        success_count(actions.accept),
        success_count(actions.defer),
        success_count(actions.decline),
        success_count(actions.schedule),
        success_count(actions.add),
        success_count(actions.remove),
    ];
    let saved = Memo::new(move |_| counts.iter().map(|c| c.get()).sum::<usize>());
    let view_data = Resource::new(
        move || (unit_id.get(), saved.get()),
        |(unit, _)| async move {
            match unit {
                Some(u) => get_proposals(u).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=view_data view=move |v| view! { <ProposalsBody data=v actions /> } />
    }
}

#[component]
fn ProposalsBody(data: ProposalsView, actions: ProposalActions) -> impl IntoView {
    let i18n = use_i18n();
    let unit_name = data.unit_name.clone();
    let title = t_string!(i18n, proposals_page_title, unit = unit_name.clone()).to_string();
    let back = format!("/enhet/{}", data.unit_id);
    let mine = data.mine.clone();
    let mine_view = if mine.is_empty() {
        view! { <p>{t!(i18n, proposals_mine_empty)}</p> }.into_any()
    } else {
        let items = mine
            .into_iter()
            .map(|p| view! { <MyProposal proposal=p /> })
            .collect_view();
        view! { <ul class="proposal-list">{items}</ul> }.into_any()
    };
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <h1>{title}</h1>
        <ProposeForm data=data.clone() action=actions.propose />
        <section class="panel" aria-labelledby="mina-forslag">
            <h2 id="mina-forslag">{t!(i18n, proposals_mine)}</h2>
            {mine_view}
        </section>
        {data.can_edit.then(|| view! {
            <WaitingPanel data=data.clone() actions />
            <BacklogPanel data=data.clone() actions />
        })}
    }
}

/// The status of a proposal in words, with the date it is placed on.
pub fn status_text(i18n: leptos_i18n::I18nContext<Locale>, p: &Proposal) -> String {
    match p.status {
        ProposalStatus::New => t_string!(i18n, proposal_status_new).to_string(),
        ProposalStatus::Accepted => match &p.placed_in {
            Some(m) => t_string!(
                i18n,
                proposal_status_accepted_on,
                date = format_date(i18n, m.date)
            )
            .to_string(),
            None => t_string!(i18n, proposal_status_accepted).to_string(),
        },
        ProposalStatus::Deferred => t_string!(i18n, proposal_status_deferred).to_string(),
        ProposalStatus::Declined => t_string!(i18n, proposal_status_declined).to_string(),
    }
}

#[component]
fn MyProposal(proposal: Proposal) -> impl IntoView {
    let i18n = use_i18n();
    let status = status_text(i18n, &proposal);
    let badge = match proposal.status {
        ProposalStatus::Declined => "badge badge--warn",
        ProposalStatus::Accepted => "badge badge--ok",
        _ => "badge",
    };
    let reason = proposal.reason.clone();
    view! {
        <li class="proposal">
            <h3 class="proposal__title">{proposal.title.clone()}</h3>
            <p><span class=badge>{status}</span></p>
            {(!proposal.description.is_empty()).then(|| view! { <p>{proposal.description.clone()}</p> })}
            {reason.map(|r| view! { <p class="proposal__reason">{t!(i18n, proposal_reason, reason = move || r.clone())}</p> })}
        </li>
    }
}
