//! The SQL of cooperation groups, the only place it is written: the group and its settings here,
//! its members on both sides (`members.rs`), its standing agenda and meetings (`plan.rs`), a
//! meeting's agenda and what members send in (`agenda.rs`), its protocol (`protocol.rs`), the
//! protocol's justering (`adjusting.rs`), its bilagor (`attachments.rs`) and the archive
//! export's reading of a year (`archive.rs`).

mod adjusting;
mod agenda;
mod archive;
mod attachments;
mod feeds;
mod members;
mod notices;
mod plan;
mod protocol;

pub use adjusting::*;
pub use agenda::*;
pub use archive::*;
pub use attachments::*;
pub use feeds::*;
pub use members::*;
pub use notices::*;
pub use plan::*;
pub use protocol::*;

use chrono::{DateTime, NaiveDate, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::cooperation::{MeetingRule, STANDING_AGENDA};
use crate::with_db;

/// A group as its pages and checks need it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct GroupRow {
    /// The group.
    pub id: i64,
    /// The node it belongs to.
    pub node_id: i64,
    /// Its name.
    pub name: String,
    /// Whether it is also the skyddskommitté.
    pub safety_committee: bool,
    /// The fewest meetings a year.
    pub min_meetings: i32,
    /// Days of notice.
    pub notice_days: i32,
    /// Whether a locked protocol goes to every employee of the node as well as to the members.
    pub publish_to_employees: bool,
}

impl GroupRow {
    /// The group's meeting rule.
    pub fn rule(&self) -> MeetingRule {
        MeetingRule {
            min_meetings: u32::try_from(self.min_meetings).unwrap_or(1),
            notice_days: u32::try_from(self.notice_days).unwrap_or(7),
            safety_committee: self.safety_committee,
        }
    }
}

const GROUP_COLUMNS: &str = "g.id, g.node_id, g.name, g.safety_committee, g.min_meetings, \
     g.notice_days, g.publish_to_employees";

/// The group, if there is one.
#[tracing::instrument(skip_all, err)]
pub async fn group(db: &Db, group_id: i64) -> sqlx::Result<Option<GroupRow>> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM coop_groups g WHERE g.id = $1");
    with_db!(db, pool => sqlx::query_as(&sql).bind(group_id).fetch_optional(pool).await)
}

/// A group in a list: the group, its node's name, the person's role in it if they sit in it,
/// and its next meeting from `today`.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ListedGroup {
    /// The group.
    #[sqlx(flatten)]
    pub group: GroupRow,
    /// Its node's name.
    pub node_name: String,
    /// The person's role, when they are a member.
    pub my_role: Option<String>,
    /// The first meeting on or after today that is not cancelled.
    pub next_meeting: Option<NaiveDate>,
}

/// The groups the person sits in, and those of the nodes in `kept` (the nodes whose groups they
/// keep) and below them: one query.
#[tracing::instrument(skip_all, err)]
pub async fn groups_for(
    db: &Db,
    person_id: i64,
    kept_subtrees: &[i64],
    kept_nodes: &[i64],
    today: NaiveDate,
) -> sqlx::Result<Vec<ListedGroup>> {
    // The subtrees are few (a person's HR roles), each one recursive walk from its node.
    let subtrees: Vec<String> = kept_subtrees.iter().map(i64::to_string).collect();
    let nodes: Vec<String> = kept_nodes.iter().map(i64::to_string).collect();
    let from_subtrees = if subtrees.is_empty() {
        String::new()
    } else {
        format!(
            " OR g.node_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM org_nodes WHERE id IN \
             ({})  UNION ALL SELECT n.id FROM org_nodes n JOIN sub s ON n.parent_id = s.id) \
             SELECT id FROM sub)",
            subtrees.join(", ")
        )
    };
    let at_nodes = if nodes.is_empty() {
        String::new()
    } else {
        format!(" OR g.node_id IN ({})", nodes.join(", "))
    };
    let sql = format!(
        "SELECT {GROUP_COLUMNS}, n.name AS node_name, m.role AS my_role,
             (SELECT MIN(cm.meeting_date) FROM coop_meetings cm
              WHERE cm.group_id = g.id AND cm.meeting_date >= $2 AND NOT cm.cancelled)
                 AS next_meeting
         FROM coop_groups g
         JOIN org_nodes n ON n.id = g.node_id
         LEFT JOIN coop_members m ON m.group_id = g.id AND m.person_id = $1
         WHERE m.person_id IS NOT NULL{from_subtrees}{at_nodes}
         ORDER BY n.name, g.name"
    );
    with_db!(db, pool => {
        sqlx::query_as(&sql).bind(person_id).bind(today).fetch_all(pool).await
    })
}

