//! Återkoppling: an action put on a coming APT's agenda, as an item of the section "Återkoppling
//! av åtgärder" that links back to the action; the action lists the meetings that take it up.

use chrono::NaiveDate;

use crate::db::{BeginWrite, Db};
use crate::meetings::db::BUMP_AGENDA;
use crate::with_db;

/// The section feedback items go into, made when a meeting has none.
pub const FEEDBACK_SECTION: &str = "Återkoppling av åtgärder";

/// The unit's next 24 meetings (not cancelled, from `today`; two years of APTs), for the picker.
#[tracing::instrument(skip_all, err)]
pub async fn coming_meetings(
    db: &Db,
    unit_id: i64,
    today: NaiveDate,
) -> sqlx::Result<Vec<(i64, NaiveDate)>> {
    const SQL: &str = "SELECT m.id, m.meeting_date FROM meetings m
         JOIN plans p ON p.id = m.plan_id
         WHERE p.unit_id = $1 AND NOT m.cancelled AND m.meeting_date >= $2
         ORDER BY m.meeting_date, m.id LIMIT 24";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).bind(today).fetch_all(pool).await
    })
}

/// The meetings whose agendas take up the unit's actions: (action, meeting, day), in one query.
#[tracing::instrument(skip_all, err)]
pub async fn feedback_meetings(db: &Db, unit_id: i64) -> sqlx::Result<Vec<(i64, i64, NaiveDate)>> {
    const SQL: &str = "SELECT i.action_id, m.id, m.meeting_date FROM agenda_items i
         JOIN meetings m ON m.id = i.meeting_id
         WHERE i.unit_id = $1 AND i.action_id IS NOT NULL
         ORDER BY m.meeting_date";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).fetch_all(pool).await
    })
}

/// What putting an action on an agenda did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// The item made (or the one already there).
    Item(i64),
    /// The action or the meeting is not the unit's, or the meeting is cancelled.
    NotFound,
}

/// Puts the action on the meeting's agenda (once), in the feedback section.
#[tracing::instrument(skip_all, err)]
pub async fn put_on_agenda(
    db: &Db,
    unit_id: i64,
    action_id: i64,
    meeting_id: i64,
) -> sqlx::Result<Feedback> {
    const ACTION: &str = "SELECT title FROM actions WHERE id = $1 AND unit_id = $2";
    const MEETING: &str = "SELECT m.id FROM meetings m JOIN plans p ON p.id = m.plan_id
         WHERE m.id = $1 AND p.unit_id = $2 AND NOT m.cancelled";
    const EXISTING: &str = "SELECT id FROM agenda_items WHERE meeting_id = $1 AND action_id = $2";
    const SECTION: &str =
        "SELECT id FROM agenda_sections WHERE meeting_id = $1 AND title = $2 ORDER BY id LIMIT 1";
    const NEW_SECTION: &str = "INSERT INTO agenda_sections (meeting_id, title, sort_order)
         VALUES ($1, $2, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agenda_sections
                          WHERE meeting_id = $1))
         RETURNING id";
    const ITEM: &str = "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order,
             title, description, presenter, minutes, kind, source, action_id)
         VALUES ($1, $2, $3, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agenda_items
                              WHERE section_id = $3),
                 $4, '', '', 5, 'follow_up', 'chef', $5)
         RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let Some(title): Option<String> = sqlx::query_scalar(ACTION)
            .bind(action_id).bind(unit_id).fetch_optional(&mut *tx).await? else {
            return Ok(Feedback::NotFound);
        };
        let meeting: Option<i64> = sqlx::query_scalar(MEETING)
            .bind(meeting_id).bind(unit_id).fetch_optional(&mut *tx).await?;
        if meeting.is_none() {
            return Ok(Feedback::NotFound);
        }
        let existing: Option<i64> = sqlx::query_scalar(EXISTING)
            .bind(meeting_id).bind(action_id).fetch_optional(&mut *tx).await?;
        if let Some(id) = existing {
            return Ok(Feedback::Item(id));
        }
        let section: Option<i64> = sqlx::query_scalar(SECTION)
            .bind(meeting_id).bind(FEEDBACK_SECTION).fetch_optional(&mut *tx).await?;
        let section = match section {
            Some(s) => s,
            None => sqlx::query_scalar(NEW_SECTION)
                .bind(meeting_id).bind(FEEDBACK_SECTION).fetch_one(&mut *tx).await?,
        };
        let item: i64 = sqlx::query_scalar(ITEM)
            .bind(unit_id).bind(meeting_id).bind(section)
            .bind(format!("Återkoppling: {title}")).bind(action_id)
            .fetch_one(&mut *tx).await?;
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Feedback::Item(item))
    })
}
