//! The organisation tree kept in memory between requests. A city's tree is thousands of nodes:
//! reading it whole for every page that lists or rolls up units would cost more than the page.
//! The database keeps a version number that its triggers raise on every change to `org_nodes`
//! (migration 0037), so a request reads one row to know whether the copy is still the tree, and
//! every server process sharing a PostgreSQL database sees a change made by any of them.

use std::sync::{Arc, RwLock};

use crate::db::Db;
use crate::with_db;

use super::db::{load_tree, LoadedTree};

/// The last tree read and the version it was read at.
#[derive(Default)]
pub struct TreeCache {
    slot: RwLock<Option<(i64, Arc<LoadedTree>)>>,
}

impl std::fmt::Debug for TreeCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TreeCache").finish_non_exhaustive()
    }
}

impl TreeCache {
    /// The whole tree as it is now: the copy in memory when the database's version still matches
    /// it, else read again (and kept for the next request).
    #[tracing::instrument(skip_all, err)]
    pub async fn tree(&self, db: &Db) -> sqlx::Result<Arc<LoadedTree>> {
        // The version is read before the tree: a change between the two leaves a newer tree
        // under an older number, which the next request reads again, never the reverse.
        let version = version(db).await?;
        if let Some(tree) = self.kept(version) {
            return Ok(tree);
        }
        let tree = Arc::new(load_tree(db).await?);
        let mut slot = self.slot.write().unwrap_or_else(|e| e.into_inner());
        if slot.as_ref().is_none_or(|(kept, _)| *kept <= version) {
            *slot = Some((version, tree.clone()));
        }
        Ok(tree)
    }

    fn kept(&self, version: i64) -> Option<Arc<LoadedTree>> {
        let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
        slot.as_ref()
            .filter(|(kept, _)| *kept == version)
            .map(|(_, tree)| tree.clone())
    }
}

/// The tree's version: raised by the database on every insert, update or delete of a node.
async fn version(db: &Db) -> sqlx::Result<i64> {
    const SQL: &str = "SELECT version FROM org_tree_version WHERE id = 1";
    with_db!(db, pool => sqlx::query_scalar(SQL).fetch_one(pool).await)
}
