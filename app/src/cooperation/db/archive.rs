//! The SQL of a group's archive export: every locked version of the protocols of its meetings in
//! a year, the approvals that locked them and the meetings' bilagor with their content. Three
//! queries for the year whatever the number of meetings.

use chrono::{DateTime, NaiveDate, Utc};

use super::AttachmentContent;
use crate::db::Db;
use crate::with_db;

/// A locked version of a protocol, as approved.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ArchivedVersionRow {
    /// The version's row.
    pub id: i64,
    /// Its meeting.
    pub meeting_id: i64,
    /// 1, 2, …
    pub version: i32,
    /// When the last approval locked it.
    pub locked_at: DateTime<Utc>,
    /// The protocol as approved (JSON).
    pub document: String,
}

/// One approval of a version.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionApprovalRow {
    /// The version approved.
    pub version_id: i64,
    /// Who approved.
    pub name: String,
    /// When.
    pub approved_at: DateTime<Utc>,
}

/// A bilaga of a meeting with its content.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ArchivedAttachmentRow {
    /// The bilaga.
    pub id: i64,
    /// Its meeting.
    pub meeting_id: i64,
    /// What it holds.
    #[sqlx(flatten)]
    pub content: AttachmentContent,
}

/// The group's meetings from `$2` to `$3`.
const MEETINGS: &str = "SELECT id FROM coop_meetings
     WHERE group_id = $1 AND meeting_date >= $2 AND meeting_date <= $3";

/// Every locked version of the group's protocols of the days `from`–`to`, by meeting and version.
#[tracing::instrument(skip_all, err)]
pub async fn locked_versions(
    db: &Db,
    group_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<ArchivedVersionRow>> {
    let sql = format!(
        "SELECT v.id, v.meeting_id, v.version, v.locked_at, v.document
         FROM coop_protocol_versions v JOIN coop_meetings m ON m.id = v.meeting_id
         WHERE v.locked_at IS NOT NULL AND v.meeting_id IN ({MEETINGS})
         ORDER BY m.meeting_date, m.id, v.version"
    );
    with_db!(db, pool => {
        sqlx::query_as(&sql).bind(group_id).bind(from).bind(to).fetch_all(pool).await
    })
}

/// The approvals of those versions, in the order given.
#[tracing::instrument(skip_all, err)]
pub async fn version_approvals(
    db: &Db,
    group_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<VersionApprovalRow>> {
    let sql = format!(
        "SELECT a.version_id, p.name, a.approved_at
         FROM coop_approvals a JOIN people p ON p.id = a.person_id
         JOIN coop_protocol_versions v ON v.id = a.version_id
         WHERE v.meeting_id IN ({MEETINGS}) ORDER BY a.approved_at, a.person_id"
    );
    with_db!(db, pool => {
        sqlx::query_as(&sql).bind(group_id).bind(from).bind(to).fetch_all(pool).await
    })
}

/// The bilagor of the group's meetings of those days, with their content.
#[tracing::instrument(skip_all, err)]
pub async fn archived_attachments(
    db: &Db,
    group_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<ArchivedAttachmentRow>> {
    let sql = format!(
        "SELECT id, meeting_id, kind, title, tables, file_name, content_type, content
         FROM coop_attachments WHERE meeting_id IN ({MEETINGS}) ORDER BY id"
    );
    with_db!(db, pool => {
        sqlx::query_as(&sql).bind(group_id).bind(from).bind(to).fetch_all(pool).await
    })
}
