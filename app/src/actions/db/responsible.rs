//! Who may be responsible for an action at a node: anyone with a role in the node itself, the
//! managers (chef, biträdande chef) anywhere below it, and HR at the node or above it (the HR
//! that serves it; seed 002 names an HR chief "Rapporteringsansvarig" for an administration's
//! action). One statement over the subtree and the ancestry, whatever the size of the tree.

use crate::db::Db;
use crate::with_db;

/// The node's possible responsibles, active people once each, by name.
#[tracing::instrument(skip_all, err)]
pub async fn responsible_candidates(db: &Db, node_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    const SQL: &str = concat!(
        crate::subtree_cte!("$1"),
        ", ancestry(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT n.parent_id FROM org_nodes n",
        " JOIN ancestry a ON n.id = a.id WHERE n.parent_id IS NOT NULL)",
        " SELECT DISTINCT p.id, p.name FROM people p JOIN memberships m ON m.person_id = p.id",
        " WHERE p.active AND (m.node_id = $1",
        " OR (m.role IN ('chef', 'bitradande_chef') AND m.node_id IN (SELECT id FROM subtree))",
        " OR (m.role = 'hr' AND m.node_id IN (SELECT id FROM ancestry)))",
        " ORDER BY p.name, p.id"
    );
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)
}
