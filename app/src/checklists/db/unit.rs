//! A unit's checklist for a year: opening it, who took part, the answers (each saved on its own,
//! so a half-filled checklist is never lost), declined actions, and marking it done.

use chrono::{DateTime, Utc};

use crate::checklists::{LinkedAction, Participant};
use crate::db::{BeginWrite, Db};
use crate::domain::{ActionStatus, Answer, AnswerScale, ChecklistKind};
use crate::with_db;

/// A unit's checklist as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitChecklistRow {
    /// The unit's checklist.
    pub id: i64,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// The template's title.
    pub title: String,
    /// Questions answered.
    pub answered: u32,
    /// Questions in all.
    pub total: u32,
    /// When it was marked done.
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    kind: String,
    title: String,
    answered: i64,
    total: i64,
    done_at: Option<DateTime<Utc>>,
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The unit's opened checklists of `year`, in one query.
#[tracing::instrument(skip_all, err)]
pub async fn unit_checklists(
    db: &Db,
    unit_id: i64,
    year: i32,
) -> sqlx::Result<Vec<UnitChecklistRow>> {
    const SQL: &str = "SELECT c.id, t.kind, t.title,
             (SELECT COUNT(*) FROM checklist_answers a WHERE a.checklist_id = c.id) AS answered,
             (SELECT COUNT(*) FROM checklist_questions q WHERE q.template_id = c.template_id)
                 AS total,
             c.done_at
         FROM unit_checklists c JOIN checklist_templates t ON t.id = c.template_id
         WHERE c.unit_id = $1 AND c.year = $2";
    let rows: Vec<ListRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).bind(year).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(UnitChecklistRow {
                id: r.id,
                kind: ChecklistKind::from_code(&r.kind)?,
                title: r.title,
                answered: count(r.answered),
                total: count(r.total),
                done_at: r.done_at,
            })
        })
        .collect())
}

/// Opens the unit's checklist of the template's kind for `year`, or returns the one already open
/// (perhaps on an earlier version of the template, which the unit keeps).
#[tracing::instrument(skip_all, err)]
pub async fn open_checklist(
    db: &Db,
    unit_id: i64,
    template_id: i64,
    year: i32,
    by: i64,
) -> sqlx::Result<i64> {
    const EXISTING: &str = "SELECT c.id FROM unit_checklists c
         JOIN checklist_templates t ON t.id = c.template_id
         WHERE c.unit_id = $1 AND c.year = $2
           AND t.kind = (SELECT kind FROM checklist_templates WHERE id = $3)";
    const INSERT: &str = "INSERT INTO unit_checklists (unit_id, template_id, year, created_by)
         VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, template_id, year) DO NOTHING";
    with_db!(db, pool => {
        let found: Option<i64> = sqlx::query_scalar(EXISTING)
            .bind(unit_id).bind(year).bind(template_id).fetch_optional(pool).await?;
        if let Some(id) = found {
            return Ok(id);
        }
        sqlx::query(INSERT).bind(unit_id).bind(template_id).bind(year).bind(by)
            .execute(pool).await?;
        sqlx::query_scalar(EXISTING)
            .bind(unit_id).bind(year).bind(template_id).fetch_one(pool).await
    })
}

/// The head of a unit's checklist.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ChecklistHead {
    /// The unit's checklist.
    pub id: i64,
    /// Its template.
    pub template_id: i64,
    /// The kind code.
    pub kind: String,
    /// The template's title.
    pub title: String,
    /// The template's version.
    pub template_version: i64,
    /// The period.
    pub year: i32,
    /// Others who took part.
    pub other_participants: String,
    /// Marked done.
    pub done_at: Option<DateTime<Utc>>,
    /// By whom.
    pub done_by: Option<String>,
}

/// The unit's checklist, `None` when it is not the unit's.
#[tracing::instrument(skip_all, err)]
pub async fn checklist_head(
    db: &Db,
    unit_id: i64,
    checklist_id: i64,
) -> sqlx::Result<Option<ChecklistHead>> {
    const SQL: &str = "SELECT c.id, c.template_id, t.kind, t.title,
             t.version AS template_version, c.year AS year,
             c.other_participants, c.done_at, p.name AS done_by
         FROM unit_checklists c JOIN checklist_templates t ON t.id = c.template_id
         LEFT JOIN people p ON p.id = c.done_by
         WHERE c.id = $1 AND c.unit_id = $2";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(checklist_id).bind(unit_id).fetch_optional(pool).await
    })
}

