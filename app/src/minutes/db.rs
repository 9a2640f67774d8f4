//! The SQL of minutes and the action plan, the only place it is written.

use chrono::NaiveDate;

use super::{Action, MinutesVersion};
use crate::db::{BeginWrite, Db};
use crate::domain::{ActionStatus, CheckedAction};
use crate::with_db;

/// Recorded attendance of a meeting: (person, present).
#[tracing::instrument(skip_all, err)]
pub async fn attendance(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<(i64, bool)>> {
    const SQL: &str = "SELECT person_id, present FROM meeting_attendance WHERE meeting_id = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// Replaces the meeting's attendance with `rows` in one transaction.
#[tracing::instrument(skip_all, err)]
pub async fn set_attendance(db: &Db, meeting_id: i64, rows: &[(i64, bool)]) -> sqlx::Result<()> {
    const CLEAR: &str = "DELETE FROM meeting_attendance WHERE meeting_id = $1";
    const ROW: &str =
        "INSERT INTO meeting_attendance (meeting_id, person_id, present) VALUES ($1, $2, $3)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(CLEAR).bind(meeting_id).execute(&mut *tx).await?;
        for (person, present) in rows {
            sqlx::query(ROW).bind(meeting_id).bind(person).bind(present).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// Saves what the minutes say of one item, if its notes and decision are still `before` (what
/// the editor's form was opened with): two people writing the same item never overwrite each other.
#[tracing::instrument(skip_all, err)]
pub async fn save_item(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    before: (&str, &str),
    notes: &str,
    decision: &str,
    reached: bool,
) -> sqlx::Result<ItemSave> {
    const CURRENT: &str =
        "SELECT notes, decision FROM agenda_items WHERE id = $1 AND meeting_id = $2";
    const SQL: &str = "UPDATE agenda_items SET notes = $3, decision = $4, reached = $5
         WHERE id = $1 AND meeting_id = $2 AND notes = $6 AND decision = $7";
    // Line ends differ by how a form was sent (CRLF) and how a page was parsed (LF).
    let same = |a: &str, b: &str| a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim();
    with_db!(db, pool => {
        let current: Option<(String, String)> = sqlx::query_as(CURRENT)
            .bind(item_id)
            .bind(meeting_id)
            .fetch_optional(pool)
            .await?;
        let Some((now_notes, now_decision)) = current else {
            return Ok(ItemSave::NotFound);
        };
        if !same(&now_notes, before.0) || !same(&now_decision, before.1) {
            return Ok(ItemSave::Stale);
        }
        let done = sqlx::query(SQL)
            .bind(item_id)
            .bind(meeting_id)
            .bind(notes)
            .bind(decision)
            .bind(reached)
            .bind(&now_notes)
            .bind(&now_decision)
            .execute(pool)
            .await?;
        Ok(if done.rows_affected() == 1 { ItemSave::Saved } else { ItemSave::Stale })
    })
}

/// How saving an item's notes went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemSave {
    /// Written.
    Saved,
    /// Someone changed the notes or decision since the form was opened: nothing written.
    Stale,
    /// No such item on the meeting.
    NotFound,
}

/// Adds an action to the unit's action plan from a meeting (and one of its items).
#[tracing::instrument(skip_all, err)]
pub async fn add_action(
    db: &Db,
    unit_id: i64,
    meeting_id: Option<i64>,
    item_id: Option<i64>,
    action: &CheckedAction,
    created_by: i64,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO actions (unit_id, meeting_id, item_id, title, responsible_id,
             due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(unit_id)
            .bind(meeting_id)
            .bind(item_id)
            .bind(&action.title)
            .bind(action.responsible)
            .bind(action.due)
            .bind(created_by)
            .fetch_one(pool)
            .await
    })
}

/// Removes an action written down at a meeting; false when it is not the meeting's.
#[tracing::instrument(skip_all, err)]
pub async fn remove_action(db: &Db, meeting_id: i64, action_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM actions WHERE id = $1 AND meeting_id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(action_id).bind(meeting_id).execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Sets an action's status; false when it is not the unit's.
#[tracing::instrument(skip_all, err)]
pub async fn set_status(
    db: &Db,
    unit_id: i64,
    action_id: i64,
    status: ActionStatus,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE actions SET status = $3 WHERE id = $1 AND unit_id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(SQL)
            .bind(action_id)
            .bind(unit_id)
            .bind(status.code())
            .execute(pool)
            .await?;
        Ok(done.rows_affected() == 1)
    })
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    item_id: Option<i64>,
    meeting_id: Option<i64>,
    meeting_date: Option<NaiveDate>,
    title: String,
    responsible: Option<String>,
    due_date: Option<NaiveDate>,
    status: String,
}

const ACTION_SELECT: &str = "SELECT a.id, a.item_id, a.meeting_id, m.meeting_date, a.title,
         p.name AS responsible, a.due_date, a.status
     FROM actions a
     LEFT JOIN meetings m ON m.id = a.meeting_id
     LEFT JOIN people p ON p.id = a.responsible_id";

fn action(r: ActionRow) -> Action {
    Action {
        id: r.id,
        item_id: r.item_id,
        meeting: r.meeting_id.zip(r.meeting_date),
        title: r.title,
        responsible: r.responsible,
        due: r.due_date,
        status: ActionStatus::from_code(&r.status).unwrap_or(ActionStatus::NotStarted),
    }
}

/// Actions written down at a meeting, in order.
#[tracing::instrument(skip_all, err)]
pub async fn meeting_actions(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<Action>> {
    let sql = format!("{ACTION_SELECT} WHERE a.meeting_id = $1 ORDER BY a.id");
    let rows: Vec<ActionRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(meeting_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(action).collect())
}

/// The unit's action plan: open actions first (by due date), then done ones.
#[tracing::instrument(skip_all, err)]
pub async fn unit_actions(db: &Db, unit_id: i64) -> sqlx::Result<Vec<Action>> {
    let sql = format!(
        "{ACTION_SELECT} WHERE a.unit_id = $1
         ORDER BY CASE WHEN a.status = 'done' THEN 1 ELSE 0 END,
                  CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id"
    );
    let rows: Vec<ActionRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(unit_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(action).collect())
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    published_at: chrono::DateTime<chrono::Utc>,
    published_by: String,
}

/// The meeting's published versions, first first.
#[tracing::instrument(skip_all, err)]
pub async fn versions(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<MinutesVersion>> {
    const SQL: &str = "SELECT v.version AS version, v.published_at,
             p.name AS published_by
         FROM minutes_versions v JOIN people p ON p.id = v.published_by
         WHERE v.meeting_id = $1 ORDER BY v.version";
    let rows: Vec<VersionRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let local = r.published_at.with_timezone(&chrono::Local);
            MinutesVersion {
                version: u32::try_from(r.version).unwrap_or(0),
                published_on: local.date_naive(),
                published_time: local.format("%H:%M").to_string(),
                published_by: r.published_by,
            }
        })
        .collect())
}

