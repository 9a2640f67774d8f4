//! The one place a unit is checked before anything of it is read or written.

use std::sync::Arc;

use crate::auth::session::Viewer;
use crate::domain::Access;
use crate::error::AppError;

use super::db::{self, LoadedTree};
use crate::state::AppState;

/// A unit the viewer may see, with the loaded tree and their access.
pub struct UnitGrant {
    /// The unit's path to its root (from `readable_unit`), or the whole tree (from `grant_in`
    /// on a page over several units): for names, ancestry and the organisation root only, never
    /// for what lies below the unit.
    pub tree: Arc<LoadedTree>,
    /// The unit's id.
    pub unit_id: i64,
    /// The unit's organisation (root node).
    pub org_id: i64,
    /// What the viewer may do.
    pub access: Access,
}

/// Checks that the unit exists and the viewer may read it. An unknown unit is `NotFound`; a unit
/// without a role in it is `Forbidden`. Reads only the unit's path to its root, so the grant's
/// tree holds that path (its names and ancestry), not the organisation.
pub async fn readable_unit(
    state: &AppState,
    viewer: &Viewer,
    unit_id: i64,
) -> Result<UnitGrant, AppError> {
    let path = db::load_ancestry(&state.db, unit_id).await?;
    grant_in(Arc::new(path), viewer, unit_id)
}

/// The same check on a tree already loaded (shared, not copied), for a page over several units
/// that loads it once.
pub fn grant_in(
    tree: Arc<LoadedTree>,
    viewer: &Viewer,
    unit_id: i64,
) -> Result<UnitGrant, AppError> {
    crate::audit::trail::note_node(unit_id);
    // Any node of the tree: a department's or an administration's own staff plan, meet and
    // follow up too, beside the units below it.
    if !tree.tree.contains(unit_id) {
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

/// The organisation whose shared settings the signed-in person keeps (HR at its root: the
/// templates, the retention rules), with the person and the organisation's name.
pub struct OrgKeeper {
    /// The application state.
    pub state: AppState,
    /// The person asking.
    pub viewer: Viewer,
    /// The organisation (root node).
    pub org_id: i64,
    /// Its name.
    pub org_name: String,
}

/// Checks that the signed-in person is HR at an organisation's root; anyone else is refused.
pub async fn organisation_keeper() -> Result<OrgKeeper, AppError> {
    use crate::domain::can_manage_template;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let tree = state.org_tree().await?;
    let org = viewer.memberships.iter().map(|m| m.node_id).find(|&node| {
        tree.tree.root_of(node) == Some(node) && can_manage_template(&viewer.memberships, node)
    });
    let Some(org_id) = org else {
        tracing::warn!(person_id = viewer.user.id, "refused organisation settings");
        return Err(AppError::Forbidden);
    };
    crate::audit::trail::note_node(org_id);
    let org_name = tree.name(org_id);
    Ok(OrgKeeper {
        state,
        viewer,
        org_id,
        org_name,
    })
}
