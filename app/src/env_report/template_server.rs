//! The organisation's own report template, kept by HR at its root: the figures it adds to seed
//! 004's (the statutory sick-leave reporting by age group, say) and when each kind of node's
//! report is due. Every function asks for HR at the organisation's root before it reads or
//! writes anything.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// An added figure as the template page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedFigureView {
    /// The section's title.
    pub section: String,
    /// The sub-heading, or "".
    pub group: String,
    /// The label.
    pub label: String,
    /// What it counts ("Antal", "Timmar", "Procent, vägd med …").
    pub kind: String,
}

/// One kind of node's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineView {
    /// The kind's code.
    pub kind: String,
    /// As the organisation names it.
    pub label: String,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

/// The template page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvTemplateView {
    /// The organisation's name.
    pub org_name: String,
    /// The figures it added, in the order added.
    pub added: Vec<AddedFigureView>,
    /// The sections a figure may go under: (code, title).
    pub sections: Vec<(String, String)>,
    /// What a percent may be weighted by: (code, label).
    pub bases: Vec<(String, String)>,
    /// Each kind of node with its deadline.
    pub deadlines: Vec<DeadlineView>,
}

/// HR at the organisation's root, with the app's state: refused for anyone else.
#[cfg(feature = "ssr")]
async fn keeper() -> Result<(crate::state::AppState, crate::auth::session::Viewer, i64), AppError> {
    let viewer = crate::auth::session::require_viewer().await?;
    let state = crate::state::app_state()?;
    let org = crate::org::import_org(&state.db, &viewer).await?;
    Ok((state, viewer, org))
}

/// The organisation's report template.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/mall")]
pub async fn env_report_template() -> Result<EnvTemplateView, AppError> {
    use crate::domain::env_report::{deadline, FigureKind, Section};

    let (state, _, org) = keeper().await?;
    let db = &state.db;
    let template = super::db::template(db, org).await?;
    let label_of = |code: &str| {
        template
            .iter()
            .find(|f| f.code == code)
            .map_or_else(|| code.to_string(), |f| f.label.clone())
    };
    let added: Vec<AddedFigureView> = template
        .iter()
        .filter(|f| f.code.starts_with("added_"))
        .map(|f| AddedFigureView {
            section: f.section.title().to_string(),
            group: f.group.clone(),
            label: f.label.clone(),
            kind: match &f.kind {
                FigureKind::Count => "Antal".to_string(),
                FigureKind::Hours => "Timmar".to_string(),
                FigureKind::Percent { basis } => {
                    format!("Procent, vägd med {}", label_of(basis).to_lowercase())
                }
                _ => String::new(),
            },
        })
        .collect();
    let rules = super::db::deadlines(db, org).await?;
    let kinds = crate::org::keeping_db::node_kinds(db, org).await?;
    let deadlines = kinds
        .into_iter()
        .map(|k| {
            // Any year shows the day and month; 2025's report is due in 2026.
            let due = deadline(&k.code, 2025, &rules);
            DeadlineView {
                kind: k.code,
                label: k.label,
                month: chrono::Datelike::month(&due),
                day: chrono::Datelike::day(&due),
            }
        })
        .collect();
    let org_name = crate::org::keeping_db::node_and_ancestry(db, org)
        .await?
        .first()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    Ok(EnvTemplateView {
        org_name,
        added,
        sections: Section::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.title().to_string()))
            .collect(),
        bases: template
            .iter()
            .filter(|f| f.kind == FigureKind::Basis)
            .map(|f| (f.code.clone(), f.label.clone()))
            .collect(),
        deadlines,
    })
}

/// Adds a figure to the organisation's template; each problem stands beside its field.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/mall/nyckeltal")]
pub async fn add_env_figure(
    section: String,
    #[server(default)] group: String,
    label: String,
    kind: String,
    #[server(default)] basis: String,
) -> Result<(), AppError> {
    use crate::domain::env_report::figures::check_new_figure;
    use crate::domain::env_report::FigureKind;

    let (state, viewer, org) = keeper().await?;
    let db = &state.db;
    let template = super::db::template(db, org).await?;
    let checked = check_new_figure(&section, &group, &label, &kind, &basis, &template)?;
    let basis = match &checked.kind {
        FigureKind::Percent { basis } => basis.clone(),
        _ => String::new(),
    };
    super::db::add_figure(
        db,
        org,
        &super::db::NewFigure {
            section: checked.section.code(),
            group: &checked.group,
            label: &checked.label,
            kind: checked.kind.code(),
            basis: &basis,
        },
        viewer.user.id,
        state.clock.now(),
    )
    .await?;
    Ok(())
}

/// Sets when a kind of node's report is due (a day and month of the year after).
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/mall/tidsfrist")]
pub async fn save_env_deadline(kind: String, month: String, day: String) -> Result<(), AppError> {
    use crate::domain::env_report::workflow::check_deadline;
    use crate::domain::env_report::DeadlineRule;
    use crate::domain::form_input::problem;

    let (state, _, org) = keeper().await?;
    let db = &state.db;
    let kinds = crate::org::keeping_db::node_kinds(db, org).await?;
    if !kinds.iter().any(|k| k.code == kind) {
        return Err(problem("kind", "Välj en nivå i organisationen.").into());
    }
    let (month, day) = check_deadline(&month, &day)?;
    super::db::save_deadline(db, org, &DeadlineRule { kind, month, day }).await?;
    Ok(())
}
