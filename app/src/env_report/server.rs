//! Server functions of the work environment report: read as the person may see it; its figures
//! and sections written by the node's writer while a draft (or returned). Its way up the tree is
//! in `workflow_server`. Each checks who asks and what they may do before it reads or writes.

use std::collections::HashMap;

use leptos::prelude::*;

use super::{EnvReportView, SavedEnvSection, SavedFigures};
use crate::error::AppError;

/// Who asks about which node's report, and the year posted.
#[cfg(feature = "ssr")]
pub(super) struct Asking {
    pub(super) state: crate::state::AppState,
    pub(super) viewer: crate::auth::session::Viewer,
    pub(super) access: super::read::ReportAccess,
    pub(super) year: i32,
}

/// What a write asks of the person.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    /// Writes the node's report.
    Writer,
    /// Decides on it at the level above.
    Decider,
}

/// The person asking and their right to the node's report, refused unless it meets `need`:
/// called before anything posted is read.
#[cfg(feature = "ssr")]
pub(super) async fn allowed(
    node_id: i64,
    need: Need,
) -> Result<
    (
        crate::state::AppState,
        crate::auth::session::Viewer,
        super::read::ReportAccess,
    ),
    AppError,
> {
    use crate::domain::env_report::ReportRight;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let access = super::read::ReportAccess::of(&state, &viewer, node_id).await?;
    let allowed = match need {
        Need::Writer => access.right == ReportRight::Write,
        Need::Decider => access.decides,
    };
    if !allowed {
        tracing::warn!(
            person_id = viewer.user.id,
            node_id,
            "refused a report write"
        );
        return Err(AppError::Forbidden);
    }
    Ok((state, viewer, access))
}

/// The person asking and their right to the node's report (refused before anything posted is
/// read), then the year posted (a year out of range stands beside its field).
#[cfg(feature = "ssr")]
pub(super) async fn asking(node_id: i64, year: &str, need: Need) -> Result<Asking, AppError> {
    use crate::domain::form_input::problem;
    use crate::domain::PlanYear;

    let (state, viewer, access) = allowed(node_id, need).await?;
    let year = PlanYear::parse(year).ok_or_else(|| problem("year", PlanYear::OUT_OF_RANGE))?;
    Ok(Asking {
        state,
        viewer,
        access,
        year: year.get(),
    })
}

/// The node's report on `year` (the year before this one when none: the year a report is
/// written about), as the person may see it.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport")]
pub async fn env_report(node_id: i64, year: Option<i32>) -> Result<EnvReportView, AppError> {
    use chrono::Datelike;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let access = super::read::ReportAccess::of(&state, &viewer, node_id).await?;
    let year = year
        .and_then(crate::domain::PlanYear::new)
        .map_or_else(|| state.clock.today().year() - 1, |y| y.get());
    super::read::report_view(&state, &access, year).await
}

