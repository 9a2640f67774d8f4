//! Changes of an agenda. Each runs in one transaction that also raises the meeting's agenda
//! version; an item edit is refused when the version is not the one its form showed.

use super::{
    finish_one_row_change, section_with_role, AgendaError, SectionRole, BUMP_AGENDA,
    NEXT_IN_SECTION,
};
use crate::db::{BeginWrite, Db};
use crate::domain::{CheckedAgendaItem, ItemKind};
use crate::meetings::ItemSource;
use crate::with_db;

/// What composing takes from the plan: the recurring points (id, title) and the topics planned
/// for the meeting (id, title, kind). Those already on the agenda are left alone.
pub struct PlanContent {
    /// Recurring points of the plan's template revision, in order.
    pub points: Vec<(i64, String)>,
    /// Wheel topics planned for this meeting, in wheel order.
    pub topics: Vec<(i64, String, ItemKind)>,
}

/// The recurring points of the plan's template revision and the topics planned for the meeting,
/// as composing takes them.
#[tracing::instrument(skip_all, err)]
pub async fn plan_content(
    db: &Db,
    org_id: i64,
    plan_id: i64,
    meeting_id: i64,
) -> sqlx::Result<PlanContent> {
    use crate::plan::{db as plan_db, TopicKind};

    let revision = match plan_db::plan_template_revision(db, plan_id).await? {
        Some(r) => r,
        None => crate::template::db::revision(db, org_id).await?,
    };
    let points = crate::template::db::points_at(db, org_id, revision)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let topics = plan_db::plan_topics(db, plan_id)
        .await?
        .into_iter()
        .filter(|t| t.meeting_id == Some(meeting_id))
        .map(|t| {
            let kind = match t.kind {
                TopicKind::Information => ItemKind::Information,
                TopicKind::Dialogue => ItemKind::Dialogue,
                TopicKind::FollowUp => ItemKind::FollowUp,
            };
            (t.id, t.title, kind)
        })
        .collect();
    Ok(PlanContent { points, topics })
}

/// Minutes a composed item is planned for until the chef says otherwise.
const POINT_MINUTES: i32 = 5;
const TOPIC_MINUTES: i32 = 15;

/// Adds to the meeting's agenda every recurring point and planned topic it lacks, in sections of
/// their own, and returns how many were added.
#[tracing::instrument(skip_all)]
pub async fn compose(
    db: &Db,
    unit_id: i64,
    meeting_id: i64,
    content: &PlanContent,
) -> Result<u32, AgendaError> {
    const ON_AGENDA: &str = "SELECT point_id, topic_id FROM agenda_items WHERE meeting_id = $1";
    const INSERT: &str = "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order,
             title, minutes, kind, source, point_id, topic_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let present: Vec<(Option<i64>, Option<i64>)> =
            sqlx::query_as(ON_AGENDA).bind(meeting_id).fetch_all(&mut *tx).await?;
        let has_point = |id: i64| present.iter().any(|(p, _)| *p == Some(id));
        let has_topic = |id: i64| present.iter().any(|(_, t)| *t == Some(id));
        let new_points: Vec<_> = content.points.iter().filter(|(id, _)| !has_point(*id)).collect();
        let new_topics: Vec<_> = content.topics.iter().filter(|(id, _, _)| !has_topic(*id)).collect();
        // The three sections exist once an agenda is composed, even when one of them is empty.
        let recurring = section_with_role!(tx, meeting_id, SectionRole::Recurring);
        let topics = section_with_role!(tx, meeting_id, SectionRole::Topics);
        section_with_role!(tx, meeting_id, SectionRole::Other);
        let mut added = 0u32;
        for (section, entries) in [
            (recurring, new_points.iter().map(|(id, t)| (Some(*id), None, t, ItemKind::FollowUp, POINT_MINUTES)).collect::<Vec<_>>()),
            (topics, new_topics.iter().map(|(id, t, k)| (None, Some(*id), t, *k, TOPIC_MINUTES)).collect::<Vec<_>>()),
        ] {
            let mut next: i64 = sqlx::query_scalar(NEXT_IN_SECTION).bind(section).fetch_one(&mut *tx).await?;
            for (point_id, topic_id, title, kind, minutes) in entries {
                let source = if point_id.is_some() { ItemSource::Recurring } else { ItemSource::Topic };
                sqlx::query(INSERT)
                    .bind(unit_id)
                    .bind(meeting_id)
                    .bind(section)
                    .bind(next)
                    .bind(title)
                    .bind(minutes)
                    .bind(kind.code())
                    .bind(source.code())
                    .bind(point_id)
                    .bind(topic_id)
                    .execute(&mut *tx)
                    .await?;
                next += 1;
                added += 1;
            }
        }
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(added)
    })
}

