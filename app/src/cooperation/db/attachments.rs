//! The SQL of a protocol's bilagor: files uploaded by the secretary and roll-ups frozen as they
//! stood, each under an item of the meeting. Every function names the meeting, so an id of
//! another meeting finds nothing.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::with_db;

/// A bilaga as the protocol lists it, without its content.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentRow {
    /// The row.
    pub id: i64,
    /// The item or sub-item it hangs under.
    pub item_id: i64,
    /// `file`, `sam`, `active_measures` or `actions`.
    pub kind: String,
    /// What the protocol calls it.
    pub title: String,
    /// The uploaded file's name (files only).
    pub file_name: Option<String>,
    /// Its size in bytes (files only).
    pub size_bytes: Option<i64>,
}

/// A bilaga's content: the frozen tables (JSON) or the file.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentContent {
    /// `file`, `sam`, `active_measures` or `actions`.
    pub kind: String,
    /// What the protocol calls it.
    pub title: String,
    /// The frozen roll-up's tables as JSON.
    pub tables: Option<String>,
    /// The uploaded file's name.
    pub file_name: Option<String>,
    /// Its type.
    pub content_type: Option<String>,
    /// Its bytes.
    pub content: Option<Vec<u8>>,
}

/// A roll-up frozen for the protocol.
pub struct FrozenRollup<'a> {
    /// `sam`, `active_measures` or `actions`.
    pub kind: &'a str,
    /// What the protocol calls it.
    pub title: &'a str,
    /// Its tables as JSON.
    pub tables: &'a str,
}

/// A file uploaded as a bilaga (its type checked by `domain::attachment`).
pub struct NewCoopFile<'a> {
    /// The name shown.
    pub file_name: &'a str,
    /// Its checked type.
    pub content_type: &'a str,
    /// Its bytes.
    pub content: &'a [u8],
    /// Their SHA-256, as hex.
    pub sha256: &'a str,
}

/// Whether `item_id` is an item or sub-item of the meeting.
const ITEM_OF_MEETING: &str = "SELECT COUNT(*) FROM coop_items WHERE id = $1 AND meeting_id = $2";

/// Whether a version of the meeting's protocol (`$1`) is locked: then a bilaga taken out is
/// marked removed, so the locked version keeps what it listed; before, it is deleted.
macro_rules! locked_version {
    () => {
        "SELECT 1 FROM coop_protocol_versions v WHERE v.meeting_id = $1 AND v.locked_at IS NOT NULL"
    };
}