/// A question with the unit's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredQuestion {
    /// Question id.
    pub id: i64,
    /// Its area.
    pub area: String,
    /// The question.
    pub text: String,
    /// Help text.
    pub help: String,
    /// Its scale.
    pub scale: AnswerScale,
    /// The answer.
    pub answer: Option<Answer>,
    /// The analysis.
    pub analysis: String,
    /// Why no action.
    pub no_action_reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AnsweredRow {
    id: i64,
    area: String,
    text: String,
    help: String,
    scale: String,
    answer: Option<String>,
    analysis: Option<String>,
    no_action_reason: Option<String>,
}

/// The template's questions with the checklist's answers, in one query.
#[tracing::instrument(skip_all, err)]
pub async fn answered_questions(
    db: &Db,
    template_id: i64,
    checklist_id: i64,
) -> sqlx::Result<Vec<AnsweredQuestion>> {
    const SQL: &str = "SELECT q.id, q.area, q.text, q.help, q.scale, a.answer, a.analysis,
             a.no_action_reason
         FROM checklist_questions q
         LEFT JOIN checklist_answers a ON a.question_id = q.id AND a.checklist_id = $2
         WHERE q.template_id = $1 ORDER BY q.sort_order, q.id";
    let rows: Vec<AnsweredRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(template_id).bind(checklist_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| AnsweredQuestion {
            id: r.id,
            area: r.area,
            text: r.text,
            help: r.help,
            scale: AnswerScale::from_code(&r.scale).unwrap_or(AnswerScale::Agreement),
            answer: r.answer.as_deref().and_then(Answer::from_code),
            analysis: r.analysis.unwrap_or_default(),
            no_action_reason: r.no_action_reason,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct LinkedRow {
    id: i64,
    question_id: i64,
    title: String,
    status: String,
}

/// The actions made from the checklist's questions: (question id, action), in one query.
#[tracing::instrument(skip_all, err)]
pub async fn linked_actions(db: &Db, checklist_id: i64) -> sqlx::Result<Vec<(i64, LinkedAction)>> {
    const SQL: &str = "SELECT id, question_id, title, status FROM actions
         WHERE checklist_id = $1 AND question_id IS NOT NULL ORDER BY id";
    let rows: Vec<LinkedRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(checklist_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.question_id,
                LinkedAction {
                    id: r.id,
                    title: r.title,
                    status: ActionStatus::from_code(&r.status).unwrap_or(ActionStatus::NotStarted),
                },
            )
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct ParticipantRow {
    id: i64,
    name: String,
    safety: i32,
    took_part: i32,
}

/// Who may take part (the unit's members and the safety representatives, of either kind, above
/// it) and who did.
#[tracing::instrument(skip_all, err)]
pub async fn participants(
    db: &Db,
    unit_id: i64,
    checklist_id: i64,
) -> sqlx::Result<Vec<Participant>> {
    const SQL: &str = concat!(
        crate::ancestry_cte!("$1"),
        " SELECT p.id, p.name,
             MAX(CASE WHEN m.role IN ('skyddsombud', 'huvudskyddsombud') THEN 1 ELSE 0 END)
                 AS safety,
             MAX(CASE WHEN cp.person_id IS NULL THEN 0 ELSE 1 END) AS took_part
         FROM memberships m JOIN people p ON p.id = m.person_id
         LEFT JOIN checklist_participants cp ON cp.checklist_id = $2 AND cp.person_id = p.id
         WHERE p.active AND (m.node_id = $1
             OR (m.role IN ('skyddsombud', 'huvudskyddsombud')
                 AND m.node_id IN (SELECT id FROM ancestry)))
         GROUP BY p.id, p.name ORDER BY p.name"
    );
    let rows: Vec<ParticipantRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).bind(checklist_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| Participant {
            person_id: r.id,
            name: r.name,
            safety_representative: r.safety == 1,
            took_part: r.took_part == 1,
        })
        .collect())
}

/// Records who took part (ids already checked against `participants`) and the others as typed.
#[tracing::instrument(skip_all, err)]
pub async fn save_participants(
    db: &Db,
    checklist_id: i64,
    people: &[i64],
    others: &str,
) -> sqlx::Result<()> {
    const CLEAR: &str = "DELETE FROM checklist_participants WHERE checklist_id = $1";
    const ADD: &str =
        "INSERT INTO checklist_participants (checklist_id, person_id) VALUES ($1, $2)";
    const OTHERS: &str = "UPDATE unit_checklists SET other_participants = $2 WHERE id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(CLEAR).bind(checklist_id).execute(&mut *tx).await?;
        for person in people {
            sqlx::query(ADD).bind(checklist_id).bind(person).execute(&mut *tx).await?;
        }
        sqlx::query(OTHERS).bind(checklist_id).bind(others).execute(&mut *tx).await?;
        tx.commit().await
    })
}

