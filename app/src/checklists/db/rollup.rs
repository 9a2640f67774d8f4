//! The roll-up over a node of the organisation tree: every unit's answer and analysis per
//! question, and where each unit's checklist stands. One query each, whatever the number of units
//! (the subtree is a recursive CTE over the indexed parent column).

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::domain::{Answer, ChecklistKind};
use crate::with_db;

/// The units below (and including) `$1`.
const SUBTREE: &str = crate::subtree_cte!("$1");

/// One unit's answer to a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolledAnswer {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The question across versions.
    pub question_key: i64,
    /// The question's area as the unit answered it.
    pub area: String,
    /// The question as the unit answered it.
    pub question: String,
    /// The answer.
    pub answer: Answer,
    /// The analysis.
    pub analysis: String,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    unit_id: i64,
    unit_name: String,
    qkey: i64,
    area: String,
    text: String,
    answer: String,
    analysis: String,
}

/// Every answer of the units below `node_id` to checklists of `kind` for `year`, by unit name.
#[tracing::instrument(skip_all, err)]
pub async fn rolled_answers(
    db: &Db,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> sqlx::Result<Vec<RolledAnswer>> {
    let sql = format!(
        "{SUBTREE}
         SELECT c.unit_id, u.name AS unit_name, COALESCE(q.origin_id, q.id) AS qkey, q.area,
             q.text, a.answer, a.analysis
         FROM unit_checklists c
         JOIN checklist_templates t ON t.id = c.template_id
         JOIN checklist_answers a ON a.checklist_id = c.id
         JOIN checklist_questions q ON q.id = a.question_id
         JOIN org_nodes u ON u.id = c.unit_id
         WHERE c.unit_id IN (SELECT id FROM subtree) AND t.kind = $2 AND c.year = $3
         ORDER BY u.name, c.unit_id, q.sort_order"
    );
    let rows: Vec<AnswerRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(node_id).bind(kind.code()).bind(year).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(RolledAnswer {
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                question_key: r.qkey,
                area: r.area,
                question: r.text,
                answer: Answer::from_code(&r.answer)?,
                analysis: r.analysis,
            })
        })
        .collect())
}

/// Where a unit's checklist stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitStanding {
    /// The unit.
    pub unit_id: i64,
    /// The unit's checklist.
    pub checklist_id: i64,
    /// Questions answered.
    pub answered: u32,
    /// Questions in all.
    pub total: u32,
    /// Marked done.
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct StandingRow {
    unit_id: i64,
    id: i64,
    answered: i64,
    total: i64,
    done_at: Option<DateTime<Utc>>,
}

/// The opened checklists of `kind` for `year` below `node_id` (units without one have not begun).
#[tracing::instrument(skip_all, err)]
pub async fn unit_standings(
    db: &Db,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> sqlx::Result<Vec<UnitStanding>> {
    let sql = format!(
        "{SUBTREE}
         SELECT c.unit_id, c.id,
             (SELECT COUNT(*) FROM checklist_answers a WHERE a.checklist_id = c.id) AS answered,
             (SELECT COUNT(*) FROM checklist_questions q WHERE q.template_id = c.template_id)
                 AS total,
             c.done_at
         FROM unit_checklists c JOIN checklist_templates t ON t.id = c.template_id
         WHERE c.unit_id IN (SELECT id FROM subtree) AND t.kind = $2 AND c.year = $3"
    );
    let rows: Vec<StandingRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(node_id).bind(kind.code()).bind(year).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| UnitStanding {
            unit_id: r.unit_id,
            checklist_id: r.id,
            answered: u32::try_from(r.answered).unwrap_or(0),
            total: u32::try_from(r.total).unwrap_or(0),
            done_at: r.done_at,
        })
        .collect())
}

/// How many units below a node gave one answer to one question, counted per part of the node
/// (each child of it, or the node itself for its own checklist): a roll-up over a city without
/// reading every unit's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartAnswerCount {
    /// The child of the node the units lie under, or the node itself.
    pub part_id: i64,
    /// The question across versions.
    pub question_key: i64,
    /// The question's area (of its newest wording answered).
    pub area: String,
    /// The question (its newest wording answered).
    pub question: String,
    /// The answer.
    pub answer: Answer,
    /// Units that gave it.
    pub count: u32,
}

#[derive(sqlx::FromRow)]
struct PartCountRow {
    part_id: i64,
    qkey: i64,
    area: String,
    text: String,
    answer: String,
    units: i64,
}

/// The answers below `node_id` to checklists of `kind` for `year`, counted per part of the node
/// and question: one row per part, question and answer given, whatever the number of units.
#[tracing::instrument(skip_all, err)]
pub async fn part_answer_counts(
    db: &Db,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> sqlx::Result<Vec<PartAnswerCount>> {
    // Each node below carries the child of `$1` it lies under; the node itself is its own part.
    const SQL: &str = "WITH RECURSIVE part(id, part_id) AS (
             SELECT id, id FROM org_nodes WHERE parent_id = $1
             UNION ALL SELECT n.id, p.part_id FROM org_nodes n JOIN part p ON n.parent_id = p.id),
         scope(id, part_id) AS (
             SELECT id, part_id FROM part UNION ALL SELECT CAST($1 AS BIGINT), CAST($1 AS BIGINT))
         SELECT s.part_id, COALESCE(q.origin_id, q.id) AS qkey, MAX(q.area) AS area,
             MAX(q.text) AS text, a.answer, COUNT(*) AS units
         FROM scope s
         JOIN unit_checklists c ON c.unit_id = s.id AND c.year = $3
         JOIN checklist_templates t ON t.id = c.template_id AND t.kind = $2
         JOIN checklist_answers a ON a.checklist_id = c.id
         JOIN checklist_questions q ON q.id = a.question_id
         GROUP BY s.part_id, COALESCE(q.origin_id, q.id), a.answer";
    let rows: Vec<PartCountRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(node_id).bind(kind.code()).bind(year).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(PartAnswerCount {
                part_id: r.part_id,
                question_key: r.qkey,
                area: r.area,
                question: r.text,
                answer: Answer::from_code(&r.answer)?,
                count: u32::try_from(r.units).unwrap_or(u32::MAX),
            })
        })
        .collect())
}
