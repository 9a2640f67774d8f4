//! The SQL of notices and the outbox, the only place it is written.

use chrono::NaiveDate;

use super::{Delivery, NoticeRecord, OutboxMessage};
use crate::db::{BeginWrite, Db};
use crate::with_db;

/// A member of a unit a notice goes to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Recipient {
    /// Person id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: String,
}

/// Every active member of the unit itself (any role), once each, by name.
#[tracing::instrument(skip_all, err)]
pub async fn recipients(db: &Db, unit_id: i64) -> sqlx::Result<Vec<Recipient>> {
    const SQL: &str = "SELECT DISTINCT p.id, p.name, p.email FROM people p
         JOIN memberships m ON m.person_id = p.id
         WHERE m.node_id = $1 AND p.active AND p.email <> ''
         ORDER BY p.name, p.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(unit_id).fetch_all(pool).await)
}

/// A message to store with a notice.
pub struct NewMessage {
    /// Recipient.
    pub person_id: i64,
    /// Address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Text.
    pub body: String,
    /// The calendar invitation.
    pub ics: String,
}

/// What one sending records.
pub struct NewNotice<'a> {
    /// The meeting.
    pub meeting_id: i64,
    /// An update after a change (not the first notice).
    pub update: bool,
    /// The agenda version sent.
    pub agenda_version: i64,
    /// Who sent it.
    pub sent_by: i64,
    /// The day in Stockholm.
    pub sent_on: NaiveDate,
    /// The moment, by the app's clock.
    pub sent_at: chrono::DateTime<chrono::Utc>,
    /// The messages, one per recipient.
    pub messages: &'a [NewMessage],
    /// `queued` (SMTP) or `stored` (outbox only).
    pub status: &'a str,
}

/// Records a sending and its messages in one transaction; returns the notice id. `None` when the
/// agenda moved on since the caller read it (the caller then asks the person to look again).
#[tracing::instrument(skip_all, err)]
pub async fn record(db: &Db, notice: &NewNotice<'_>) -> sqlx::Result<Option<i64>> {
    const CURRENT: &str = "SELECT agenda_version FROM meetings WHERE id = $1";
    const NOTICE: &str = "INSERT INTO notices (meeting_id, kind, agenda_version, sent_by, sent_at,
             sent_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    const MESSAGE: &str = "INSERT INTO outbox (notice_id, person_id, to_address, subject,
             body_text, ics, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let current: Option<i64> = sqlx::query_scalar(CURRENT)
            .bind(notice.meeting_id)
            .fetch_optional(&mut *tx)
            .await?;
        if current != Some(notice.agenda_version) {
            tx.rollback().await?;
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(NOTICE)
            .bind(notice.meeting_id)
            .bind(if notice.update { "update" } else { "notice" })
            .bind(notice.agenda_version)
            .bind(notice.sent_by)
            .bind(notice.sent_at)
            .bind(notice.sent_on)
            .fetch_one(&mut *tx)
            .await?;
        for m in notice.messages {
            sqlx::query(MESSAGE)
                .bind(id)
                .bind(m.person_id)
                .bind(&m.to)
                .bind(&m.subject)
                .bind(&m.body)
                .bind(&m.ics)
                .bind(notice.status)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    })
}

#[derive(sqlx::FromRow)]
struct NoticeRow {
    kind: String,
    sent_on: NaiveDate,
    sent_at: chrono::DateTime<chrono::Utc>,
    sent_by: String,
    recipients: i64,
    agenda_version: i64,
}

