//! The APT and SAM compliance overview (`/enhet/:u/efterlevnad?ar=`): for any node and year one
//! table of every unit below it, each with its APTs planned and held against the rule, notices
//! on time, the wheel's topics reached, minutes published in time, workload checks, the SAM
//! follow-up with the safety representative and overdue actions; sortable by any column,
//! filtered to the units that fall short, and exported as XLSX or CSV. Read by whoever reads
//! the node's work environment report drafts (a chef, HR or safety representative at or above
//! it). The rules are in `domain::compliance`, the SQL in `db`, the page in `components`.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod reminders_db;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::compliance::{ComplianceRules, UnitCompliance};
use crate::error::AppError;

/// What the overview asks for; the address's `?ar=&sortera=&fallande=&brister=`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceQuery {
    /// The year (this year when none).
    pub year: Option<i32>,
    /// The column sorted by (its code; the name when none).
    pub sort: Option<String>,
    /// Sorted high to low.
    pub descending: bool,
    /// Only the units that fall short.
    pub short_only: bool,
    /// One page of this many rows (the page); every row when none (the exports).
    pub per_page: Option<u32>,
    /// Which page, from 1.
    pub page: Option<u32>,
}

/// Units on one page of the overview: a city's root lists 4,000, paged through, never sent
/// whole; the counts above the table and the exports still take every unit.
pub const UNITS_PER_PAGE: u32 = 100;

/// One of a chef's reminders on the start page: what is due, and a link to where it is done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderLine {
    /// What it says ("Kallelsen till APT 2026-03-20 i Eken ska skickas senast 2026-03-13.").
    pub text: String,
    /// Where it is done.
    pub href: String,
    /// The link's words ("Skicka kallelsen").
    pub action: String,
    /// A day or less is left.
    pub urgent: bool,
}

/// One unit's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceRow {
    /// The counts.
    pub unit: UnitCompliance,
    /// What it falls short of, named.
    pub shortfalls: Vec<String>,
}

/// The overview of a node's units for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceView {
    /// The node.
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The year.
    pub year: i32,
    /// The organisation's rules it holds the units to.
    pub rules: ComplianceRules,
    /// The year has ended: what was still to come counts as missed.
    pub year_over: bool,
    /// The column sorted by (its code).
    pub sort: String,
    /// Sorted high to low.
    pub descending: bool,
    /// Only the units that fall short are listed.
    pub short_only: bool,
    /// Units below the node.
    pub units: usize,
    /// Of those, the ones that fall short of something.
    pub units_short: usize,
    /// The page shown, from 1.
    pub page: u32,
    /// Pages in all (1 when everything fits).
    pub pages: u32,
    /// The rows of the page, sorted and filtered as asked.
    pub rows: Vec<ComplianceRow>,
}

/// The overview as `viewer` may see it: refused unless they read the node's report drafts.
#[cfg(feature = "ssr")]
pub async fn build(
    state: &crate::state::AppState,
    viewer: &crate::auth::session::Viewer,
    node_id: i64,
    query: &ComplianceQuery,
) -> Result<ComplianceView, AppError> {
    use crate::domain::compliance::{shortfalls, sort_rows, SortKey};
    use crate::domain::env_report::ReportRight;
    use chrono::Datelike;

    let access = crate::env_report::read::ReportAccess::of(state, viewer, node_id).await?;
    if access.right < ReportRight::Read {
        tracing::warn!(
            person_id = viewer.user.id,
            node_id,
            "refused the compliance overview"
        );
        return Err(AppError::Forbidden);
    }
    let today = state.clock.today();
    let year = query
        .year
        .and_then(crate::domain::PlanYear::new)
        .map_or(today.year(), |y| y.get());
    let rules = db::rules(&state.db, access.org_id()).await?;
    let units = db::unit_compliance(&state.db, node_id, year, today, rules).await?;
    let year_over = year < today.year();
    let mut rows: Vec<_> = units
        .into_iter()
        .map(|u| {
            let short = shortfalls(&u, rules, year_over);
            (u, short)
        })
        .collect();
    let total = rows.len();
    let short = rows.iter().filter(|(_, s)| !s.is_empty()).count();
    if query.short_only {
        rows.retain(|(_, s)| !s.is_empty());
    }
    let key = SortKey::from_code(query.sort.as_deref().unwrap_or_default());
    sort_rows(&mut rows, key, query.descending);
    let listed = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let (page, pages) = match query.per_page.filter(|&n| n > 0) {
        Some(per_page) => {
            let shown = crate::domain::PageOf::new(listed, per_page, query.page);
            rows = shown.slice(rows);
            (shown.page, shown.pages)
        }
        None => (1, 1),
    };
    Ok(ComplianceView {
        node_id,
        node_name: access.grant.tree.name(node_id),
        year,
        rules,
        year_over,
        sort: key.code().to_string(),
        descending: query.descending,
        short_only: query.short_only,
        units: total,
        units_short: short,
        page,
        pages,
        rows: rows
            .into_iter()
            .map(|(unit, short)| ComplianceRow {
                unit,
                shortfalls: short.iter().map(|s| s.label().to_string()).collect(),
            })
            .collect(),
    })
}

/// The overview as a sheet, the columns as the page heads them, for the XLSX and CSV exports.
#[cfg(feature = "ssr")]
pub fn table(view: &ComplianceView) -> crate::exports::tables::Table {
    let yes_no = |b: bool| if b { "Ja" } else { "Nej" }.to_string();
    let min = view.rules.min_apts;
    crate::exports::tables::Table {
        name: format!("Efterlevnad {}", view.year),
        headers: [
            "Enhet".to_string(),
            format!("APT planerade (minst {min})"),
            "APT hållna".into(),
            format!("Kallelse i tid ({} dagar före)", view.rules.notice_days),
            "Ämnen i årshjulet tagna".into(),
            "Ämnen i årshjulet".into(),
            format!("Minnesanteckningar inom {} dagar", view.rules.minutes_days),
            "Arbetsbelastning stämd av".into(),
            "SAM-uppföljning gjord".into(),
            "SAM-uppföljning med skyddsombud".into(),
            "Försenade åtgärder".into(),
            "Brister".into(),
        ]
        .into(),
        rows: view
            .rows
            .iter()
            .map(|r| {
                let u = &r.unit;
                vec![
                    u.name.clone(),
                    u.planned.to_string(),
                    u.held.to_string(),
                    u.notices_on_time.to_string(),
                    u.topics_covered.to_string(),
                    u.topics.to_string(),
                    u.minutes_in_time.to_string(),
                    u.workload_checks.to_string(),
                    yes_no(u.sam_done),
                    yes_no(u.sam_with_safety),
                    u.overdue_actions.to_string(),
                    r.shortfalls.join("; "),
                ]
            })
            .collect(),
    }
}

/// The compliance overview of the node's units.
#[server(prefix = "/api", endpoint = "efterlevnad")]
pub async fn compliance(
    node_id: i64,
    year: Option<i32>,
    sort: Option<String>,
    #[server(default)] descending: bool,
    #[server(default)] short_only: bool,
    #[server(default)] page: Option<u32>,
) -> Result<ComplianceView, AppError> {
    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let query = ComplianceQuery {
        year,
        sort,
        descending,
        short_only,
        per_page: Some(UNITS_PER_PAGE),
        page,
    };
    build(&state, &viewer, node_id, &query).await
}
