//! The organisation's own report template: the figures it adds to the seed's (the statutory
//! sick-leave reporting by age group, say) and the deadlines per kind of node. The template a
//! report reads is the seed's with these added, in one query each.

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::domain::env_report::figures::added_kind;
use crate::domain::env_report::{default_figures, DeadlineRule, FigureDef, Section};
use crate::with_db;

/// A figure the organisation added, as kept.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AddedFigureRow {
    /// Its row; its values are kept under the code [`added_code`] makes of it.
    pub id: i64,
    /// The section's code.
    pub section: String,
    /// The sub-heading, or "".
    pub grp: String,
    /// The row's label.
    pub label: String,
    /// `count`, `hours` or `percent`.
    pub kind: String,
    /// For a percent, the code of its basis.
    pub basis: String,
}

/// The code an added figure's values are kept under: made of its id, so it never changes and
/// never meets one of the seed's codes.
pub fn added_code(id: i64) -> String {
    format!("added_{id}")
}

/// The figures organisation `org_id` added, in the order added.
#[tracing::instrument(skip_all, err)]
pub async fn added_figures(db: &Db, org_id: i64) -> sqlx::Result<Vec<AddedFigureRow>> {
    const SQL: &str = "SELECT id, section, grp, label, kind, basis
         FROM env_report_added_figures WHERE org_id = $1 ORDER BY id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)
}

/// The organisation's template: the seed's figures, then those it added under their sections
/// (a row whose section or kind no longer parses is skipped rather than guessed).
#[tracing::instrument(skip_all, err)]
pub async fn template(db: &Db, org_id: i64) -> sqlx::Result<Vec<FigureDef>> {
    let mut figures = default_figures();
    for row in added_figures(db, org_id).await? {
        let (Some(section), Some(kind)) = (
            Section::from_code(&row.section),
            added_kind(&row.kind, &row.basis),
        ) else {
            tracing::warn!(id = row.id, "skipped an added report figure");
            continue;
        };
        figures.push(FigureDef {
            code: added_code(row.id),
            section,
            group: row.grp,
            label: row.label,
            kind,
        });
    }
    Ok(figures)
}

/// A figure to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFigure<'a> {
    /// The section's code.
    pub section: &'a str,
    /// The sub-heading, or "".
    pub group: &'a str,
    /// The row's label.
    pub label: &'a str,
    /// `count`, `hours` or `percent`.
    pub kind: &'a str,
    /// For a percent, the code of its basis; "" otherwise.
    pub basis: &'a str,
}

/// Adds a figure to the organisation's template. Returns the code its values are kept under.
#[tracing::instrument(skip_all, err)]
pub async fn add_figure(
    db: &Db,
    org_id: i64,
    figure: &NewFigure<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<String> {
    const INSERT: &str = "INSERT INTO env_report_added_figures
             (org_id, section, grp, label, kind, basis, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    let id: i64 = with_db!(db, pool => sqlx::query_scalar(INSERT)
        .bind(org_id).bind(figure.section).bind(figure.group).bind(figure.label)
        .bind(figure.kind).bind(figure.basis).bind(by).bind(at)
        .fetch_one(pool).await)?;
    Ok(added_code(id))
}

/// The organisation's deadlines: the defaults, each replaced by the organisation's own rule for
/// its kind, and its rules for kinds the defaults lack.
#[tracing::instrument(skip_all, err)]
pub async fn deadlines(db: &Db, org_id: i64) -> sqlx::Result<Vec<DeadlineRule>> {
    const SQL: &str = "SELECT kind, month, day FROM env_report_deadlines WHERE org_id = $1";
    let own: Vec<(String, i32, i32)> = with_db!(db, pool => sqlx::query_as(SQL)
        .bind(org_id).fetch_all(pool).await)?;
    Ok(crate::domain::env_report::deadlines_with(
        own.into_iter()
            .map(|(kind, month, day)| deadline_rule(kind, month, day))
            .collect(),
    ))
}

/// A deadline as stored (month and day as integers).
pub fn deadline_rule(kind: String, month: i32, day: i32) -> DeadlineRule {
    DeadlineRule {
        kind,
        month: u32::try_from(month).unwrap_or(1),
        day: u32::try_from(day).unwrap_or(31),
    }
}

/// Sets the organisation's deadline for a kind of node.
#[tracing::instrument(skip_all, err)]
pub async fn save_deadline(db: &Db, org_id: i64, rule: &DeadlineRule) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO env_report_deadlines (org_id, kind, month, day)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id, kind) DO UPDATE SET month = excluded.month, day = excluded.day";
    let (month, day) = (
        i32::try_from(rule.month).unwrap_or(1),
        i32::try_from(rule.day).unwrap_or(31),
    );
    with_db!(db, pool => sqlx::query(SQL).bind(org_id).bind(&rule.kind).bind(month).bind(day)
        .execute(pool).await.map(|_| ()))?;
    Ok(())
}
