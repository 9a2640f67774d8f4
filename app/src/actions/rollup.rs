//! The combined action plan over a node (the seed's "Åtgärder från checklistor"), shared by its
//! page and its XLSX/CSV export: every unit's actions below the node, filtered on unit, status,
//! responsible and period. One query; the filters that also fill the pickers run in memory.

use super::{ActionFilter, ActionRollupView, Member};
use crate::auth::session::Viewer;
use crate::checklists::rollup::pick_node;
use crate::domain::ActionStatus;
use crate::error::AppError;
use crate::state::AppState;

/// What a combined plan asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionRollupQuery {
    /// The node (the highest the viewer sees when none); a unit narrows to that unit.
    pub node: Option<i64>,
    /// Only this status.
    pub status: Option<ActionStatus>,
    /// Only this responsible person.
    pub responsible: Option<i64>,
    /// Only actions running in this year.
    pub year: Option<i32>,
}

/// Checks the viewer may see the node and builds its combined action plan.
pub async fn build_action_rollup(
    state: &AppState,
    viewer: &Viewer,
    query: ActionRollupQuery,
) -> Result<ActionRollupView, AppError> {
    let tree = crate::org::db::load_tree(&state.db).await?;
    let (node_id, nodes) = pick_node(&tree, viewer, query.node)?;
    let today = state.clock.today();
    let filter = ActionFilter {
        node_id,
        status: None,
        responsible: None,
        year: query.year,
        // The roll-up is read above the units: minutes' actions show once published.
        with_unpublished: false,
    };
    let all = super::db::plan_actions(&state.db, &filter, today).await?;
    let mut responsibles: Vec<Member> = Vec::new();
    for a in &all {
        if let (Some(id), Some(name)) = (a.responsible_id, &a.responsible) {
            if !responsibles.iter().any(|m| m.id == id) {
                responsibles.push(Member {
                    id,
                    name: name.clone(),
                });
            }
        }
    }
    responsibles.sort_by(|a, b| a.name.cmp(&b.name));
    let actions = all
        .into_iter()
        .map(|mut a| {
            // A node above the units acts for its own staff: "(Eget)", as its answers are.
            if !tree.tree.is_leaf(a.unit_id) {
                a.unit_name = format!("{} (Eget)", a.unit_name);
            }
            a
        })
        .filter(|a| query.status.is_none_or(|s| a.status == s))
        .filter(|a| {
            query
                .responsible
                .is_none_or(|r| a.responsible_id == Some(r))
        })
        .collect();
    Ok(ActionRollupView {
        node_id,
        node_name: tree.name(node_id),
        nodes,
        status: query.status,
        responsible: query.responsible,
        year: query.year,
        responsibles,
        actions,
    })
}
