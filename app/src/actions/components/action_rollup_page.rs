//! `/uppfoljning/atgarder`: every unit's actions below a node (the seed's "Åtgärder från
//! checklistor"), filtered on unit, status, responsible and period with a plain GET form, with
//! XLSX and CSV downloads of exactly what is shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{status_label, ActionFacts};
use crate::actions::{get_action_rollup, ActionRollupView};
use crate::domain::ActionStatus;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{NodePicker, Pager};

/// The combined action plan page.
#[component]
pub fn ActionRollupPage() -> impl IntoView {
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("nod").and_then(|v| v.parse::<i64>().ok()),
                q.get("status").filter(|s| !s.is_empty()),
                q.get("ansvarig").and_then(|v| v.parse::<i64>().ok()),
                q.get("ar").and_then(|v| v.parse::<i32>().ok()),
                q.get("sida").and_then(|v| v.parse::<u32>().ok()),
            )
        })
    });
    let plan = Resource::new(
        move || params.get(),
        |(node, status, responsible, year, page)| {
            get_action_rollup(node, status, responsible, year, page)
        },
    );
    view! {
        <Loaded resource=plan view=move |p| view! { <ActionRollupBody plan=p /> } />
    }
}

/// The query string of a combined plan, for the export links.
pub fn action_rollup_query(plan: &ActionRollupView) -> String {
    let mut q = format!("nod={}", plan.node_id);
    if let Some(s) = plan.status {
        q.push_str(&format!("&status={}", s.code()));
    }
    if let Some(r) = plan.responsible {
        q.push_str(&format!("&ansvarig={r}"));
    }
    if let Some(y) = plan.year {
        q.push_str(&format!("&ar={y}"));
    }
    q
}

#[component]
fn ActionRollupBody(plan: ActionRollupView) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, action_rollup_title, node = plan.node_name.clone()).to_string();
    let query = action_rollup_query(&plan);
    let status_options = ActionStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=plan.status == Some(s)>{status_label(i18n, s)}</option> })
        .collect_view();
    let responsible_options = plan
        .responsibles
        .iter()
        .map(|m| view! { <option value=m.id selected=plan.responsible == Some(m.id)>{m.name.clone()}</option> })
        .collect_view();
    let count = plan.total;
    let pager_base = format!("/uppfoljning/atgarder?{query}");
    let items = plan
        .actions
        .iter()
        .cloned()
        .map(|a| {
            let heading = format!("atgard-{}-rubrik", a.id);
            let labelled = heading.clone();
            let badge = if a.status == ActionStatus::Done { "badge badge--ok" } else { "badge" };
            view! {
                <li class="panel action" aria-labelledby=labelled>
                    <h3 id=heading class="action__title">{a.title.clone()}</h3>
                    <p>
                        <span class=badge>{status_label(i18n, a.status)}</span>
                        {a.overdue().then(|| view! { " " <span class="badge badge--warn">{t!(i18n, action_overdue)}</span> })}
                        " " <strong>{a.unit_name.clone()}</strong>
                    </p>
                    <ActionFacts action=a />
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <form method="get" action="/uppfoljning/atgarder" class="panel rollup-picker">
            <NodePicker nodes=plan.nodes.clone() selected=plan.node_id />
            <div class="field">
                <label for="status">{t!(i18n, action_status)}</label>
                <select id="status" name="status">
                    <option value="" selected=plan.status.is_none()>{t!(i18n, filter_all)}</option>
                    {status_options}
                </select>
            </div>
            {if plan.too_many_responsibles {
                view! { <p class="muted">{t!(i18n, action_rollup_responsibles_many)}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="ansvarig">{t!(i18n, minutes_action_responsible)}</label>
                        <select id="ansvarig" name="ansvarig">
                            <option value="" selected=plan.responsible.is_none()>{t!(i18n, filter_all)}</option>
                            {responsible_options}
                        </select>
                    </div>
                }.into_any()
            }}
            <div class="field">
                <label for="ar">{t!(i18n, rollup_year)}</label>
                <input id="ar" name="ar" type="number" min="2000" max="2100"
                    value=plan.year.map(|y| y.to_string()).unwrap_or_default() />
            </div>
            <button type="submit" class="button button--secondary">{t!(i18n, rollup_show)}</button>
        </form>
        <p class="rollup-exports">
            <a class="button button--secondary" href=format!("/export/atgarder.xlsx?{query}") download>{t!(i18n, export_xlsx)}</a>
            " "
            <a class="button button--secondary" href=format!("/export/atgarder.csv?{query}") download>{t!(i18n, export_csv)}</a>
        </p>
        <p role="status">{t!(i18n, action_rollup_count, count = count)}</p>
        <ul class="action-list">{items}</ul>
        <Pager page=plan.page pages=plan.pages base=pager_base />
    }
}
