//! The SQL of starting an organisation: what its first-run page shows (how far the setting up
//! has come), its sign-in settings, and finding the organisation that takes an address by open
//! sign-up. Each is one or two indexed queries, whatever the organisation's size.

use crate::db::Db;
use crate::with_db;

/// How far an organisation's setting up has come.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StartRow {
    /// The organisation's name (its root node's).
    pub name: String,
    /// Still being set up: the first-run page is offered.
    pub setting_up: bool,
    /// Nodes below the root.
    pub nodes: i64,
    /// People of the organisation.
    pub people: i64,
    /// HR imports applied.
    pub imports: i64,
}

/// The organisation's progress; `None` for no such organisation.
#[tracing::instrument(skip_all, err)]
pub async fn start(db: &Db, org_id: i64) -> sqlx::Result<Option<StartRow>> {
    const SQL: &str = "SELECT n.name,
             COALESCE((SELECT s.setting_up FROM organisation_settings s WHERE s.org_id = n.id),
                 FALSE) AS setting_up,
             (SELECT COUNT(*) FROM org_nodes c WHERE c.org_id = n.id AND c.id <> n.id) AS nodes,
             (SELECT COUNT(*) FROM people p WHERE p.org_id = n.id) AS people,
             (SELECT COUNT(*) FROM org_imports i WHERE i.org_id = n.id
                 AND i.applied_at IS NOT NULL) AS imports
         FROM org_nodes n WHERE n.id = $1 AND n.parent_id IS NULL";
    with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_optional(pool).await)
}

/// Marks the organisation as being set up (by `create-admin`) or ready (by its administrator).
#[tracing::instrument(skip_all, err)]
pub async fn set_setting_up(db: &Db, org_id: i64, setting_up: bool) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO organisation_settings (org_id, setting_up) VALUES ($2, $1)
         ON CONFLICT (org_id) DO UPDATE SET setting_up = excluded.setting_up";
    with_db!(db, pool => sqlx::query(SQL).bind(setting_up).bind(org_id).execute(pool).await.map(|_| ()))
}

/// Which of these organisations are still being set up, for the start page.
#[tracing::instrument(skip_all, err)]
pub async fn setting_up_among(db: &Db, org_ids: &[i64]) -> sqlx::Result<Vec<i64>> {
    let mut found = Vec::new();
    for &org_id in org_ids {
        const SQL: &str =
            "SELECT org_id FROM organisation_settings WHERE org_id = $1 AND setting_up";
        let row: Option<i64> = with_db!(db, pool => {
            sqlx::query_scalar(SQL).bind(org_id).fetch_optional(pool).await
        })?;
        found.extend(row);
    }
    Ok(found)
}

/// The organisation's open sign-up settings.
#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct SignUpRow {
    /// Its e-mail domains, separated by commas.
    pub email_domains: String,
    /// Whether a person of those domains gets an account by signing in through the provider.
    pub open_sign_up: bool,
    /// Whom a person without roles should ask, in the organisation's words.
    pub whom_to_ask: String,
}

/// The organisation's sign-up settings (the defaults when it has none stored).
#[tracing::instrument(skip_all, err)]
pub async fn sign_up(db: &Db, org_id: i64) -> sqlx::Result<SignUpRow> {
    const SQL: &str = "SELECT email_domains, open_sign_up, whom_to_ask
         FROM organisation_settings WHERE org_id = $1";
    let row: Option<SignUpRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_optional(pool).await)?;
    Ok(row.unwrap_or_default())
}

/// Stores the organisation's sign-up settings.
#[tracing::instrument(skip_all, err)]
pub async fn save_sign_up(
    db: &Db,
    org_id: i64,
    domains: &[String],
    open: bool,
    whom_to_ask: &str,
) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO organisation_settings (org_id, email_domains, open_sign_up,
             whom_to_ask)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id) DO UPDATE SET email_domains = excluded.email_domains,
             open_sign_up = excluded.open_sign_up, whom_to_ask = excluded.whom_to_ask";
    let domains = domains.join(", ");
    with_db!(db, pool => {
        sqlx::query(SQL).bind(org_id).bind(&domains).bind(open).bind(whom_to_ask)
            .execute(pool).await.map(|_| ())
    })
}

/// The organisations that take new people by open sign-up, with their domains: a short list
/// (one row per organisation that has switched it on), matched in Rust by
/// `domain::sign_up::in_domains`.
#[tracing::instrument(skip_all, err)]
pub async fn open_sign_ups(db: &Db) -> sqlx::Result<Vec<(i64, String)>> {
    const SQL: &str = "SELECT org_id, email_domains FROM organisation_settings WHERE open_sign_up
         ORDER BY org_id";
    with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

/// The people who keep the organisation (HR at its root), by name: whom a person without
/// roles is told to ask when the organisation has not said.
#[tracing::instrument(skip_all, err)]
pub async fn keepers(db: &Db, org_id: i64) -> sqlx::Result<Vec<(String, String)>> {
    const SQL: &str =
        "SELECT p.name, p.email FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.node_id = $1 AND m.role = 'hr' AND p.active ORDER BY p.name, p.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)
}

/// The organisation a person belongs to, if any.
#[tracing::instrument(skip_all, err)]
pub async fn person_org(db: &Db, person_id: i64) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT org_id FROM people WHERE id = $1";
    let found: Option<Option<i64>> =
        with_db!(db, pool => sqlx::query_scalar(SQL).bind(person_id).fetch_optional(pool).await)?;
    Ok(found.flatten())
}
