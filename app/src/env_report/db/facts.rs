//! What Årshjul itself knows of a node's year, for the report to fill in and show its source:
//! the follow-up checklists and work environment rounds of the units below (done, and done with
//! a safety representative among those who took part) and the action plans' actions (opened,
//! closed, closed with effect, overdue). Each is one aggregate query over the subtree, whatever
//! its size.

use chrono::NaiveDate;

use crate::db::Db;
use crate::{subtree_cte, with_db};

/// The checklists of a year over a subtree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ChecklistFacts {
    /// The open units (nodes without nodes below them) of the subtree.
    pub units: i64,
    /// The kinds of round the organisation keeps a template of for the year.
    pub round_kinds: i64,
    /// Rounds marked done (one per unit and kind).
    pub rounds_done: i64,
    /// Checklists of any kind marked done.
    pub done: i64,
    /// Of those, the ones a safety representative took part in.
    pub done_with_safety: i64,
}

impl ChecklistFacts {
    /// The rounds due: each unit does each kind of round once a year.
    pub fn rounds_due(&self) -> i64 {
        self.units * self.round_kinds
    }
}

/// The checklists of `year` over the subtree of `node_id` in organisation `org_id`. A safety
/// representative is a participant who holds that role (the participants offered are the
/// unit's own people and the representatives above it).
#[tracing::instrument(skip_all, err)]
pub async fn checklist_facts(
    db: &Db,
    node_id: i64,
    org_id: i64,
    year: i32,
) -> sqlx::Result<ChecklistFacts> {
    const SQL: &str = concat!(
        subtree_cte!("$1"),
        " SELECT
            (SELECT COUNT(*) FROM org_nodes n JOIN subtree s ON s.id = n.id
              WHERE n.closed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM org_nodes k WHERE k.parent_id = n.id)) AS units,
            (SELECT COUNT(DISTINCT t.kind) FROM checklist_templates t
              WHERE t.org_id = $3 AND t.year = $2 AND NOT t.retired
                AND t.kind LIKE 'round%') AS round_kinds,
            (SELECT COUNT(DISTINCT CAST(c.unit_id AS TEXT) || t.kind)
               FROM unit_checklists c JOIN subtree s ON s.id = c.unit_id
               JOIN checklist_templates t ON t.id = c.template_id
              WHERE c.year = $2 AND c.done_at IS NOT NULL AND t.kind LIKE 'round%') AS rounds_done,
            (SELECT COUNT(*) FROM unit_checklists c JOIN subtree s ON s.id = c.unit_id
              WHERE c.year = $2 AND c.done_at IS NOT NULL) AS done,
            (SELECT COUNT(*) FROM unit_checklists c JOIN subtree s ON s.id = c.unit_id
              WHERE c.year = $2 AND c.done_at IS NOT NULL
                AND EXISTS (SELECT 1 FROM checklist_participants cp
                            JOIN memberships m ON m.person_id = cp.person_id
                            WHERE cp.checklist_id = c.id
                              AND m.role IN ('skyddsombud', 'huvudskyddsombud'))) AS done_with_safety"
    );
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).bind(year).bind(org_id)
        .fetch_one(pool).await)
}

/// The action plans' actions of a year over a subtree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ActionFacts {
    /// Opened during the year.
    pub opened: i64,
    /// Closed during the year.
    pub closed: i64,
    /// Of those, closed with their effect checked as reached.
    pub closed_with_effect: i64,
    /// Not done and past their end date on `today`.
    pub overdue: i64,
    /// Opened before the year and still not done: the earlier years' actions left open.
    pub earlier_open: i64,
}

/// The actions of `year` over the subtree of `node_id`, overdue as of `today`.
#[tracing::instrument(skip_all, err)]
pub async fn action_facts(
    db: &Db,
    node_id: i64,
    year: i32,
    today: NaiveDate,
) -> sqlx::Result<ActionFacts> {
    // The year is matched on the timestamp's text, which both engines begin with the year.
    const SQL: &str = concat!(
        subtree_cte!("$1"),
        " SELECT
            COALESCE(SUM(CASE WHEN CAST(a.created_at AS TEXT) LIKE $2 THEN 1 ELSE 0 END), 0)
                AS opened,
            COALESCE(SUM(CASE WHEN CAST(a.closed_at AS TEXT) LIKE $2 THEN 1 ELSE 0 END), 0)
                AS closed,
            COALESCE(SUM(CASE WHEN CAST(a.closed_at AS TEXT) LIKE $2 AND a.effect = 'yes'
                         THEN 1 ELSE 0 END), 0) AS closed_with_effect,
            COALESCE(SUM(CASE WHEN a.status <> 'done' AND a.due_date IS NOT NULL
                              AND a.due_date < $3 THEN 1 ELSE 0 END), 0) AS overdue,
            COALESCE(SUM(CASE WHEN CAST(a.created_at AS TEXT) < $4 AND a.status <> 'done'
                         THEN 1 ELSE 0 END), 0) AS earlier_open
         FROM actions a JOIN subtree s ON s.id = a.unit_id"
    );
    let like = format!("{year}%");
    let start = format!("{year}");
    let row: (i64, i64, i64, i64, i64) = with_db!(db, pool => sqlx::query_as(SQL)
        .bind(node_id).bind(&like).bind(today).bind(&start)
        .fetch_one(pool).await)?;
    Ok(ActionFacts {
        opened: row.0,
        closed: row.1,
        closed_with_effect: row.2,
        overdue: row.3,
        earlier_open: row.4,
    })
}
