//! What the checklists' server functions share: who may read, answer or finish a checklist, and
//! the checklist page's data in a handful of queries.

use crate::auth::session::{require_viewer, Viewer};
use crate::domain::{
    can_fill_checklist, safety_representative_warning, ChecklistKind, MAX_ACTION_TEXT,
};
use crate::error::AppError;
use crate::org::guard::{readable_unit, UnitGrant};
use crate::state::{app_state, AppState};

use super::db::ChecklistHead;
use super::{AreaView, ChecklistView, QuestionView};

/// Any reader of the unit.
pub async fn reader_of(unit_id: i64) -> Result<(Viewer, AppState, UnitGrant), AppError> {
    let viewer = require_viewer().await?;
    let state = app_state()?;
    let grant = readable_unit(&state, &viewer, unit_id).await?;
    Ok((viewer, state, grant))
}

fn may_fill(viewer: &Viewer, grant: &UnitGrant) -> bool {
    can_fill_checklist(
        &viewer.memberships,
        &grant.tree.tree.ancestry(grant.unit_id),
    )
}

async fn head_of(
    state: &AppState,
    unit_id: i64,
    checklist_id: i64,
) -> Result<ChecklistHead, AppError> {
    super::db::checklist_head(&state.db, unit_id, checklist_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The chef or the unit's safety representative, on one of the unit's checklists.
pub async fn filler_of(
    unit_id: i64,
    checklist_id: i64,
) -> Result<(Viewer, AppState, ChecklistHead), AppError> {
    let (viewer, state, grant) = reader_of(unit_id).await?;
    if !may_fill(&viewer, &grant) {
        tracing::warn!(
            person_id = viewer.user.id,
            unit_id,
            "refused checklist answer"
        );
        return Err(AppError::Forbidden);
    }
    let head = head_of(&state, unit_id, checklist_id).await?;
    Ok((viewer, state, head))
}

/// Refuses a change to a checklist marked done, beside `field`.
pub fn not_done(head: &ChecklistHead, field: &str) -> Result<(), AppError> {
    if head.done_at.is_some() {
        return Err(AppError::Invalid {
            field: field.into(),
            message: "Checklistan är markerad som klar. Öppna den igen för att ändra.".into(),
        });
    }
    Ok(())
}

/// The chef (whoever may edit the unit), on one of the unit's checklists.
pub async fn finisher_of(
    unit_id: i64,
    checklist_id: i64,
) -> Result<(Viewer, AppState, UnitGrant), AppError> {
    let (viewer, state, grant) = reader_of(unit_id).await?;
    if !grant.access.can_edit() {
        tracing::warn!(
            person_id = viewer.user.id,
            unit_id,
            "refused checklist change"
        );
        return Err(AppError::Forbidden);
    }
    head_of(&state, unit_id, checklist_id).await?;
    Ok((viewer, state, grant))
}

/// A trimmed free text of at most [`MAX_ACTION_TEXT`] characters, refused beside `field`.
pub fn long_text(text: &str, field: &str) -> Result<String, AppError> {
    let text = text.trim();
    if text.chars().count() > MAX_ACTION_TEXT {
        return Err(AppError::Invalid {
            field: field.into(),
            message: "Texten är för lång (högst 4 000 tecken).".into(),
        });
    }
    Ok(text.to_string())
}

/// The checklist page's data: head, questions with answers, linked actions, participants.
pub async fn load_view(
    state: &AppState,
    viewer: &Viewer,
    grant: &UnitGrant,
    checklist_id: i64,
) -> Result<ChecklistView, AppError> {
    let unit_id = grant.unit_id;
    let head = head_of(state, unit_id, checklist_id).await?;
    let questions =
        super::db::answered_questions(&state.db, head.template_id, checklist_id).await?;
    let linked = super::db::linked_actions(&state.db, checklist_id).await?;
    let participants = super::db::participants(&state.db, unit_id, checklist_id).await?;
    let mut areas: Vec<AreaView> = Vec::new();
    for (i, q) in questions.into_iter().enumerate() {
        let view = QuestionView {
            id: q.id,
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            actions: linked
                .iter()
                .filter(|(question, _)| *question == q.id)
                .map(|(_, a)| a.clone())
                .collect(),
            text: q.text,
            help: q.help,
            scale: q.scale,
            answer: q.answer,
            analysis: q.analysis,
            no_action_reason: q.no_action_reason,
        };
        match areas.last_mut() {
            Some(area) if area.title == q.area => area.questions.push(view),
            _ => areas.push(AreaView {
                title: q.area,
                questions: vec![view],
            }),
        }
    }
    Ok(ChecklistView {
        unit_id,
        unit_name: grant.unit_name(),
        id: head.id,
        kind: ChecklistKind::from_code(&head.kind).unwrap_or(ChecklistKind::SamAnnual),
        title: head.title,
        template_version: u32::try_from(head.template_version).unwrap_or(1),
        year: i32::try_from(head.year).unwrap_or_default(),
        can_fill: may_fill(viewer, grant),
        can_finish: grant.access.can_edit(),
        done: head.done_at.map(|d| {
            (
                d.with_timezone(&chrono::Local).date_naive(),
                head.done_by.unwrap_or_default(),
            )
        }),
        participants,
        other_participants: head.other_participants,
        areas,
    })
}

/// Why the checklist cannot be marked done yet, in Swedish; `None` when it can.
pub fn unfinished_reason(view: &ChecklistView) -> Option<String> {
    let progress = view.progress();
    if !progress.complete() {
        return Some(format!(
            "Besvara alla frågor först ({} av {} besvarade).",
            progress.answered, progress.total
        ));
    }
    let missing: Vec<String> = view
        .areas
        .iter()
        .flat_map(|a| &a.questions)
        .filter(|q| q.action_missing())
        .map(|q| q.number.to_string())
        .collect();
    if !missing.is_empty() {
        return Some(format!(
            "Fråga {} behöver en åtgärd, eller en motivering till varför ingen åtgärd behövs.",
            missing.join(", ")
        ));
    }
    safety_representative_warning(
        view.kind.needs_safety_representative(),
        view.safety_representative_took_part(),
    )
    .map(str::to_string)
}
