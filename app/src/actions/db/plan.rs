//! The action plan's SQL. The combined plan over a node is one query (the subtree as a recursive
//! CTE over the indexed parent column), whatever the number of units.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::actions::{ActionFilter, ActionOrigin, PlanAction};
use crate::db::Db;
use crate::domain::{
    after_effect, checklist_name, days_left, ActionSource, ActionStatus, AfterEffect, Answer,
    CheckedEffect, CheckedPlanAction, Effect,
};
use crate::with_db;

/// Where a new action comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewActionLink {
    /// The meeting, for an APT's action.
    pub meeting_id: Option<i64>,
    /// The unit's checklist and question, for a checklist's action.
    pub checklist: Option<(i64, i64)>,
    /// The answer that caused it.
    pub answer: Option<Answer>,
    /// The note for other sources.
    pub note: String,
}

/// Adds a full action to the unit's plan.
#[tracing::instrument(skip_all, err)]
pub async fn add_plan_action(
    db: &Db,
    unit_id: i64,
    source: ActionSource,
    link: &NewActionLink,
    action: &CheckedPlanAction,
    by: i64,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO actions (unit_id, source, meeting_id, checklist_id,
             question_id, answer, source_note, title, description, responsible_id, start_date,
             due_date, comment, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(unit_id)
            .bind(source.code())
            .bind(link.meeting_id)
            .bind(link.checklist.map(|(c, _)| c))
            .bind(link.checklist.map(|(_, q)| q))
            .bind(link.answer.map(Answer::code))
            .bind(&link.note)
            .bind(&action.title)
            .bind(&action.description)
            .bind(action.responsible)
            .bind(action.start)
            .bind(action.end)
            .bind(&action.comment)
            .bind(by)
            .fetch_one(pool)
            .await
    })
}

/// What a versioned change of an action did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionChange {
    /// Saved; the new version.
    Saved(i64),
    /// Closed with its effect, or reopened by a "nej"; the new version.
    Closed(AfterEffect, i64),
    /// Someone changed the action since the form was opened; nothing changed.
    Stale,
    /// Not an action of the unit.
    NotFound,
}

async fn version_of(db: &Db, unit_id: i64, action_id: i64) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT version FROM actions WHERE id = $1 AND unit_id = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(action_id).bind(unit_id).fetch_optional(pool).await
    })
}

fn outcome(rows: u64, found: Option<i64>, next: ActionChange) -> ActionChange {
    match (rows, found) {
        (1, _) => next,
        (_, None) => ActionChange::NotFound,
        (_, Some(_)) => ActionChange::Stale,
    }
}

/// Changes an action's fields and status, only over `version`. Moving it to done here is refused
/// by the caller: closing goes through [`close_action`] with its effect.
#[tracing::instrument(skip_all, err)]
pub async fn update_plan_action(
    db: &Db,
    unit_id: i64,
    action_id: i64,
    version: i64,
    action: &CheckedPlanAction,
    status: ActionStatus,
) -> sqlx::Result<ActionChange> {
    const SQL: &str = "UPDATE actions SET title = $4, description = $5, responsible_id = $6,
             start_date = $7, due_date = $8, comment = $9, status = $10, version = version + 1
         WHERE id = $1 AND unit_id = $2 AND version = $3";
    let rows = with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(action_id).bind(unit_id).bind(version)
            .bind(&action.title).bind(&action.description).bind(action.responsible)
            .bind(action.start).bind(action.end).bind(&action.comment).bind(status.code())
            .execute(pool).await.map(|d| d.rows_affected())
    })?;
    let found = version_of(db, unit_id, action_id).await?;
    Ok(outcome(rows, found, ActionChange::Saved(version + 1)))
}

/// Closes an action with its effect check, only over `version`. "Nej" reopens it (pågående,
/// counted), so the work goes on; "ja" and "delvis" close it.
#[tracing::instrument(skip_all, err)]
pub async fn close_action(
    db: &Db,
    unit_id: i64,
    action_id: i64,
    version: i64,
    effect: &CheckedEffect,
    at: DateTime<Utc>,
) -> sqlx::Result<ActionChange> {
    const SQL: &str = "UPDATE actions SET effect = $4, effect_comment = $5, status = $6,
             closed_at = $7, reopened = reopened + $8, version = version + 1
         WHERE id = $1 AND unit_id = $2 AND version = $3";
    let after = after_effect(effect.effect);
    let (status, closed_at, reopened) = match after {
        AfterEffect::Closed => (ActionStatus::Done, Some(at), 0_i32),
        AfterEffect::Reopened => (ActionStatus::InProgress, None, 1_i32),
    };
    let rows = with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(action_id).bind(unit_id).bind(version)
            .bind(effect.effect.code()).bind(&effect.comment).bind(status.code())
            .bind(closed_at).bind(reopened)
            .execute(pool).await.map(|d| d.rows_affected())
    })?;
    let found = version_of(db, unit_id, action_id).await?;
    Ok(outcome(
        rows,
        found,
        ActionChange::Closed(after, version + 1),
    ))
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    unit_id: i64,
    unit_name: String,
    source: String,
    meeting_id: Option<i64>,
    meeting_date: Option<NaiveDate>,
    checklist_id: Option<i64>,
    checklist_title: Option<String>,
    checklist_year: Option<i32>,
    question: Option<String>,
    source_note: String,
    answer: Option<String>,
    title: String,
    description: String,
    status: String,
    responsible_id: Option<i64>,
    responsible: Option<String>,
    start_date: Option<NaiveDate>,
    due_date: Option<NaiveDate>,
    comment: String,
    effect: Option<String>,
    effect_comment: String,
    reopened: i64,
    version: i64,
    created_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
}

