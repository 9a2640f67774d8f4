//! The provider's identities kept on people (`people.oidc_issuer`, `people.oidc_subject`): found
//! first at every sign-in through the provider, kept at a person's first one.

use crate::db::Db;
use crate::with_db;

/// The person a provider's identity belongs to.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkedPerson {
    /// The person's id.
    pub id: i64,
    /// Disabled accounts stay out, also through the provider.
    pub active: bool,
}

/// The person the provider's identity (`issuer`, `subject`) was kept on, if any.
#[tracing::instrument(skip_all, err)]
pub async fn find_by_identity(
    db: &Db,
    issuer: &str,
    subject: &str,
) -> sqlx::Result<Option<LinkedPerson>> {
    const SQL: &str = "SELECT id, active FROM people WHERE oidc_issuer = $1 AND oidc_subject = $2";
    with_db!(db, pool => {
        sqlx::query_as(SQL).bind(issuer).bind(subject).fetch_optional(pool).await
    })
}

/// Keeps the provider's identity on the person, unless the person already has another identity
/// from this provider: `false` then (an identity from a provider the organisation no longer uses
/// is replaced). The identity belongs to one person only (a unique index): a second person
/// claiming it fails.
#[tracing::instrument(skip_all, err)]
pub async fn keep_identity(
    db: &Db,
    person_id: i64,
    issuer: &str,
    subject: &str,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE people SET oidc_issuer = $2, oidc_subject = $3
         WHERE id = $1
           AND (oidc_subject IS NULL OR oidc_issuer <> $2 OR oidc_subject = $3)";
    let done = with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id)
            .bind(issuer)
            .bind(subject)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Forgets the person's identity at the provider, so that their next sign-in through it is
/// matched by e-mail again (HR's step when the provider has given the person a new identity).
#[tracing::instrument(skip_all, err)]
pub async fn forget_identity(db: &Db, person_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE people SET oidc_issuer = NULL, oidc_subject = NULL
         WHERE id = $1 AND oidc_subject IS NOT NULL";
    let done = with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}
