//! The further sessions of an APT: added and removed as versioned changes of the plan, like every
//! other change, and only ever for a meeting of that plan.

use super::read::NewMeeting;
use super::write::{Change, ChangeError};
use crate::db::{BeginWrite, Db};
use crate::with_db;

/// Adds a session to a meeting of the plan; returns its id.
#[tracing::instrument(skip_all)]
pub async fn add_session(
    db: &Db,
    change: &Change<'_>,
    meeting_id: i64,
    session: &NewMeeting,
) -> Result<i64, ChangeError> {
    const SQL: &str = "INSERT INTO meeting_sessions (meeting_id, session_date, start_time,
             end_time, location, online_link)
         SELECT id, $3, $4, $5, $6, $7 FROM meetings WHERE id = $1 AND plan_id = $2
         RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let id: Option<i64> = sqlx::query_scalar(SQL)
            .bind(meeting_id)
            .bind(change.plan_id)
            .bind(session.date)
            .bind(session.start)
            .bind(session.end)
            .bind(&session.location)
            .bind(&session.online_link)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(id) = id else {
            tx.rollback().await?;
            return Err(ChangeError::NotInPlan);
        };
        tx.commit().await?;
        Ok(id)
    })
}

/// Removes a further session of a meeting of the plan.
#[tracing::instrument(skip_all)]
pub async fn remove_session(
    db: &Db,
    change: &Change<'_>,
    meeting_id: i64,
    session_id: i64,
) -> Result<(), ChangeError> {
    const SQL: &str = "DELETE FROM meeting_sessions
         WHERE id = $1 AND meeting_id = $2
           AND meeting_id IN (SELECT id FROM meetings WHERE plan_id = $3)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        let done = sqlx::query(SQL)
            .bind(session_id)
            .bind(meeting_id)
            .bind(change.plan_id)
            .execute(&mut *tx)
            .await?;
        one_row_or_not_in_plan!(tx, done);
        tx.commit().await?;
        Ok(())
    })
}
