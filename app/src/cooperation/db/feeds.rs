//! The SQL of a person's own subscription address for a group's meetings
//! (`personal_group_feeds`): read, renewed, and found from its token in one indexed lookup.

use crate::db::Db;
use crate::with_db;

/// The person's own subscription address for the group, if they made one.
#[tracing::instrument(skip_all, err)]
pub async fn group_feed_token(
    db: &Db,
    person_id: i64,
    group_id: i64,
) -> sqlx::Result<Option<String>> {
    const SQL: &str =
        "SELECT token FROM personal_group_feeds WHERE person_id = $1 AND group_id = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(person_id).bind(group_id).fetch_optional(pool).await
    })
}

/// Gives the person a new subscription address for the group; their old one stops working.
#[tracing::instrument(skip_all, err)]
pub async fn renew_group_feed(
    db: &Db,
    person_id: i64,
    group_id: i64,
    token: &str,
) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO personal_group_feeds (person_id, group_id, token)
         VALUES ($1, $2, $3)
         ON CONFLICT (person_id, group_id) DO UPDATE SET token = excluded.token";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).bind(group_id).bind(token).execute(pool).await.map(|_| ())
    })
}

/// Whose group feed a token is.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct GroupFeedOwner {
    /// The person the address was made for.
    pub person_id: i64,
    /// The group.
    pub group_id: i64,
}

/// The owner of a group feed token, if the token is one.
#[tracing::instrument(skip_all, err)]
pub async fn group_feed_owner(db: &Db, token: &str) -> sqlx::Result<Option<GroupFeedOwner>> {
    const SQL: &str = "SELECT person_id, group_id FROM personal_group_feeds WHERE token = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(token).fetch_optional(pool).await)
}
