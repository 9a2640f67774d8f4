//! The HR import as the administrator meets it: an uploaded export (the plain route
//! `POST /organisation/import` keeps it) is previewed, everything it would add, change, move,
//! close and deactivate and every row it rejects with why, and then applied in one go. Only HR
//! at the organisation's root imports, since a file speaks for the whole organisation.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::hr_import::Rejected;
use crate::error::AppError;

/// How many lines of each list the preview shows (the counts are always whole).
#[cfg(feature = "ssr")]
pub const PREVIEW_LINES: usize = 50;

/// One list of the preview: how many, and the first few, as lines of text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewList {
    /// How many changes of this kind.
    pub count: usize,
    /// The first [`PREVIEW_LINES`] of them.
    pub lines: Vec<String>,
}

/// What an uploaded export would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPlanView {
    /// The import.
    pub id: i64,
    /// The file's name as uploaded.
    pub file_name: String,
    /// Already applied: the page then says so instead of offering it again.
    pub applied: bool,
    /// (heading, list) in the order they are applied.
    pub lists: Vec<(String, PreviewList)>,
    /// How many changes in all.
    pub changes: usize,
    /// Rows left out, with why.
    pub rejected: Vec<Rejected>,
    /// What the plan was when previewed; applying refuses if the organisation changed since.
    pub fingerprint: String,
}

/// The organisation the signed-in person imports into: the root where they are HR.
#[cfg(feature = "ssr")]
pub async fn import_org(
    db: &crate::db::Db,
    viewer: &crate::auth::session::Viewer,
) -> Result<i64, AppError> {
    for node in viewer.hr_nodes() {
        if super::keeping_db::node_and_ancestry(db, node).await?.len() == 1 {
            crate::audit::trail::note_node(node);
            return Ok(node);
        }
    }
    tracing::warn!(person_id = viewer.user.id, "refused the HR import");
    Err(AppError::Forbidden)
}

#[cfg(feature = "ssr")]
fn list<T>(items: &[T], line: impl Fn(&T) -> String) -> PreviewList {
    PreviewList {
        count: items.len(),
        lines: items.iter().take(PREVIEW_LINES).map(line).collect(),
    }
}

/// The plan of a stored import against the organisation as it stands now.
#[cfg(feature = "ssr")]
async fn plan_of(
    import_id: i64,
) -> Result<
    (
        crate::auth::session::Viewer,
        crate::state::AppState,
        i64,
        super::import_db::StoredImport,
        crate::domain::hr_import::Current,
        crate::domain::hr_import::ImportPlan,
    ),
    AppError,
> {
    use super::import_db;
    use crate::domain::hr_import::plan_import;

    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let org = import_org(&state.db, &viewer).await?;
    let stored = import_db::stored(&state.db, org, import_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let current = import_db::current(&state.db, org).await?;
    let file = stored.file.clone();
    let kept = current.clone();
    let plan = tokio::task::spawn_blocking(move || plan_import(&kept, &file.units, &file.people))
        .await
        .map_err(|e| AppError::internal("planning an import", e))?;
    Ok((viewer, state, org, stored, current, plan))
}

/// A short fingerprint of a plan, so applying can tell it is the plan that was previewed (every
/// import's preview and applying share it).
#[cfg(feature = "ssr")]
pub(crate) fn fingerprint(plan: &impl Serialize) -> String {
    use sha2::{Digest, Sha256};
    let json = serde_json::to_vec(plan).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The preview of an uploaded export.
#[server(prefix = "/api", endpoint = "organisation/import")]
pub async fn import_preview(import_id: i64) -> Result<ImportPlanView, AppError> {
    let (_, _, _, stored, _, plan) = plan_of(import_id).await?;
    let parent = |p: &Option<String>| p.clone().unwrap_or_else(|| "organisationens topp".into());
    let lists = vec![
        (
            "Nya enheter".to_string(),
            list(&plan.add_units, |u| {
                format!("{} {} (under {})", u.code, u.name, parent(&u.parent))
            }),
        ),
        (
            "Ändrade enheter".to_string(),
            list(&plan.change_units, |u| {
                format!("{}: {} → {}", u.code, u.old_name, u.name)
            }),
        ),
        (
            "Flyttade enheter".to_string(),
            list(&plan.move_units, |u| {
                format!("{} {} → under {}", u.code, u.name, parent(&u.parent))
            }),
        ),
        (
            "Öppnas igen".to_string(),
            list(&plan.reopen_units, |u| format!("{} {}", u.code, u.name)),
        ),
        (
            "Stängs (finns inte i filen)".to_string(),
            list(&plan.close_units, |u| format!("{} {}", u.code, u.name)),
        ),
        (
            "Nya personer".to_string(),
            list(&plan.add_people, |p| {
                format!("{} {} <{}>", p.employee_id, p.name, p.email)
            }),
        ),
        (
            "Ändrade personer".to_string(),
            list(&plan.change_people, |p| {
                format!("{} {} <{}>", p.employee_id, p.name, p.email)
            }),
        ),
        (
            "Aktiveras igen".to_string(),
            list(&plan.reactivate_people, |p| {
                format!("{} {}", p.employee_id, p.name)
            }),
        ),
        (
            "Inaktiveras (finns inte i filen)".to_string(),
            list(&plan.deactivate_people, |p| {
                format!("{} {}", p.employee_id, p.name)
            }),
        ),
        (
            "Nya roller".to_string(),
            list(&plan.add_roles, |r| {
                format!("{}: {} i {}", r.employee_id, r.role, r.unit)
            }),
        ),
        (
            "Roller som tas bort".to_string(),
            list(&plan.remove_roles, |r| {
                format!("{}: {} i {}", r.employee_id, r.role, r.unit)
            }),
        ),
    ];
    Ok(ImportPlanView {
        id: import_id,
        file_name: stored.file_name,
        applied: stored.applied_at.is_some(),
        changes: plan.changes(),
        fingerprint: fingerprint(&plan),
        rejected: plan.rejected,
        lists,
    })
}

/// Applies an uploaded export as previewed; returns how many changes it made.
#[server(prefix = "/api", endpoint = "organisation/import/genomfor")]
pub async fn apply_import(import_id: i64, fingerprint: String) -> Result<usize, AppError> {
    use super::import_db;

    let (_, state, org, stored, current, plan) = plan_of(import_id).await?;
    if stored.applied_at.is_some() {
        return Err(
            crate::domain::form_input::problem("import", "Importen är redan genomförd.").into(),
        );
    }
    if self::fingerprint(&plan) != fingerprint {
        return Err(AppError::Conflict {
            message: "Organisationen har ändrats sedan förhandsgranskningen. Ladda om sidan och \
                      granska importen igen."
                .into(),
        });
    }
    import_db::apply(
        &state.db,
        org,
        Some(import_id),
        &current,
        &plan,
        state.clock.now(),
    )
    .await?;
    Ok(plan.changes())
}
