//! The roll-up of a checklist over a node of the tree, shared by its page and its XLSX/CSV export:
//! per question the distribution and every unit's answer and analysis, and which units have not
//! finished. A handful of queries whatever the number of units.

use std::collections::{HashMap, HashSet};

use super::rollup_shared::{count_answers, node_analysis, unit_label, unit_state, year_questions};
use super::{RolledQuestion, RollupView, UnitAnswer, UnitRow, UnitState};
use crate::auth::session::Viewer;
use crate::domain::NodeChoice;
use crate::domain::{can_see_rollup, ChecklistKind};
use crate::error::AppError;
use crate::org::db::LoadedTree;
use crate::state::AppState;

/// The nodes the viewer may see roll-ups of, each once, top down (a parent before its children).
pub fn visible_nodes(tree: &LoadedTree, viewer: &Viewer) -> Vec<NodeChoice> {
    nodes_where(tree, |ancestry| {
        can_see_rollup(&viewer.memberships, ancestry)
    })
}

/// The nodes whose ancestry passes `keep`, top down in name order with their depth below the
/// highest of them: the node picker of a page over a part of the tree.
pub fn nodes_where(tree: &LoadedTree, keep: impl Fn(&[i64]) -> bool) -> Vec<NodeChoice> {
    let mut nodes: Vec<(Vec<String>, NodeChoice)> = tree
        .nodes
        .values()
        .filter(|n| keep(&tree.tree.ancestry(n.id)))
        .map(|n| {
            let ancestry = tree.tree.ancestry(n.id);
            let path: Vec<String> = ancestry
                .iter()
                .rev()
                .filter_map(|id| tree.nodes.get(id).map(|x| x.name.clone()))
                .collect();
            (
                path,
                NodeChoice {
                    id: n.id,
                    name: n.name.clone(),
                    depth: u32::try_from(ancestry.len().saturating_sub(1)).unwrap_or(0),
                    closed: n.closed,
                },
            )
        })
        .collect();
    nodes.sort_by(|a, b| a.0.cmp(&b.0));
    let top = nodes.iter().map(|(_, n)| n.depth).min().unwrap_or(0);
    nodes
        .into_iter()
        .map(|(_, mut n)| {
            n.depth -= top;
            n
        })
        .collect()
}

/// The node a roll-up shows, with the nodes for the picker: the one asked for when the viewer may
/// see it (404 for an unknown node, 403 for one out of reach), else the highest they may see.
pub fn pick_node(
    tree: &LoadedTree,
    viewer: &Viewer,
    asked: Option<i64>,
) -> Result<(i64, Vec<NodeChoice>), AppError> {
    pick_from(tree, viewer, visible_nodes(tree, viewer), asked)
}

/// The node a page over a part of the tree shows, among the `nodes` the viewer may choose: the
/// one asked for when it is among them (404 for an unknown node, 403 for one out of reach),
/// else the highest of them (403 when there is none).
pub fn pick_from(
    tree: &LoadedTree,
    viewer: &Viewer,
    nodes: Vec<NodeChoice>,
    asked: Option<i64>,
) -> Result<(i64, Vec<NodeChoice>), AppError> {
    if let Some(id) = asked.filter(|&id| tree.tree.contains(id)) {
        crate::audit::trail::note_node(id);
    }
    let node_id = match asked {
        Some(id) if !tree.tree.contains(id) => return Err(AppError::NotFound),
        Some(id) if nodes.iter().any(|n| n.id == id) => id,
        Some(id) => {
            tracing::warn!(
                person_id = viewer.user.id,
                node_id = id,
                "refused node page"
            );
            return Err(AppError::Forbidden);
        }
        None => nodes.first().map(|n| n.id).ok_or(AppError::Forbidden)?,
    };
    Ok((node_id, near_for_picker(tree, nodes, node_id)))
}

/// Nodes a picker lists before it is cut down to those near the shown node.
const PICKER_LIMIT: usize = 250;

/// The picker's nodes: all of them while they are few; above [`PICKER_LIMIT`] (a city's 4,000
/// units) the two levels below the highest, the path to the shown node and what lies beside and
/// just below it on that path. Any node is still reached by its parts' links or its address.
fn near_for_picker(tree: &LoadedTree, nodes: Vec<NodeChoice>, shown: i64) -> Vec<NodeChoice> {
    if nodes.len() <= PICKER_LIMIT {
        return nodes;
    }
    let path: HashSet<i64> = tree.tree.ancestry(shown).into_iter().collect();
    nodes
        .into_iter()
        .filter(|n| {
            let parent = tree.tree.ancestry(n.id).get(1).copied();
            n.depth <= 2 || path.contains(&n.id) || parent.is_some_and(|p| path.contains(&p))
        })
        .collect()
}

/// What a roll-up asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RollupQuery {
    /// The node (the highest the viewer sees when none).
    pub node: Option<i64>,
    /// The checklist (the SAM follow-up when none).
    pub kind: Option<ChecklistKind>,
    /// The year (this year when none).
    pub year: Option<i32>,
    /// Every unit's answer, or the node's parts above a number of units.
    pub shape: RollupShape,
}

/// How much of a roll-up is listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RollupShape {
    /// Every unit and every unit's answer: the exports, which are there to be worked through.
    #[default]
    EveryUnit,
    /// Every unit while there are at most this many below the node; above that the node's
    /// parts (its children) with their units counted: the page, which a person reads.
    PartsAbove(usize),
}

