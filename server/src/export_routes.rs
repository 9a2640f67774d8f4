//! `/export/{file}`: the roll-ups as downloads for the cooperation group's minutes:
//! `uppfoljning.xlsx|csv` (every unit's answers and analyses) and `atgarder.xlsx|csv` (the combined
//! action plan), with the same query string and the same access check as their pages.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::actions::rollup::{build_action_rollup, ActionRollupQuery};
use app::checklists::rollup::{build_rollup, RollupQuery};
use app::domain::{ActionStatus, ChecklistKind};
use app::error::AppError;

use crate::access::{refuse, signed_in};
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

fn failed(err: AppError) -> Response {
    let status =
        StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, err.to_string()).into_response()
}

fn download(bytes: Vec<u8>, content_type: &'static str, filename: String) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv; charset=utf-8";

fn respond(tables: Vec<Table>, stem: String, ext: &str) -> Response {
    let built = match ext {
        "xlsx" => xlsx(&tables).map(|b| (b, XLSX)).map_err(|e| e.to_string()),
        _ => match tables.first() {
            Some(t) => csv(t).map(|b| (b, CSV)).map_err(|e| e.to_string()),
            None => Err("no table".into()),
        },
    };
    match built {
        Ok((bytes, kind)) => download(bytes, kind, format!("{stem}.{ext}")),
        Err(e) => {
            tracing::error!(error = %e, "export failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "Något gick fel hos oss.")
        }
    }
}

/// Serves one export.
pub async fn export(
    State(state): State<ServerState>,
    caller: crate::access::Caller,
    Path(file): Path<String>,
    Query(query): Query<ExportQuery>,
) -> Response {
    let Some((name, ext)) = file.rsplit_once('.') else {
        return refuse(StatusCode::NOT_FOUND, "Sidan finns inte.");
    };
    if ext != "xlsx" && ext != "csv" {
        return refuse(StatusCode::NOT_FOUND, "Sidan finns inte.");
    }
    let viewer = match signed_in(&state, &caller).await {
        Ok(v) => v,
        Err(response) => return response,
    };
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
            };
            match build_rollup(&state.app, &viewer, q).await {
                Ok(r) => respond(
                    rollup_tables(&r),
                    format!("uppfoljning-{}-{}-{}", r.kind.code(), r.node_id, r.year),
                    ext,
                ),
                Err(e) => failed(e),
            }
        }
        "atgarder" => {
            let q = ActionRollupQuery {
                node: given(&query.nod),
                status: query.status.as_deref().and_then(ActionStatus::from_code),
                responsible: given(&query.ansvarig),
                year: given(&query.ar),
            };
            match build_action_rollup(&state.app, &viewer, q).await {
                Ok(p) => respond(
                    vec![action_table(&p)],
                    format!("atgarder-{}", p.node_id),
                    ext,
                ),
                Err(e) => failed(e),
            }
        }
        _ => refuse(StatusCode::NOT_FOUND, "Sidan finns inte."),
    }
}
