//! The SQL of a cooperation meeting's notice: who it goes to, and each sending recorded with
//! its messages in the outbox.

use chrono::{DateTime, NaiveDate, Utc};

use crate::db::{BeginWrite, Db};
use crate::with_db;

/// A member the notice goes to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NoticeRecipient {
    /// The person.
    pub id: i64,
    /// Their e-mail address.
    pub email: String,
}

/// Every active member of the group with an e-mail address, by name.
#[tracing::instrument(skip_all, err)]
pub async fn notice_recipients(db: &Db, group_id: i64) -> sqlx::Result<Vec<NoticeRecipient>> {
    const SQL: &str = "SELECT p.id, p.email FROM coop_members m
         JOIN people p ON p.id = m.person_id
         WHERE m.group_id = $1 AND p.active AND p.email <> ''
         ORDER BY p.name, p.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(group_id).fetch_all(pool).await)
}

/// The day the meeting's notice first went out, and how many sendings there were.
#[tracing::instrument(skip_all, err)]
pub async fn notice_sent(db: &Db, meeting_id: i64) -> sqlx::Result<(Option<NaiveDate>, i64)> {
    const SQL: &str = "SELECT MIN(sent_on), COUNT(*) FROM coop_notices WHERE meeting_id = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_one(pool).await)
}

/// One sending: who sent it, when, and the message for each recipient.
pub struct CoopNotice<'a> {
    /// The meeting.
    pub meeting_id: i64,
    /// Who sent it.
    pub sent_by: i64,
    /// The moment, by the app's clock.
    pub sent_at: DateTime<Utc>,
    /// The day in Stockholm.
    pub sent_on: NaiveDate,
    /// The subject line.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
    /// The recipients.
    pub to: &'a [NoticeRecipient],
    /// `queued` (SMTP) or `stored` (outbox only).
    pub status: &'a str,
}

/// Records a sending and its outbox messages in one transaction; the sending's id.
#[tracing::instrument(skip_all, err)]
pub async fn record_notice(db: &Db, notice: &CoopNotice<'_>) -> sqlx::Result<i64> {
    const NOTICE: &str = "INSERT INTO coop_notices (meeting_id, sent_by, sent_at, sent_on)
         VALUES ($1, $2, $3, $4) RETURNING id";
    const MESSAGE: &str = "INSERT INTO outbox (coop_notice_id, person_id, to_address, subject,
             body_text, status)
         VALUES ($1, $2, $3, $4, $5, $6)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(NOTICE)
            .bind(notice.meeting_id)
            .bind(notice.sent_by)
            .bind(notice.sent_at)
            .bind(notice.sent_on)
            .fetch_one(&mut *tx)
            .await?;
        for person in notice.to {
            sqlx::query(MESSAGE)
                .bind(id)
                .bind(person.id)
                .bind(&person.email)
                .bind(notice.subject)
                .bind(notice.body)
                .bind(notice.status)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    })
}
