//! HR's checklist templates: read a year's templates, make them for a year (reading never does),
//! change, add or remove questions. Only HR at an organisation's root keeps its templates; a
//! version a unit has opened is never changed (the change goes into the next version).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{AnswerScale, ChecklistKind, QuestionInput};
use crate::error::AppError;

/// A question as the template page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateQuestion {
    /// Question id.
    pub id: i64,
    /// Its area.
    pub area: String,
    /// The question.
    pub text: String,
    /// Help text.
    pub help: String,
    /// Its scale.
    pub scale: AnswerScale,
}

/// A current template with its questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    /// Template id.
    pub id: i64,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// Its title.
    pub title: String,
    /// 1, 2, …
    pub version: u32,
    /// Units that have opened this version (a change then makes the next one).
    pub used_by: u32,
    /// Questions in order.
    pub questions: Vec<TemplateQuestion>,
}

/// What a year's template will be before it is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatePreview {
    /// Which checklist.
    pub kind: ChecklistKind,
    /// Its title.
    pub title: String,
    /// Number of questions.
    pub questions: u32,
    /// The earlier year it would be copied from; `None`: the bundled default.
    pub from_year: Option<i32>,
}

/// The checklist templates page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatesView {
    /// The organisation.
    pub org_name: String,
    /// The year.
    pub year: i32,
    /// One per kind, once the year's templates are made.
    pub templates: Vec<TemplateView>,
    /// Until then: what each would be (the page offers to make them).
    pub preview: Vec<TemplatePreview>,
}

/// The organisation's templates for a year (this year when none is given).
#[server(prefix = "/api", endpoint = "mall/checklistor")]
pub async fn get_checklist_templates(year: Option<i32>) -> Result<TemplatesView, AppError> {
    let crate::org::guard::OrgKeeper {
        state,
        org_id,
        org_name,
        ..
    } = crate::org::guard::organisation_keeper().await?;
    let year = year.unwrap_or_else(|| state.clock.year());
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    let rows = super::db::year_templates(&state.db, org_id, year)
        .await
        .map_err(|e| AppError::internal("checklist templates", e))?;
    if rows.iter().any(|t| !t.made) {
        let preview = rows
            .into_iter()
            .map(|t| TemplatePreview {
                kind: t.kind,
                title: t.title,
                questions: t.questions,
                from_year: t.from_year,
            })
            .collect();
        return Ok(TemplatesView {
            org_name,
            year,
            templates: Vec::new(),
            preview,
        });
    }
    let mut templates = Vec::new();
    for (t, id) in rows.into_iter().filter_map(|t| t.id.map(|id| (t, id))) {
        // One query per kind: five, whatever the size of the organisation.
        let questions = super::db::template_questions(&state.db, id)
            .await?
            .into_iter()
            .map(|q| TemplateQuestion {
                id: q.id,
                area: q.area,
                text: q.text,
                help: q.help,
                scale: q.scale,
            })
            .collect();
        templates.push(TemplateView {
            id,
            kind: t.kind,
            title: t.title,
            version: t.version,
            used_by: t.used_by,
            questions,
        });
    }
    Ok(TemplatesView {
        org_name,
        year,
        templates,
        preview: Vec::new(),
    })
}

/// Makes the organisation's templates for a year (those it lacks): copies of the nearest earlier
/// year's, else the bundled defaults. HR's explicit step before editing a year nobody has opened
/// a checklist of yet; opening one makes them too.
#[server(prefix = "/api", endpoint = "mall/checklistor/gor")]
pub async fn make_checklist_templates(year: i32) -> Result<(), AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    super::db::make_year_templates(&state.db, org_id, year)
        .await
        .map_err(|e| AppError::internal("making checklist templates", e))?;
    Ok(())
}

/// Changes (`question_id`) or adds a question; returns the version now current.
#[server(prefix = "/api", endpoint = "mall/checklistor/fraga")]
pub async fn save_template_question(
    template_id: i64,
    #[server(default)] question_id: Option<i64>,
    question: QuestionInput,
) -> Result<u32, AppError> {
    use super::db::{change_template, QuestionEdit, TemplateChange};
    use crate::domain::check_question;

    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    template_of(&state, org_id, template_id).await?;
    let q = check_question(&question)?;
    let edit = QuestionEdit {
        area: q.area,
        text: q.text,
        help: q.help,
        scale: q.scale,
    };
    let change = match question_id {
        Some(id) => TemplateChange::Change(id, edit),
        None => TemplateChange::Add(edit),
    };
    match change_template(&state.db, template_id, &change).await? {
        Some(done) => Ok(done.version),
        None => Err(AppError::stale(crate::error::Edited::Template, None)),
    }
}

/// Removes a question (from the next version when units have opened this one).
#[server(prefix = "/api", endpoint = "mall/checklistor/ta-bort")]
pub async fn remove_template_question(template_id: i64, question_id: i64) -> Result<u32, AppError> {
    use super::db::{change_template, TemplateChange};

    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    template_of(&state, org_id, template_id).await?;
    match change_template(&state.db, template_id, &TemplateChange::Remove(question_id)).await? {
        Some(done) => Ok(done.version),
        None => Err(AppError::Conflict {
            message: "Frågan kan inte tas bort: mallen har ändrats sedan sidan laddades, eller \
                      frågan har redan svar eller åtgärder. Ladda om sidan."
                .into(),
        }),
    }
}

/// Checks the template is the organisation's.
#[cfg(feature = "ssr")]
async fn template_of(
    state: &crate::state::AppState,
    org_id: i64,
    template_id: i64,
) -> Result<(), AppError> {
    if super::db::template_org(&state.db, template_id).await? != Some(org_id) {
        return Err(AppError::NotFound);
    }
    Ok(())
}