/// Adds the chef's own item at the end of a section of the meeting.
#[tracing::instrument(skip_all)]
pub async fn add_item(
    db: &Db,
    unit_id: i64,
    meeting_id: i64,
    section_id: i64,
    item: &CheckedAgendaItem,
) -> Result<i64, AgendaError> {
    const SECTION: &str = "SELECT id FROM agenda_sections WHERE id = $1 AND meeting_id = $2";
    const INSERT: &str = "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order,
             title, description, presenter, minutes, kind, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'chef') RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar(SECTION)
            .bind(section_id)
            .bind(meeting_id)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            tx.rollback().await?;
            return Err(AgendaError::NotFound);
        }
        let next: i64 = sqlx::query_scalar(NEXT_IN_SECTION).bind(section_id).fetch_one(&mut *tx).await?;
        let id: i64 = sqlx::query_scalar(INSERT)
            .bind(unit_id)
            .bind(meeting_id)
            .bind(section_id)
            .bind(next)
            .bind(&item.title)
            .bind(&item.description)
            .bind(&item.presenter)
            .bind(i32::try_from(item.minutes).unwrap_or(0))
            .bind(item.kind.code())
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Changes an item's text, minutes, type and section, on the agenda version the form showed.
#[tracing::instrument(skip_all)]
pub async fn update_item(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    version: i64,
    section_id: i64,
    item: &CheckedAgendaItem,
) -> Result<(), AgendaError> {
    const BUMP_IF: &str = "UPDATE meetings SET agenda_version = agenda_version + 1
         WHERE id = $1 AND agenda_version = $2";
    const SECTION: &str = "SELECT id FROM agenda_sections WHERE id = $1 AND meeting_id = $2";
    const CURRENT: &str = "SELECT section_id FROM agenda_items WHERE id = $1 AND meeting_id = $2";
    const UPDATE: &str = "UPDATE agenda_items SET title = $3, description = $4, presenter = $5,
             minutes = $6, kind = $7, section_id = $8, sort_order = $9
         WHERE id = $1 AND meeting_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let bumped = sqlx::query(BUMP_IF).bind(meeting_id).bind(version).execute(&mut *tx).await?;
        if bumped.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(AgendaError::Stale);
        }
        let section: Option<i64> = sqlx::query_scalar(SECTION).bind(section_id).bind(meeting_id).fetch_optional(&mut *tx).await?;
        let current: Option<Option<i64>> = sqlx::query_scalar(CURRENT).bind(item_id).bind(meeting_id).fetch_optional(&mut *tx).await?;
        let (Some(_), Some(current)) = (section, current) else {
            tx.rollback().await?;
            return Err(AgendaError::NotFound);
        };
        // A move to another section puts the item last there; otherwise it keeps its place.
        let order: i64 = if current == Some(section_id) {
            sqlx::query_scalar("SELECT sort_order FROM agenda_items WHERE id = $1")
                .bind(item_id)
                .fetch_one(&mut *tx)
                .await?
        } else {
            sqlx::query_scalar(NEXT_IN_SECTION).bind(section_id).fetch_one(&mut *tx).await?
        };
        sqlx::query(UPDATE)
            .bind(item_id)
            .bind(meeting_id)
            .bind(&item.title)
            .bind(&item.description)
            .bind(&item.presenter)
            .bind(i32::try_from(item.minutes).unwrap_or(0))
            .bind(item.kind.code())
            .bind(section_id)
            .bind(order)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Moves an item one place up or down within its section.
