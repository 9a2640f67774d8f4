//! The SQL of the occupational health service's statistics: a node's figures for a year (its
//! report, months and areas), read for a year and the one before in three queries, and saved in
//! one transaction that replaces what the year held.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::health_service::{Area, HealthFigures, Level};
use crate::with_db;

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    year: i32,
    provider: String,
}

#[derive(sqlx::FromRow)]
struct MonthRow {
    report_id: i64,
    month: i32,
    kronor: i64,
}

#[derive(sqlx::FromRow)]
struct AreaRow {
    report_id: i64,
    area: String,
    level: String,
    kronor: i64,
}

/// The node's figures for `year` and the year before (either may be missing), in that order.
#[tracing::instrument(skip_all, err)]
pub async fn figures_with_last(
    db: &Db,
    node_id: i64,
    year: i32,
) -> sqlx::Result<(Option<HealthFigures>, Option<HealthFigures>)> {
    const REPORTS: &str = "SELECT id, year, provider FROM health_service_reports
         WHERE node_id = $1 AND year IN ($2, $3)";
    const MONTHS: &str = "SELECT m.report_id, m.month, m.kronor
         FROM health_service_months m
         JOIN health_service_reports r ON r.id = m.report_id
         WHERE r.node_id = $1 AND r.year IN ($2, $3)";
    const AREAS: &str = "SELECT a.report_id, a.area, a.level, a.kronor
         FROM health_service_areas a
         JOIN health_service_reports r ON r.id = a.report_id
         WHERE r.node_id = $1 AND r.year IN ($2, $3)";
    let (reports, months, areas): (Vec<ReportRow>, Vec<MonthRow>, Vec<AreaRow>) = with_db!(db, pool => {
        let reports = sqlx::query_as(REPORTS).bind(node_id).bind(year).bind(year - 1)
            .fetch_all(pool).await?;
        let months = sqlx::query_as(MONTHS).bind(node_id).bind(year).bind(year - 1)
            .fetch_all(pool).await?;
        let areas = sqlx::query_as(AREAS).bind(node_id).bind(year).bind(year - 1)
            .fetch_all(pool).await?;
        (reports, months, areas)
    });
    let build = |report: &ReportRow| {
        let mut figures = HealthFigures {
            year: report.year,
            provider: report.provider.clone(),
            months: [None; 12],
            areas: [[0; 3]; 3],
        };
        for m in months.iter().filter(|m| m.report_id == report.id) {
            if let Some(slot) = usize::try_from(m.month - 1)
                .ok()
                .and_then(|i| figures.months.get_mut(i))
            {
                *slot = Some(m.kronor);
            }
        }
        for a in areas.iter().filter(|a| a.report_id == report.id) {
            if let (Some(area), Some(level)) =
                (Area::from_code(&a.area), Level::from_code(&a.level))
            {
                figures.areas[area.index()][level.index()] = a.kronor;
            }
        }
        figures
    };
    let find = |y: i32| reports.iter().find(|r| r.year == y).map(build);
    Ok((find(year), find(year - 1)))
}

/// Saves the node's figures for their year, replacing what the year held, by `by` at `at`.
#[tracing::instrument(skip_all, err)]
pub async fn save_figures(
    db: &Db,
    node_id: i64,
    figures: &HealthFigures,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    const UPSERT: &str = "INSERT INTO health_service_reports
             (node_id, year, provider, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (node_id, year)
         DO UPDATE SET provider = excluded.provider, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
         RETURNING id";
    const CLEAR_MONTHS: &str = "DELETE FROM health_service_months WHERE report_id = $1";
    const CLEAR_AREAS: &str = "DELETE FROM health_service_areas WHERE report_id = $1";
    const MONTH: &str =
        "INSERT INTO health_service_months (report_id, month, kronor) VALUES ($1, $2, $3)";
    const AREA: &str = "INSERT INTO health_service_areas (report_id, area, level, kronor)
         VALUES ($1, $2, $3, $4)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(UPSERT)
            .bind(node_id).bind(figures.year).bind(&figures.provider).bind(by).bind(at)
            .fetch_one(&mut *tx).await?;
        sqlx::query(CLEAR_MONTHS).bind(id).execute(&mut *tx).await?;
        sqlx::query(CLEAR_AREAS).bind(id).execute(&mut *tx).await?;
        for (month, kronor) in (1i32..).zip(figures.months) {
            if let Some(kronor) = kronor {
                sqlx::query(MONTH).bind(id).bind(month).bind(kronor).execute(&mut *tx).await?;
            }
        }
        for area in Area::ALL {
            for level in Level::ALL {
                sqlx::query(AREA)
                    .bind(id).bind(area.code()).bind(level.code())
                    .bind(figures.cell(area, level))
                    .execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    })
}
