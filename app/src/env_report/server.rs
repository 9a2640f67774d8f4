//! Server functions of the work environment report: read as the person may see it; its figures
//! and sections written by the node's writer while a draft (or returned); submitted upwards by
//! its writer; accepted or returned by the writer of the level above. Each checks who asks and
//! what they may do before it reads or writes.

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
async fn asking(node_id: i64, year: &str, need: Need) -> Result<Asking, AppError> {
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
    super::read::figures_of(&state, &access, &template, year).await
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

/// Submits the report to the level above (at the top, where nobody is above, adopts it),
/// keeping it as it stands, read-only, in its history.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/skicka")]
pub async fn submit_env_report(node_id: i64, year: String) -> Result<(), AppError> {
    use crate::domain::env_report::{after, ReportStatus, ReportStep};

    let Asking {
        state,
        viewer,
        access,
        year,
    } = asking(node_id, &year, Need::Writer).await?;
    let db = &state.db;
    let now = state.clock.now();
    let report = super::db::begin_report(db, node_id, year, viewer.user.id, now).await?;
    let from = ReportStatus::from_code(&report.status)
        .ok_or_else(|| AppError::internal("report status", report.status.clone()))?;
    let level_above = access.ancestry.len() > 1;
    let to = after(from, ReportStep::Submit, level_above)
        .map_err(|m| AppError::Conflict { message: m.into() })?;
    let document = serde_json::to_string(&super::read::report_view(&state, &access, year).await?)
        .map_err(|e| AppError::internal("report document", e.to_string()))?;
    let mail = step_mail(&state, &access, year, ReportStep::Submit, "");
    let step = super::db::Step {
        from: from.code(),
        to: to.code(),
        event: if level_above { "submitted" } else { "accepted" },
        by: viewer.user.id,
        at: now,
        comment: "",
        document: Some(&document),
        mail: mail.as_ref().map(|m| m.as_step_mail()),
    };
    if !super::db::take_step(db, report.id, &step).await? {
        return Err(AppError::Conflict {
            message: crate::domain::env_report::workflow::OUT_OF_TURN.into(),
        });
    }
    state.outbox_wake.notify_one();
    Ok(())
}

/// The level above accepts a submitted report.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/godkann")]
pub async fn accept_env_report(node_id: i64, year: String) -> Result<(), AppError> {
    decide(node_id, &year, None).await
}

/// The level above returns a submitted report with a comment saying what to change.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/aterskicka")]
pub async fn return_env_report(
    node_id: i64,
    year: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    decide(node_id, &year, Some(comment)).await
}

/// Accepts the node's submitted report (no comment) or returns it with `comment`, as the
/// writer of the level above.
#[cfg(feature = "ssr")]
async fn decide(node_id: i64, year: &str, comment: Option<String>) -> Result<(), AppError> {
    use crate::domain::env_report::workflow::check_return_comment;
    use crate::domain::env_report::{after, ReportStatus, ReportStep};

    let Asking {
        state,
        viewer,
        access,
        year,
    } = asking(node_id, year, Need::Decider).await?;
    let (step, comment) = match comment {
        None => (ReportStep::Accept, String::new()),
        Some(text) => (ReportStep::Return, check_return_comment(&text)?),
    };
    let db = &state.db;
    let report = super::db::report(db, node_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = ReportStatus::from_code(&report.status)
        .ok_or_else(|| AppError::internal("report status", report.status.clone()))?;
    let to = after(from, step, true).map_err(|m| AppError::Conflict { message: m.into() })?;
    let mail = step_mail(&state, &access, year, step, &comment);
    let taken = super::db::Step {
        from: from.code(),
        to: to.code(),
        event: to.code(),
        by: viewer.user.id,
        at: state.clock.now(),
        comment: &comment,
        document: None,
        mail: mail.as_ref().map(|m| m.as_step_mail()),
    };
    if !super::db::take_step(db, report.id, &taken).await? {
        return Err(AppError::Conflict {
            message: crate::domain::env_report::workflow::OUT_OF_TURN.into(),
        });
    }
    state.outbox_wake.notify_one();
    Ok(())
}

/// A step's mail as made for the node of `access`, owned until the step is taken.
#[cfg(feature = "ssr")]
struct OwnedStepMail {
    to_node: i64,
    subject: String,
    body: String,
    status: &'static str,
}

#[cfg(feature = "ssr")]
impl OwnedStepMail {
    fn as_step_mail(&self) -> super::db::StepMail<'_> {
        super::db::StepMail {
            to_node: self.to_node,
            subject: &self.subject,
            body: &self.body,
            status: self.status,
        }
    }
}

/// The mail of `step` on the report of the node of `access`: a submitted report to the level
/// above's chefs, a returned or accepted one to the node's own. None at the top level.
#[cfg(feature = "ssr")]
fn step_mail(
    state: &crate::state::AppState,
    access: &super::read::ReportAccess,
    year: i32,
    step: crate::domain::env_report::ReportStep,
    comment: &str,
) -> Option<OwnedStepMail> {
    use crate::domain::env_report::ReportStep;

    let node_id = access.grant.unit_id;
    let above = *access.ancestry.get(1)?;
    let tree = &access.grant.tree;
    let link = format!(
        "{}/enhet/{node_id}/arbetsmiljorapport?ar={year}",
        state.link_origin()
    );
    let (subject, body) = crate::domain::env_report::step_mail(
        step,
        year,
        &tree.name(node_id),
        Some(&tree.name(above)),
        comment,
        &link,
    )?;
    Some(OwnedStepMail {
        to_node: if step == ReportStep::Submit {
            above
        } else {
            node_id
        },
        subject,
        body,
        status: if state.mailer.is_some() {
            "queued"
        } else {
            "stored"
        },
    })
}
