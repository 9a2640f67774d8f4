//! The work environment report's way up the tree: submitted by its writer (at the top, adopted),
//! accepted or returned with a comment by the writer of the level above; each step mails whoever
//! acts next. Each checks who asks and what they may do before it reads or writes.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::server::{asking, Asking, Need};
use crate::error::AppError;

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
