//! The SQL of a cooperation meeting's protocol: attendance, adjuncts, each item's minutes and
//! decision, the questions the employer takes with it, and item 3's dates. Every function names
//! the meeting (and, for follow-ups, the group) it works in, so an id of another finds nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::cooperation::protocol::{AdjustDates, Attendance};
use crate::with_db;

/// A member of the group with their attendance at the meeting, if marked.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttendeeRow {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// `employer` or `employees`.
    pub side: String,
    /// The protocol's function title.
    pub function_title: String,
    /// Whether they were there; `None` when not marked.
    pub present: Option<bool>,
    /// The first item they were there for, when only partly.
    pub from_item: Option<i32>,
    /// The last item they were there for, when only partly.
    pub to_item: Option<i32>,
}

impl AttendeeRow {
    /// The attendance marked, if any.
    pub fn attendance(&self) -> Option<Attendance> {
        let present = self.present?;
        if !present {
            return Some(Attendance::Absent);
        }
        let items = match (self.from_item, self.to_item) {
            (Some(a), Some(b)) => Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?)),
            _ => None,
        };
        Some(Attendance::Present { items })
    }
}

/// The group's members with their attendance at the meeting: the employer's side first, then
/// by name (one query).
#[tracing::instrument(skip_all, err)]
pub async fn attendees(db: &Db, group_id: i64, meeting_id: i64) -> sqlx::Result<Vec<AttendeeRow>> {
    const SQL: &str = "SELECT m.person_id, p.name, m.side, m.function_title,
             a.present, a.from_item, a.to_item
         FROM coop_members m
         JOIN people p ON p.id = m.person_id
         LEFT JOIN coop_attendance a ON a.meeting_id = $2 AND a.person_id = m.person_id
         WHERE m.group_id = $1
         ORDER BY CASE m.side WHEN 'employer' THEN 0 ELSE 1 END,
             CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 2 ELSE 1 END, p.name";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(meeting_id).fetch_all(pool).await
    })
}

/// Replaces the meeting's attendance with `marks` (a member left out is not marked), in one
/// transaction.
#[tracing::instrument(skip_all, err)]
pub async fn save_attendance(
    db: &Db,
    meeting_id: i64,
    marks: &[(i64, Attendance)],
) -> sqlx::Result<()> {
    const CLEAR: &str = "DELETE FROM coop_attendance WHERE meeting_id = $1";
    const INSERT: &str = "INSERT INTO coop_attendance
             (meeting_id, person_id, present, from_item, to_item)
         VALUES ($1, $2, $3, $4, $5)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(CLEAR).bind(meeting_id).execute(&mut *tx).await?;
        for (person_id, mark) in marks {
            let (present, range) = match mark {
                Attendance::Present { items } => (true, *items),
                Attendance::Absent => (false, None),
            };
            let from = range.and_then(|(a, _)| i32::try_from(a).ok());
            let to = range.and_then(|(_, b)| i32::try_from(b).ok());
            sqlx::query(INSERT)
                .bind(meeting_id).bind(person_id).bind(present).bind(from).bind(to)
                .execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// One called in for the meeting.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AdjunctRow {
    /// The row.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their function, or empty.
    pub function_title: String,
}

/// The meeting's adjuncts in the order they were added.
#[tracing::instrument(skip_all, err)]
pub async fn adjuncts(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<AdjunctRow>> {
    const SQL: &str = "SELECT id, name, function_title FROM coop_adjuncts
         WHERE meeting_id = $1 ORDER BY id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// Adds an adjunct to the meeting.
#[tracing::instrument(skip_all, err)]
pub async fn add_adjunct(
    db: &Db,
    meeting_id: i64,
    name: &str,
    function_title: &str,
) -> sqlx::Result<()> {
    const SQL: &str =
        "INSERT INTO coop_adjuncts (meeting_id, name, function_title) VALUES ($1, $2, $3)";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(meeting_id).bind(name).bind(function_title)
            .execute(pool).await.map(|_| ())
    })
}

/// Removes an adjunct of the meeting; `false` when the meeting has none of that id.
#[tracing::instrument(skip_all, err)]
pub async fn remove_adjunct(db: &Db, meeting_id: i64, adjunct_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM coop_adjuncts WHERE meeting_id = $1 AND id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(meeting_id).bind(adjunct_id).execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// How saving an item's minutes went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesSave {
    /// Saved.
    Saved,
    /// Someone changed the text after the form was opened; nothing saved.
    Stale,
    /// The meeting has no such item.
    NotFound,
}

/// Saves what the protocol says of an item, only when it still says `before` (what the form was
/// opened with), so a second writer never overwrites the first unseen.
#[tracing::instrument(skip_all, err)]
pub async fn save_item_minutes(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    before: (&str, &str),
    minutes: &str,
    decision: &str,
) -> sqlx::Result<MinutesSave> {
    const UPDATE: &str = "UPDATE coop_items SET minutes = $3, decision = $4
         WHERE meeting_id = $1 AND id = $2 AND minutes = $5 AND decision = $6";
    const FOUND: &str = "SELECT COUNT(*) FROM coop_items WHERE meeting_id = $1 AND id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(UPDATE)
            .bind(meeting_id).bind(item_id).bind(minutes).bind(decision)
            .bind(before.0).bind(before.1)
            .execute(pool).await?;
        if done.rows_affected() == 1 {
            return Ok(MinutesSave::Saved);
        }
        let found: i64 =
            sqlx::query_scalar(FOUND).bind(meeting_id).bind(item_id).fetch_one(pool).await?;
        Ok(if found == 0 { MinutesSave::NotFound } else { MinutesSave::Stale })
    })
}