/// What saving an answer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerSave {
    /// Saved.
    Saved,
    /// Someone saved another answer since the form was opened; nothing changed.
    Stale,
    /// The checklist is marked done (reopen it first).
    Done,
    /// No such question in the checklist.
    NotFound,
}

/// Saves one answer and its analysis, only over what the form was opened with (`before`: the
/// answer code, or `None` when unanswered, and the analysis); `(by, at)` says who saves it and when.
#[tracing::instrument(skip_all, err)]
pub async fn save_answer(
    db: &Db,
    checklist_id: i64,
    question_id: i64,
    answer: Answer,
    analysis: &str,
    before: (Option<&str>, &str),
    (by, at): (i64, DateTime<Utc>),
) -> sqlx::Result<AnswerSave> {
    const STATE: &str = "SELECT c.done_at IS NOT NULL,
             EXISTS (SELECT 1 FROM checklist_questions q
                     WHERE q.id = $2 AND q.template_id = c.template_id)
         FROM unit_checklists c WHERE c.id = $1";
    const CURRENT: &str = "SELECT answer, analysis FROM checklist_answers
         WHERE checklist_id = $1 AND question_id = $2";
    const UPSERT: &str = "INSERT INTO checklist_answers
             (checklist_id, question_id, answer, analysis, answered_by, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (checklist_id, question_id) DO UPDATE SET answer = excluded.answer,
             analysis = excluded.analysis, answered_by = excluded.answered_by,
             answered_at = excluded.answered_at,
             no_action_reason = CASE WHEN $7 THEN checklist_answers.no_action_reason END";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let Some((done, known)): Option<(bool, bool)> = sqlx::query_as(STATE)
            .bind(checklist_id).bind(question_id).fetch_optional(&mut *tx).await? else {
            return Ok(AnswerSave::NotFound);
        };
        if !known {
            return Ok(AnswerSave::NotFound);
        }
        if done {
            return Ok(AnswerSave::Done);
        }
        let current: Option<(String, String)> = sqlx::query_as(CURRENT)
            .bind(checklist_id).bind(question_id).fetch_optional(&mut *tx).await?;
        let unchanged = match &current {
            None => before.0.is_none() && before.1.trim().is_empty(),
            Some((a, text)) => before.0 == Some(a.as_str()) && before.1.trim() == text.trim(),
        };
        if !unchanged {
            return Ok(AnswerSave::Stale);
        }
        sqlx::query(UPSERT)
            .bind(checklist_id).bind(question_id).bind(answer.code()).bind(analysis)
            .bind(by).bind(at).bind(answer.needs_action())
            .execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(AnswerSave::Saved)
    })
}

/// Records why an answer that asks for an action gets none (`None` takes it back). False when
/// the question is unanswered.
#[tracing::instrument(skip_all, err)]
pub async fn set_no_action_reason(
    db: &Db,
    checklist_id: i64,
    question_id: i64,
    reason: Option<&str>,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE checklist_answers SET no_action_reason = $3
         WHERE checklist_id = $1 AND question_id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(checklist_id).bind(question_id).bind(reason)
            .execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Marks the checklist done (`Some((person, when))`) or open again (`None`).
#[tracing::instrument(skip_all, err)]
pub async fn set_done(
    db: &Db,
    checklist_id: i64,
    done: Option<(i64, DateTime<Utc>)>,
) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE unit_checklists SET done_at = $2, done_by = $3,
             version = version + 1 WHERE id = $1";
    let (by, at) = (done.map(|d| d.0), done.map(|d| d.1));
    with_db!(db, pool => {
        sqlx::query(SQL).bind(checklist_id).bind(at).bind(by).execute(pool).await?;
        Ok(())
    })
}
