//! Server functions of the occupational health service's statistics: read through a group of the
//! node, entered by those who write the group's agendas.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::HealthServiceView;
use crate::error::AppError;

/// The node's figures for `year` (this year when none) and the year before, as a member of the
/// group (or one who keeps it) reads them.
#[server(prefix = "/api", endpoint = "samverkan/foretagshalsovard")]
pub async fn health_service(
    group_id: i64,
    year: Option<i32>,
) -> Result<HealthServiceView, AppError> {
    use crate::cooperation::access::GroupAccess;
    use crate::domain::health_service::HealthInput;
    use crate::domain::PlanYear;
    use chrono::Datelike;

    let access = GroupAccess::read(group_id).await?;
    let db = &access.state.db;
    let year = year
        .and_then(PlanYear::new)
        .map_or_else(|| access.state.clock.today().year(), PlanYear::get);
    let node_name = crate::org::keeping_db::node_and_ancestry(db, access.group.node_id)
        .await?
        .first()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let (figures, last) = super::db::figures_with_last(db, access.group.node_id, year).await?;
    let input = match (&figures, &last) {
        (Some(f), _) => HealthInput::of(f),
        (None, Some(l)) => HealthInput {
            provider: l.provider.clone(),
            ..HealthInput::default()
        },
        (None, None) => HealthInput::default(),
    };
    Ok(HealthServiceView {
        group_id,
        group_name: access.group.name.clone(),
        node_name,
        year,
        may_edit: access.may_edit(),
        figures,
        last,
        input,
    })
}

/// Saves the node's figures for `year`: the provider, and the amounts in tkr by field
/// (`amounts[m1]` … `amounts[m12]` per month, `amounts[remedial_group]` … per area and level;
/// empty is not reported). The first problem stands beside its field and nothing is saved.
#[server(prefix = "/api", endpoint = "samverkan/foretagshalsovard/spara")]
pub async fn save_health_service(
    group_id: i64,
    year: String,
    #[server(default)] provider: String,
    #[server(default)] amounts: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::cooperation::access::GroupAccess;
    use crate::domain::form_input::problem;
    use crate::domain::health_service::{check_health_input, HealthInput};
    use crate::domain::PlanYear;

    let access = GroupAccess::read(group_id).await?.edit()?;
    let year = PlanYear::parse(&year).ok_or_else(|| problem("year", PlanYear::OUT_OF_RANGE))?;
    let input = HealthInput { provider, amounts };
    let figures = check_health_input(year.get(), &input).map_err(|problems| {
        problems.into_iter().next().map_or_else(
            || AppError::internal("health service input", "refused without a problem"),
            AppError::from,
        )
    })?;
    let state = &access.state;
    super::db::save_figures(
        &state.db,
        access.group.node_id,
        &figures,
        access.viewer.user.id,
        state.clock.now(),
    )
    .await?;
    Ok(())
}
