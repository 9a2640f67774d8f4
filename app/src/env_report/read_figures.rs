//! A report's key figures as its page shows them: the tables of seed 004 rolled up over the
//! node's subtree, the writer's boxes, and sick leave over five years beside the level above,
//! also what a save of the figures and the charts' images read.

use std::collections::HashMap;

use super::db;
use super::read::ReportAccess;
use super::{FigureInput, FigureRowView, FigureTableView, SavedFigures};
use crate::domain::env_report::figures::figure_table;
use crate::domain::env_report::{
    column_headings, difference, roll_up, show_value, sick_history, value_input, FigureDef,
    FigureKind, ReportRight, ReportStatus, Rolled, Section, HISTORY_YEARS,
};
use crate::error::AppError;
use crate::state::AppState;

/// The figures of the node of `access` on `year`, rolled up over its subtree: its tables and
/// its sick leave over five years beside the level above's. What a save of the figures sends
/// back, so the page shows the sums without drawing its forms again. Two queries.
pub async fn figures_of(
    state: &AppState,
    access: &ReportAccess,
    template: &[FigureDef],
    year: i32,
) -> Result<SavedFigures, AppError> {
    let node_id = access.grant.unit_id;
    let years = year - HISTORY_YEARS + 1..=year;
    let node = db::subtree_tallies_years(&state.db, node_id, years.clone(), "%").await?;
    let none = HashMap::new();
    let tables = figure_tables(
        template,
        &roll_up(template, node.get(&year).unwrap_or(&none)),
        &roll_up(template, node.get(&(year - 1)).unwrap_or(&none)),
        year,
    );
    let above = match access.ancestry.get(1) {
        Some(&parent) => Some((
            access.grant.tree.name(parent),
            db::subtree_tallies_years(&state.db, parent, years, "sick%").await?,
        )),
        None => None,
    };
    let history = sick_history(
        template,
        year,
        &node,
        above
            .as_ref()
            .map(|(name, tallies)| (name.as_str(), tallies)),
    );
    Ok(SavedFigures {
        tables,
        sick_history: (!history.is_empty()).then_some(history),
    })
}

/// The figures of the node of `access` on `year` for whoever may read its report on its page
/// (an employee only once it is accepted): `Forbidden` otherwise. For the charts' images.
pub async fn readable_figures(
    state: &AppState,
    access: &ReportAccess,
    year: i32,
) -> Result<SavedFigures, AppError> {
    let status = db::report(&state.db, access.grant.unit_id, year)
        .await?
        .and_then(|r| ReportStatus::from_code(&r.status));
    if access.right < ReportRight::Read && status != Some(ReportStatus::Accepted) {
        return Err(AppError::Forbidden);
    }
    let template = db::template(&state.db, access.org_id()).await?;
    figures_of(state, access, &template, year).await
}

/// The tables of seed 004, one per section with figures, rows under their sub-headings; the
/// bases a percent is weighted by are not part of them.
pub(super) fn figure_tables(
    template: &[FigureDef],
    this: &HashMap<String, Rolled>,
    last: &HashMap<String, Rolled>,
    year: i32,
) -> Vec<FigureTableView> {
    let mut tables: Vec<FigureTableView> = Vec::new();
    for section in Section::ALL {
        let figures: Vec<&FigureDef> = template
            .iter()
            .filter(|f| f.section == section && f.kind != FigureKind::Basis)
            .collect();
        if figures.is_empty() {
            continue;
        }
        let table = figure_table(section);
        let [a, b, c] = column_headings(&table, year);
        let mut rows = Vec::new();
        let mut group = "";
        for f in figures {
            if f.group != group {
                group = &f.group;
                if !group.is_empty() {
                    rows.push(FigureRowView {
                        is_group: true,
                        label: group.to_string(),
                        this: String::new(),
                        last: String::new(),
                        difference: String::new(),
                        left_out: 0,
                    });
                }
            }
            let now = this.get(&f.code).copied().unwrap_or_default();
            let before = last.get(&f.code).and_then(|r| r.value);
            let show = |v: Option<i64>| v.map(|v| show_value(v, &f.kind)).unwrap_or_default();
            rows.push(FigureRowView {
                is_group: false,
                label: f.label.clone(),
                this: show(now.value),
                last: show(before),
                difference: difference(now.value, before, &f.kind).unwrap_or_default(),
                left_out: now.left_out,
            });
        }
        tables.push(FigureTableView {
            section: section.code().to_string(),
            caption: table.caption.to_string(),
            headings: [table.heading.to_string(), a, b, c],
            rows,
        });
    }
    tables
}

/// The boxes of the figures' form: every figure a person types, with what the node entered.
pub(super) fn figure_inputs(
    template: &[FigureDef],
    own: &HashMap<String, i64>,
) -> Vec<FigureInput> {
    template
        .iter()
        .filter(|f| f.kind.entered())
        .map(|f| FigureInput {
            code: f.code.clone(),
            section: f.section.title().to_string(),
            group: f.group.clone(),
            label: f.label.clone(),
            unit: match f.kind {
                FigureKind::Percent { .. } => "Procent",
                FigureKind::Hours => "Timmar",
                FigureKind::Basis if f.code.starts_with("hours") => "Timmar",
                _ => "Antal",
            }
            .to_string(),
            value: own
                .get(&f.code)
                .map(|&v| value_input(v))
                .unwrap_or_default(),
        })
        .collect()
}
