//! `/enhet/:unit_id/efterlevnad?ar=&sortera=&fallande=&brister=`: the compliance overview's page.
//! Sorting is a link in each column's heading and the filter a plain GET form, so all of it
//! works before (and without) the wasm; the exports take the same query.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{compliance, ComplianceRow, ComplianceView};
use crate::domain::compliance::SortKey;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{route_id, Loaded, Pager};

/// The page.
#[component]
pub fn CompliancePage() -> impl IntoView {
    let node = route_id("unit_id");
    let query = use_query_map();
    let view_of = Resource::new(
        move || {
            let q = query.read();
            (
                node.get(),
                q.get("ar").and_then(|v| v.parse::<i32>().ok()),
                q.get("sortera"),
                q.get("fallande").is_some_and(|v| v == "1"),
                q.get("brister").is_some_and(|v| v == "1"),
                q.get("sida").and_then(|v| v.parse::<u32>().ok()),
            )
        },
        |(node, year, sort, descending, short_only, page)| async move {
            match node {
                Some(id) => compliance(id, year, sort, descending, short_only, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=view_of view=move |v| view! { <Overview view=v /> } /> }
}

/// The address of the overview with `sort`, `descending` and the filter.
fn address(view: &ComplianceView, sort: &str, descending: bool, short_only: bool) -> String {
    let mut query = format!("?ar={}&sortera={sort}", view.year);
    if descending {
        query.push_str("&fallande=1");
    }
    if short_only {
        query.push_str("&brister=1");
    }
    query
}

#[component]
fn Overview(view: ComplianceView) -> impl IntoView {
    let i18n = use_i18n();
    let node_id = view.node_id;
    let here = format!("/enhet/{node_id}/efterlevnad");
    let title = t_string!(i18n, cmp_title, year = view.year).to_string();
    let rules = view.rules;
    let headings: [(SortKey, String); 10] = [
        (SortKey::Name, t_string!(i18n, cmp_unit).to_string()),
        (
            SortKey::Planned,
            t_string!(i18n, cmp_planned, min = rules.min_apts).to_string(),
        ),
        (SortKey::Held, t_string!(i18n, cmp_held).to_string()),
        (
            SortKey::Notices,
            t_string!(i18n, cmp_notices, days = rules.notice_days).to_string(),
        ),
        (SortKey::Topics, t_string!(i18n, cmp_topics).to_string()),
        (
            SortKey::Minutes,
            t_string!(i18n, cmp_minutes, days = rules.minutes_days).to_string(),
        ),
        (SortKey::Workload, t_string!(i18n, cmp_workload).to_string()),
        (SortKey::Sam, t_string!(i18n, cmp_sam).to_string()),
        (SortKey::Overdue, t_string!(i18n, cmp_overdue).to_string()),
        (
            SortKey::Shortfalls,
            t_string!(i18n, cmp_shortfalls).to_string(),
        ),
    ];
    let header = headings
        .into_iter()
        .map(|(key, label)| {
            let sorted = view.sort == key.code();
            // A second click on the sorted column turns the order round.
            let href = address(
                &view,
                key.code(),
                sorted && !view.descending,
                view.short_only,
            );
            let aria_sort = match (sorted, view.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            let scope = "col";
            view! { <th scope=scope aria-sort=aria_sort><a href=href>{label}</a></th> }
        })
        .collect_view();
    let rows = view
        .rows
        .iter()
        .map(|r| view! { <UnitRow row=r.clone() /> })
        .collect_view();
    let export = |ext: &str| {
        format!(
            "{here}/efterlevnad.{ext}{}",
            address(&view, &view.sort, view.descending, view.short_only)
        )
    };
    let (xlsx, csv) = (export("xlsx"), export("csv"));
    let pager_base = format!(
        "{here}{}",
        address(&view, &view.sort, view.descending, view.short_only)
    );
    let lead = t_string!(i18n, cmp_lead, units = view.units, short = view.units_short).to_string();
    view! {
        <Title text=format!("{title}, {}", view.node_name) />
        <p class="back-link"><a href=format!("/enhet/{node_id}")>{view.node_name.clone()}</a></p>
        <h1>{title}" "<span class="subtitle">{view.node_name.clone()}</span></h1>
        <p class="lead">{lead}</p>
        {(!view.year_over).then(|| view! { <p class="muted">{t!(i18n, cmp_year_running)}</p> })}
        <form method="get" action=here.clone() class="panel rollup-picker">
            <input type="hidden" name="sortera" value=view.sort.clone() />
            {view.descending.then(|| view! { <input type="hidden" name="fallande" value="1" /> })}
            <div class="field">
                <label for="cmp-ar">{t!(i18n, cmp_year)}</label>
                <input id="cmp-ar" name="ar" type="number" inputmode="numeric" min="2000" max="2100"
                    value=view.year.to_string() />
            </div>
            <div class="field field--check">
                <input id="cmp-brister" name="brister" type="checkbox" value="1" checked=view.short_only />
                <label for="cmp-brister">{t!(i18n, cmp_short_only)}</label>
            </div>
            <button type="submit" class="button button--secondary">{t!(i18n, cmp_show)}</button>
        </form>
        <p class="rollup-exports">
            <a class="button button--secondary" href=xlsx download="">{t!(i18n, cmp_download_xlsx)}</a>
            " "
            <a class="button button--secondary" href=csv download="">{t!(i18n, cmp_download_csv)}</a>
        </p>
        {if view.rows.is_empty() {
            view! { <p class="empty">{t!(i18n, cmp_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="cmp-caption">
                    <table class="data-table cmp-table">
                        <caption id="cmp-caption">{t!(i18n, cmp_caption, node = view.node_name.clone(), year = view.year)}</caption>
                        <thead><tr>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Pager page=view.page pages=view.pages base=pager_base />
            }.into_any()
        }}
    }
}

#[component]
fn UnitRow(row: ComplianceRow) -> impl IntoView {
    let i18n = use_i18n();
    let u = row.unit;
    let of =
        |part: u32, whole: u32| t_string!(i18n, cmp_of, part = part, whole = whole).to_string();
    let sam = match (u.sam_done, u.sam_with_safety) {
        (true, true) => t_string!(i18n, cmp_sam_with_safety).to_string(),
        (true, false) => t_string!(i18n, cmp_sam_without_safety).to_string(),
        _ => t_string!(i18n, cmp_sam_not_done).to_string(),
    };
    let shortfalls = if row.shortfalls.is_empty() {
        view! { <span class="badge badge--ok">{t!(i18n, cmp_no_shortfalls)}</span> }.into_any()
    } else {
        let items = row
            .shortfalls
            .iter()
            .map(|s| view! { <li>{s.clone()}</li> })
            .collect_view();
        view! { <ul class="cmp-shortfalls">{items}</ul> }.into_any()
    };
    view! {
        <tr>
            <th scope="row"><a href=format!("/enhet/{}", u.node_id)>{u.name.clone()}</a></th>
            <td>{u.planned}</td>
            <td>{u.held}</td>
            <td>{of(u.notices_on_time, u.held)}</td>
            <td>{of(u.topics_covered, u.topics)}</td>
            <td>{of(u.minutes_in_time, u.held)}</td>
            <td>{of(u.workload_checks, u.held)}</td>
            <td>{sam}</td>
            <td>{u.overdue_actions}</td>
            <td>{shortfalls}</td>
        </tr>
    }
}
