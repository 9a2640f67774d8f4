//! The SQL of an agenda's attachments. Adding or removing one changes what a notice sends, so
//! both raise the meeting's agenda version in the same transaction.

use super::BUMP_AGENDA;
use crate::db::{BeginWrite, Db};
use crate::meetings::Attachment;
use crate::with_db;

/// A checked file to store.
pub struct NewAttachment<'a> {
    /// Name to show.
    pub file_name: &'a str,
    /// Media type to serve it with.
    pub content_type: &'a str,
    /// The bytes.
    pub content: &'a [u8],
    /// Their SHA-256, hex.
    pub sha256: &'a str,
    /// Who uploaded it.
    pub uploaded_by: i64,
    /// When, by the app's clock.
    pub uploaded_at: chrono::DateTime<chrono::Utc>,
}

/// What serving a stored file needs to know before reading its bytes.
pub struct AttachmentMeta {
    /// The meeting it belongs to.
    pub meeting_id: i64,
    /// The meeting's unit.
    pub unit_id: i64,
    /// Whether the meeting's notice has gone out (members may read it then).
    pub sent: bool,
    /// Name to show.
    pub file_name: String,
    /// Media type.
    pub content_type: String,
}

/// Stores an attachment of the meeting; returns its id, or `None` when the meeting has no room
/// for it (`domain::attachment::meeting_has_room`, checked in the same write).
#[tracing::instrument(skip_all, err)]
pub async fn add_attachment(
    db: &Db,
    meeting_id: i64,
    file: &NewAttachment<'_>,
) -> sqlx::Result<Option<i64>> {
    const KEPT: &str =
        "SELECT COUNT(*), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM attachments
         WHERE meeting_id = $1";
    const INSERT: &str = "INSERT INTO attachments (meeting_id, file_name, content_type,
             size_bytes, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    let size = i64::try_from(file.content.len()).unwrap_or(i64::MAX);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let (count, bytes): (i64, i64) =
            sqlx::query_as(KEPT).bind(meeting_id).fetch_one(&mut *tx).await?;
        if !crate::domain::attachment::meeting_has_room(count, bytes, size) {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(INSERT)
            .bind(meeting_id)
            .bind(file.file_name)
            .bind(file.content_type)
            .bind(size)
            .bind(file.sha256)
            .bind(file.content)
            .bind(file.uploaded_by)
            .bind(file.uploaded_at)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// The meeting's attachments in upload order, without their bytes.
#[tracing::instrument(skip_all, err)]
pub async fn attachments(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<Attachment>> {
    const SQL: &str = "SELECT id, file_name, content_type, size_bytes
         FROM attachments WHERE meeting_id = $1 ORDER BY id";
    let rows: Vec<(i64, String, String, i64)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, file_name, content_type, size)| Attachment {
            id,
            file_name,
            content_type,
            size_bytes: u64::try_from(size).unwrap_or(0),
        })
        .collect())
}

/// An attachment's meeting, unit, name and type, and whether the notice has gone out: what the
/// access check needs before the bytes are read.
#[tracing::instrument(skip_all, err)]
pub async fn attachment_meta(db: &Db, id: i64) -> sqlx::Result<Option<AttachmentMeta>> {
    const SQL: &str = "SELECT a.meeting_id, p.unit_id,
             EXISTS (SELECT 1 FROM notices n WHERE n.meeting_id = a.meeting_id) AS sent,
             a.file_name, a.content_type
         FROM attachments a JOIN meetings m ON m.id = a.meeting_id JOIN plans p ON p.id = m.plan_id
         WHERE a.id = $1";
    let row: Option<(i64, i64, bool, String, String)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(
        |(meeting_id, unit_id, sent, file_name, content_type)| AttachmentMeta {
            meeting_id,
            unit_id,
            sent,
            file_name,
            content_type,
        },
    ))
}

/// An attachment's bytes.
#[tracing::instrument(skip_all, err)]
pub async fn attachment_content(db: &Db, id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    const SQL: &str = "SELECT content FROM attachments WHERE id = $1";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(id).fetch_optional(pool).await)
}

/// Removes an attachment of the meeting; false when the meeting has no such attachment.
#[tracing::instrument(skip_all, err)]
pub async fn remove_attachment(db: &Db, meeting_id: i64, id: i64) -> sqlx::Result<bool> {
    const DELETE: &str = "DELETE FROM attachments WHERE id = $1 AND meeting_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let gone = sqlx::query(DELETE)
            .bind(id)
            .bind(meeting_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 1 {
            sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(gone == 1)
    })
}
