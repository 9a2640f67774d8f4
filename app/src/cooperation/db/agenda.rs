//! The SQL of a cooperation meeting's agenda and of what members send in before it. Every
//! function names the group or the meeting it works in, so an id of another group finds nothing.

use chrono::{DateTime, Utc};

use super::MeetingRow;
use crate::db::{BeginWrite, Db};
use crate::domain::cooperation::agenda::CoopItemKind;
use crate::with_db;

/// The group's meeting, if the group has one of that id.
#[tracing::instrument(skip_all, err)]
pub async fn group_meeting(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
) -> sqlx::Result<Option<MeetingRow>> {
    const SQL: &str = "SELECT id, meeting_date, start_time, end_time, location, online_link,
             cancelled
         FROM coop_meetings WHERE group_id = $1 AND id = $2";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(meeting_id).fetch_optional(pool).await
    })
}

/// An item or a sub-item of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ItemRow {
    /// The item.
    pub id: i64,
    /// The item it is a sub-item of; `None` for a numbered item.
    pub parent_id: Option<i64>,
    /// Its title.
    pub title: String,
    /// A sub-item's kind.
    pub kind: Option<String>,
    /// What a numbered item is for in the protocol (`previous`, `adjust`, `next`).
    pub purpose: Option<String>,
    /// What the protocol says was said.
    pub minutes: String,
    /// What the protocol says was decided.
    pub decision: String,
}