/// A question the employer took with it, as one meeting's protocol shows it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowUpRow {
    /// The follow-up.
    pub id: i64,
    /// The meeting it was raised at.
    pub raised_meeting_id: i64,
    /// That meeting's day.
    pub raised_on: NaiveDate,
    /// The item it was raised under.
    pub item_id: i64,
    /// Who asked, or empty.
    pub asked_by: String,
    /// The question.
    pub question: String,
    /// The meeting that answered it, if any.
    pub closed_meeting_id: Option<i64>,
    /// The answer, once closed.
    pub answer: String,
}

/// The follow-ups meeting `meeting_id` (on `meeting_date`) of the group shows: those raised at
/// it, and those raised at an earlier meeting that are still open or that it answered (one
/// query).
#[tracing::instrument(skip_all, err)]
pub async fn follow_ups(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
    meeting_date: NaiveDate,
) -> sqlx::Result<Vec<FollowUpRow>> {
    const SQL: &str = "SELECT f.id, f.raised_meeting_id, rm.meeting_date AS raised_on,
             f.item_id, f.asked_by, f.question, f.closed_meeting_id, f.answer
         FROM coop_follow_ups f
         JOIN coop_meetings rm ON rm.id = f.raised_meeting_id
         WHERE f.group_id = $1 AND (f.raised_meeting_id = $2
             OR (rm.meeting_date < $3
                 AND (f.closed_meeting_id IS NULL OR f.closed_meeting_id = $2)))
         ORDER BY rm.meeting_date, f.id";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(group_id).bind(meeting_id).bind(meeting_date)
            .fetch_all(pool).await
    })
}

/// Records a question the employer takes with it under an item of the meeting; `false` when
/// the meeting has no such item.
#[tracing::instrument(skip_all, err)]
pub async fn add_follow_up(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
    item_id: i64,
    asked_by: &str,
    question: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const SQL: &str = "INSERT INTO coop_follow_ups
             (group_id, raised_meeting_id, item_id, asked_by, question, created_at)
         SELECT $1, $2, id, $4, $5, $6 FROM coop_items WHERE meeting_id = $2 AND id = $3";
    with_db!(db, pool => {
        let done = sqlx::query(SQL)
            .bind(group_id).bind(meeting_id).bind(item_id).bind(asked_by).bind(question).bind(now)
            .execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Removes a follow-up raised at the meeting by mistake, while no meeting has answered it;
/// `false` when there is no such open follow-up of the meeting.
#[tracing::instrument(skip_all, err)]
pub async fn remove_follow_up(db: &Db, meeting_id: i64, follow_up_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM coop_follow_ups
         WHERE id = $2 AND raised_meeting_id = $1 AND closed_meeting_id IS NULL";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(meeting_id).bind(follow_up_id).execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Answers (closes) a follow-up of the group raised at an earlier meeting, at this meeting, or
/// changes the answer this meeting gave; `false` when there is no such follow-up open to it.
#[tracing::instrument(skip_all, err)]
pub async fn answer_follow_up(
    db: &Db,
    group_id: i64,
    meeting_id: i64,
    meeting_date: NaiveDate,
    follow_up_id: i64,
    answer: &str,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE coop_follow_ups SET closed_meeting_id = $2, answer = $5
         WHERE id = $4 AND group_id = $1
             AND (closed_meeting_id IS NULL OR closed_meeting_id = $2)
             AND raised_meeting_id IN
                 (SELECT id FROM coop_meetings WHERE group_id = $1 AND meeting_date < $3)";
    with_db!(db, pool => {
        let done = sqlx::query(SQL)
            .bind(group_id).bind(meeting_id).bind(meeting_date).bind(follow_up_id).bind(answer)
            .execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Item 3's dates of the meeting, once set.
#[tracing::instrument(skip_all, err)]
pub async fn adjust_dates(db: &Db, meeting_id: i64) -> sqlx::Result<Option<AdjustDates>> {
    const SQL: &str = "SELECT protocol_sent_on, comments_due, signed_on FROM coop_meetings
         WHERE id = $1";
    type Row = (Option<NaiveDate>, Option<NaiveDateTime>, Option<NaiveDate>);
    let row: Option<Row> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_optional(pool).await)?;
    Ok(row.and_then(|(sent, due, signed)| {
        Some(AdjustDates {
            sent_on: sent?,
            comments_due: due?,
            signed_on: signed?,
        })
    }))
}

/// Sets item 3's dates of the meeting.
#[tracing::instrument(skip_all, err)]
pub async fn save_adjust_dates(db: &Db, meeting_id: i64, dates: &AdjustDates) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE coop_meetings
         SET protocol_sent_on = $2, comments_due = $3, signed_on = $4 WHERE id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(meeting_id).bind(dates.sent_on).bind(dates.comments_due).bind(dates.signed_on)
            .execute(pool).await.map(|_| ())
    })
}
