//! Changes to a plan. Each runs in one transaction that first moves the plan's version from the
//! version the change was made on to the next; when someone else changed the plan in between,
//! nothing is written and the caller learns who changed what.

use chrono::{DateTime, Utc};

use super::read::{meetings, plan_topics, NewMeeting};
use crate::db::{BeginWrite, Db};
use crate::domain::same_weekday_next_year;
use crate::with_db;

/// A change to a plan, made on a version of it by a person.
#[derive(Clone, Debug)]
pub struct Change<'a> {
    /// The plan.
    pub plan_id: i64,
    /// The version the person saw when making the change.
    pub version: i64,
    /// Who makes it.
    pub person_id: i64,
    /// What it does, in words (shown to whoever's later edit is refused).
    pub note: &'a str,
    /// When, by the app's clock.
    pub at: chrono::DateTime<chrono::Utc>,
}

impl<'a> Change<'a> {
    /// A change by `person_id` at `at`, made on the `version` of the plan their form showed.
    pub fn by(
        person_id: i64,
        at: DateTime<Utc>,
        plan_id: i64,
        version: i64,
        note: &'a str,
    ) -> Self {
        Change {
            plan_id,
            version,
            person_id,
            note,
            at,
        }
    }
}

/// The last change to a plan: who, when and what.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LastChange {
    /// What was done.
    pub note: Option<String>,
    /// The person's name.
    pub by: Option<String>,
    /// When.
    pub at: Option<DateTime<Utc>>,
}

/// Why a change was not written.
#[derive(Debug)]
pub enum ChangeError {
    /// The plan changed since the person saw it.
    Stale(LastChange),
    /// The meeting or topic is not part of the plan.
    NotInPlan,
    /// The database failed.
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ChangeError {
    fn from(err: sqlx::Error) -> Self {
        ChangeError::Db(err)
    }
}

#[derive(sqlx::FromRow)]
struct LastChangeRow {
    last_change: Option<String>,
    name: Option<String>,
    last_changed_at: Option<DateTime<Utc>>,
}

/// Who last changed the plan, and what they did.
#[tracing::instrument(skip_all, err)]
pub async fn last_change(db: &Db, plan_id: i64) -> sqlx::Result<LastChange> {
    const SQL: &str = "SELECT p.last_change, people.name, p.last_changed_at
         FROM plans p LEFT JOIN people ON people.id = p.last_changed_by
         WHERE p.id = $1";
    let row: Option<LastChangeRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(plan_id).fetch_optional(pool).await)?;
    Ok(row
        .map(|r| LastChange {
            note: r.last_change,
            by: r.name,
            at: r.last_changed_at,
        })
        .unwrap_or_default())
}

/// The plan's current version.
#[tracing::instrument(skip_all, err)]
pub async fn plan_version(db: &Db, plan_id: i64) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT version FROM plans WHERE id = $1";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(plan_id).fetch_optional(pool).await)
}

/// Adds a meeting to the plan; returns its id.
#[tracing::instrument(skip_all)]
pub async fn add_meeting(
    db: &Db,
    change: &Change<'_>,
    meeting: &NewMeeting,
) -> Result<i64, ChangeError> {
    const SQL: &str = "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time, location,
             online_link)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let id: i64 = sqlx::query_scalar(SQL)
            .bind(change.plan_id)
            .bind(meeting.date)
            .bind(meeting.start)
            .bind(meeting.end)
            .bind(&meeting.location)
            .bind(&meeting.online_link)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Changes a meeting's date, times, place and link.
#[tracing::instrument(skip_all)]
pub async fn update_meeting(
    db: &Db,
    change: &Change<'_>,
    meeting_id: i64,
    meeting: &NewMeeting,
) -> Result<(), ChangeError> {
    const SQL: &str = "UPDATE meetings SET meeting_date = $3, start_time = $4, end_time = $5,
             location = $6, online_link = $7, version = version + 1
         WHERE id = $1 AND plan_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let done = sqlx::query(SQL)
            .bind(meeting_id)
            .bind(change.plan_id)
            .bind(meeting.date)
            .bind(meeting.start)
            .bind(meeting.end)
            .bind(&meeting.location)
            .bind(&meeting.online_link)
            .execute(&mut *tx)
            .await?;
        one_row_or_not_in_plan!(tx, done);
        tx.commit().await?;
        Ok(())
    })
}

/// Cancels a meeting (it stays visible, marked, and stops counting) or restores it.
#[tracing::instrument(skip_all)]
pub async fn set_cancelled(
    db: &Db,
    change: &Change<'_>,
    meeting_id: i64,
    cancelled: bool,
) -> Result<(), ChangeError> {
    const SQL: &str = "UPDATE meetings SET cancelled = $3, version = version + 1
         WHERE id = $1 AND plan_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let done = sqlx::query(SQL)
            .bind(meeting_id)
            .bind(change.plan_id)
            .bind(cancelled)
            .execute(&mut *tx)
            .await?;
        one_row_or_not_in_plan!(tx, done);
        tx.commit().await?;
        Ok(())
    })
}

