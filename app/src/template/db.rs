//! The SQL of the organisation's template. Rows are never rewritten under a plan: an edited topic
//! is a new row that supersedes the old one, a renamed point a new row, and each change raises
//! the organisation's template revision, which plans remember.

use crate::db::{BeginWrite, Db};
use crate::domain::{CheckedWheelTopic, TopicRevision};
use crate::with_db;

use super::{TemplatePoint, TemplateTopic};
use crate::plan::TopicKind;

/// Raises the organisation's template revision inside a transaction; returns the new revision.
const BUMP_REVISION: &str = "INSERT INTO organisation_settings (org_id, template_revision)
     VALUES ($1, 2)
     ON CONFLICT (org_id) DO UPDATE
         SET template_revision = organisation_settings.template_revision + 1
     RETURNING template_revision";

/// The revision a new plan is made from.
pub const CURRENT_REVISION: &str = "COALESCE((SELECT template_revision FROM organisation_settings
     WHERE org_id = $3), 1)";

/// Why a template change was not written.
#[derive(Debug)]
pub enum TemplateError {
    /// The topic or point is not a current part of this organisation's template.
    NotFound,
    /// The database failed.
    Db(sqlx::Error),
}

impl From<sqlx::Error> for TemplateError {
    fn from(err: sqlx::Error) -> Self {
        TemplateError::Db(err)
    }
}

/// A refused template change as the user sees it.
impl From<TemplateError> for crate::error::AppError {
    fn from(err: TemplateError) -> Self {
        match err {
            TemplateError::NotFound => crate::error::AppError::NotFound,
            TemplateError::Db(e) => crate::error::AppError::internal("template change", e),
        }
    }
}

#[derive(sqlx::FromRow)]
struct PointRow {
    id: i64,
    title: String,
}

/// The recurring points in force at `revision`, in order.
#[tracing::instrument(skip_all, err)]
pub async fn points_at(db: &Db, org_id: i64, revision: i64) -> sqlx::Result<Vec<TemplatePoint>> {
    const SQL: &str = "SELECT id, title FROM recurring_points
         WHERE org_id = $1 AND added_revision <= $2
           AND (retired_revision IS NULL OR retired_revision > $2)
         ORDER BY sort_order, id";
    let rows: Vec<PointRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(org_id).bind(revision).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| TemplatePoint {
            id: r.id,
            title: r.title,
        })
        .collect())
}

/// The organisation's current template revision.
#[tracing::instrument(skip_all, err)]
pub async fn revision(db: &Db, org_id: i64) -> sqlx::Result<i64> {
    const SQL: &str = "SELECT template_revision FROM organisation_settings
         WHERE org_id = $1";
    let found: Option<i64> =
        with_db!(db, pool => sqlx::query_scalar(SQL).bind(org_id).fetch_optional(pool).await)?;
    Ok(found.unwrap_or(1))
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    id: i64,
    title: String,
    month_start: i32,
    month_end: i32,
    kind: String,
    contact: String,
    guidance: String,
    osa_tip: Option<String>,
    send_with_notice: bool,
}

const TOPIC_COLUMNS: &str =
    "id, title, month_start, month_end, kind, contact, guidance, osa_tip, send_with_notice";

impl From<TopicRow> for TemplateTopic {
    fn from(r: TopicRow) -> Self {
        TemplateTopic {
            id: r.id,
            title: r.title,
            month_start: u32::try_from(r.month_start).unwrap_or(1),
            month_end: u32::try_from(r.month_end).unwrap_or(12),
            kind: TopicKind::from_code(&r.kind),
            contact: r.contact,
            guidance: r.guidance,
            osa_tip: r.osa_tip,
            send_with_notice: r.send_with_notice,
        }
    }
}

/// The template's current topics, in wheel order.
#[tracing::instrument(skip_all, err)]
pub async fn current_topics(db: &Db, org_id: i64) -> sqlx::Result<Vec<TemplateTopic>> {
    let sql = format!(
        "SELECT {TOPIC_COLUMNS} FROM wheel_topics
         WHERE org_id = $1 AND owner_node_id = $1 AND pushed_year IS NULL AND NOT retired
         ORDER BY month_start, sort_order, id"
    );
    let rows: Vec<TopicRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(org_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(TemplateTopic::from).collect())
}

