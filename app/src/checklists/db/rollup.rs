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
