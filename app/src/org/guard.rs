//! The one place a unit is checked before anything of it is read or written.

use crate::auth::session::Viewer;
use crate::domain::Access;
use crate::error::AppError;

use super::db::{self, LoadedTree};
use crate::state::AppState;

/// A unit the viewer may see, with the loaded tree and their access.
pub struct UnitGrant {
    /// The tree, for names and the organisation root.
    pub tree: LoadedTree,
    /// The unit's id.
    pub unit_id: i64,
    /// The unit's organisation (root node).
    pub org_id: i64,
    /// What the viewer may do.
    pub access: Access,
}

/// Checks that the unit exists and the viewer may read it. An unknown unit is `NotFound`; a unit
/// without a role in it is `Forbidden`.
pub async fn readable_unit(
    state: &AppState,
    viewer: &Viewer,
    unit_id: i64,
) -> Result<UnitGrant, AppError> {
    let tree = db::load_tree(&state.db).await?;
    grant_in(tree, viewer, unit_id)
}

/// The same check on a tree already loaded, for a page over several units that loads it once.
pub fn grant_in(tree: LoadedTree, viewer: &Viewer, unit_id: i64) -> Result<UnitGrant, AppError> {
    crate::audit::trail::note_node(unit_id);
    if !tree.tree.is_leaf(unit_id) {
        return Err(AppError::NotFound);
    }
    let ancestry = tree.tree.ancestry(unit_id);
    let access = viewer.access_to(&ancestry);
    if !access.can_read() {
        tracing::warn!(person_id = viewer.user.id, unit_id, "refused unit read");
        return Err(AppError::Forbidden);
    }
    let org_id = ancestry.last().copied().unwrap_or(unit_id);
    Ok(UnitGrant {
        tree,
        unit_id,
        org_id,
        access,
    })
}

impl UnitGrant {
    /// The unit's name, as every page of the unit shows it.
    pub fn unit_name(&self) -> String {
        self.tree.name(self.unit_id)
    }
}