const PLAN_SELECT: &str = "SELECT a.id, a.unit_id, u.name AS unit_name, a.source, a.meeting_id,
         m.meeting_date, a.checklist_id, t.title AS checklist_title,
         c.year AS checklist_year, q.text AS question, a.source_note, a.answer,
         a.title, a.description, a.status, a.responsible_id, p.name AS responsible, a.start_date,
         a.due_date, a.comment, a.effect, a.effect_comment, a.reopened AS reopened,
         a.version AS version, a.created_at, a.closed_at
     FROM actions a
     JOIN org_nodes u ON u.id = a.unit_id
     LEFT JOIN meetings m ON m.id = a.meeting_id
     LEFT JOIN unit_checklists c ON c.id = a.checklist_id
     LEFT JOIN checklist_templates t ON t.id = c.template_id
     LEFT JOIN checklist_questions q ON q.id = a.question_id
     LEFT JOIN people p ON p.id = a.responsible_id";

/// Open actions first (overdue and soonest end first), then closed ones.
const PLAN_ORDER: &str = "ORDER BY CASE WHEN a.status = 'done' THEN 1 ELSE 0 END,
         CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, u.name, a.id";

fn plan_action(r: PlanRow, today: NaiveDate) -> PlanAction {
    let source = ActionSource::from_code(&r.source).unwrap_or(ActionSource::Other);
    let origin = match (source, r.meeting_id.zip(r.meeting_date), r.checklist_id) {
        (ActionSource::Meeting, Some((meeting_id, day)), _) => {
            ActionOrigin::Meeting { meeting_id, day }
        }
        (_, _, Some(checklist_id)) => ActionOrigin::Checklist {
            checklist_id,
            checklist: checklist_name(
                r.checklist_title.as_deref().unwrap_or_default(),
                r.checklist_year.unwrap_or_default(),
            ),
            question: r.question.unwrap_or_default(),
        },
        _ => ActionOrigin::Other {
            source,
            note: r.source_note,
        },
    };
    let status = ActionStatus::from_code(&r.status).unwrap_or(ActionStatus::NotStarted);
    PlanAction {
        id: r.id,
        unit_id: r.unit_id,
        unit_name: r.unit_name,
        origin,
        answer: r.answer.as_deref().and_then(Answer::from_code),
        title: r.title,
        description: r.description,
        status,
        responsible_id: r.responsible_id,
        responsible: r.responsible,
        start: r.start_date,
        end: r.due_date,
        comment: r.comment,
        effect: r.effect.as_deref().and_then(Effect::from_code),
        effect_comment: r.effect_comment,
        reopened: u32::try_from(r.reopened).unwrap_or(0),
        days_left: days_left(status, r.due_date, today),
        version: r.version,
        feedback: Vec::new(),
    }
}

/// Whether the action ran in `year`: from its start (or creation) to its closing (or end, or
/// still open).
fn runs_in(r: &PlanRow, year: i32) -> bool {
    let from = r.start_date.unwrap_or_else(|| r.created_at.date_naive());
    let to = r
        .closed_at
        .map(|c| c.date_naive())
        .or(if r.status == "done" { r.due_date } else { None });
    from.year() <= year && to.is_none_or(|t| t.year() >= year)
}

/// The nodes below (and including) `$1`.
const SUBTREE: &str = crate::subtree_cte!("$1");

/// The combined action plan below `filter.node_id`, in one query.
#[tracing::instrument(skip_all, err)]
pub async fn plan_actions(
    db: &Db,
    filter: &ActionFilter,
    today: NaiveDate,
) -> sqlx::Result<Vec<PlanAction>> {
    let sql = format!(
        "{SUBTREE}
         {PLAN_SELECT}
         WHERE a.unit_id IN (SELECT id FROM subtree)
           AND ($2 IS NULL OR a.status = $2)
           AND ($3 IS NULL OR a.responsible_id = $3)
           AND ($4 OR a.source <> 'meeting' OR a.meeting_id IS NULL
                OR EXISTS (SELECT 1 FROM minutes_versions v WHERE v.meeting_id = a.meeting_id))
         {PLAN_ORDER}"
    );
    let status = filter.status.map(ActionStatus::code);
    let rows: Vec<PlanRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(filter.node_id).bind(status).bind(filter.responsible)
            .bind(filter.with_unpublished)
            .fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .filter(|r| filter.year.is_none_or(|y| runs_in(r, y)))
        .map(|r| plan_action(r, today))
        .collect())
}

/// The actions a person is responsible for, anywhere, open ones first.
#[tracing::instrument(skip_all, err)]
pub async fn responsible_actions(
    db: &Db,
    person_id: i64,
    today: NaiveDate,
) -> sqlx::Result<Vec<PlanAction>> {
    let sql = format!("{PLAN_SELECT} WHERE a.responsible_id = $1 {PLAN_ORDER}");
    let rows: Vec<PlanRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(person_id).fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(|r| plan_action(r, today)).collect())
}

/// One action of a unit.
#[tracing::instrument(skip_all, err)]
pub async fn unit_action(
    db: &Db,
    unit_id: i64,
    action_id: i64,
    today: NaiveDate,
) -> sqlx::Result<Option<PlanAction>> {
    let sql = format!("{PLAN_SELECT} WHERE a.id = $1 AND a.unit_id = $2");
    let row: Option<PlanRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(action_id).bind(unit_id).fetch_optional(pool).await
    })?;
    Ok(row.map(|r| plan_action(r, today)))
}
