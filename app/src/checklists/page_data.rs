//! The checklist page's data in a handful of queries, and what still keeps it from being done.

use crate::domain::{safety_representative_warning, ChecklistKind};
use crate::error::AppError;
use crate::org::access::UnitAccess;

use super::{AreaView, ChecklistView, QuestionView};

/// The checklist page's data: head, questions with answers, linked actions, participants.
pub async fn load_view(access: &UnitAccess, checklist_id: i64) -> Result<ChecklistView, AppError> {
    let (state, grant) = (&access.state, &access.grant);
    let unit_id = grant.unit_id;
    let head = access.checklist(checklist_id).await?;
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
        year: head.year,
        can_fill: access.may_fill(),
        can_finish: grant.access.can_edit(),
        done: head.done_at.map(|d| {
            (
                d.with_timezone(&chrono::Local).date_naive(),
                head.done_by.unwrap_or_default(),
            )
        }),
        responsibles: responsibles(access, &participants).await?,
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

/// Who may be made responsible for an action from the checklist: its participants and the
/// node's possible responsibles (`actions::db::responsible_candidates`), once each, by name.
pub async fn responsibles(
    access: &UnitAccess,
    participants: &[super::Participant],
) -> Result<Vec<(i64, String)>, AppError> {
    let mut all: Vec<(i64, String)> =
        crate::actions::db::responsible_candidates(&access.state.db, access.grant.unit_id).await?;
    for p in participants {
        if !all.iter().any(|(id, _)| *id == p.person_id) {
            all.push((p.person_id, p.name.clone()));
        }
    }
    all.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    Ok(all)
}
