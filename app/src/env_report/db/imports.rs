//! Files of key figures: the nodes a file may name (the node imported for and everything below
//! it, with whether each report may still change), an uploaded file kept between its preview
//! and its applying, and the applying itself in one transaction, so a file is imported whole or
//! not at all.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::env_report::FigureDef;
use crate::domain::hr_import::SheetRow;
use crate::{subtree_cte, with_db};

use super::figures::{figure_rows, KeptFigure};

/// A node of the subtree a report covers, with where its report on the year stands.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SubtreeNode {
    /// The node.
    pub id: i64,
    /// The node above it (none for the organisation's root).
    pub parent_id: Option<i64>,
    /// Its name.
    pub name: String,
    /// The HR system's code, when it has one.
    pub code: Option<String>,
    /// Its report's status on the year, when begun.
    pub status: Option<String>,
}

/// The node and every open node below it, each with its report's status on `year`, in one
/// query: what an export lists and an import may name (an export or import covers the part of
/// the tree it is about; a page never reads it).
#[tracing::instrument(skip_all, err)]
pub async fn subtree_nodes(db: &Db, node_id: i64, year: i32) -> sqlx::Result<Vec<SubtreeNode>> {
    const SQL: &str = concat!(
        subtree_cte!("$1"),
        " SELECT n.id, n.parent_id, n.name, n.code, r.status
          FROM subtree s JOIN org_nodes n ON n.id = s.id
          LEFT JOIN env_reports r ON r.node_id = n.id AND r.year = $2
          WHERE n.closed_at IS NULL OR n.id = $1
          ORDER BY n.name, n.id"
    );
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).bind(year).fetch_all(pool).await)
}

/// Keeps an uploaded file of figures for `node_id` and `year` until it is applied; returns its
/// id.
#[tracing::instrument(skip_all, err)]
pub async fn store_import(
    db: &Db,
    node_id: i64,
    year: i32,
    uploaded_by: i64,
    file_name: &str,
    rows: &[SheetRow],
    at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO env_report_imports
             (node_id, year, uploaded_by, file_name, rows_json, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let json = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    with_db!(db, pool => sqlx::query_scalar(SQL)
        .bind(node_id).bind(year).bind(uploaded_by).bind(file_name).bind(json).bind(at)
        .fetch_one(pool).await)
}

/// An uploaded file of figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFigures {
    /// The year it is for.
    pub year: i32,
    /// Its name, as uploaded.
    pub file_name: String,
    /// Its rows.
    pub rows: Vec<SheetRow>,
    /// When it was applied, if it was.
    pub applied_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    year: i32,
    file_name: String,
    rows_json: String,
    applied_at: Option<DateTime<Utc>>,
}

/// The file with this id uploaded for `node_id`; `None` for another node's.
#[tracing::instrument(skip_all, err)]
pub async fn stored_import(
    db: &Db,
    node_id: i64,
    import_id: i64,
) -> sqlx::Result<Option<StoredFigures>> {
    const SQL: &str = "SELECT year, file_name, rows_json, applied_at FROM env_report_imports
         WHERE id = $1 AND node_id = $2";
    let row: Option<StoredRow> = with_db!(db, pool => sqlx::query_as(SQL)
        .bind(import_id).bind(node_id).fetch_optional(pool).await)?;
    row.map(|r| {
        Ok(StoredFigures {
            year: r.year,
            file_name: r.file_name,
            rows: serde_json::from_str(&r.rows_json)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            applied_at: r.applied_at,
        })
    })
    .transpose()
}

/// Applies an import in one transaction: each node's figures for `year` become `values` (what
/// it had with the file's values over them), each percent with its basis beside it, and the
/// file is marked applied. `false`, with nothing written, when it was applied already.
#[tracing::instrument(skip_all, err)]
pub async fn apply_import(
    db: &Db,
    import_id: i64,
    year: i32,
    figures: &[FigureDef],
    values: &HashMap<i64, HashMap<String, i64>>,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const APPLIED: &str =
        "UPDATE env_report_imports SET applied_at = $2 WHERE id = $1 AND applied_at IS NULL";
    const CLEAR: &str = "DELETE FROM env_report_figures WHERE node_id = $1 AND year = $2";
    const INSERT: &str = "INSERT INTO env_report_figures
             (node_id, year, code, value, basis, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let rows: Vec<(i64, Vec<KeptFigure>)> = values
        .iter()
        .map(|(node, values)| (*node, figure_rows(figures, values)))
        .collect();
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let marked = sqlx::query(APPLIED).bind(import_id).bind(at)
            .execute(&mut *tx).await?.rows_affected();
        if marked == 0 {
            return Ok(false);
        }
        for (node_id, figures) in &rows {
            sqlx::query(CLEAR).bind(node_id).bind(year).execute(&mut *tx).await?;
            for (code, value, basis) in figures {
                sqlx::query(INSERT)
                    .bind(node_id).bind(year).bind(*code).bind(*value).bind(*basis)
                    .bind(by).bind(at)
                    .execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    })
}
