//! What the roll-up's two listings share (every unit, or the node's parts): the year's questions,
//! the counting of answers, a unit's label and standing, and the node's own analysis.

use super::{AnswerCount, UnitState};
use crate::domain::{Answer, ChecklistKind};
use crate::error::AppError;
use crate::org::db::LoadedTree;

/// The checklist's title for the year and its questions as `(key, area, text)`: the current
/// version's in order (none when nobody has opened the year), which a roll-up extends with any
/// only older versions asked.
pub(super) async fn year_questions(
    db: &crate::db::Db,
    tree: &LoadedTree,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> Result<(String, Vec<(i64, String, String)>), AppError> {
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
    let order = questions
        .into_iter()
        .map(|q| (q.key, q.area, q.text))
        .collect();
    Ok((template.title.clone(), order))
}

/// The counts of `answers` in the scale's order, answers given only.
pub(super) fn count_answers(answers: impl IntoIterator<Item = (Answer, u32)>) -> Vec<AnswerCount> {
    let mut given: Vec<(Answer, u32)> = Vec::new();
    for (answer, n) in answers {
        match given.iter_mut().find(|(a, _)| *a == answer) {
            Some((_, count)) => *count += n,
            None => given.push((answer, n)),
        }
    }
    let scale = given.first().map(|(a, _)| a.scale());
    scale
        .map(|s| s.answers().to_vec())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|answer| {
            let count = given
                .iter()
                .filter(|(a, _)| *a == answer)
                .map(|(_, n)| n)
                .sum();
            (count > 0).then_some(AnswerCount { answer, count })
        })
        .collect()
}

/// A unit's name in a roll-up: a node above the units answers for its own staff, "(Eget)", as
/// in seed 002.
pub(super) fn unit_label(tree: &LoadedTree, unit_id: i64, name: String) -> String {
    if tree.tree.is_leaf(unit_id) {
        name
    } else {
        format!("{name} (Eget)")
    }
}

/// Where a unit's checklist stands, from its row (none: not opened).
pub(super) fn unit_state(standing: Option<&super::db::UnitStanding>) -> UnitState {
    match standing {
        None => UnitState::NotStarted,
        Some(s) => match s.done_at {
            Some(d) => UnitState::Done(d.with_timezone(&chrono::Local).date_naive()),
            None => UnitState::InProgress {
                answered: s.answered,
                total: s.total,
            },
        },
    }
}

/// The node's own analysis for the report, as last saved.
pub(super) async fn node_analysis(
    db: &crate::db::Db,
    node_id: i64,
    kind: ChecklistKind,
    year: i32,
) -> Result<super::NodeAnalysis, AppError> {
    let written = super::db::analysis(db, node_id, kind, year).await?;
    Ok(super::NodeAnalysis {
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
    })
}