/// The meeting's sendings, first first, with the agenda version of the latest.
#[tracing::instrument(skip_all, err)]
pub async fn notices(db: &Db, meeting_id: i64) -> sqlx::Result<(Vec<NoticeRecord>, Option<i64>)> {
    const SQL: &str = "SELECT n.kind, n.sent_on, n.sent_at, p.name AS sent_by,
             (SELECT COUNT(*) FROM outbox o WHERE o.notice_id = n.id) AS recipients,
             n.agenda_version AS agenda_version
         FROM notices n JOIN people p ON p.id = n.sent_by
         WHERE n.meeting_id = $1 ORDER BY n.id";
    let rows: Vec<NoticeRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)?;
    let last_version = rows.last().map(|r| r.agenda_version);
    let records = rows
        .into_iter()
        .map(|r| NoticeRecord {
            update: r.kind == "update",
            sent_on: r.sent_on,
            sent_time: r
                .sent_at
                .with_timezone(&chrono::Local)
                .format("%H:%M")
                .to_string(),
            sent_by: r.sent_by,
            recipients: u32::try_from(r.recipients).unwrap_or(0),
        })
        .collect();
    Ok((records, last_version))
}

/// How the messages of the meeting's latest sending fared.
#[tracing::instrument(skip_all, err)]
pub async fn delivery(db: &Db, meeting_id: i64) -> sqlx::Result<Delivery> {
    const SQL: &str = "SELECT o.status, COUNT(*) FROM outbox o
         WHERE o.notice_id = (SELECT MAX(id) FROM notices WHERE meeting_id = $1)
         GROUP BY o.status";
    let rows: Vec<(String, i64)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)?;
    let mut d = Delivery::default();
    for (status, count) in rows {
        let count = u32::try_from(count).unwrap_or(0);
        match status.as_str() {
            "queued" => d.queued = count,
            "sent" => d.sent = count,
            "failed" => d.failed = count,
            _ => d.stored = count,
        }
    }
    Ok(d)
}

/// A queued message for the worker.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Queued {
    /// Message id.
    pub id: i64,
    /// Address.
    pub to_address: String,
    /// Subject line.
    pub subject: String,
    /// Text.
    pub body_text: String,
    /// Calendar invitation.
    pub ics: Option<String>,
    /// Earlier attempts.
    pub attempts: i64,
}

/// Up to `limit` queued messages, oldest first.
#[tracing::instrument(skip_all, err)]
pub async fn queued(db: &Db, limit: i64) -> sqlx::Result<Vec<Queued>> {
    const SQL: &str = "SELECT id, to_address, subject, body_text, ics,
             attempts AS attempts
         FROM outbox WHERE status = 'queued' ORDER BY id LIMIT $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(limit).fetch_all(pool).await)
}

/// Records the outcome of an attempt: sent, queued again (with the error), or failed for good.
#[tracing::instrument(skip_all, err)]
pub async fn mark(
    db: &Db,
    id: i64,
    status: &str,
    error: Option<&str>,
    at: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE outbox SET status = $2, error = $3, attempts = attempts + 1,
             sent_at = CASE WHEN $2 = 'sent' THEN $4 ELSE sent_at END
         WHERE id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(id)
            .bind(status)
            .bind(error)
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

#[derive(sqlx::FromRow)]
struct OutboxRow {
    id: i64,
    to_address: String,
    subject: String,
    body_text: String,
    status: String,
    error: Option<String>,
    created_at: chrono::DateTime<chrono::Utc>,
}

/// The newest outbox messages of `units`: notices of their meetings and reminders of their
/// actions.
#[tracing::instrument(skip_all, err)]
pub async fn outbox(db: &Db, units: &[i64], limit: i64) -> sqlx::Result<Vec<OutboxMessage>> {
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let list = units
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    // The ids are numbers from the loaded tree, never from the request.
    let sql = format!(
        "SELECT o.id, o.to_address, o.subject, o.body_text, o.status, o.error,
             o.created_at
         FROM outbox o
         LEFT JOIN notices n ON n.id = o.notice_id
         LEFT JOIN meetings m ON m.id = n.meeting_id
         LEFT JOIN plans p ON p.id = m.plan_id
         LEFT JOIN actions a ON a.id = o.action_id
         WHERE COALESCE(p.unit_id, a.unit_id) IN ({list})
         ORDER BY o.id DESC LIMIT $1"
    );
    let rows: Vec<OutboxRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(limit).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| OutboxMessage {
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            body: r.body_text,
            status: r.status,
            error: r.error,
            created: r
                .created_at
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        })
        .collect())
}
