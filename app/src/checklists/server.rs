//! The checklists' server functions. Each checks who is asking first: any reader of the unit sees
//! its checklists; the chef and the unit's safety representative answer; the chef opens a
//! checklist, records who took part and marks it done.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ChecklistView, LinkedAction, UnitChecklistsView};
use crate::domain::PlanActionInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// A saved answer, for the question's form to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    /// The question.
    pub question_id: i64,
    /// The answer code now stored.
    pub answer: String,
    /// The analysis now stored.
    pub analysis: String,
}

/// The unit's checklists for a year (this year when none is given).
#[server(prefix = "/api", endpoint = "checklistor")]
pub async fn get_unit_checklists(
    unit_id: i64,
    year: Option<i32>,
) -> Result<UnitChecklistsView, AppError> {
    use super::ChecklistSummary;
    use crate::domain::Progress;

    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let year = year.unwrap_or_else(|| state.clock.year());
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    let templates = super::db::year_templates(&state.db, grant.org_id, year)
        .await
        .map_err(|e| AppError::internal("checklist templates", e))?;
    let opened = super::db::unit_checklists(&state.db, unit_id, year).await?;
    let checklists = templates
        .into_iter()
        .map(|t| match opened.iter().find(|c| c.kind == t.kind) {
            Some(c) => ChecklistSummary {
                id: Some(c.id),
                kind: c.kind,
                title: c.title.clone(),
                progress: Progress {
                    answered: c.answered,
                    total: c.total,
                },
                done_on: c
                    .done_at
                    .map(|d| d.with_timezone(&chrono::Local).date_naive()),
            },
            None => ChecklistSummary {
                id: None,
                kind: t.kind,
                title: t.title,
                progress: Progress {
                    answered: 0,
                    total: t.questions,
                },
                done_on: None,
            },
        })
        .collect();
    Ok(UnitChecklistsView {
        unit_id,
        unit_name: grant.unit_name(),
        year,
        can_open: grant.access.can_edit(),
        checklists,
    })
}

/// Opens the unit's checklist of a kind for a year (or finds the one open) and goes to it.
#[server(prefix = "/api", endpoint = "checklistor/oppna")]
pub async fn open_unit_checklist(unit_id: i64, year: i32, kind: String) -> Result<i64, AppError> {
    use crate::domain::ChecklistKind;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let org_id = access.org_id();
    let UnitAccess { viewer, state, .. } = access;
    let kind = ChecklistKind::from_code(&kind).ok_or(AppError::NotFound)?;
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    // Opening the year's first checklist makes the year's templates (a read never does).
    let templates = super::db::make_year_templates(&state.db, org_id, year)
        .await
        .map_err(|e| AppError::internal("checklist templates", e))?;
    let template_id = templates
        .iter()
        .find(|t| t.kind == kind)
        .and_then(|t| t.id)
        .ok_or(AppError::NotFound)?;
    let id =
        super::db::open_checklist(&state.db, unit_id, template_id, year, viewer.user.id).await?;
    leptos_axum::redirect(&format!("/enhet/{unit_id}/checklista/{id}"));
    Ok(id)
}

/// The unit's checklist with its questions, answers, participants and linked actions.
#[server(prefix = "/api", endpoint = "checklista")]
pub async fn get_checklist(unit_id: i64, checklist_id: i64) -> Result<ChecklistView, AppError> {
    use super::page_data::load_view;

    let access = UnitAccess::read(unit_id).await?;
    load_view(&access, checklist_id).await
}

