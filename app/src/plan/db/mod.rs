//! The SQL of plans and the wheel template, the only place it is written: reads in `read.rs`,
//! changes (each checked against the plan's version in one transaction) in `write.rs`, and the
//! further sessions of an APT in `sessions.rs`.

/// Moves a plan from the version a change was made on to the next, with who did what.
pub(crate) const BUMP: &str = "UPDATE plans SET version = version + 1, last_change = $3,
         last_changed_by = $4, last_changed_at = $5
     WHERE id = $1 AND version = $2";

/// Moves the plan to its next version inside the transaction, or leaves the function with
/// `ChangeError::Stale` when the version is not the one the change was made on.
macro_rules! bump_or_stale {
    ($db:expr, $tx:expr, $change:expr) => {{
        let bumped = sqlx::query($crate::plan::db::BUMP)
            .bind($change.plan_id)
            .bind($change.version)
            .bind($change.note)
            .bind($change.person_id)
            .bind($change.at)
            .execute(&mut *$tx)
            .await?;
        if bumped.rows_affected() != 1 {
            $tx.rollback().await?;
            return Err($crate::plan::db::ChangeError::Stale(
                $crate::plan::db::last_change($db, $change.plan_id).await?,
            ));
        }
    }};
}

/// Leaves the function with `ChangeError::NotInPlan` (rolling back) unless exactly one row changed.
macro_rules! one_row_or_not_in_plan {
    ($tx:expr, $done:expr) => {
        if $done.rows_affected() != 1 {
            $tx.rollback().await?;
            return Err($crate::plan::db::ChangeError::NotInPlan);
        }
    };
}

mod page;
mod read;
mod sessions;
mod standings;
mod template_sync;
mod write;

pub use page::*;
pub use read::*;
pub use sessions::*;
pub use standings::*;
pub use template_sync::*;
pub use write::*;

/// The one INSERT of a meeting, shared by seeding, adding and copying.
const INSERT_MEETING: &str = "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time,
         location, online_link)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

/// A new plan row, remembering the template revision it is made from ($3: the organisation).
const INSERT_PLAN: &str = "INSERT INTO plans (unit_id, year, template_revision)
     VALUES ($1, $2, COALESCE((SELECT template_revision FROM organisation_settings
                               WHERE org_id = $3), 1))
     RETURNING id";

/// Puts into plan $1 every topic pushed for year $2 by the unit $3 or any node above it.
const INSERT_PUSHED: &str = concat!(
    "INSERT INTO plan_topics (plan_id, topic_id)
     SELECT $1, t.id FROM wheel_topics t
     WHERE t.pushed_year = $2 AND NOT t.retired
       AND t.owner_node_id IN (",
    crate::ancestry_cte!("$3"),
    " SELECT id FROM ancestry)"
);