/// Plans a topic of the plan for one of its meetings, or takes it out (`None`).
#[tracing::instrument(skip_all)]
pub async fn set_topic_meeting(
    db: &Db,
    change: &Change<'_>,
    topic_id: i64,
    meeting_id: Option<i64>,
) -> Result<(), ChangeError> {
    const MEETING_IN_PLAN: &str = "SELECT COUNT(*) FROM meetings WHERE id = $1 AND plan_id = $2";
    const SQL: &str = "UPDATE plan_topics SET meeting_id = $3 WHERE plan_id = $1 AND topic_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        if let Some(meeting_id) = meeting_id {
            let found: i64 = sqlx::query_scalar(MEETING_IN_PLAN)
                .bind(meeting_id)
                .bind(change.plan_id)
                .fetch_one(&mut *tx)
                .await?;
            if found != 1 {
                tx.rollback().await?;
                return Err(ChangeError::NotInPlan);
            }
        }
        let done = sqlx::query(SQL)
            .bind(change.plan_id)
            .bind(topic_id)
            .bind(meeting_id)
            .execute(&mut *tx)
            .await?;
        one_row_or_not_in_plan!(tx, done);
        tx.commit().await?;
        Ok(())
    })
}

/// Plans several topics at once (each pair: topic, meeting of this plan), as one change.
#[tracing::instrument(skip_all)]
pub async fn place_topics(
    db: &Db,
    change: &Change<'_>,
    placements: &[(i64, i64)],
) -> Result<(), ChangeError> {
    const SQL: &str = "UPDATE plan_topics SET meeting_id = $3
         WHERE plan_id = $1 AND topic_id = $2
           AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = $3 AND m.plan_id = $1)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        for (topic_id, meeting_id) in placements {
            let done = sqlx::query(SQL)
                .bind(change.plan_id)
                .bind(topic_id)
                .bind(meeting_id)
                .execute(&mut *tx)
                .await?;
            one_row_or_not_in_plan!(tx, done);
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Copies last year's plan into `year`: every meeting that was not cancelled moves to the same
/// weekday and ISO week (its further sessions too), and each topic follows its meeting. Returns
/// the new plan's id. Topics pushed for last year stay there; those pushed for `year` come in.
#[tracing::instrument(skip_all, err)]
pub async fn copy_plan(
    db: &Db,
    from_plan: i64,
    unit_id: i64,
    org_id: i64,
    year: i32,
) -> sqlx::Result<i64> {
    const TOPIC: &str =
        "INSERT INTO plan_topics (plan_id, topic_id, meeting_id) VALUES ($1, $2, $3)";
    const SESSION: &str = "INSERT INTO meeting_sessions (meeting_id, session_date, start_time,
             end_time, location, online_link)
         VALUES ($1, $2, $3, $4, $5, $6)";
    let old_meetings = meetings(db, from_plan).await?;
    let old_topics = plan_topics(db, from_plan).await?;
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let plan_id: i64 = sqlx::query_scalar(super::INSERT_PLAN)
            .bind(unit_id)
            .bind(year)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        let mut moved = std::collections::HashMap::new();
        for m in old_meetings.iter().filter(|m| !m.cancelled) {
            let Some(date) = same_weekday_next_year(m.date) else { continue };
            let id: i64 = sqlx::query_scalar(super::INSERT_MEETING)
                .bind(plan_id)
                .bind(date)
                .bind(m.start)
                .bind(m.end)
                .bind(&m.location)
                .bind(&m.online_link)
                .fetch_one(&mut *tx)
                .await?;
            for s in &m.sessions {
                let Some(date) = same_weekday_next_year(s.date) else { continue };
                sqlx::query(SESSION)
                    .bind(id)
                    .bind(date)
                    .bind(s.start)
                    .bind(s.end)
                    .bind(&s.location)
                    .bind(&s.online_link)
                    .execute(&mut *tx)
                    .await?;
            }
            moved.insert(m.id, id);
        }
        for t in old_topics.iter().filter(|t| t.required_by.is_none()) {
            let meeting = t.meeting_id.and_then(|old| moved.get(&old).copied());
            sqlx::query(TOPIC)
                .bind(plan_id)
                .bind(t.id)
                .bind(meeting)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(super::INSERT_PUSHED)
            .bind(plan_id)
            .bind(year)
            .bind(unit_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(plan_id)
    })
}

/// Gives the person a new subscription address for the unit's calendar; their old one stops
/// working.
#[tracing::instrument(skip_all, err)]
pub async fn renew_feed_token(
    db: &Db,
    person_id: i64,
    unit_id: i64,
    token: &str,
) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO personal_calendar_feeds (person_id, unit_id, token)
         VALUES ($1, $2, $3)
         ON CONFLICT (person_id, unit_id) DO UPDATE SET token = excluded.token";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).bind(unit_id).bind(token).execute(pool).await.map(|_| ())
    })
}

/// Adds the unit's own topic (kept with the unit, not the organisation's wheel) to the plan.
#[tracing::instrument(skip_all)]
pub async fn add_own_topic(
    db: &Db,
    change: &Change<'_>,
    org_id: i64,
    unit_id: i64,
    topic: &crate::domain::CheckedTopic,
) -> Result<i64, ChangeError> {
    const TOPIC: &str = "INSERT INTO wheel_topics (org_id, owner_node_id, title, month_start,
             month_end, guidance, kind, sort_order)
         VALUES ($1, $2, $3, $4, $4, $5, 'dialogue', 1000) RETURNING id";
    const PLACE: &str = "INSERT INTO plan_topics (plan_id, topic_id) VALUES ($1, $2)";
    let month = i32::try_from(topic.month).unwrap_or(1);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let id: i64 = sqlx::query_scalar(TOPIC)
            .bind(org_id)
            .bind(unit_id)
            .bind(&topic.title)
            .bind(month)
            .bind(&topic.guidance)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(PLACE).bind(change.plan_id).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}