/// Saves one answer with its analysis, only over what the form was opened with.
#[server(prefix = "/api", endpoint = "checklista/svar")]
pub async fn save_checklist_answer(
    unit_id: i64,
    checklist_id: i64,
    question_id: i64,
    #[server(default)] answer: String,
    #[server(default)] analysis: String,
    #[server(default)] before_answer: String,
    #[server(default)] before_analysis: String,
) -> Result<SavedAnswer, AppError> {
    use super::db::AnswerSave;
    use crate::domain::check_answer;
    use crate::domain::check_long_text;

    let access = UnitAccess::read(unit_id).await?.fill()?;
    let head = access.checklist(checklist_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let questions = super::db::template_questions(&state.db, head.template_id).await?;
    let question = questions
        .iter()
        .find(|q| q.id == question_id)
        .ok_or(AppError::NotFound)?;
    let checked =
        check_answer(question.scale, answer.trim()).map_err(|message| AppError::Invalid {
            field: "answer".into(),
            message,
        })?;
    let analysis = check_long_text(&analysis, "analysis")?;
    let before = (
        Some(before_answer.trim()).filter(|a| !a.is_empty()),
        before_analysis.as_str(),
    );
    match super::db::save_answer(
        &state.db,
        checklist_id,
        question_id,
        checked,
        &analysis,
        before,
        (viewer.user.id, state.clock.now()),
    )
    .await?
    {
        AnswerSave::Saved => Ok(SavedAnswer {
            question_id,
            answer: checked.code().to_string(),
            analysis,
        }),
        AnswerSave::Stale => Err(AppError::stale(crate::error::Edited::Answer, None)),
        AnswerSave::Done => Err(AppError::Invalid {
            field: "answer".into(),
            message: "Checklistan är markerad som klar. Öppna den igen för att ändra svar.".into(),
        }),
        AnswerSave::NotFound => Err(AppError::NotFound),
    }
}

/// Records who took part (members ticked, others typed).
#[server(prefix = "/api", endpoint = "checklista/deltagare")]
pub async fn save_checklist_participants(
    unit_id: i64,
    checklist_id: i64,
    #[server(default)] took_part: HashMap<String, String>,
    #[server(default)] others: String,
) -> Result<(), AppError> {
    use crate::domain::check_long_text;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let head = access.checklist(checklist_id).await?;
    // Who took part is part of what was marked done: it changes only when opened again.
    super::access::not_done(&head, "others")?;
    let UnitAccess { state, .. } = access;
    let may = super::db::participants(&state.db, unit_id, checklist_id).await?;
    let people: Vec<i64> = took_part
        .keys()
        .filter_map(|k| k.parse::<i64>().ok())
        .filter(|id| may.iter().any(|p| p.person_id == *id))
        .collect();
    let others = check_long_text(&others, "others")?;
    super::db::save_participants(&state.db, checklist_id, &people, &others).await?;
    Ok(())
}

/// Marks the checklist done (every question answered, every weak answer has an action or a
/// reason, and for the SAM follow-up the safety representative took part), or opens it again.
#[server(prefix = "/api", endpoint = "checklista/klar")]
pub async fn finish_checklist(unit_id: i64, checklist_id: i64, done: bool) -> Result<(), AppError> {
    use super::page_data::{load_view, unfinished_reason};

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.checklist(checklist_id).await?;
    if done {
        let view = load_view(&access, checklist_id).await?;
        if let Some(message) = unfinished_reason(&view) {
            return Err(AppError::Invalid {
                field: "done".into(),
                message,
            });
        }
    }
    let stamp = done.then(|| (access.viewer.user.id, access.now()));
    super::db::set_done(&access.state.db, checklist_id, stamp).await?;
    Ok(())
}

/// Records why a weak answer gets no action (an empty reason takes it back).
#[server(prefix = "/api", endpoint = "checklista/ingen-atgard")]
pub async fn decline_checklist_action(
    unit_id: i64,
    checklist_id: i64,
    question_id: i64,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use super::access::not_done;
    use crate::domain::check_long_text;

    let access = UnitAccess::read(unit_id).await?.fill()?;
    let head = access.checklist(checklist_id).await?;
    let UnitAccess { state, .. } = access;
    not_done(&head, "reason")?;
    let reason = check_long_text(&reason, "reason")?;
    if reason.is_empty() {
        return Err(AppError::Invalid {
            field: "reason".into(),
            message: "Skriv varför ingen åtgärd behövs.".into(),
        });
    }
    if !super::db::set_no_action_reason(&state.db, checklist_id, question_id, Some(&reason)).await?
    {
        return Err(AppError::Invalid {
            field: "reason".into(),
            message: "Besvara frågan först.".into(),
        });
    }
    Ok(())
}

/// Makes an action in the unit's action plan from a question (linked to it and its answer).
#[server(prefix = "/api", endpoint = "checklista/atgard")]
pub async fn add_checklist_action(
    unit_id: i64,
    checklist_id: i64,
    question_id: i64,
    action: PlanActionInput,
) -> Result<LinkedAction, AppError> {
    use super::access::not_done;
    use crate::actions::db::{add_plan_action, NewActionLink};
    use crate::domain::{check_plan_action, ActionSource, ActionStatus, ChecklistKind};

    let access = UnitAccess::read(unit_id).await?.fill()?;
    let head = access.checklist(checklist_id).await?;
    let participants = super::db::participants(&access.state.db, unit_id, checklist_id).await?;
    let members: Vec<i64> = super::page_data::responsibles(&access, &participants)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let UnitAccess { viewer, state, .. } = access;
    not_done(&head, "title")?;
    let questions =
        super::db::answered_questions(&state.db, head.template_id, checklist_id).await?;
    let question = questions
        .iter()
        .find(|q| q.id == question_id)
        .ok_or(AppError::NotFound)?;
    let Some(answer) = question.answer else {
        return Err(AppError::Invalid {
            field: "title".into(),
            message: "Besvara frågan först.".into(),
        });
    };
    let checked = check_plan_action(&action, &members)?;
    let source = match ChecklistKind::from_code(&head.kind) {
        Some(kind) if kind.is_round() => ActionSource::Round,
        _ => ActionSource::Checklist,
    };
    let link = NewActionLink {
        checklist: Some((checklist_id, question_id)),
        answer: Some(answer),
        ..NewActionLink::default()
    };
    let id = add_plan_action(&state.db, unit_id, source, &link, &checked, viewer.user.id).await?;
    Ok(LinkedAction {
        id,
        title: checked.title,
        status: ActionStatus::NotStarted,
    })
}

/// The roll-up of a checklist over a node (`nod`), for HR and the cooperation group.
#[server(prefix = "/api", endpoint = "uppfoljning")]
pub async fn get_rollup(
    node: Option<i64>,
    kind: Option<String>,
    year: Option<i32>,
) -> Result<super::RollupView, AppError> {
    use super::rollup::{build_rollup, RollupQuery, RollupShape, PAGE_DETAIL_LIMIT};
    use crate::auth::session::require_viewer;
    use crate::domain::ChecklistKind;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let query = RollupQuery {
        node,
        kind: kind.as_deref().and_then(ChecklistKind::from_code),
        year,
        shape: RollupShape::PartsAbove(PAGE_DETAIL_LIMIT),
    };
    build_rollup(&state, &viewer, query).await
}
