//! A node's own analysis of a rolled-up checklist (the seed's three headings), read with who
//! wrote it last, and saved only over what the form was opened with.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::ChecklistKind;
use crate::with_db;

/// The three texts of an analysis, in the seed's order.
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct AnalysisTexts {
    /// Förbättringsområden – analys av utfall.
    pub improvements: String,
    /// Framgångsfaktorer – analys av utfall.
    pub success_factors: String,
    /// Föregående års aktiviteter från årlig uppföljning – analys av utfall.
    pub previous_year: String,
}

impl AnalysisTexts {
    fn same_as(&self, other: &AnalysisTexts) -> bool {
        self.improvements.trim() == other.improvements.trim()
            && self.success_factors.trim() == other.success_factors.trim()
            && self.previous_year.trim() == other.previous_year.trim()
    }
}

/// A stored analysis with who saved it last and when.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AnalysisRow {
    /// The texts.
    #[sqlx(flatten)]
    pub texts: AnalysisTexts,
    /// Who saved it last (`None` once their account is gone).
    pub updated_by: Option<String>,
    /// When.
    pub updated_at: DateTime<Utc>,
}

/// The node's analysis of `kind` for `year`, if one is written.
#[tracing::instrument(skip_all, err)]
pub async fn analysis(
    db: &Db,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> sqlx::Result<Option<AnalysisRow>> {
    const SQL: &str = "SELECT a.improvements, a.success_factors, a.previous_year,
             p.name AS updated_by, a.updated_at
         FROM rollup_analyses a LEFT JOIN people p ON p.id = a.updated_by
         WHERE a.node_id = $1 AND a.kind = $2 AND a.year = $3";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(node_id).bind(kind.code()).bind(year)
            .fetch_optional(pool).await
    })
}

/// Saves the node's analysis when what is stored is still `before` (what the form showed);
/// returns `false`, saving nothing, when someone saved another text in between.
#[tracing::instrument(skip_all, err)]
pub async fn save_analysis(
    db: &Db,
    (node_id, kind, year): (i64, ChecklistKind, i32),
    texts: &AnalysisTexts,
    before: &AnalysisTexts,
    (by, at): (i64, DateTime<Utc>),
) -> sqlx::Result<bool> {
    const CURRENT: &str = "SELECT improvements, success_factors, previous_year
         FROM rollup_analyses WHERE node_id = $1 AND kind = $2 AND year = $3";
    const UPSERT: &str = "INSERT INTO rollup_analyses (node_id, kind, year, improvements,
             success_factors, previous_year, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (node_id, kind, year) DO UPDATE SET improvements = excluded.improvements,
             success_factors = excluded.success_factors, previous_year = excluded.previous_year,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let current: Option<AnalysisTexts> = sqlx::query_as(CURRENT)
            .bind(node_id).bind(kind.code()).bind(year)
            .fetch_optional(&mut *tx).await?;
        if !current.unwrap_or_default().same_as(before) {
            return Ok(false);
        }
        sqlx::query(UPSERT)
            .bind(node_id).bind(kind.code()).bind(year)
            .bind(&texts.improvements).bind(&texts.success_factors).bind(&texts.previous_year)
            .bind(by).bind(at)
            .execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}
