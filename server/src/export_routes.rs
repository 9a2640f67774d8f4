//! `/export/{file}`: the roll-ups as downloads for the cooperation group's minutes:
//! `uppfoljning.xlsx|csv` (every unit's answers and analyses) and `atgarder.xlsx|csv` (the combined
//! action plan), with the same query string and the same access check as their pages.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use app::actions::rollup::{build_action_rollup, ActionRollupQuery};
use app::checklists::rollup::{build_rollup, RollupQuery, RollupShape};
use app::domain::{ActionStatus, ChecklistKind};
use app::error::AppError;

use crate::access::signed_in;
use crate::download::download;
use crate::export_tables::{action_table, csv, rollup_tables, xlsx, Table};
use crate::ServerState;

/// The pages' query strings; empty values count as not given.
#[derive(Deserialize, Default)]
pub struct ExportQuery {
    nod: Option<String>,
    checklista: Option<String>,
    ar: Option<String>,
    status: Option<String>,
    ansvarig: Option<String>,
}

fn given<T: std::str::FromStr>(value: &Option<String>) -> Option<T> {
    value
        .as_deref()
        .filter(|v| !v.is_empty())
        .and_then(|v| v.parse().ok())
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv; charset=utf-8";

fn respond(tables: Vec<Table>, stem: String, ext: &str) -> Result<Response, AppError> {
    let built = match ext {
        "xlsx" => xlsx(&tables).map(|b| (b, XLSX)).map_err(|e| e.to_string()),
        _ => match tables.first() {
            Some(t) => csv(t).map(|b| (b, CSV)).map_err(|e| e.to_string()),
            None => Err("no table".into()),
        },
    };
    let (bytes, kind) = built.map_err(|e| AppError::internal("export failed", e))?;
    Ok(download(bytes, kind, &format!("{stem}.{ext}"), "no-store"))
}

/// Serves one export.
pub async fn export(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(file): Path<String>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let Some((name, ext)) = file.rsplit_once('.') else {
        return Err(AppError::NotFound);
    };
    if ext != "xlsx" && ext != "csv" {
        return Err(AppError::NotFound);
    }
    let viewer = signed_in(&state, &caller).await?;
    // The part of the tree asked for, so a refused download is in the trail of that part's HR.
    if let Some(node) = given::<i64>(&query.nod) {
        caller.trail.update(|n| n.node_id = Some(node));
    }
    match name {
        "uppfoljning" => {
            let q = RollupQuery {
                node: given(&query.nod),
                kind: query
                    .checklista
                    .as_deref()
                    .and_then(ChecklistKind::from_code),
                year: given(&query.ar),
                shape: RollupShape::EveryUnit,
            };
            let r = build_rollup(&state.app, &viewer, q).await?;
            respond(
                rollup_tables(&r),
                format!("uppfoljning-{}-{}-{}", r.kind.code(), r.node_id, r.year),
                ext,
            )
        }
        "atgarder" => {
            let q = ActionRollupQuery {
                node: given(&query.nod),
                status: query.status.as_deref().and_then(ActionStatus::from_code),
                responsible: given(&query.ansvarig),
                year: given(&query.ar),
                per_page: None,
                page: None,
            };
            let p = build_action_rollup(&state.app, &viewer, q).await?;
            respond(
                vec![action_table(&p.actions)],
                format!("atgarder-{}", p.node_id),
                ext,
            )
        }
        _ => Err(AppError::NotFound),
    }
}
