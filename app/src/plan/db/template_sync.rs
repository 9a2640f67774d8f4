//! Taking the template's news into an existing plan: a new topic joins it unplaced, a changed
//! topic takes the place (and the meeting) of the version the plan held. One versioned change.

use super::write::{Change, ChangeError};
use crate::db::{BeginWrite, Db};
use crate::domain::PendingTopic;
use crate::with_db;

/// Takes the given template topics into the plan.
#[tracing::instrument(skip_all)]
pub async fn take_in_topics(
    db: &Db,
    change: &Change<'_>,
    topics: &[PendingTopic],
) -> Result<(), ChangeError> {
    const ADD: &str = "INSERT INTO plan_topics (plan_id, topic_id) VALUES ($1, $2)";
    const REPLACE: &str =
        "UPDATE plan_topics SET topic_id = $2 WHERE plan_id = $1 AND topic_id = $3";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        bump_or_stale!(db, tx, change);
        for t in topics {
            let done = match t.replaces {
                None => {
                    sqlx::query(ADD)
                        .bind(change.plan_id)
                        .bind(t.topic_id)
                        .execute(&mut *tx)
                        .await?
                }
                Some(old) => {
                    sqlx::query(REPLACE)
                        .bind(change.plan_id)
                        .bind(t.topic_id)
                        .bind(old)
                        .execute(&mut *tx)
                        .await?
                }
            };
            one_row_or_not_in_plan!(tx, done);
        }
        tx.commit().await?;
        Ok(())
    })
}

/// The template revision a plan was made from.
#[tracing::instrument(skip_all, err)]
pub async fn plan_template_revision(db: &Db, plan_id: i64) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT template_revision FROM plans WHERE id = $1";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(plan_id).fetch_optional(pool).await)
}
