//! `/enhet/:unit_id/atgarder`: the unit's action plan (handlingsplan) with every field of the
//! seed's "Åtgärder från checklistor"; the chef adds actions from any source, moves them along,
//! and closes them with a check of their effect ("nej" opens them again).

use leptos::prelude::*;
use leptos_meta::Title;

use super::action_item::ActionItem;
use super::new_action_form::NewActionForm;
use super::plan_actions::PlanActions;
use crate::actions::{get_unit_action_plan, UnitActionPlanView};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{route_id, success_count};

/// The action plan page.
#[component]
pub fn ActionPlanPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let actions = PlanActions {
        add: ServerAction::new(),
        update: ServerAction::new(),
        close: ServerAction::new(),
        feedback: ServerAction::new(),
    };
    let added = success_count(actions.add);
    let updated = success_count(actions.update);
    let closed = success_count(actions.close);
    let fed_back = success_count(actions.feedback);
    let plan = Resource::new(
        move || {
            (
                unit_id.get(),
                added.get(),
                updated.get(),
                closed.get(),
                fed_back.get(),
            )
        },
        |(unit, ..)| async move {
            match unit {
                Some(u) => get_unit_action_plan(u).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=plan view=move |p| view! { <ActionPlanBody plan=p actions /> } />
    }
}

#[component]
fn ActionPlanBody(plan: UnitActionPlanView, actions: PlanActions) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, action_plan_title, unit = plan.unit_name.clone()).to_string();
    let back = format!("/enhet/{}", plan.unit_id);
    let unit_name = plan.unit_name.clone();
    let open: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.status != crate::domain::ActionStatus::Done)
        .cloned()
        .collect();
    let done: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.status == crate::domain::ActionStatus::Done)
        .cloned()
        .collect();
    let members: Vec<(String, String)> = std::iter::once((
        String::new(),
        t_string!(i18n, minutes_no_responsible).to_string(),
    ))
    .chain(
        plan.members
            .iter()
            .map(|m| (m.id.to_string(), m.name.clone())),
    )
    .collect();
    let overdue = open.iter().filter(|a| a.overdue()).count();
    let closing_message = move || {
        actions.close.value().get().and_then(Result::ok).map(|c| {
            if c.reopened {
                t_string!(i18n, action_reopened_message).to_string()
            } else {
                t_string!(i18n, action_closed_message).to_string()
            }
        })
    };
    let coming = plan.coming.clone();
    let item = |a, members: &Vec<(String, String)>| {
        view! { <ActionItem action=a can_edit=plan.can_edit members=members.clone() coming=coming.clone() actions /> }
    };
    let open_empty = open.is_empty();
    let open_items = open.into_iter().map(|a| item(a, &members)).collect_view();
    let done_empty = done.is_empty();
    let done_items = done.into_iter().map(|a| item(a, &members)).collect_view();
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <h1>{title}</h1>
        <p class="no-print"><a href=format!("/enhet/{}/handlingsplan.pdf", plan.unit_id) download="">{t!(i18n, action_plan_pdf)}</a></p>
        <p class="form-status" role="status">{closing_message}</p>
        {(overdue > 0).then(|| view! { <p class="notice notice--warn">{t!(i18n, action_overdue_count, count = overdue)}</p> })}
        {plan.can_edit.then(|| view! { <NewActionForm unit_id=plan.unit_id members=members.clone() action=actions.add /> })}
        <section aria-labelledby="oppna-atgarder">
            <h2 id="oppna-atgarder">{t!(i18n, action_plan_open)}</h2>
            {if open_empty {
                view! { <p class="panel">{t!(i18n, action_plan_empty)}</p> }.into_any()
            } else {
                view! { <ul class="action-list">{open_items}</ul> }.into_any()
            }}
        </section>
        {(!done_empty).then(|| view! {
            <section aria-labelledby="avslutade-atgarder">
                <h2 id="avslutade-atgarder">{t!(i18n, action_plan_done)}</h2>
                <ul class="action-list">{done_items}</ul>
            </section>
        })}
    }
}
