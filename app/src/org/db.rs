//! The SQL of the organisation tree and its settings.

use std::collections::HashMap;

use crate::db::Db;
use crate::domain::{OrgTree, PlanRules, TreeNode};
use crate::with_db;

/// A node's name and kind.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrgNode {
    /// Node id.
    pub id: i64,
    /// Parent node; `None` for a root.
    pub parent_id: Option<i64>,
    /// Display name.
    pub name: String,
    /// kommun, förvaltning, avdelning, enhet …
    pub kind: String,
    /// Closed: its records stay readable, but it is marked so wherever it is listed.
    pub closed: bool,
}

/// The whole tree in memory: one query, then every ancestry and listing without more.
#[derive(Clone, Debug)]
pub struct LoadedTree {
    /// The structure.
    pub tree: OrgTree,
    /// Names and kinds by id.
    pub nodes: HashMap<i64, OrgNode>,
}

impl LoadedTree {
    /// The node's name (empty for an unknown id).
    pub fn name(&self, id: i64) -> String {
        self.nodes
            .get(&id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    }

    /// Names of the nodes above `id`, from the top down (the root included).
    pub fn path_names(&self, id: i64) -> Vec<String> {
        let mut names: Vec<String> = self
            .tree
            .ancestry(id)
            .into_iter()
            .skip(1)
            .filter_map(|n| self.nodes.get(&n).map(|node| node.name.clone()))
            .collect();
        names.reverse();
        names
    }
}

/// Loads every node (a few hundred even in a large municipality).
#[tracing::instrument(skip_all, err)]
pub async fn load_tree(db: &Db) -> sqlx::Result<LoadedTree> {
    const SQL: &str = "SELECT id, parent_id, name, kind,
             CASE WHEN closed_at IS NULL THEN FALSE ELSE TRUE END AS closed
         FROM org_nodes ORDER BY id";
    let rows: Vec<OrgNode> = with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)?;
    let tree = OrgTree::new(rows.iter().map(|n| TreeNode {
        id: n.id,
        parent_id: n.parent_id,
    }));
    let nodes = rows.into_iter().map(|n| (n.id, n)).collect();
    Ok(LoadedTree { tree, nodes })
}

/// The node and the nodes above it, as a tree of that one path: what the checks of one unit
/// need (does it exist, who may read it, its name and path), a handful of rows through the
/// `parent_id` index however large the organisation. Empty for an unknown id.
#[tracing::instrument(skip_all, err)]
pub async fn load_ancestry(db: &Db, node_id: i64) -> sqlx::Result<LoadedTree> {
    const SQL: &str = concat!(
        crate::ancestry_cte!("$1"),
        " SELECT n.id, n.parent_id, n.name, n.kind,",
        " CASE WHEN n.closed_at IS NULL THEN FALSE ELSE TRUE END AS closed",
        " FROM org_nodes n JOIN ancestry a ON a.id = n.id"
    );
    let rows: Vec<OrgNode> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)?;
    let tree = OrgTree::new(rows.iter().map(|n| TreeNode {
        id: n.id,
        parent_id: n.parent_id,
    }));
    let nodes = rows.into_iter().map(|n| (n.id, n)).collect();
    Ok(LoadedTree { tree, nodes })
}

/// Adds a node under `parent_id` (or a new organisation root) and returns its id. The node
/// takes its parent's organisation; a new root is its own organisation and starts with the
/// default node kinds.
#[tracing::instrument(skip_all, err)]
pub async fn insert_node(
    db: &Db,
    parent_id: Option<i64>,
    name: &str,
    kind: &str,
) -> sqlx::Result<i64> {
    super::keeping_db::add_node(db, parent_id, name, kind, None).await
}

/// Every organisation's root, oldest first.
#[tracing::instrument(skip_all, err)]
pub async fn roots(db: &Db) -> sqlx::Result<Vec<i64>> {
    const SQL: &str = "SELECT id FROM org_nodes WHERE parent_id IS NULL ORDER BY id";
    with_db!(db, pool => sqlx::query_scalar(SQL).fetch_all(pool).await)
}

/// True when no organisation exists yet (a fresh database).
#[tracing::instrument(skip_all, err)]
pub async fn is_empty(db: &Db) -> sqlx::Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM org_nodes";
    let count: i64 = with_db!(db, pool => sqlx::query_scalar(SQL).fetch_one(pool).await)?;
    Ok(count == 0)
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    min_apts_per_year: i32,
    notice_days: i32,
    vote_threshold: i32,
    minutes_days: i32,
}

/// The organisation's rule parameters; the defaults (8 APTs, 7 days, minutes within 14) when
/// none are stored.
#[tracing::instrument(skip_all, err)]
pub async fn rules(db: &Db, org_id: i64) -> sqlx::Result<PlanRules> {
    const SQL: &str = "SELECT min_apts_per_year, notice_days, vote_threshold, minutes_days
         FROM organisation_settings WHERE org_id = $1";
    let row: Option<SettingsRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_optional(pool).await)?;
    Ok(stored_rules(row.map(|r| {
        [
            r.min_apts_per_year,
            r.notice_days,
            r.vote_threshold,
            r.minutes_days,
        ]
    })))
}

/// The rule parameters from their stored columns (APTs a year, notice days, vote threshold,
/// minutes days); the defaults when the organisation stores none. Shared by the queries that
/// read the settings beside other things.
pub fn stored_rules(row: Option<[i32; 4]>) -> PlanRules {
    row.map(|[min, notice, threshold, minutes]| PlanRules {
        min_apts_per_year: u32::try_from(min).unwrap_or(8),
        notice_days: u32::try_from(notice).unwrap_or(7),
        vote_threshold: u32::try_from(threshold).unwrap_or(5),
        minutes_days: u32::try_from(minutes).unwrap_or(14),
    })
    .unwrap_or_default()
}

/// Stores the organisation's rule parameters.
#[tracing::instrument(skip_all, err)]
pub async fn save_rules(db: &Db, org_id: i64, rules: PlanRules) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO organisation_settings (org_id, min_apts_per_year, notice_days,
             vote_threshold, minutes_days)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_id) DO UPDATE SET min_apts_per_year = excluded.min_apts_per_year,
             notice_days = excluded.notice_days, vote_threshold = excluded.vote_threshold,
             minutes_days = excluded.minutes_days";
    let min = i32::try_from(rules.min_apts_per_year).unwrap_or(8);
    let notice = i32::try_from(rules.notice_days).unwrap_or(7);
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(org_id)
            .bind(min)
            .bind(notice)
            .bind(i32::try_from(rules.vote_threshold).unwrap_or(5))
            .bind(i32::try_from(rules.minutes_days).unwrap_or(14))
            .execute(pool)
            .await
            .map(|_| ())
    })
}
