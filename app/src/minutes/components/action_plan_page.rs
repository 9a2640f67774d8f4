//! `/enhet/:unit_id/atgarder`: the unit's action plan, every action with where it came from,
//! who is responsible, when it is due and where it stands; the chef moves it along.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::ActionStatus;
use crate::error::AppError;
use crate::i18n::*;
use crate::minutes::{get_action_plan, Action, ActionPlanView, SetActionStatus};
use crate::ui::{
    failure_message, format_date, route_id, success_count, ErrorPanel, FormError, SubmitButton,
};

/// The translated name of an action's status.
pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: ActionStatus) -> String {
    match status {
        ActionStatus::NotStarted => t_string!(i18n, action_not_started).to_string(),
        ActionStatus::InProgress => t_string!(i18n, action_in_progress).to_string(),
        ActionStatus::Done => t_string!(i18n, action_done).to_string(),
    }
}

/// The action plan page.
#[component]
pub fn ActionPlanPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let set = ServerAction::<SetActionStatus>::new();
    let saved = success_count(set);
    let plan = Resource::new(
        move || (unit_id.get(), saved.get()),
        |(unit, _)| async move {
            match unit {
                Some(u) => get_action_plan(u).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"…"</p> }>
            {move || plan.get().map(|result| match result {
                Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                Ok(p) => view! { <ActionPlanBody plan=p set /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ActionPlanBody(plan: ActionPlanView, set: ServerAction<SetActionStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, action_plan_title, unit = plan.unit_name.clone()).to_string();
    let back = format!("/enhet/{}", plan.unit_id);
    let unit_name = plan.unit_name.clone();
    let empty = plan.actions.is_empty();
    let rows = plan
        .actions
        .iter()
        .cloned()
        .map(|a| view! { <ActionRow action=a unit_id=plan.unit_id can_edit=plan.can_edit set /> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <h1>{title}</h1>
        <FormError message=failure_message(set) />
        {if empty {
            view! { <p class="panel">{t!(i18n, action_plan_empty)}</p> }.into_any()
        } else {
            view! { <ul class="action-list">{rows}</ul> }.into_any()
        }}
    }
}

#[component]
fn ActionRow(
    action: Action,
    unit_id: i64,
    can_edit: bool,
    set: ServerAction<SetActionStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = set.pending();
    let mut facts = Vec::new();
    if let Some(r) = &action.responsible {
        facts.push(t_string!(i18n, action_responsible, name = r.clone()).to_string());
    }
    if let Some(d) = action.due {
        facts.push(t_string!(i18n, minutes_due, date = format_date(i18n, d)).to_string());
    }
    let origin = action.meeting.map(|(id, day)| {
        let href = format!("/enhet/{unit_id}/mote/{id}/minnesanteckningar");
        let text = t_string!(i18n, action_from_meeting, date = format_date(i18n, day)).to_string();
        view! { <a href=href>{text}</a> }
    });
    let status = action.status;
    let badge = match status {
        ActionStatus::Done => "badge badge--ok",
        _ => "badge",
    };
    let select_id = format!("status-{}", action.id);
    let options = ActionStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=s == status>{status_label(i18n, s)}</option> })
        .collect_view();
    let label = t_string!(i18n, action_status_label, title = action.title.clone()).to_string();
    view! {
        <li class="panel action">
            <h2 class="action__title">{action.title.clone()}</h2>
            <p><span class=badge>{status_label(i18n, status)}</span> " " {facts.join(" · ")}</p>
            {origin.map(|o| view! { <p class="muted">{o}</p> })}
            {can_edit.then(|| view! {
                <ActionForm action=set attr:class="action__status">
                    <input type="hidden" name="unit_id" value=unit_id />
                    <input type="hidden" name="action_id" value=action.id />
                    <div class="field">
                        <label for=select_id.clone()>{label}</label>
                        <select id=select_id name="status">{options}</select>
                    </div>
                    <SubmitButton pending variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, action_status_save).to_string())
                        busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
                </ActionForm>
            })}
        </li>
    }
}
