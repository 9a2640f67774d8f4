//! The SQL of the audit trail: append an entry, count recent failed sign-ins.

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::with_db;

/// One entry as it is written.
#[derive(Clone, Debug, Default)]
pub struct NewEntry {
    /// The person acting, when known.
    pub actor_id: Option<i64>,
    /// Who acted, as a reader of the trail should see it (name or the e-mail typed).
    pub actor: String,
    /// What happened, a stable code (`sign_in`, `plan.meeting_added`, …).
    pub action: String,
    /// The part of the organisation it belongs to.
    pub node_id: Option<i64>,
    /// What it was done to (`meeting:12`).
    pub subject: String,
    /// A short description for a reader.
    pub detail: String,
    /// The client's address.
    pub address: String,
}

/// Appends an entry.
pub async fn append(db: &Db, entry: &NewEntry, at: DateTime<Utc>) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO audit_log
            (at, actor_id, actor, action, node_id, subject, detail, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(at)
            .bind(entry.actor_id)
            .bind(&entry.actor)
            .bind(&entry.action)
            .bind(entry.node_id)
            .bind(&entry.subject)
            .bind(&entry.detail)
            .bind(&entry.address)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// How many times sign-in failed for this e-mail since `since`, and the earliest of them.
pub async fn failed_sign_ins_since(
    db: &Db,
    email: &str,
    since: DateTime<Utc>,
) -> sqlx::Result<(i64, Option<DateTime<Utc>>)> {
    const SQL: &str = "SELECT COUNT(*), MIN(at) FROM audit_log
         WHERE action = 'sign_in_failed' AND actor = $1 AND at > $2";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(email).bind(since).fetch_one(pool).await
    })
}
