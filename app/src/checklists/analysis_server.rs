//! Writing a node's own analysis of a rolled-up checklist (`/uppfoljning`, "Analys till
//! rapport"): checked against who may answer the node's own checklist before anything is read,
//! and saved only over what the form was opened with, so two writers never lose each other's
//! text.

use leptos::prelude::*;

use crate::error::AppError;

/// The three texts of a node's analysis as a form posts them (`analysis[improvements]`, …, and
/// `before[…]` for what the form was opened with).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnalysisInput {
    /// Förbättringsområden – analys av utfall.
    #[serde(default)]
    pub improvements: String,
    /// Framgångsfaktorer – analys av utfall.
    #[serde(default)]
    pub success_factors: String,
    /// Föregående års aktiviteter från årlig uppföljning – analys av utfall.
    #[serde(default)]
    pub previous_year: String,
}

/// Saves the node's analysis of `kind` for `year` under the three headings, only over `before`.
#[server(prefix = "/api", endpoint = "uppfoljning/analys")]
pub async fn save_rollup_analysis(
    node_id: i64,
    kind: String,
    year: i32,
    #[server(default)] analysis: AnalysisInput,
    #[server(default)] before: AnalysisInput,
) -> Result<(), AppError> {
    use super::db::{save_analysis, AnalysisTexts};
    use crate::domain::{check_long_text, ChecklistKind, PlanYear};
    use crate::org::access::UnitAccess;

    // The one access context: whoever may answer the node's own checklist writes its analysis.
    let UnitAccess { viewer, state, .. } = UnitAccess::read(node_id).await?.fill()?;
    let kind = ChecklistKind::from_code(&kind).ok_or(AppError::NotFound)?;
    let year = PlanYear::new(year).ok_or(AppError::NotFound)?.get();
    let texts = AnalysisTexts {
        improvements: check_long_text(&analysis.improvements, "improvements")?,
        success_factors: check_long_text(&analysis.success_factors, "success_factors")?,
        previous_year: check_long_text(&analysis.previous_year, "previous_year")?,
    };
    let before = AnalysisTexts {
        improvements: before.improvements,
        success_factors: before.success_factors,
        previous_year: before.previous_year,
    };
    let at = state.clock.now();
    if !save_analysis(
        &state.db,
        (node_id, kind, year),
        &texts,
        &before,
        (viewer.user.id, at),
    )
    .await?
    {
        return Err(AppError::stale(crate::error::Edited::Analysis, None));
    }
    Ok(())
}