#[tracing::instrument(skip_all)]
pub async fn move_item(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    up: bool,
) -> Result<(), AgendaError> {
    const SIBLINGS: &str = "SELECT id FROM agenda_items WHERE meeting_id = $1 AND section_id =
             (SELECT section_id FROM agenda_items WHERE id = $2 AND meeting_id = $1)
         ORDER BY sort_order, id";
    const PLACE: &str = "UPDATE agenda_items SET sort_order = $2 WHERE id = $1";
    reorder(db, meeting_id, item_id, up, SIBLINGS, PLACE).await
}

/// Moves `target` one place up or down among its `siblings` ($1 the meeting, $2 the target),
/// numbering them afresh with `place` ($1 the row, $2 its place).
async fn reorder(
    db: &Db,
    meeting_id: i64,
    target: i64,
    up: bool,
    siblings: &str,
    place: &str,
) -> Result<(), AgendaError> {
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let mut ids: Vec<i64> = sqlx::query_scalar(siblings).bind(meeting_id).bind(target).fetch_all(&mut *tx).await?;
        let Some(at) = ids.iter().position(|id| *id == target) else {
            tx.rollback().await?;
            return Err(AgendaError::NotFound);
        };
        let to = if up { at.checked_sub(1) } else { Some(at + 1).filter(|t| *t < ids.len()) };
        if let Some(to) = to {
            ids.swap(at, to);
            for (order, id) in ids.iter().enumerate() {
                sqlx::query(place).bind(id).bind(i64::try_from(order).unwrap_or(0)).execute(&mut *tx).await?;
            }
            sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Takes an item off the agenda: into the unit's backlog, or away altogether.
#[tracing::instrument(skip_all)]
pub async fn take_off_item(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    to_backlog: bool,
) -> Result<(), AgendaError> {
    const TO_BACKLOG: &str = "UPDATE agenda_items SET meeting_id = NULL, section_id = NULL,
             reached = TRUE, notes = '', decision = ''
         WHERE id = $1 AND meeting_id = $2";
    const DELETE: &str = "DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2";
    const PROPOSAL: &str = "UPDATE proposals SET status = 'deferred' WHERE item_id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = if to_backlog {
            let done = sqlx::query(TO_BACKLOG).bind(item_id).bind(meeting_id).execute(&mut *tx).await?;
            sqlx::query(PROPOSAL).bind(item_id).execute(&mut *tx).await?;
            done
        } else {
            sqlx::query(DELETE).bind(item_id).bind(meeting_id).execute(&mut *tx).await?
        };
        finish_one_row_change!(tx, done, meeting_id)
    })
}

/// Adds a section of the chef's own at the end of the agenda.
#[tracing::instrument(skip_all)]
pub async fn add_section(db: &Db, meeting_id: i64, title: &str) -> Result<i64, AgendaError> {
    const INSERT: &str = "INSERT INTO agenda_sections (meeting_id, title, sort_order)
         VALUES ($1, $2, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agenda_sections
                          WHERE meeting_id = $1))
         RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(INSERT).bind(meeting_id).bind(title).fetch_one(&mut *tx).await?;
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Renames a section, or removes it (`title` none) when it holds no items.
#[tracing::instrument(skip_all)]
pub async fn change_section(
    db: &Db,
    meeting_id: i64,
    section_id: i64,
    title: Option<&str>,
) -> Result<(), AgendaError> {
    const RENAME: &str = "UPDATE agenda_sections SET title = $3 WHERE id = $1 AND meeting_id = $2";
    const ITEMS: &str = "SELECT COUNT(*) FROM agenda_items WHERE section_id = $1";
    const DELETE: &str = "DELETE FROM agenda_sections WHERE id = $1 AND meeting_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = match title {
            Some(title) => sqlx::query(RENAME).bind(section_id).bind(meeting_id).bind(title).execute(&mut *tx).await?,
            None => {
                let items: i64 = sqlx::query_scalar(ITEMS).bind(section_id).fetch_one(&mut *tx).await?;
                if items > 0 {
                    tx.rollback().await?;
                    return Err(AgendaError::SectionNotEmpty);
                }
                sqlx::query(DELETE).bind(section_id).bind(meeting_id).execute(&mut *tx).await?
            }
        };
        finish_one_row_change!(tx, done, meeting_id)
    })
}

