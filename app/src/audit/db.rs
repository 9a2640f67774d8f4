//! The SQL of the audit trail: append an entry, count recent failed sign-ins, read a page of a
//! part of the tree.

use chrono::{DateTime, Utc};

use super::catalogue::{EntryCategory, REFUSED, SIGN_IN_ACTIONS};
use crate::db::Db;
use crate::domain::sign_in_limits::Failures;
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

/// The most of each text an entry keeps: a request may carry a 20 kB path or a typed address of
/// any length, and the trail is append-only.
const MAX_ACTOR: usize = 254;
const MAX_ACTION: usize = 120;
const MAX_SUBJECT: usize = 200;
const MAX_DETAIL: usize = 500;
const MAX_ADDRESS: usize = 64;

/// Appends an entry, each text bounded (and on one line). Refusals go through
/// `audit::record::append_entry`, which also bounds how many one client adds.
#[tracing::instrument(skip_all, err)]
pub async fn append(db: &Db, entry: &NewEntry, at: DateTime<Utc>) -> sqlx::Result<()> {
    use crate::domain::plain_text::clipped;
    const SQL: &str = "INSERT INTO audit_log
            (at, actor_id, actor, actor_key, action, node_id, subject, detail, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(at)
            .bind(entry.actor_id)
            .bind(clipped(&entry.actor, MAX_ACTOR))
            .bind(clipped(&entry.actor, MAX_ACTOR).to_lowercase())
            .bind(clipped(&entry.action, MAX_ACTION))
            .bind(entry.node_id)
            .bind(clipped(&entry.subject, MAX_SUBJECT))
            .bind(clipped(&entry.detail, MAX_DETAIL))
            .bind(clipped(&entry.address, MAX_ADDRESS))
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// An account's failed sign-ins since `since`: those from `address`, and those from everywhere
/// (the two counts the sign-in limits weigh, `domain::sign_in_limits`), in one indexed read.
#[tracing::instrument(skip_all, err)]
pub async fn failed_sign_ins_since(
    db: &Db,
    email: &str,
    address: &str,
    since: DateTime<Utc>,
) -> sqlx::Result<(Failures, Failures)> {
    const SQL: &str = "SELECT COUNT(CASE WHEN address = $3 THEN 1 END),
             MIN(CASE WHEN address = $3 THEN at END), COUNT(*), MIN(at)
         FROM audit_log
         WHERE action = 'sign_in_failed' AND actor = $1 AND at > $2";
    type Row = (i64, Option<DateTime<Utc>>, i64, Option<DateTime<Utc>>);
    let (client, client_earliest, all, earliest): Row = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(email).bind(since).bind(address).fetch_one(pool).await
    })?;
    Ok((
        Failures {
            count: client,
            earliest: client_earliest,
        },
        Failures {
            count: all,
            earliest,
        },
    ))
}

/// One entry as the log page reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LogRow {
    /// Entry id (newest highest): the page's cursor.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// The action code.
    pub action: String,
    /// The node's name, when the entry has one.
    pub node_name: Option<String>,
    /// What it was done to.
    pub subject: String,
    /// More about it.
    pub detail: String,
    /// From where.
    pub address: String,
}

/// What a page of the log asks for.
#[derive(Clone, Debug, Default)]
pub struct LogQuery {
    /// The node whose subtree is read.
    pub node_id: i64,
    /// Also the entries of no node (for HR at a root).
    pub unplaced: bool,
    /// Only this category.
    pub category: Option<EntryCategory>,
    /// From this instant.
    pub from: Option<DateTime<Utc>>,
    /// Before this instant.
    pub until: Option<DateTime<Utc>>,
    /// The actor's name or e-mail contains this.
    pub person: Option<String>,
    /// Entries older than this id (the next page).
    pub before: Option<i64>,
    /// At most this many.
    pub limit: i64,
}

/// The SQL condition of a category; built from constants only.
fn category_clause(category: Option<EntryCategory>) -> String {
    let sign_ins = SIGN_IN_ACTIONS
        .iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ");
    match category {
        None => "1 = 1".to_string(),
        Some(EntryCategory::Refused) => format!("a.action = '{REFUSED}'"),
        Some(EntryCategory::SignIns) => format!("a.action IN ({sign_ins})"),
        Some(EntryCategory::Changes) => {
            format!("a.action <> '{REFUSED}' AND a.action NOT IN ({sign_ins})")
        }
    }
}

/// A page of the log of a node's subtree, newest first: one query, the subtree found by a
/// recursive CTE over the node index.
#[tracing::instrument(skip_all, err)]
pub async fn log_page(db: &Db, query: &LogQuery) -> sqlx::Result<Vec<LogRow>> {
    let sql = format!(
        "{}
         SELECT a.id, a.at, a.actor, a.action, n.name AS node_name, a.subject, a.detail,
                a.address
         FROM audit_log a LEFT JOIN org_nodes n ON n.id = a.node_id
         WHERE (a.node_id IN (SELECT id FROM subtree) OR ($2 AND a.node_id IS NULL))
           AND ($3 IS NULL OR a.at >= $3)
           AND ($4 IS NULL OR a.at < $4)
           AND ($5 IS NULL OR a.actor_key LIKE $5 ESCAPE '\\')
           AND ($6 IS NULL OR a.id < $6)
           AND {}
         ORDER BY a.id DESC
         LIMIT $7",
        crate::subtree_cte!("$1"),
        category_clause(query.category)
    );
    let person = query
        .person
        .as_deref()
        .map(|p| crate::db::like_contains(&p.to_lowercase()));
    with_db!(db, pool => {
        sqlx::query_as::<_, LogRow>(&sql)
            .bind(query.node_id)
            .bind(query.unplaced)
            .bind(query.from)
            .bind(query.until)
            .bind(&person)
            .bind(query.before)
            .bind(query.limit)
            .fetch_all(pool)
            .await
    })
}
