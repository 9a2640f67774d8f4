//! A roll-up over more units than a page lists (an administration, a whole city): instead of
//! every unit and every unit's answer, the node's parts (its children, and the node's own
//! checklist) with their units' standing counted, and per question the distribution within each
//! part. Counted in SQL (`db::part_answer_counts`), so the page stays small and quick whatever
//! the number of units; each part links a level down, where the units are listed again.

use std::collections::{HashMap, HashSet};

use super::rollup_shared::{count_answers, unit_label, unit_state};
use super::{PartCounts, PartRow, RolledQuestion, RollupView, UnitState};
use crate::domain::{Answer, ChecklistKind};
use crate::error::AppError;
use crate::org::db::LoadedTree;

/// The roll-up of checklist `kind` over `node_id` for `year` by the node's parts, for whoever
/// the caller has already let see it.
pub async fn parts_rollup_at(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> Result<RollupView, AppError> {
    super::rollup::rolled_up(db, tree, node_id, kind, year, true).await
}

/// The questions with their answers counted per part, and the parts with their units counted.
pub(super) async fn by_parts(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    (kind, year): (ChecklistKind, i32),
    mut order: Vec<(i64, String, String)>,
    standings: &[super::db::UnitStanding],
) -> Result<(Vec<RolledQuestion>, Vec<PartRow>), AppError> {
    let counted = super::db::part_answer_counts(db, node_id, kind, year).await?;
    let parts = count_parts(tree, node_id, standings);
    let mut known: HashSet<i64> = order.iter().map(|(k, ..)| *k).collect();
    let mut by_key: HashMap<i64, Vec<(i64, Answer, u32)>> = HashMap::new();
    for c in counted {
        if known.insert(c.question_key) {
            order.push((c.question_key, c.area, c.question));
        }
        by_key
            .entry(c.question_key)
            .or_default()
            .push((c.part_id, c.answer, c.count));
    }
    let questions: Vec<RolledQuestion> = order
        .into_iter()
        .enumerate()
        .map(|(i, (key, area, text))| {
            let given = by_key.remove(&key).unwrap_or_default();
            let by_part = parts
                .iter()
                .map(|p| PartCounts {
                    name: p.name.clone(),
                    counts: count_answers(
                        given
                            .iter()
                            .filter(|(part, ..)| *part == p.node_id)
                            .map(|&(_, a, n)| (a, n)),
                    ),
                })
                .collect();
            RolledQuestion {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                area,
                text,
                counts: count_answers(given.iter().map(|&(_, a, n)| (a, n))),
                answers: Vec::new(),
                by_part,
            }
        })
        .collect();
    Ok((questions, parts))
}

/// The node's parts with their units' checklists counted: its children by name, each with the
/// units below it, then the node's own checklist when it has one. Parts without units are left
/// out.
pub(super) fn count_parts(
    tree: &LoadedTree,
    node_id: i64,
    standings: &[super::db::UnitStanding],
) -> Vec<PartRow> {
    let mut children: Vec<i64> = tree.tree.children(node_id).to_vec();
    children.sort_by_key(|&c| tree.name(c));
    let mut parts: Vec<PartRow> = children
        .into_iter()
        .map(|c| PartRow {
            node_id: c,
            name: tree.name(c),
            units: 0,
            done: 0,
            in_progress: 0,
        })
        .collect();
    let at: HashMap<i64, usize> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.node_id, i))
        .collect();
    let standing: HashMap<i64, &super::db::UnitStanding> =
        standings.iter().map(|s| (s.unit_id, s)).collect();
    let mut units = tree.tree.leaves_under(node_id);
    units.extend(standing.keys().copied());
    units.sort_unstable();
    units.dedup();
    let mut own: Option<PartRow> = None;
    for unit in units {
        let row = match tree.tree.branch_of(unit, node_id) {
            Some(part) => match at.get(&part) {
                Some(&i) => &mut parts[i],
                None => continue,
            },
            None => own.get_or_insert_with(|| PartRow {
                node_id,
                name: unit_label(tree, node_id, tree.name(node_id)),
                units: 0,
                done: 0,
                in_progress: 0,
            }),
        };
        row.units += 1;
        match unit_state(standing.get(&unit).copied()) {
            UnitState::Done(_) => row.done += 1,
            UnitState::InProgress { .. } => row.in_progress += 1,
            UnitState::NotStarted => {}
        }
    }
    parts.retain(|p| p.units > 0);
    parts.extend(own);
    parts
}
