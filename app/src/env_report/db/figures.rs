//! A node's key figures for a year, as entered or imported (its own staff), and their roll-up
//! over the node's subtree for a year and the one before in one aggregate query: the database
//! adds the values and, for a percent, the value times its basis, so a municipality of 4,000
//! units is one statement and a few dozen rows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::env_report::{FigureDef, FigureKind, Tally};
use crate::{subtree_cte, with_db};

/// One figure as kept for a node and year.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FigureRow {
    /// The figure's code.
    pub code: String,
    /// In hundredths.
    pub value: i64,
}

/// The node's own figures for `year` (not rolled up), by code.
#[tracing::instrument(skip_all, err)]
pub async fn own_figures(db: &Db, node_id: i64, year: i32) -> sqlx::Result<HashMap<String, i64>> {
    const SQL: &str = "SELECT code, value FROM env_report_figures WHERE node_id = $1 AND year = $2";
    let rows: Vec<FigureRow> = with_db!(db, pool => sqlx::query_as(SQL)
        .bind(node_id).bind(year).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(|r| (r.code, r.value)).collect())
}

/// Saves the node's figures for `year` as a whole (`values` by code, in hundredths; a figure
/// left out is not reported), each percent with its basis copied beside it, in one
/// transaction. `figures` is the organisation's template, which says what weighs what.
#[tracing::instrument(skip_all, err)]
pub async fn save_figures(
    db: &Db,
    node_id: i64,
    year: i32,
    figures: &[FigureDef],
    values: &HashMap<String, i64>,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    const CLEAR: &str = "DELETE FROM env_report_figures WHERE node_id = $1 AND year = $2";
    const INSERT: &str = "INSERT INTO env_report_figures
             (node_id, year, code, value, basis, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let rows = figure_rows(figures, values);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(CLEAR).bind(node_id).bind(year).execute(&mut *tx).await?;
        for (code, value, basis) in &rows {
            sqlx::query(INSERT)
                .bind(node_id).bind(year).bind(*code).bind(*value).bind(*basis).bind(by).bind(at)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// A figure as kept: (code, value, the basis a percent is weighted by).
pub(super) type KeptFigure<'f> = (&'f str, i64, Option<i64>);

/// The rows a node's figures are kept as, for every entered figure of the template that has a
/// value.
pub(super) fn figure_rows<'f>(
    figures: &'f [FigureDef],
    values: &HashMap<String, i64>,
) -> Vec<KeptFigure<'f>> {
    figures
        .iter()
        .filter(|f| f.kind.entered())
        .filter_map(|f| {
            let value = *values.get(&f.code)?;
            let basis = match &f.kind {
                // Whole hours or people, so Σ value × basis stays far inside 64 bits.
                FigureKind::Percent { basis } => values.get(basis).map(|b| b / 100),
                _ => None,
            };
            Some((f.code.as_str(), value, basis))
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct TallyRow {
    year: i32,
    code: String,
    nodes: i64,
    sum: i64,
    weighted: i64,
    weight: i64,
    unweighted: i64,
}

/// The tallies of every figure over the node and everything below it, for `year` and the year
/// before: `(this year's, last year's)`, by code. One query.
pub async fn subtree_tallies(
    db: &Db,
    node_id: i64,
    year: i32,
) -> sqlx::Result<(HashMap<String, Tally>, HashMap<String, Tally>)> {
    let mut by_year = subtree_tallies_years(db, node_id, year - 1..=year, "%").await?;
    Ok((
        by_year.remove(&year).unwrap_or_default(),
        by_year.remove(&(year - 1)).unwrap_or_default(),
    ))
}

/// The tallies over the node and everything below it of the figures whose code is `like` (a
/// LIKE pattern: `%` for all, `sick%` for sick leave) for each year of `years`. One query.
#[tracing::instrument(skip_all, err)]
pub async fn subtree_tallies_years(
    db: &Db,
    node_id: i64,
    years: std::ops::RangeInclusive<i32>,
    like: &str,
) -> sqlx::Result<HashMap<i32, HashMap<String, Tally>>> {
    const SQL: &str = concat!(
        subtree_cte!("$1"),
        " SELECT f.year, f.code, COUNT(*) AS nodes,
                 CAST(SUM(f.value) AS BIGINT) AS sum,
                 CAST(COALESCE(SUM(f.value * f.basis), 0) AS BIGINT) AS weighted,
                 CAST(COALESCE(SUM(f.basis), 0) AS BIGINT) AS weight,
                 CAST(SUM(CASE WHEN f.basis IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unweighted
          FROM env_report_figures f JOIN subtree s ON s.id = f.node_id
          WHERE f.year BETWEEN $2 AND $3 AND f.code LIKE $4
          GROUP BY f.year, f.code"
    );
    let rows: Vec<TallyRow> = with_db!(db, pool => sqlx::query_as(SQL)
        .bind(node_id).bind(*years.start()).bind(*years.end()).bind(like)
        .fetch_all(pool).await)?;
    let mut by_year: HashMap<i32, HashMap<String, Tally>> = HashMap::new();
    for r in rows {
        let tally = Tally {
            nodes: r.nodes,
            sum: r.sum,
            weighted: r.weighted,
            weight: r.weight,
            unweighted: r.unweighted,
        };
        by_year.entry(r.year).or_default().insert(r.code, tally);
    }
    Ok(by_year)
}

/// One node's own figure, for the export of every figure per node.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NodeFigureRow {
    /// The node.
    pub node_id: i64,
    /// The year.
    pub year: i32,
    /// The figure's code.
    pub code: String,
    /// In hundredths.
    pub value: i64,
}

/// Every node's own figures in the node's subtree for `year` and the year before, for the
/// export (an export reads the part of the tree it covers; a page never does).
#[tracing::instrument(skip_all, err)]
pub async fn subtree_figures(db: &Db, node_id: i64, year: i32) -> sqlx::Result<Vec<NodeFigureRow>> {
    const SQL: &str = concat!(
        subtree_cte!("$1"),
        " SELECT f.node_id, f.year, f.code, f.value
          FROM env_report_figures f JOIN subtree s ON s.id = f.node_id
          WHERE f.year IN ($2, $3)
          ORDER BY f.node_id, f.year, f.code"
    );
    with_db!(db, pool => sqlx::query_as(SQL)
        .bind(node_id).bind(year).bind(year - 1).fetch_all(pool).await)
}
