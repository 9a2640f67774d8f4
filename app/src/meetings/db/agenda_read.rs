//! Reads of one agenda: its sections and items (two queries), what its topics bring the chef (two
//! more), and what it would take from the plan.

use std::collections::HashMap;

use super::{ItemRow, ITEM_COLUMNS};
use crate::db::Db;
use crate::meetings::{AgendaItem, AgendaSection, MeetingChoice, TopicHelp};
use crate::plan::TopicLink;
use crate::with_db;

#[derive(sqlx::FromRow)]
struct SectionRow {
    id: i64,
    title: String,
}

/// The meeting's agenda: sections in order, each with its items in order. An item whose section
/// is gone lands in the last section.
#[tracing::instrument(skip_all, err)]
pub async fn agenda(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<AgendaSection>> {
    const SECTIONS: &str = "SELECT id, title FROM agenda_sections WHERE meeting_id = $1
         ORDER BY sort_order, id";
    let items_sql = format!(
        "SELECT {ITEM_COLUMNS} FROM agenda_items i WHERE i.meeting_id = $1
         ORDER BY i.sort_order, i.id"
    );
    let (sections, items): (Vec<SectionRow>, Vec<ItemRow>) = with_db!(db, pool => {
        let sections = sqlx::query_as(SECTIONS).bind(meeting_id).fetch_all(pool).await?;
        let items = sqlx::query_as(&items_sql).bind(meeting_id).fetch_all(pool).await?;
        (sections, items)
    });
    let mut sections: Vec<AgendaSection> = sections
        .into_iter()
        .map(|s| AgendaSection {
            id: s.id,
            title: s.title,
            items: Vec::new(),
        })
        .collect();
    let at: HashMap<i64, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for row in items {
        let item = AgendaItem::from(row);
        let index = item.section_id.and_then(|id| at.get(&id).copied());
        match (index, sections.last_mut()) {
            (Some(i), _) => sections[i].items.push(item),
            (None, Some(last)) => last.items.push(item),
            (None, None) => sections.push(AgendaSection {
                id: 0,
                title: "Övrigt".to_string(),
                items: vec![item],
            }),
        }
    }
    Ok(sections)
}

/// The meeting's agenda version (0 before the first change).
#[tracing::instrument(skip_all, err)]
pub async fn agenda_version(db: &Db, meeting_id: i64) -> sqlx::Result<i64> {
    const SQL: &str = "SELECT agenda_version FROM meetings WHERE id = $1";
    let found: Option<i64> =
        with_db!(db, pool => sqlx::query_scalar(SQL).bind(meeting_id).fetch_optional(pool).await)?;
    Ok(found.unwrap_or(0))
}

#[derive(sqlx::FromRow)]
struct HelpRow {
    id: i64,
    contact: String,
    guidance: String,
    osa_tip: Option<String>,
    send_with_notice: bool,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    topic_id: i64,
    label: String,
    url: Option<String>,
}

/// Guidance, OSA tip and material of every wheel topic on the meeting's agenda.
#[tracing::instrument(skip_all, err)]
pub async fn topic_help(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<TopicHelp>> {
    const TOPICS: &str = "SELECT t.id, t.contact, t.guidance, t.osa_tip, t.send_with_notice
         FROM wheel_topics t
         WHERE t.id IN (SELECT topic_id FROM agenda_items WHERE meeting_id = $1)";
    const LINKS: &str = "SELECT l.topic_id, l.label, l.url FROM wheel_topic_links l
         WHERE l.topic_id IN (SELECT topic_id FROM agenda_items WHERE meeting_id = $1)
         ORDER BY l.topic_id, l.sort_order";
    let (topics, links): (Vec<HelpRow>, Vec<LinkRow>) = with_db!(db, pool => {
        let topics = sqlx::query_as(TOPICS).bind(meeting_id).fetch_all(pool).await?;
        let links = sqlx::query_as(LINKS).bind(meeting_id).fetch_all(pool).await?;
        (topics, links)
    });
    let mut by_topic: HashMap<i64, Vec<TopicLink>> = HashMap::new();
    for l in links {
        by_topic.entry(l.topic_id).or_default().push(TopicLink {
            label: l.label,
            url: l.url,
        });
    }
    Ok(topics
        .into_iter()
        .map(|t| TopicHelp {
            topic_id: t.id,
            contact: t.contact,
            guidance: t.guidance,
            osa_tip: t.osa_tip,
            send_with_notice: t.send_with_notice,
            links: by_topic.remove(&t.id).unwrap_or_default(),
        })
        .collect())
}

/// The unit and the meeting (none: the backlog) an item belongs to.
#[tracing::instrument(skip_all, err)]
pub async fn item_place(db: &Db, item_id: i64) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    const SQL: &str = "SELECT unit_id, meeting_id FROM agenda_items WHERE id = $1";
    let row: Option<(i64, Option<i64>)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(item_id).fetch_optional(pool).await)?;
    Ok(row)
}

/// One item.
#[tracing::instrument(skip_all, err)]
pub async fn item(db: &Db, item_id: i64) -> sqlx::Result<Option<AgendaItem>> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM agenda_items i WHERE i.id = $1");
    let row: Option<ItemRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(item_id).fetch_optional(pool).await)?;
    Ok(row.map(AgendaItem::from))
}

/// The next APT of the same plan after the meeting (by date, not cancelled).
#[tracing::instrument(skip_all, err)]
pub async fn next_meeting(db: &Db, meeting_id: i64) -> sqlx::Result<Option<MeetingChoice>> {
    const SQL: &str = "SELECT n.id, n.meeting_date FROM meetings m
         JOIN meetings n ON n.plan_id = m.plan_id AND NOT n.cancelled
              AND (n.meeting_date > m.meeting_date
                   OR (n.meeting_date = m.meeting_date AND n.start_time > m.start_time))
         WHERE m.id = $1
         ORDER BY n.meeting_date, n.start_time LIMIT 1";
    let row: Option<(i64, chrono::NaiveDate)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_optional(pool).await)?;
    Ok(row.map(|(id, date)| MeetingChoice { id, date }))
}

/// The unit's coming APTs (from `from` on, not cancelled), over all its plans.
#[tracing::instrument(skip_all, err)]
pub async fn upcoming_meetings(
    db: &Db,
    unit_id: i64,
    from: chrono::NaiveDate,
) -> sqlx::Result<Vec<MeetingChoice>> {
    const SQL: &str = "SELECT m.id, m.meeting_date FROM meetings m JOIN plans p ON p.id = m.plan_id
         WHERE p.unit_id = $1 AND NOT m.cancelled AND m.meeting_date >= $2
         ORDER BY m.meeting_date, m.start_time";
    let rows: Vec<(i64, chrono::NaiveDate)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(unit_id).bind(from).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, date)| MeetingChoice { id, date })
        .collect())
}

/// Counts (waiting proposals of the unit, items of the meeting not reached and not yet carried).
#[tracing::instrument(skip_all, err)]
pub async fn agenda_counts(db: &Db, unit_id: i64, meeting_id: i64) -> sqlx::Result<(u32, u32)> {
    const SQL: &str = "SELECT
         (SELECT COUNT(*) FROM proposals WHERE unit_id = $1 AND status = 'new'),
         (SELECT COUNT(*) FROM agenda_items i WHERE i.meeting_id = $2 AND NOT i.reached
            AND NOT EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from = i.id))";
    let (waiting, not_reached): (i64, i64) = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).bind(meeting_id).fetch_one(pool).await
    })?;
    Ok((
        u32::try_from(waiting).unwrap_or(0),
        u32::try_from(not_reached).unwrap_or(0),
    ))
}