/// One current topic of the template.
#[tracing::instrument(skip_all, err)]
pub async fn current_topic(
    db: &Db,
    org_id: i64,
    topic_id: i64,
) -> sqlx::Result<Option<TemplateTopic>> {
    let sql = format!(
        "SELECT {TOPIC_COLUMNS} FROM wheel_topics
         WHERE id = $1 AND org_id = $2 AND owner_node_id = $2 AND pushed_year IS NULL AND NOT retired"
    );
    let row: Option<TopicRow> = with_db!(db, pool => {
        sqlx::query_as(&sql).bind(topic_id).bind(org_id).fetch_optional(pool).await
    })?;
    Ok(row.map(TemplateTopic::from))
}

#[derive(sqlx::FromRow)]
struct RevisionRow {
    id: i64,
    supersedes_id: Option<i64>,
    retired: bool,
}

/// Every template topic row, current or not, with the row it superseded.
#[tracing::instrument(skip_all, err)]
pub async fn topic_revisions(db: &Db, org_id: i64) -> sqlx::Result<Vec<TopicRevision>> {
    const SQL: &str = "SELECT id, supersedes_id, retired FROM wheel_topics
         WHERE org_id = $1 AND owner_node_id = $1 AND pushed_year IS NULL ORDER BY month_start, sort_order, id";
    let rows: Vec<RevisionRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| TopicRevision {
            id: r.id,
            supersedes: r.supersedes_id,
            current: !r.retired,
        })
        .collect())
}

const INSERT_TOPIC: &str = "INSERT INTO wheel_topics (org_id, owner_node_id, supersedes_id, title,
         month_start, month_end, contact, guidance, osa_tip, send_with_notice, kind, sort_order)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
         COALESCE($11, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM wheel_topics
                        WHERE org_id = $1)))
     RETURNING id";

fn month(m: u32) -> i32 {
    i32::try_from(m).unwrap_or(1)
}