/// The meeting's bilagor in the protocol's order (its items' order, sub-items under their item,
/// then as added), which numbers them.
#[tracing::instrument(skip_all, err)]
pub async fn attachments(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<AttachmentRow>> {
    const SQL: &str = "SELECT a.id, a.item_id, a.kind, a.title, a.file_name, a.size_bytes
         FROM coop_attachments a
         JOIN coop_items i ON i.id = a.item_id
         LEFT JOIN coop_items p ON p.id = i.parent_id
         WHERE a.meeting_id = $1 AND a.removed_at IS NULL
         ORDER BY COALESCE(p.sort_order, i.sort_order),
                  CASE WHEN i.parent_id IS NULL THEN -1 ELSE i.sort_order END, a.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// Freezes `rollups` under item `item_id` of the meeting in one transaction, replacing the
/// copies of the same kinds frozen there before (kept for a locked version that lists them); `None` when the item is not the meeting's.
#[tracing::instrument(skip_all, err)]
pub async fn freeze_rollups(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    rollups: &[FrozenRollup<'_>],
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<usize>> {
    const DELETE: &str = concat!(
        "DELETE FROM coop_attachments WHERE meeting_id = $1 AND item_id = $2 AND kind = $3",
        " AND removed_at IS NULL AND NOT EXISTS (",
        locked_version!(),
        ")"
    );
    const MARK: &str = concat!(
        "UPDATE coop_attachments SET removed_at = $4",
        " WHERE meeting_id = $1 AND item_id = $2 AND kind = $3 AND removed_at IS NULL",
        " AND EXISTS (",
        locked_version!(),
        ")"
    );
    const INSERT: &str = "INSERT INTO coop_attachments (meeting_id, item_id, kind, title,
             tables, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let found: i64 = sqlx::query_scalar(ITEM_OF_MEETING)
            .bind(item_id).bind(meeting_id).fetch_one(&mut *tx).await?;
        if found == 0 {
            return Ok(None);
        }
        for r in rollups {
            sqlx::query(DELETE).bind(meeting_id).bind(item_id).bind(r.kind)
                .execute(&mut *tx).await?;
            sqlx::query(MARK).bind(meeting_id).bind(item_id).bind(r.kind).bind(at)
                .execute(&mut *tx).await?;
            sqlx::query(INSERT)
                .bind(meeting_id).bind(item_id).bind(r.kind).bind(r.title).bind(r.tables)
                .bind(by).bind(at)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some(rollups.len()))
    })
}

/// Stores an uploaded file under item `item_id` of the meeting when the meeting has room
/// (`domain::attachment::meeting_has_room` over its files); `Ok(None)` when it is full, `Err`
/// with `RowNotFound` when the item is not the meeting's.
#[tracing::instrument(skip_all, err)]
pub async fn add_file(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    file: &NewCoopFile<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    const KEPT: &str =
        "SELECT COUNT(*), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM coop_attachments
         WHERE meeting_id = $1 AND kind = 'file' AND removed_at IS NULL";
    const INSERT: &str = "INSERT INTO coop_attachments (meeting_id, item_id, kind, title,
             file_name, content_type, size_bytes, sha256, content, added_by, added_at)
         VALUES ($1, $2, 'file', $3, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    let size = i64::try_from(file.content.len()).unwrap_or(i64::MAX);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let found: i64 = sqlx::query_scalar(ITEM_OF_MEETING)
            .bind(item_id).bind(meeting_id).fetch_one(&mut *tx).await?;
        if found == 0 {
            return Err(sqlx::Error::RowNotFound);
        }
        let (count, bytes): (i64, i64) =
            sqlx::query_as(KEPT).bind(meeting_id).fetch_one(&mut *tx).await?;
        if !crate::domain::attachment::meeting_has_room(count, bytes, size) {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(INSERT)
            .bind(meeting_id).bind(item_id).bind(file.file_name).bind(file.content_type)
            .bind(size).bind(file.sha256).bind(file.content).bind(by).bind(at)
            .fetch_one(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// A bilaga of the meeting with its content.
#[tracing::instrument(skip_all, err)]
pub async fn attachment_content(
    db: &Db,
    meeting_id: i64,
    id: i64,
) -> sqlx::Result<Option<AttachmentContent>> {
    const SQL: &str = "SELECT kind, title, tables, file_name, content_type, content
         FROM coop_attachments WHERE meeting_id = $1 AND id = $2";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).bind(id).fetch_optional(pool).await)
}

/// Takes a bilaga out of the meeting's protocol at `at` (kept for a locked version that lists
/// it); false when the protocol has none of that id.
#[tracing::instrument(skip_all, err)]
pub async fn remove_attachment(
    db: &Db,
    meeting_id: i64,
    id: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const DELETE: &str = concat!(
        "DELETE FROM coop_attachments WHERE meeting_id = $1 AND id = $2 AND removed_at IS NULL",
        " AND NOT EXISTS (",
        locked_version!(),
        ")"
    );
    const MARK: &str = concat!(
        "UPDATE coop_attachments SET removed_at = $3",
        " WHERE meeting_id = $1 AND id = $2 AND removed_at IS NULL",
        " AND EXISTS (",
        locked_version!(),
        ")"
    );
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let deleted = sqlx::query(DELETE).bind(meeting_id).bind(id)
            .execute(&mut *tx).await?.rows_affected();
        let marked = sqlx::query(MARK).bind(meeting_id).bind(id).bind(at)
            .execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        let affected = deleted + marked;
        Ok(affected > 0)
    })
}