/// The node's report on `year` as it was sent up in step `version` of its history (kept as
/// JSON), read-only, for whoever reads the node's report drafts.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/version")]
pub async fn env_report_version(
    node_id: i64,
    year: i32,
    version: i64,
) -> Result<EnvReportView, AppError> {
    use crate::domain::env_report::ReportRight;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let access = super::read::ReportAccess::of(&state, &viewer, node_id).await?;
    if access.right < ReportRight::Read {
        return Err(AppError::Forbidden);
    }
    let db = &state.db;
    let report = super::db::report(db, node_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let document = super::db::submitted_document(db, report.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = super::db::events(db, report.id)
        .await?
        .into_iter()
        .find(|e| e.id == version)
        .ok_or(AppError::NotFound)?;
    let mut kept: EnvReportView = serde_json::from_str(&document)
        .map_err(|e| AppError::internal("a kept report version", e.to_string()))?;
    // What the page offers comes from the report as it stands, never from the kept copy.
    let now = super::read::report_view(&state, &access, year).await?;
    kept.can_write = false;
    kept.is_writer = false;
    kept.can_decide = false;
    kept.inputs = Vec::new();
    kept.reads_drafts = now.reads_drafts;
    kept.visible = true;
    kept.status = now.status;
    kept.history = now.history;
    kept.submitted_at = Some(crate::cooperation::adjusting_read::local(event.at));
    Ok(kept)
}

/// Saves the node's own key figures for `year` (`figure[<code>]`, empty for not reported) as a
/// whole. The first box that is not a figure stands beside it and nothing is saved; a report
/// submitted or accepted keeps its figures. It answers with the figures rolled up anew.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/nyckeltal")]
pub async fn save_env_figures(
    node_id: i64,
    year: String,
    #[server(default)] figure: HashMap<String, String>,
) -> Result<SavedFigures, AppError> {
    use crate::domain::env_report::{parse_value, ReportStatus};

    let Asking {
        state,
        viewer,
        access,
        year,
    } = asking(node_id, &year, Need::Writer).await?;
    let db = &state.db;
    let template = super::db::template(db, access.org_id()).await?;
    let mut values = HashMap::new();
    for f in template.iter().filter(|f| f.kind.entered()) {
        let typed = figure.get(&f.code).map_or("", String::as_str);
        match parse_value(typed, &f.kind) {
            Ok(Some(v)) => {
                values.insert(f.code.clone(), v);
            }
            Ok(None) => {}
            Err(message) => {
                return Err(AppError::Invalid {
                    field: format!("figure[{}]", f.code),
                    message: message.to_string(),
                })
            }
        }
    }
    let status = super::db::report(db, node_id, year)
        .await?
        .and_then(|r| ReportStatus::from_code(&r.status));
    if status.is_some_and(|s| !s.writable()) {
        return Err(AppError::Conflict {
            message: "Rapporten är inskickad, så dess nyckeltal ändras inte längre.".into(),
        });
    }
    super::db::save_figures(
        db,
        node_id,
        year,
        &template,
        &values,
        viewer.user.id,
        state.clock.now(),
    )
    .await?;
    super::read_figures::figures_of(&state, &access, &template, year).await
}

/// Saves one section of the report, drawn when it had fingerprint `before`: its assessment and
/// the answers to its questions (`answer[<code>]`: `ja`, `nej`, `delvis` or empty;
/// `reason[<code>]` where an answer differs from what Årshjul suggests). A save over a section
/// that changed since is refused with the text kept in the form.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/avsnitt")]
pub async fn save_env_section(
    node_id: i64,
    year: String,
    section: String,
    #[server(default)] before: String,
    #[server(default)] assessment: String,
    #[server(default)] answer: HashMap<String, String>,
    #[server(default)] reason: HashMap<String, String>,
) -> Result<SavedEnvSection, AppError> {
    use crate::domain::env_report::workflow::{check_answer, check_assessment};
    use crate::domain::env_report::{questions_in, suggestion, suggests_in, KnownFacts, Section};
    use crate::domain::form_input::problem;

    let Asking {
        state,
        viewer,
        access,
        year,
    } = asking(node_id, &year, Need::Writer).await?;
    let section = Section::from_code(&section)
        .ok_or_else(|| problem("section", "Välj ett avsnitt i rapporten."))?;
    let assessment = check_assessment(&assessment)?;
    // Årshjul's own suggestions, which an answer may override with its reason.
    let facts = if suggests_in(section) {
        super::read::known_facts(&state, &access, year).await?
    } else {
        KnownFacts::default()
    };
    let mut answers = Vec::new();
    for q in questions_in(section) {
        let typed = |map: &HashMap<String, String>| map.get(q.code).cloned().unwrap_or_default();
        let suggested = suggestion(q.code, &facts).map(|(a, _)| a);
        let (chosen, why) =
            check_answer(&typed(&answer), suggested, &typed(&reason)).map_err(|p| {
                AppError::Invalid {
                    field: format!("{}[{}]", p.field, q.code),
                    message: p.message,
                }
            })?;
        answers.push((q.code, chosen.map(|a| a.code()), why));
    }
    let db = &state.db;
    let now = state.clock.now();
    let report = super::db::begin_report(db, node_id, year, viewer.user.id, now).await?;
    let save = super::db::SectionSave {
        section: section.code(),
        assessment: &assessment,
        answers: answers
            .iter()
            .map(|(q, a, why)| (*q, *a, why.as_str()))
            .collect(),
    };
    if !super::db::save_section(db, report.id, &before, &save, viewer.user.id, now).await? {
        return Err(AppError::stale(crate::error::Edited::ReportSection, None));
    }
    Ok(SavedEnvSection {
        section: section.code().to_string(),
        fingerprint: super::db::section_fingerprint(&assessment, &save.answers),
        answers: save
            .answers
            .iter()
            .map(|(q, a, why)| (q.to_string(), a.unwrap_or("").to_string(), why.to_string()))
            .collect(),
        assessment,
    })
}