/// Writes a topic into the template (as a new topic, or as the next version of `supersedes`,
/// retiring it and carrying its links). Returns the new row's id.
#[tracing::instrument(skip_all)]
pub async fn save_topic(
    db: &Db,
    org_id: i64,
    supersedes: Option<i64>,
    topic: &CheckedWheelTopic,
) -> Result<i64, TemplateError> {
    const RETIRE: &str = "UPDATE wheel_topics SET retired = TRUE
         WHERE id = $1 AND org_id = $2 AND owner_node_id = $2 AND pushed_year IS NULL AND NOT retired
         RETURNING sort_order";
    const LINKS: &str = "INSERT INTO wheel_topic_links (topic_id, sort_order, label, url)
         SELECT $1, sort_order, label, url FROM wheel_topic_links WHERE topic_id = $2";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let mut order: Option<i32> = None;
        if let Some(old) = supersedes {
            let found: Option<i32> = sqlx::query_scalar(RETIRE)
                .bind(old)
                .bind(org_id)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                tx.rollback().await?;
                return Err(TemplateError::NotFound);
            }
            order = found;
        }
        let id: i64 = sqlx::query_scalar(INSERT_TOPIC)
            .bind(org_id)
            .bind(supersedes)
            .bind(&topic.title)
            .bind(month(topic.month_start))
            .bind(month(topic.month_end))
            .bind(&topic.contact)
            .bind(&topic.guidance)
            .bind(&topic.osa_tip)
            .bind(topic.send_with_notice)
            .bind(topic.kind)
            .bind(order)
            .fetch_one(&mut *tx)
            .await?;
        if let Some(old) = supersedes {
            sqlx::query(LINKS).bind(id).bind(old).execute(&mut *tx).await?;
        }
        sqlx::query_scalar::<_, i64>(BUMP_REVISION).bind(org_id).fetch_one(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Takes a topic out of the template; plans that hold it keep it.
#[tracing::instrument(skip_all)]
pub async fn retire_topic(db: &Db, org_id: i64, topic_id: i64) -> Result<(), TemplateError> {
    const SQL: &str = "UPDATE wheel_topics SET retired = TRUE
         WHERE id = $1 AND org_id = $2 AND owner_node_id = $2 AND pushed_year IS NULL AND NOT retired";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query(SQL).bind(topic_id).bind(org_id).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(TemplateError::NotFound);
        }
        sqlx::query_scalar::<_, i64>(BUMP_REVISION).bind(org_id).fetch_one(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Adds a recurring point (`replaces: None`), renames one (a new row in its place from the next
/// revision) or retires one (`title: None`). Plans made before keep the points they had.
#[tracing::instrument(skip_all)]
pub async fn change_point(
    db: &Db,
    org_id: i64,
    replaces: Option<i64>,
    title: Option<&str>,
) -> Result<(), TemplateError> {
    const RETIRE: &str = "UPDATE recurring_points SET retired_revision = $3, retired = TRUE
         WHERE id = $1 AND org_id = $2 AND retired_revision IS NULL
         RETURNING sort_order";
    const INSERT: &str = "INSERT INTO recurring_points (org_id, title, sort_order, added_revision)
         VALUES ($1, $2, COALESCE($3, (SELECT COALESCE(MAX(sort_order), 0) + 1
                                       FROM recurring_points WHERE org_id = $1)), $4)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let revision: i64 = sqlx::query_scalar(BUMP_REVISION)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        let mut order: Option<i32> = None;
        if let Some(old) = replaces {
            let found: Option<i32> = sqlx::query_scalar(RETIRE)
                .bind(old)
                .bind(org_id)
                .bind(revision)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                tx.rollback().await?;
                return Err(TemplateError::NotFound);
            }
            order = found;
        }
        if let Some(title) = title {
            sqlx::query(INSERT)
                .bind(org_id)
                .bind(title)
                .bind(order)
                .bind(revision)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Pushes a topic from `node_id` to every unit below it for `year`: a topic row owned by the node,
/// put into every existing plan of that year below it (each plan's version rises, with a note);
/// plans made later take it in when created. Returns the topic id and how many plans got it.
#[tracing::instrument(skip_all, err)]
pub async fn push_topic(
    db: &Db,
    org_id: i64,
    node_id: i64,
    year: i32,
    person_id: i64,
    topic: &crate::domain::CheckedTopic,
    at: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<(i64, u64)> {
    const TOPIC: &str = "INSERT INTO wheel_topics (org_id, owner_node_id, title, month_start,
             month_end, guidance, kind, sort_order, pushed_year)
         VALUES ($1, $2, $3, $4, $4, $5, 'information', 500, $6) RETURNING id";
    const BELOW: &str = concat!(crate::subtree_cte!("$1"), " SELECT id FROM subtree");
    let plans_below =
        format!("SELECT p.id FROM plans p WHERE p.year = $2 AND p.unit_id IN ({BELOW})");
    let place = format!(
        "INSERT INTO plan_topics (plan_id, topic_id) SELECT p.id, $3 FROM plans p
         WHERE p.id IN ({plans_below})"
    );
    let bump = format!(
        "UPDATE plans SET version = version + 1, last_change = $3, last_changed_by = $4,
             last_changed_at = $5
         WHERE id IN ({plans_below})"
    );
    let note = format!("lade till det obligatoriska ämnet ”{}”", topic.title);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(TOPIC)
            .bind(org_id)
            .bind(node_id)
            .bind(&topic.title)
            .bind(month(topic.month))
            .bind(&topic.guidance)
            .bind(year)
            .fetch_one(&mut *tx)
            .await?;
        let placed = sqlx::query(&place)
            .bind(node_id)
            .bind(year)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(&bump)
            .bind(node_id)
            .bind(year)
            .bind(&note)
            .bind(person_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok((id, placed))
    })
}

#[derive(sqlx::FromRow)]
struct PushedRow {
    id: i64,
    title: String,
    month_start: i32,
    pushed_year: i32,
    owner_node_id: i64,
}

/// Every topic pushed within the organisation, with the node it came from, newest year first.
#[tracing::instrument(skip_all, err)]
pub async fn pushed_topics(db: &Db, org_id: i64) -> sqlx::Result<Vec<(i64, super::PushedTopic)>> {
    const SQL: &str = "SELECT id, title, month_start, pushed_year, owner_node_id FROM wheel_topics
         WHERE org_id = $1 AND pushed_year IS NOT NULL AND NOT retired
         ORDER BY pushed_year DESC, month_start, id";
    let rows: Vec<PushedRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.owner_node_id,
                super::PushedTopic {
                    id: r.id,
                    title: r.title,
                    month: u32::try_from(r.month_start).unwrap_or(1),
                    year: r.pushed_year,
                    node_name: String::new(),
                },
            )
        })
        .collect())
}