/// The text (JSON) of one published version.
#[tracing::instrument(skip_all, err)]
pub async fn content(db: &Db, meeting_id: i64, version: u32) -> sqlx::Result<Option<String>> {
    const SQL: &str = "SELECT content FROM minutes_versions WHERE meeting_id = $1 AND version = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(meeting_id)
            .bind(i64::from(version))
            .fetch_optional(pool)
            .await
    })
}

/// Stores `content` as the meeting's next version; returns its number.
#[tracing::instrument(skip_all, err)]
pub async fn publish(
    db: &Db,
    meeting_id: i64,
    content: &str,
    by: i64,
    at: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<u32> {
    const NEXT: &str = "SELECT COALESCE(MAX(version), 0) + 1 FROM minutes_versions
         WHERE meeting_id = $1";
    const INSERT: &str = "INSERT INTO minutes_versions (meeting_id, version, content,
             published_by, published_at)
         VALUES ($1, $2, $3, $4, $5)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let next: i64 = sqlx::query_scalar(NEXT).bind(meeting_id).fetch_one(&mut *tx).await?;
        sqlx::query(INSERT)
            .bind(meeting_id)
            .bind(next)
            .bind(content)
            .bind(by)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(u32::try_from(next).unwrap_or(0))
    })
}

/// The latest published minutes of the unit: the meeting, its day, and the text (JSON) of its
/// newest version. One query, for the members' "next APT" page.
#[tracing::instrument(skip_all, err)]
pub async fn last_published(db: &Db, unit_id: i64) -> sqlx::Result<Option<LastPublished>> {
    const SQL: &str = "SELECT m.id, m.meeting_date, v.version, v.content
         FROM meetings m JOIN plans p ON p.id = m.plan_id
         JOIN minutes_versions v ON v.meeting_id = m.id
         WHERE p.unit_id = $1
         ORDER BY m.meeting_date DESC, m.start_time DESC, v.version DESC LIMIT 1";
    let row: Option<(i64, NaiveDate, i64, String)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(unit_id).fetch_optional(pool).await)?;
    Ok(
        row.map(|(meeting_id, date, version, content)| LastPublished {
            meeting_id,
            date,
            version: u32::try_from(version).unwrap_or(0),
            content,
        }),
    )
}

/// A unit's latest published minutes, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastPublished {
    /// The meeting.
    pub meeting_id: i64,
    /// Its day.
    pub date: NaiveDate,
    /// The newest version's number.
    pub version: u32,
    /// That version's text (JSON of `PublishedMinutes`).
    pub content: String,
}