/// Units a roll-up page lists one by one (`domain::paging::UNITS_LISTED_ONE_BY_ONE`).
pub const PAGE_DETAIL_LIMIT: usize = crate::domain::paging::UNITS_LISTED_ONE_BY_ONE;

/// Checks the viewer may see the node and builds its roll-up.
pub async fn build_rollup(
    state: &AppState,
    viewer: &Viewer,
    query: RollupQuery,
) -> Result<RollupView, AppError> {
    let tree = state.org_tree().await?;
    let (node_id, nodes) = pick_node(&tree, viewer, query.node)?;
    let kind = query.kind.unwrap_or(ChecklistKind::SamAnnual);
    let year = query.year.unwrap_or_else(|| state.clock.year());
    let by_parts = match query.shape {
        RollupShape::EveryUnit => false,
        RollupShape::PartsAbove(limit) => tree.tree.leaves_under(node_id).len() > limit,
    };
    let mut view = rolled_up(&state.db, &tree, node_id, kind, year, by_parts).await?;
    view.analysis.can_write =
        crate::domain::can_fill_checklist(&viewer.memberships, &tree.tree.ancestry(node_id));
    view.nodes = nodes;
    Ok(view)
}

/// The roll-up of checklist `kind` over `node_id` for `year` with every unit's answer, for
/// whoever the caller has already let see it (no node picker, nobody writes its analysis): the
/// page above, its exports, and the copy a cooperation protocol freezes as its bilaga.
pub async fn rollup_at(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> Result<RollupView, AppError> {
    rolled_up(db, tree, node_id, kind, year, false).await
}

/// The roll-up with every unit listed, or by the node's parts (`by_parts`): the same title,
/// questions, standings and analysis either way.
pub(super) async fn rolled_up(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
    by_parts: bool,
) -> Result<RollupView, AppError> {
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    let (title, order) = year_questions(db, tree, node_id, kind, year).await?;
    let standings = super::db::unit_standings(db, node_id, kind, year).await?;
    let (questions, units, parts) = if by_parts {
        let listed =
            super::rollup_parts::by_parts(db, tree, node_id, (kind, year), order, &standings);
        let (questions, parts) = listed.await?;
        (questions, Vec::new(), parts)
    } else {
        let (questions, units) =
            every_unit(db, tree, node_id, (kind, year), order, standings).await?;
        (questions, units, Vec::new())
    };
    Ok(RollupView {
        analysis: node_analysis(db, node_id, kind, year).await?,
        node_id,
        node_name: tree.name(node_id),
        year,
        kind,
        title,
        nodes: Vec::new(),
        questions,
        units,
        parts,
    })
}

/// Every unit's answer per question, and every unit below with where its checklist stands.
async fn every_unit(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    (kind, year): (ChecklistKind, i32),
    mut order: Vec<(i64, String, String)>,
    standings: Vec<super::db::UnitStanding>,
) -> Result<(Vec<RolledQuestion>, Vec<UnitRow>), AppError> {
    let answers = super::db::rolled_answers(db, node_id, kind, year).await?;
    // Then any questions only older versions asked.
    let mut known: HashSet<i64> = order.iter().map(|(k, ..)| *k).collect();
    for a in &answers {
        if known.insert(a.question_key) {
            order.push((a.question_key, a.area.clone(), a.question.clone()));
        }
    }
    let mut by_key: HashMap<i64, Vec<UnitAnswer>> = HashMap::new();
    for a in answers {
        by_key.entry(a.question_key).or_default().push(UnitAnswer {
            unit_name: unit_label(tree, a.unit_id, a.unit_name),
            answer: a.answer,
            analysis: a.analysis,
        });
    }
    let rolled: Vec<RolledQuestion> = order
        .into_iter()
        .enumerate()
        .map(|(i, (key, area, text))| {
            let answers = by_key.remove(&key).unwrap_or_default();
            RolledQuestion {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                area,
                text,
                counts: count_answers(answers.iter().map(|a| (a.answer, 1))),
                answers,
                by_part: Vec::new(),
            }
        })
        .collect();

    // Every unit below, and every node that answers for itself (the node's own answer, "Eget",
    // beside its units': an administration follows up its own staff too).
    let standings: HashMap<i64, super::db::UnitStanding> =
        standings.into_iter().map(|s| (s.unit_id, s)).collect();
    let mut unit_ids = tree.tree.leaves_under(node_id);
    unit_ids.extend(standings.keys().copied());
    unit_ids.sort_unstable();
    unit_ids.dedup();
    let mut units: Vec<UnitRow> = unit_ids
        .into_iter()
        .map(|unit_id| {
            let standing = standings.get(&unit_id);
            UnitRow {
                unit_id,
                name: unit_label(tree, unit_id, tree.name(unit_id)),
                checklist_id: standing.map(|s| s.checklist_id),
                state: unit_state(standing),
            }
        })
        .collect();
    units.sort_by(|a, b| {
        let done = |u: &UnitRow| matches!(u.state, UnitState::Done(_));
        done(a).cmp(&done(b)).then_with(|| a.name.cmp(&b.name))
    });
    Ok((rolled, units))
}
