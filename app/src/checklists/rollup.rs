//! The roll-up of a checklist over a node of the tree, shared by its page and its XLSX/CSV export:
//! per question the distribution and every unit's answer and analysis, and which units have not
//! finished. A handful of queries whatever the number of units.

use std::collections::HashMap;

use super::{AnswerCount, RolledQuestion, RollupView, UnitAnswer, UnitRow, UnitState};
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
    Ok((node_id, nodes))
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
}

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
    let mut view = rollup_at(&state.db, &tree, node_id, kind, year).await?;
    view.analysis.can_write =
        crate::domain::can_fill_checklist(&viewer.memberships, &tree.tree.ancestry(node_id));
    view.nodes = nodes;
    Ok(view)
}

/// The roll-up of checklist `kind` over `node_id` for `year`, for whoever the caller has
/// already let see it (no node picker, nobody writes its analysis): the page above, and the
/// copy a cooperation protocol freezes as its bilaga.
pub async fn rollup_at(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> Result<RollupView, AppError> {
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    let org = tree.tree.root_of(node_id).unwrap_or(node_id);
    let templates = super::db::year_templates(db, org, year)
        .await
        .map_err(|e| AppError::internal("checklist templates", e))?;
    let template = templates
        .iter()
        .find(|t| t.kind == kind)
        .ok_or(AppError::NotFound)?;
    // The year's template, or what it would be: a year nobody has opened has no answers either.
    let questions = match template.id {
        Some(id) => super::db::template_questions(db, id).await?,
        None => Vec::new(),
    };
    let answers = super::db::rolled_answers(db, node_id, kind, year).await?;
    let standings = super::db::unit_standings(db, node_id, kind, year).await?;

    // Questions of the current version in order, then any only older versions asked.
    let mut order: Vec<(i64, String, String)> = questions
        .iter()
        .map(|q| (q.key, q.area.clone(), q.text.clone()))
        .collect();
    for a in &answers {
        if !order.iter().any(|(k, ..)| *k == a.question_key) {
            order.push((a.question_key, a.area.clone(), a.question.clone()));
        }
    }
    let mut by_key: HashMap<i64, Vec<UnitAnswer>> = HashMap::new();
    for a in answers {
        // A node above the units answers for its own staff: "(Eget)", as in seed 002.
        let unit_name = if tree.tree.is_leaf(a.unit_id) {
            a.unit_name
        } else {
            format!("{} (Eget)", a.unit_name)
        };
        by_key.entry(a.question_key).or_default().push(UnitAnswer {
            unit_name,
            answer: a.answer,
            analysis: a.analysis,
        });
    }
    let rolled = order
        .into_iter()
        .enumerate()
        .map(|(i, (key, area, text))| {
            let answers = by_key.remove(&key).unwrap_or_default();
            let scale = answers.first().map(|a| a.answer.scale());
            let counts = scale
                .map(|s| s.answers().to_vec())
                .unwrap_or_default()
                .into_iter()
                .map(|answer| AnswerCount {
                    answer,
                    count: answers.iter().filter(|a| a.answer == answer).count() as u32,
                })
                .filter(|c| c.count > 0)
                .collect();
            RolledQuestion {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                area,
                text,
                counts,
                answers,
            }
        })
        .collect();

    // Every unit below, and every node that answers for itself (the node's own answer, "Eget",
    // beside its units': an administration follows up its own staff too).
    let mut unit_ids: Vec<i64> = tree
        .tree
        .leaves()
        .into_iter()
        .filter(|u| tree.tree.ancestry(*u).contains(&node_id))
        .chain(standings.iter().map(|s| s.unit_id))
        .collect();
    unit_ids.sort_unstable();
    unit_ids.dedup();
    let mut units: Vec<UnitRow> = unit_ids
        .into_iter()
        .map(|unit_id| {
            let standing = standings.iter().find(|s| s.unit_id == unit_id);
            let name = tree.name(unit_id);
            UnitRow {
                unit_id,
                name: if tree.tree.is_leaf(unit_id) {
                    name
                } else {
                    format!("{name} (Eget)")
                },
                checklist_id: standing.map(|s| s.checklist_id),
                state: match standing {
                    None => UnitState::NotStarted,
                    Some(s) => match s.done_at {
                        Some(d) => UnitState::Done(d.with_timezone(&chrono::Local).date_naive()),
                        None => UnitState::InProgress {
                            answered: s.answered,
                            total: s.total,
                        },
                    },
                },
            }
        })
        .collect();
    units.sort_by(|a, b| {
        let done = |u: &UnitRow| matches!(u.state, UnitState::Done(_));
        done(a).cmp(&done(b)).then_with(|| a.name.cmp(&b.name))
    });
    let written = super::db::analysis(db, node_id, kind, year).await?;
    let analysis = super::NodeAnalysis {
        can_write: false,
        updated: written.as_ref().map(|w| {
            (
                w.updated_by.clone().unwrap_or_default(),
                w.updated_at.with_timezone(&chrono::Local).date_naive(),
            )
        }),
        improvements: written
            .as_ref()
            .map(|w| w.texts.improvements.clone())
            .unwrap_or_default(),
        success_factors: written
            .as_ref()
            .map(|w| w.texts.success_factors.clone())
            .unwrap_or_default(),
        previous_year: written.map(|w| w.texts.previous_year).unwrap_or_default(),
    };
    Ok(RollupView {
        analysis,
        node_id,
        node_name: tree.name(node_id),
        year,
        kind,
        title: template.title.clone(),
        nodes: Vec::new(),
        questions: rolled,
        units,
    })
}