/// Moves a section one place up or down on the agenda.
#[tracing::instrument(skip_all)]
pub async fn move_section(
    db: &Db,
    meeting_id: i64,
    section_id: i64,
    up: bool,
) -> Result<(), AgendaError> {
    const SIBLINGS: &str = "SELECT id FROM agenda_sections WHERE meeting_id = $1
           AND meeting_id = (SELECT meeting_id FROM agenda_sections WHERE id = $2)
         ORDER BY sort_order, id";
    const PLACE: &str = "UPDATE agenda_sections SET sort_order = $2 WHERE id = $1";
    reorder(db, meeting_id, section_id, up, SIBLINGS, PLACE).await
}

/// Marks an item as reached or not by the meeting (what carrying over acts on).
#[tracing::instrument(skip_all)]
pub async fn set_reached(
    db: &Db,
    meeting_id: i64,
    item_id: i64,
    reached: bool,
) -> Result<(), AgendaError> {
    const SQL: &str = "UPDATE agenda_items SET reached = $3 WHERE id = $1 AND meeting_id = $2";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(item_id).bind(meeting_id).bind(reached).execute(pool).await?;
        if done.rows_affected() != 1 {
            return Err(AgendaError::NotFound);
        }
        Ok(())
    })
}

/// Copies every item the meeting did not reach to the `to` meeting, in its "other" section, as
/// carried items (the originals stay in the first meeting's minutes, marked not reached, and
/// are not carried twice). Returns how many were carried.
#[tracing::instrument(skip_all)]
pub async fn carry_over(db: &Db, unit_id: i64, from: i64, to: i64) -> Result<u32, AgendaError> {
    const OPEN: &str = "SELECT i.id FROM agenda_items i
         WHERE i.meeting_id = $1 AND NOT i.reached
           AND NOT EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from = i.id)
         ORDER BY i.sort_order, i.id";
    const COPY: &str = "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order,
             title, description, presenter, minutes, kind, source, topic_id, point_id, carried_from)
         SELECT $1, $2, $3, $4, title, description, presenter, minutes, kind, 'carried',
                topic_id, point_id, id
         FROM agenda_items WHERE id = $5";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let open: Vec<i64> = sqlx::query_scalar(OPEN).bind(from).fetch_all(&mut *tx).await?;
        if open.is_empty() {
            tx.rollback().await?;
            return Ok(0);
        }
        let section = section_with_role!(tx, to, SectionRole::Other);
        let mut next: i64 = sqlx::query_scalar(NEXT_IN_SECTION).bind(section).fetch_one(&mut *tx).await?;
        for id in &open {
            sqlx::query(COPY)
                .bind(unit_id)
                .bind(to)
                .bind(section)
                .bind(next)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            next += 1;
        }
        sqlx::query(BUMP_AGENDA).bind(to).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(u32::try_from(open.len()).unwrap_or(u32::MAX))
    })
}

/// Copies a topic's guidance into the item's description, for when the chef wants it on the agenda.
#[tracing::instrument(skip_all)]
pub async fn use_guidance(db: &Db, meeting_id: i64, item_id: i64) -> Result<(), AgendaError> {
    const SQL: &str = "UPDATE agenda_items SET description = (SELECT guidance FROM wheel_topics t
             WHERE t.id = agenda_items.topic_id)
         WHERE id = $1 AND meeting_id = $2 AND topic_id IS NOT NULL";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query(SQL).bind(item_id).bind(meeting_id).execute(&mut *tx).await?;
        finish_one_row_change!(tx, done, meeting_id)
    })
}
