//! The SQL of accounts: every person with their roles (one query), and turning an account off
//! or on.

use crate::db::Db;
use crate::with_db;

/// A person with one of their roles (a person without roles appears once, without one).
#[derive(Debug, sqlx::FromRow)]
pub struct PersonRoleRow {
    /// The person's id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether the person's identity at the organisation's provider is kept (they have signed
    /// in through it).
    pub provider_linked: bool,
    /// The node of the role, if any.
    pub node_id: Option<i64>,
    /// The role's code, if any.
    pub role: Option<String>,
}

/// Every person with each of their roles, by name.
#[tracing::instrument(skip_all, err)]
pub async fn people_with_roles(db: &Db) -> sqlx::Result<Vec<PersonRoleRow>> {
    const SQL: &str = "SELECT p.id, p.name, p.email, p.active,
             p.oidc_subject IS NOT NULL AS provider_linked, m.node_id, m.role
         FROM people p LEFT JOIN memberships m ON m.person_id = p.id
         ORDER BY p.name, p.id, m.node_id";
    with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

/// The nodes where one person holds a role, and whether the account is active; `None` when
/// there is no such person.
#[tracing::instrument(skip_all, err)]
pub async fn account(db: &Db, person_id: i64) -> sqlx::Result<Option<(bool, Vec<i64>)>> {
    let rows: Vec<PersonRoleRow> = with_db!(db, pool => {
        sqlx::query_as(
            "SELECT p.id, p.name, p.email, p.active,
                 p.oidc_subject IS NOT NULL AS provider_linked, m.node_id, m.role
             FROM people p LEFT JOIN memberships m ON m.person_id = p.id WHERE p.id = $1",
        )
        .bind(person_id)
        .fetch_all(pool)
        .await
    })?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let active = first.active;
    Ok(Some((
        active,
        rows.iter().filter_map(|r| r.node_id).collect(),
    )))
}

/// Turns an account off or on; returns whether it changed.
#[tracing::instrument(skip_all, err)]
pub async fn set_active(db: &Db, person_id: i64, active: bool) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE people SET active = $2 WHERE id = $1 AND active <> $2";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id)
            .bind(active)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() > 0)
    })
}
