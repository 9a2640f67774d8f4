//! The SQL of sign-in: people, their password hashes and their roles.

use crate::db::Db;
use crate::domain::{Membership, Role};
use crate::with_db;

use super::password::PasswordHashString;
use super::CurrentUser;

/// A person found by e-mail, with what sign-in needs.
#[derive(Debug)]
pub struct LoginRecord {
    /// The person as pages see them.
    pub user: CurrentUser,
    /// Stored hash; `None` for accounts that sign in another way.
    pub password_hash: Option<PasswordHashString>,
    /// Disabled accounts cannot sign in.
    pub active: bool,
}

#[derive(sqlx::FromRow)]
struct LoginRow {
    id: i64,
    name: String,
    email: String,
    password_hash: Option<String>,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    node_id: i64,
    role: String,
}

/// Finds a person by e-mail (stored lower-case).
#[tracing::instrument(skip_all, err)]
pub async fn find_login(db: &Db, email: &str) -> sqlx::Result<Option<LoginRecord>> {
    const SQL: &str = "SELECT id, name, email, password_hash, active FROM people WHERE email = $1";
    let row: Option<LoginRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(email).fetch_optional(pool).await
    })?;
    Ok(row.map(|r| LoginRecord {
        user: CurrentUser {
            id: r.id,
            name: r.name,
            email: r.email,
        },
        password_hash: r.password_hash.map(PasswordHashString),
        active: r.active,
    }))
}

/// The active person with this id, if any.
#[tracing::instrument(skip_all, err)]
pub async fn find_active_person(db: &Db, person_id: i64) -> sqlx::Result<Option<CurrentUser>> {
    const SQL: &str = "SELECT id, name, email, password_hash, active FROM people WHERE id = $1";
    let row: Option<LoginRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(person_id).fetch_optional(pool).await
    })?;
    Ok(row.filter(|r| r.active).map(|r| CurrentUser {
        id: r.id,
        name: r.name,
        email: r.email,
    }))
}

/// Every role the person holds, in any node.
#[tracing::instrument(skip_all, err)]
pub async fn memberships(db: &Db, person_id: i64) -> sqlx::Result<Vec<Membership>> {
    const SQL: &str = "SELECT node_id, role FROM memberships WHERE person_id = $1";
    let rows: Vec<MembershipRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(person_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Role::from_code(&r.role).map(|role| Membership {
                node_id: r.node_id,
                role,
            })
        })
        .collect())
}

/// Creates a person (or returns the existing one with that e-mail) and returns the id.
#[tracing::instrument(skip_all, err)]
pub async fn upsert_person(
    db: &Db,
    name: &str,
    email: &str,
    title: Option<&str>,
    password_hash: Option<&PasswordHashString>,
) -> sqlx::Result<i64> {
    const SQL: &str =
        "INSERT INTO people (name, email, title, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, title = excluded.title,
             password_hash = COALESCE(excluded.password_hash, people.password_hash)
         RETURNING id";
    let hash = password_hash.map(|h| h.0.clone());
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(name)
            .bind(crate::domain::normal_email(email))
            .bind(title)
            .bind(hash)
            .fetch_one(pool)
            .await
    })
}

/// Replaces a person's password: the command line's `set-password` (a link's choice goes
/// through `links_db::use_link`, which also retires the link).
#[tracing::instrument(skip_all, err)]
pub async fn set_password_hash(
    db: &Db,
    person_id: i64,
    hash: &PasswordHashString,
) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE people SET password_hash = $2 WHERE id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).bind(&hash.0).execute(pool).await.map(|_| ())
    })
}

/// Gives a person a role in a node (no-op when they already hold it). A person without an
/// organisation yet joins the node's.
#[tracing::instrument(skip_all, err)]
pub async fn grant_role(db: &Db, person_id: i64, node_id: i64, role: Role) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO memberships (person_id, node_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (person_id, node_id, role) DO NOTHING";
    const JOIN: &str = "UPDATE people SET org_id = (SELECT org_id FROM org_nodes WHERE id = $2)
         WHERE id = $1 AND org_id IS NULL";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id)
            .bind(node_id)
            .bind(role.code())
            .execute(pool)
            .await?;
        sqlx::query(JOIN).bind(person_id).bind(node_id).execute(pool).await.map(|_| ())
    })
}