/// The meeting's items and sub-items, each in order (a sub-item after the items, by its order).
#[tracing::instrument(skip_all, err)]
pub async fn items(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<ItemRow>> {
    const SQL: &str =
        "SELECT id, parent_id, title, kind, purpose, minutes, decision FROM coop_items
         WHERE meeting_id = $1 ORDER BY sort_order, id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// The nodes directly below `node_id` that are not closed, by name: the units and staffs that
/// get a sub-item under "Samverkan".
#[tracing::instrument(skip_all, err)]
pub async fn units_below(db: &Db, node_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    const SQL: &str = "SELECT id, name FROM org_nodes
         WHERE parent_id = $1 AND closed_at IS NULL ORDER BY name";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)
}

/// Writes the meeting's agenda from the group's standing agenda, a sub-item per unit below the
/// node under each per-unit item, in one transaction; `false` (and nothing written) when the
/// meeting has an agenda already.
#[tracing::instrument(skip_all, err)]
pub async fn compose(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
    units: &[(i64, String)],
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const HAS: &str = "SELECT COUNT(*) FROM coop_items WHERE meeting_id = $1";
    const STANDING: &str = "SELECT title, per_unit, purpose FROM coop_standing_items
         WHERE group_id = $1 ORDER BY sort_order, id";
    const ITEM: &str = "INSERT INTO coop_items (meeting_id, sort_order, title, created_at, purpose)
         VALUES ($1, $2, $3, $4, $5) RETURNING id";
    const SUB: &str = "INSERT INTO coop_items
             (meeting_id, parent_id, sort_order, title, unit_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let has: i64 = sqlx::query_scalar(HAS).bind(meeting_id).fetch_one(&mut *tx).await?;
        if has > 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let standing: Vec<(String, bool, Option<String>)> =
            sqlx::query_as(STANDING).bind(group_id).fetch_all(&mut *tx).await?;
        for (order, (title, per_unit, purpose)) in (1_i64..).zip(standing) {
            let id: i64 = sqlx::query_scalar(ITEM)
                .bind(meeting_id).bind(order).bind(&title).bind(now).bind(purpose)
                .fetch_one(&mut *tx).await?;
            if per_unit {
                for (sub_order, (unit, name)) in (1_i64..).zip(units) {
                    sqlx::query(SUB)
                        .bind(meeting_id).bind(id).bind(sub_order).bind(name).bind(unit).bind(now)
                        .execute(&mut *tx).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// The sub-item insert, inside the caller's transaction.
macro_rules! insert_sub {
    ($tx:expr, $meeting:expr, $parent:expr, $title:expr, $kind:expr, $now:expr) => {{
        const PARENT: &str = "SELECT COUNT(*) FROM coop_items
             WHERE id = $1 AND meeting_id = $2 AND parent_id IS NULL";
        const INSERT: &str = "INSERT INTO coop_items
                 (meeting_id, parent_id, sort_order, title, kind, created_at)
             SELECT $1, $2, COALESCE(MAX(sort_order), 0) + 1, $3, $4, $5
             FROM coop_items WHERE parent_id = $2
             RETURNING id";
        let found: i64 = sqlx::query_scalar(PARENT)
            .bind($parent)
            .bind($meeting)
            .fetch_one(&mut *$tx)
            .await?;
        if found == 0 {
            None
        } else {
            let id: i64 = sqlx::query_scalar(INSERT)
                .bind($meeting)
                .bind($parent)
                .bind($title)
                .bind($kind.map(CoopItemKind::code))
                .bind($now)
                .fetch_one(&mut *$tx)
                .await?;
            Some(id)
        }
    }};
}

/// Adds a sub-item at the end of a numbered item of the meeting; its id, or `None` when the
/// meeting has no such numbered item.
#[tracing::instrument(skip_all, err)]
pub async fn add_sub_item(
    db: &Db,
    meeting_id: i64,
    parent_id: i64,
    title: &str,
    kind: Option<CoopItemKind>,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id = insert_sub!(tx, meeting_id, parent_id, title, kind, now);
        tx.commit().await?;
        Ok(id)
    })
}

/// Something a member sent in, with the sender's name and union.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SubmissionRow {
    /// The submission.
    pub id: i64,
    /// Who sent it.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// The union they represent in the group, if any.
    pub union_name: Option<String>,
    /// `question` or `comment`.
    pub kind: String,
    /// What it is about.
    pub title: String,
    /// The text.
    pub body: String,
    /// The sub-item the secretary placed it under.
    pub item_id: Option<i64>,
}

/// What the members sent in for the meeting, oldest first.
#[tracing::instrument(skip_all, err)]
pub async fn submissions(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
) -> sqlx::Result<Vec<SubmissionRow>> {
    const SQL: &str = "SELECT s.id, s.person_id, p.name, m.union_name, s.kind, s.title, s.body,
             s.item_id
         FROM coop_submissions s
         JOIN people p ON p.id = s.person_id
         LEFT JOIN coop_members m ON m.group_id = $1 AND m.person_id = s.person_id
         WHERE s.meeting_id = $2
         ORDER BY s.submitted_at, s.id";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(meeting_id).fetch_all(pool).await
    })
}

/// Records what a member sends in; its id.
#[tracing::instrument(skip_all, err)]
pub async fn submit(
    db: &Db,
    meeting_id: i64,
    person_id: i64,
    kind: &str,
    title: &str,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO coop_submissions
             (meeting_id, person_id, kind, title, body, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(meeting_id).bind(person_id).bind(kind).bind(title).bind(body).bind(now)
            .fetch_one(pool).await
    })
}

/// Places a submission of the meeting under a numbered item as a sub-item titled `title`, in one
/// transaction; `false` when the submission or the item is not the meeting's, or it was placed
/// already.
#[tracing::instrument(skip_all, err)]
pub async fn place_submission(
    db: &Db,
    meeting_id: i64,
    submission_id: i64,
    parent_id: i64,
    title: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const OPEN: &str = "SELECT COUNT(*) FROM coop_submissions
         WHERE id = $1 AND meeting_id = $2 AND item_id IS NULL";
    const LINK: &str = "UPDATE coop_submissions SET item_id = $2 WHERE id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let open: i64 = sqlx::query_scalar(OPEN)
            .bind(submission_id).bind(meeting_id).fetch_one(&mut *tx).await?;
        if open == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let none: Option<CoopItemKind> = None;
        let Some(item) = insert_sub!(tx, meeting_id, parent_id, title, none, now) else {
            tx.rollback().await?;
            return Ok(false);
        };
        sqlx::query(LINK).bind(submission_id).bind(item).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}