/// A node a group may be made at, with its depth below the highest listed and its path for
/// ordering.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NodeRow {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Steps below the subtree's top.
    pub depth: i64,
    /// The names from the subtree's top down, for ordering.
    pub path: String,
}

/// The nodes with nodes below them (förvaltningar, avdelningar, …) in the subtree of `top`, top
/// down: where a cooperation group may sit. Units without anything below are left out.
#[tracing::instrument(skip_all, err)]
pub async fn group_nodes_below(db: &Db, top: i64) -> sqlx::Result<Vec<NodeRow>> {
    const SQL: &str = "WITH RECURSIVE sub(id, depth, path) AS (
             SELECT id, CAST(0 AS BIGINT), CAST(name AS TEXT) FROM org_nodes WHERE id = $1
             UNION ALL
             SELECT n.id, s.depth + 1, s.path || ' / ' || n.name
             FROM org_nodes n JOIN sub s ON n.parent_id = s.id
             WHERE n.closed_at IS NULL)
         SELECT n.id, n.name, s.depth, s.path FROM sub s JOIN org_nodes n ON n.id = s.id
         WHERE s.depth = 0 OR EXISTS (SELECT 1 FROM org_nodes c WHERE c.parent_id = n.id)
         ORDER BY s.path";
    with_db!(db, pool => sqlx::query_as(SQL).bind(top).fetch_all(pool).await)
}

/// The one node, as a place for a group (depth 0): a chef keeps groups of their own node only.
#[tracing::instrument(skip_all, err)]
pub async fn group_node(db: &Db, node_id: i64) -> sqlx::Result<Option<NodeRow>> {
    const SQL: &str = "SELECT id, name, CAST(0 AS BIGINT) AS depth, name AS path
         FROM org_nodes WHERE id = $1 AND closed_at IS NULL";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_optional(pool).await)
}

/// Makes a group at the node with the seed's standing agenda, in one transaction; `None` when
/// the node already has a group of that name.
#[tracing::instrument(skip_all, err)]
pub async fn create_group(
    db: &Db,
    node_id: i64,
    name: &str,
    rule: MeetingRule,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    const TAKEN: &str = "SELECT COUNT(*) FROM coop_groups WHERE node_id = $1 AND name = $2";
    const INSERT: &str = "INSERT INTO coop_groups
             (node_id, name, safety_committee, min_meetings, notice_days, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    const ITEM: &str = "INSERT INTO coop_standing_items
             (group_id, sort_order, title, per_unit, purpose)
         VALUES ($1, $2, $3, $4, $5)";
    let min = i32::try_from(rule.min_meetings).unwrap_or(4);
    let notice = i32::try_from(rule.notice_days).unwrap_or(7);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let taken: i64 = sqlx::query_scalar(TAKEN)
            .bind(node_id).bind(name).fetch_one(&mut *tx).await?;
        if taken > 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(INSERT)
            .bind(node_id).bind(name).bind(rule.safety_committee).bind(min).bind(notice).bind(now)
            .fetch_one(&mut *tx).await?;
        for (order, item) in (1_i64..).zip(STANDING_AGENDA.iter()) {
            sqlx::query(ITEM)
                .bind(id).bind(order).bind(item.title).bind(item.per_unit)
                .bind(item.purpose.map(|p| p.code()))
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// Changes a group's name and meeting rule; `false` when another group of the node has the name.
#[tracing::instrument(skip_all, err)]
pub async fn save_settings(
    db: &Db,
    group: &GroupRow,
    name: &str,
    rule: MeetingRule,
    publish_to_employees: bool,
) -> sqlx::Result<bool> {
    const TAKEN: &str =
        "SELECT COUNT(*) FROM coop_groups WHERE node_id = $1 AND name = $2 AND id <> $3";
    const UPDATE: &str = "UPDATE coop_groups
         SET name = $2, safety_committee = $3, min_meetings = $4, notice_days = $5,
             publish_to_employees = $6
         WHERE id = $1";
    let min = i32::try_from(rule.min_meetings).unwrap_or(4);
    let notice = i32::try_from(rule.notice_days).unwrap_or(7);
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let taken: i64 = sqlx::query_scalar(TAKEN)
            .bind(group.node_id).bind(name).bind(group.id).fetch_one(&mut *tx).await?;
        if taken > 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(UPDATE)
            .bind(group.id).bind(name).bind(rule.safety_committee).bind(min).bind(notice)
            .bind(publish_to_employees)
            .execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}
