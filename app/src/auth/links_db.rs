//! The SQL of one-time account links (invitations and password resets) and of the mail that
//! carries them. Only a hash of a link's token is stored, so the table alone opens no account.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::db::{BeginWrite, Db};
use crate::domain::account_links::LinkPurpose;
use crate::with_db;

/// The stored form of a token: its SHA-256 as hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A link found by its token, with the person it is for.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FoundLink {
    /// The link.
    pub id: i64,
    /// The person it lets choose a password.
    pub person_id: i64,
    /// `invite` or `reset`.
    pub purpose: String,
    /// When it stops holding.
    pub expires_at: DateTime<Utc>,
    /// When it was used (or replaced by a newer one).
    pub used_at: Option<DateTime<Utc>>,
    /// The person's name.
    pub name: String,
    /// The person's sign-in e-mail.
    pub email: String,
    /// Whether the person's account is on.
    pub active: bool,
}

/// A mail carrying a link, for the outbox.
pub struct LinkMail<'a> {
    /// Recipient.
    pub to: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain text with the link.
    pub body: &'a str,
    /// `queued` (sent over SMTP by the worker) or `stored` (no mail server set up).
    pub status: &'a str,
}

/// Makes a new link for the person and queues the mail that carries it, in one transaction.
/// Earlier unused links of the same purpose stop holding, so only the newest mail works.
#[tracing::instrument(skip_all, err)]
pub async fn create(
    db: &Db,
    person_id: i64,
    purpose: LinkPurpose,
    token: &str,
    now: DateTime<Utc>,
    mail: &LinkMail<'_>,
) -> sqlx::Result<()> {
    const RETIRE: &str = "UPDATE account_links SET used_at = $3
         WHERE person_id = $1 AND purpose = $2 AND used_at IS NULL";
    const INSERT: &str = "INSERT INTO account_links
             (person_id, purpose, token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)";
    const MAIL: &str = "INSERT INTO outbox (person_id, to_address, subject, body_text, status)
         VALUES ($1, $2, $3, $4, $5)";
    let expires = now + purpose.lifetime();
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(RETIRE).bind(person_id).bind(purpose.code()).bind(now)
            .execute(&mut *tx).await?;
        sqlx::query(INSERT)
            .bind(person_id).bind(purpose.code()).bind(token_hash(token)).bind(now).bind(expires)
            .execute(&mut *tx).await?;
        sqlx::query(MAIL)
            .bind(person_id).bind(mail.to).bind(mail.subject).bind(mail.body).bind(mail.status)
            .execute(&mut *tx).await?;
        tx.commit().await
    })
}

/// The link with this token, if there is one.
#[tracing::instrument(skip_all, err)]
pub async fn find(db: &Db, token: &str) -> sqlx::Result<Option<FoundLink>> {
    const SQL: &str = "SELECT l.id, l.person_id, l.purpose, l.expires_at, l.used_at, p.name,
             p.email, p.active
         FROM account_links l JOIN people p ON p.id = l.person_id
         WHERE l.token_hash = $1";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(token_hash(token)).fetch_optional(pool).await
    })
}

/// Uses the link: sets the person's password hash and marks the link (and any other open link
/// of the person) used, in one transaction. `false` when the link was used in the meantime, so
/// a link works exactly once even when two tabs send it at the same moment.
#[tracing::instrument(skip_all, err)]
pub async fn use_link(
    db: &Db,
    link_id: i64,
    person_id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const USE: &str = "UPDATE account_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL";
    const OTHERS: &str =
        "UPDATE account_links SET used_at = $2 WHERE person_id = $1 AND used_at IS NULL";
    const PASSWORD: &str = "UPDATE people SET password_hash = $2 WHERE id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let used = sqlx::query(USE).bind(link_id).bind(now).execute(&mut *tx).await?;
        if used.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(OTHERS).bind(person_id).bind(now).execute(&mut *tx).await?;
        sqlx::query(PASSWORD).bind(person_id).bind(password_hash).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Whether the person has chosen a password yet.
#[tracing::instrument(skip_all, err)]
pub async fn has_password(db: &Db, person_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM people WHERE id = $1 AND password_hash IS NOT NULL";
    let count: i64 =
        with_db!(db, pool => sqlx::query_scalar(SQL).bind(person_id).fetch_one(pool).await)?;
    Ok(count > 0)
}
