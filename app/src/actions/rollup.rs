//! The combined action plan over a node (the seed's "Åtgärder från checklistor"), shared by its
//! page and its XLSX/CSV export: every unit's actions below the node, filtered on unit, status,
//! responsible and period. One query; the filters that also fill the pickers run in memory.

use super::{ActionFilter, ActionRollupView, Member, PlanAction};
use crate::auth::session::Viewer;
use crate::checklists::rollup::pick_node;
use crate::domain::ActionStatus;
use crate::error::AppError;
use crate::org::db::LoadedTree;
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
    /// One page of this many actions (the page); every action when none (the exports).
    pub per_page: Option<u32>,
    /// Which page, from 1.
    pub page: Option<u32>,
}

/// Actions on one page of the combined plan: a city's 44,000 are paged through, never sent.
pub const ACTIONS_PER_PAGE: u32 = 100;

/// Responsibles the page's picker offers at most; above that (a whole city's chefs) the filter
/// is left to a smaller part of the organisation or to the export.
pub const RESPONSIBLE_CHOICES: usize = 300;

/// Checks the viewer may see the node and builds its combined action plan.
pub async fn build_action_rollup(
    state: &AppState,
    viewer: &Viewer,
    query: ActionRollupQuery,
) -> Result<ActionRollupView, AppError> {
    let tree = state.org_tree().await?;
    let (node_id, nodes) = pick_node(&tree, viewer, query.node)?;
    let today = state.clock.today();
    let mut plan = action_rollup_at(&state.db, &tree, node_id, query.year, today).await?;
    plan.actions.retain(|a| {
        query.status.is_none_or(|s| a.status == s)
            && query
                .responsible
                .is_none_or(|r| a.responsible_id == Some(r))
    });
    plan.nodes = nodes;
    plan.status = query.status;
    plan.responsible = query.responsible;
    plan.total = u32::try_from(plan.actions.len()).unwrap_or(u32::MAX);
    if let Some(per_page) = query.per_page.filter(|&n| n > 0) {
        let shown = crate::domain::PageOf::new(plan.total, per_page, query.page);
        (plan.page, plan.pages) = (shown.page, shown.pages);
        plan.actions = shown.slice(std::mem::take(&mut plan.actions));
        if plan.responsibles.len() > RESPONSIBLE_CHOICES && query.responsible.is_none() {
            plan.responsibles.clear();
            plan.too_many_responsibles = true;
        }
    }
    Ok(plan)
}

/// Every action below `node_id` running in `year` (all years when none), for whoever the caller
/// has already let see the node: the page above, and the copy a cooperation protocol freezes as
/// its bilaga. The pickers' responsibles come from all of them.
pub async fn action_rollup_at(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    year: Option<i32>,
    today: chrono::NaiveDate,
) -> Result<ActionRollupView, AppError> {
    let filter = ActionFilter {
        node_id,
        status: None,
        responsible: None,
        year,
        // The roll-up is read above the units: minutes' actions show once published.
        with_unpublished: false,
    };
    let all = super::db::plan_actions(db, &filter, today).await?;
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
    let actions: Vec<PlanAction> = all
        .into_iter()
        .map(|mut a| {
            // A node above the units acts for its own staff: "(Eget)", as its answers are.
            if !tree.tree.is_leaf(a.unit_id) {
                a.unit_name = format!("{} (Eget)", a.unit_name);
            }
            a
        })
        .collect();
    Ok(ActionRollupView {
        node_id,
        node_name: tree.name(node_id),
        nodes: Vec::new(),
        status: None,
        responsible: None,
        year,
        responsibles,
        too_many_responsibles: false,
        total: u32::try_from(actions.len()).unwrap_or(u32::MAX),
        page: 1,
        pages: 1,
        actions,
    })
}
