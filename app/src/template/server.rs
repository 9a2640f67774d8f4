//! HR's server functions for the template: each checks that the person keeps the organisation's
//! template (HR at its root), checks the input (a Swedish message beside the field), then writes.

use leptos::prelude::*;

use super::{TemplatePage, TemplateTopic};
use crate::domain::{RulesInput, WheelTopicInput};
use crate::error::AppError;

/// The organisation's template: rule parameters, recurring points and topics.
#[server(prefix = "/api", endpoint = "mall")]
pub async fn get_template() -> Result<TemplatePage, AppError> {
    use super::db;
    use crate::org::db as org_db;

    let crate::org::guard::OrgKeeper {
        state,
        org_id,
        org_name,
        ..
    } = crate::org::guard::organisation_keeper().await?;
    let revision = db::revision(&state.db, org_id).await?;
    Ok(TemplatePage {
        org_name,
        rules: org_db::rules(&state.db, org_id).await?,
        points: db::points_at(&state.db, org_id, revision).await?,
        topics: db::current_topics(&state.db, org_id).await?,
    })
}

/// One current topic of the template, for its edit page.
#[server(prefix = "/api", endpoint = "mall/amne")]
pub async fn get_template_topic(topic_id: i64) -> Result<TemplateTopic, AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    super::db::current_topic(&state.db, org_id, topic_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Sets the minimum APTs per year and the days of notice.
#[server(prefix = "/api", endpoint = "mall/regler")]
pub async fn save_rules(rules: RulesInput) -> Result<(), AppError> {
    use crate::domain::check_rules;
    use crate::org::db as org_db;

    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    let checked = check_rules(&rules)?;
    org_db::save_rules(&state.db, org_id, checked).await?;
    Ok(())
}

/// Adds a topic to the template (`topic_id` empty) or saves a new version of one; plans made
/// earlier keep the version they have. An edit returns to the template page.
#[server(prefix = "/api", endpoint = "mall/amne/spara")]
pub async fn save_template_topic(topic_id: String, topic: WheelTopicInput) -> Result<(), AppError> {
    use crate::domain::check_wheel_topic;

    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    let replaces = crate::domain::optional_id(&topic_id, "topic_id")?;
    let checked = check_wheel_topic(&topic)?;
    super::db::save_topic(&state.db, org_id, replaces, &checked)
        .await
        .map_err(AppError::from)?;
    if replaces.is_some() {
        leptos_axum::redirect("/mall#amnen");
    }
    Ok(())
}

/// Takes a topic out of the template (plans that hold it keep it), then returns to the template.
#[server(prefix = "/api", endpoint = "mall/amne/ta-bort")]
pub async fn retire_template_topic(topic_id: i64) -> Result<(), AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    super::db::retire_topic(&state.db, org_id, topic_id)
        .await
        .map_err(AppError::from)?;
    leptos_axum::redirect("/mall#amnen");
    Ok(())
}

/// Adds a recurring point.
#[server(prefix = "/api", endpoint = "mall/punkt/ny")]
pub async fn add_point(title: String) -> Result<(), AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    let title = crate::domain::check_point_title(&title)?;
    super::db::change_point(&state.db, org_id, None, Some(&title))
        .await
        .map_err(AppError::from)
}

/// Renames a recurring point (from now on; earlier plans keep the old name).
#[server(prefix = "/api", endpoint = "mall/punkt/byt-namn")]
pub async fn rename_point(point_id: i64, title: String) -> Result<(), AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    let title = crate::domain::check_point_title(&title)?;
    super::db::change_point(&state.db, org_id, Some(point_id), Some(&title))
        .await
        .map_err(AppError::from)
}

/// Retires a recurring point (from now on).
#[server(prefix = "/api", endpoint = "mall/punkt/ta-bort")]
pub async fn retire_point(point_id: i64) -> Result<(), AppError> {
    let crate::org::guard::OrgKeeper { state, org_id, .. } =
        crate::org::guard::organisation_keeper().await?;
    super::db::change_point(&state.db, org_id, Some(point_id), None)
        .await
        .map_err(AppError::from)
}
