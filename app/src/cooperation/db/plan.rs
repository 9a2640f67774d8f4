//! The SQL of a group's standing agenda and its meetings.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::db::Db;
use crate::domain::CheckedMeeting;
use crate::with_db;

/// One item of the standing agenda.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StandingRow {
    /// The item.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// One sub-item per unit or staff below the node.
    pub per_unit: bool,
}

/// The group's standing agenda in order.
#[tracing::instrument(skip_all, err)]
pub async fn standing_items(db: &Db, group_id: i64) -> sqlx::Result<Vec<StandingRow>> {
    const SQL: &str = "SELECT id, title, per_unit FROM coop_standing_items
         WHERE group_id = $1 ORDER BY sort_order, id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(group_id).fetch_all(pool).await)
}

/// Adds an item at the end of the standing agenda.
#[tracing::instrument(skip_all, err)]
pub async fn add_standing_item(db: &Db, group_id: i64, title: &str) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO coop_standing_items (group_id, sort_order, title, per_unit)
         SELECT $1, COALESCE(MAX(sort_order), 0) + 1, $2, FALSE
         FROM coop_standing_items WHERE group_id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(group_id).bind(title).execute(pool).await.map(|_| ())
    })
}

/// Renames an item of the group's standing agenda; `false` when the group has no such item.
#[tracing::instrument(skip_all, err)]
pub async fn rename_standing_item(
    db: &Db,
    group_id: i64,
    item_id: i64,
    title: &str,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE coop_standing_items SET title = $3 WHERE group_id = $1 AND id = $2";
    let done = with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(group_id).bind(item_id).bind(title)
            .execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}

/// Removes an item of the group's standing agenda; `false` when the group has no such item.
#[tracing::instrument(skip_all, err)]
pub async fn remove_standing_item(db: &Db, group_id: i64, item_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM coop_standing_items WHERE group_id = $1 AND id = $2";
    let done = with_db!(db, pool => {
        sqlx::query(SQL).bind(group_id).bind(item_id).execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}

/// A meeting of a group.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingRow {
    /// The meeting.
    pub id: i64,
    /// Its day.
    pub meeting_date: NaiveDate,
    /// When it starts.
    pub start_time: NaiveTime,
    /// When it ends.
    pub end_time: NaiveTime,
    /// Where.
    pub location: String,
    /// A link for those who join online.
    pub online_link: Option<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

impl From<MeetingRow> for crate::cooperation::GroupMeetingView {
    fn from(m: MeetingRow) -> Self {
        crate::cooperation::GroupMeetingView {
            id: m.id,
            date: m.meeting_date,
            start: m.start_time,
            end: m.end_time,
            location: m.location,
            cancelled: m.cancelled,
        }
    }
}

/// The group's meetings of `year`, in date order.
#[tracing::instrument(skip_all, err)]
pub async fn meetings(db: &Db, group_id: i64, year: i32) -> sqlx::Result<Vec<MeetingRow>> {
    const SQL: &str = "SELECT id, meeting_date, start_time, end_time, location, online_link,
             cancelled
         FROM coop_meetings
         WHERE group_id = $1 AND meeting_date >= $2 AND meeting_date <= $3
         ORDER BY meeting_date, start_time";
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(first).bind(last).fetch_all(pool).await
    })
}

/// The group's first meeting after `date` that is not cancelled: the one item 12 of a protocol
/// names.
#[tracing::instrument(skip_all, err)]
pub async fn next_meeting_after(
    db: &Db,
    group_id: i64,
    date: NaiveDate,
) -> sqlx::Result<Option<MeetingRow>> {
    const SQL: &str = "SELECT id, meeting_date, start_time, end_time, location, online_link,
             cancelled
         FROM coop_meetings
         WHERE group_id = $1 AND meeting_date > $2 AND NOT cancelled
         ORDER BY meeting_date, start_time LIMIT 1";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(date).fetch_optional(pool).await
    })
}

/// Adds a meeting to the group's plan; its id.
#[tracing::instrument(skip_all, err)]
pub async fn add_meeting(
    db: &Db,
    group_id: i64,
    meeting: &CheckedMeeting,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO coop_meetings
             (group_id, meeting_date, start_time, end_time, location, online_link, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(group_id)
            .bind(meeting.date)
            .bind(meeting.start)
            .bind(meeting.end)
            .bind(&meeting.location)
            .bind(meeting.online_link.as_deref())
            .bind(now)
            .fetch_one(pool)
            .await
    })
}

/// Cancels a meeting of the group or takes the cancellation back; `false` when the group has no
/// such meeting.
#[tracing::instrument(skip_all, err)]
pub async fn set_cancelled(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
    cancelled: bool,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE coop_meetings SET cancelled = $3 WHERE group_id = $1 AND id = $2";
    let done = with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(group_id).bind(meeting_id).bind(cancelled)
            .execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}

/// A group's meeting with its group, for the calendars and the wheel of the group's node.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NodeMeetingRow {
    /// The group.
    pub group_id: i64,
    /// Its name.
    pub group_name: String,
    /// The meeting.
    #[sqlx(flatten)]
    pub meeting: MeetingRow,
}

/// The meetings with their groups, of the groups matching `$where` (`$1`) between `$2` and `$3`.
macro_rules! meetings_with_group {
    ($where:literal) => {
        concat!(
            "SELECT g.id AS group_id, g.name AS group_name, m.id, m.meeting_date,
                 m.start_time, m.end_time, m.location, m.online_link, m.cancelled
             FROM coop_groups g JOIN coop_meetings m ON m.group_id = g.id
             WHERE ",
            $where,
            " AND m.meeting_date >= $2 AND m.meeting_date <= $3
             ORDER BY m.meeting_date, m.start_time"
        )
    };
}

/// Runs `sql` (one of [`meetings_with_group!`]) for `id` over whole `years`.
async fn meetings_with_group(
    db: &Db,
    sql: &'static str,
    id: i64,
    years: std::ops::RangeInclusive<i32>,
) -> sqlx::Result<Vec<NodeMeetingRow>> {
    let first = NaiveDate::from_ymd_opt(*years.start(), 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(*years.end(), 12, 31).unwrap_or_default();
    with_db!(db, pool => {
        sqlx::query_as(sql).bind(id).bind(first).bind(last).fetch_all(pool).await
    })
}

/// The meetings in `years` of every cooperation group of the node (one indexed query).
#[tracing::instrument(skip_all, err)]
pub async fn node_meetings(
    db: &Db,
    node_id: i64,
    years: std::ops::RangeInclusive<i32>,
) -> sqlx::Result<Vec<NodeMeetingRow>> {
    meetings_with_group(db, meetings_with_group!("g.node_id = $1"), node_id, years).await
}

/// The group's meetings in `year`, as its calendar shows them.
#[tracing::instrument(skip_all, err)]
pub async fn group_year_meetings(
    db: &Db,
    group_id: i64,
    year: i32,
) -> sqlx::Result<Vec<NodeMeetingRow>> {
    meetings_with_group(db, meetings_with_group!("g.id = $1"), group_id, year..=year).await
}

/// The group's meetings of `years` with the group's name, for its subscribable feed.
#[tracing::instrument(skip_all, err)]
pub async fn group_meetings_in(
    db: &Db,
    group_id: i64,
    years: std::ops::RangeInclusive<i32>,
) -> sqlx::Result<Vec<NodeMeetingRow>> {
    meetings_with_group(db, meetings_with_group!("g.id = $1"), group_id, years).await
}
