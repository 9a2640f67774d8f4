//! The SQL of signed-in sessions (`sign_in_sessions`): one row per sign-in, ended by signing out,
//! by the person, by an administrator or by the time limits.

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::with_db;

use super::CurrentUser;

/// How the person signed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    /// E-mail and password (a local account).
    Password,
    /// The organisation's OpenID Connect provider.
    Oidc,
}

impl SignInMethod {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            SignInMethod::Password => "password",
            SignInMethod::Oidc => "oidc",
        }
    }
}

/// Where a sign-in came from, kept with the session for the person's own list.
#[derive(Clone, Debug, Default)]
pub struct SignInOrigin {
    /// The browser's User-Agent (cut to 300 characters).
    pub user_agent: String,
    /// The client's address.
    pub address: String,
}

/// A live session row with its person, as the per-request check reads it.
#[derive(Clone, Debug)]
pub struct OpenSession {
    /// The row id.
    pub id: i64,
    /// The signed-in person (active accounts only).
    pub user: CurrentUser,
    /// When they signed in.
    pub started_at: DateTime<Utc>,
    /// When the session was last used (written at most once a minute).
    pub last_seen_at: DateTime<Utc>,
    /// How they signed in (`password`, `oidc`): the identity an approval records.
    pub method: String,
    /// The person's roles, read with the session in the same query: every page asks for both.
    pub memberships: Vec<crate::domain::Membership>,
}

#[derive(sqlx::FromRow)]
struct OpenSessionRow {
    id: i64,
    method: String,
    person_id: i64,
    name: String,
    email: String,
    started_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    node_id: Option<i64>,
    role: Option<String>,
}

/// One of a person's sessions, for their list.
#[derive(Debug, sqlx::FromRow)]
pub struct SessionRow {
    /// The row id.
    pub id: i64,
    /// `password` or `oidc`.
    pub method: String,
    /// The browser's User-Agent.
    pub user_agent: String,
    /// The client's address.
    pub address: String,
    /// When they signed in.
    pub started_at: DateTime<Utc>,
    /// When it was last used.
    pub last_seen_at: DateTime<Utc>,
}

/// Records a new sign-in under `key` and returns its id.
#[tracing::instrument(skip_all, err)]
pub async fn insert(
    db: &Db,
    key: &str,
    person_id: i64,
    method: SignInMethod,
    origin: &SignInOrigin,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO sign_in_sessions
            (session_key, person_id, method, user_agent, address, started_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
    let user_agent: String = origin.user_agent.chars().take(300).collect();
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(key)
            .bind(person_id)
            .bind(method.code())
            .bind(&user_agent)
            .bind(&origin.address)
            .bind(now)
            .fetch_one(pool)
            .await
    })
}

/// The open session under `key` of an active person, if there is one, with the person's roles:
/// one query (a row per role) for what every page asks first.
#[tracing::instrument(skip_all, err)]
pub async fn find_open(db: &Db, key: &str) -> sqlx::Result<Option<OpenSession>> {
    const SQL: &str = "SELECT s.id, s.method, s.person_id, p.name, p.email, s.started_at,
             s.last_seen_at, m.node_id, m.role
         FROM sign_in_sessions s JOIN people p ON p.id = s.person_id
         LEFT JOIN memberships m ON m.person_id = p.id
         WHERE s.session_key = $1 AND s.ended_at IS NULL AND p.active";
    let rows: Vec<OpenSessionRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(key).fetch_all(pool).await
    })?;
    let memberships = rows
        .iter()
        .filter_map(|r| {
            let role = crate::domain::Role::from_code(r.role.as_deref()?)?;
            Some(crate::domain::Membership {
                node_id: r.node_id?,
                role,
            })
        })
        .collect();
    Ok(rows.into_iter().next().map(|r| OpenSession {
        id: r.id,
        user: CurrentUser {
            id: r.person_id,
            name: r.name,
            email: r.email,
        },
        started_at: r.started_at,
        last_seen_at: r.last_seen_at,
        method: r.method,
        memberships,
    }))
}

/// Moves a session's last-seen time to `now`.
#[tracing::instrument(skip_all, err)]
pub async fn touch(db: &Db, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    const SQL: &str =
        "UPDATE sign_in_sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(id).bind(now).execute(pool).await.map(|_| ())
    })
}

/// Ends one session for `reason`; returns whether an open one was ended.
#[tracing::instrument(skip_all, err)]
pub async fn end(db: &Db, id: i64, reason: &str, now: DateTime<Utc>) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE sign_in_sessions SET ended_at = $2, end_reason = $3
         WHERE id = $1 AND ended_at IS NULL";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(id)
            .bind(now)
            .bind(reason)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() > 0)
    })
}

/// Ends one of the person's own open sessions; `false` when it is not theirs or already ended.
#[tracing::instrument(skip_all, err)]
pub async fn end_own(
    db: &Db,
    person_id: i64,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE sign_in_sessions SET ended_at = $3, end_reason = $4
         WHERE id = $1 AND person_id = $2 AND ended_at IS NULL";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(id)
            .bind(person_id)
            .bind(now)
            .bind(reason)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() > 0)
    })
}

/// Ends every open session of a person, except `keep`; returns how many were ended.
#[tracing::instrument(skip_all, err)]
pub async fn end_all_of(
    db: &Db,
    person_id: i64,
    keep: Option<i64>,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    const SQL: &str = "UPDATE sign_in_sessions SET ended_at = $3, end_reason = $4
         WHERE person_id = $1 AND ended_at IS NULL AND id <> $2";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id)
            .bind(keep.unwrap_or(0))
            .bind(now)
            .bind(reason)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// The person's open sessions, most recently used first.
#[tracing::instrument(skip_all, err)]
pub async fn list_open(db: &Db, person_id: i64) -> sqlx::Result<Vec<SessionRow>> {
    const SQL: &str =
        "SELECT id, method, user_agent, address, started_at, last_seen_at FROM sign_in_sessions
         WHERE person_id = $1 AND ended_at IS NULL ORDER BY last_seen_at DESC, id DESC";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(person_id).fetch_all(pool).await
    })
}

/// How long an ended session stays in its person's history before it is forgotten.
pub const KEEP_ENDED_DAYS: i64 = 90;

/// The one clean-up of sessions: ends those past their idle or absolute limit that nobody came
/// back to, and forgets those ended more than [`KEEP_ENDED_DAYS`] ago. Returns (ended, forgotten).
#[tracing::instrument(skip_all, err)]
pub async fn clean_up(
    db: &Db,
    limits: crate::domain::SessionLimits,
    now: DateTime<Utc>,
) -> sqlx::Result<(u64, u64)> {
    // One statement ends both kinds; the absolute limit names the reason when both passed.
    const END: &str = "UPDATE sign_in_sessions SET ended_at = $1,
             end_reason = CASE WHEN started_at < $2 THEN 'absolute' ELSE 'idle' END
         WHERE ended_at IS NULL AND (started_at < $2 OR last_seen_at < $3)";
    const FORGET: &str =
        "DELETE FROM sign_in_sessions WHERE ended_at IS NOT NULL AND ended_at < $1";
    let forget_before = now - chrono::TimeDelta::days(KEEP_ENDED_DAYS);
    with_db!(db, pool => {
        let ended = sqlx::query(END)
            .bind(now)
            .bind(now - limits.absolute)
            .bind(now - limits.idle)
            .execute(pool)
            .await?
            .rows_affected();
        let forgotten = sqlx::query(FORGET)
            .bind(forget_before)
            .execute(pool)
            .await?
            .rows_affected();
        Ok((ended, forgotten))
    })
}
