//! Server functions of the annual plan: authenticate, authorise the unit, load, return.

use leptos::prelude::*;

use super::{TopicDetail, UnitPlan};
use crate::error::AppError;

/// The unit's plan for `year` (the current year when `None`), for anyone who may read the unit.
#[server(prefix = "/api", endpoint = "plan")]
pub async fn get_unit_plan(unit_id: i64, year: Option<i32>) -> Result<UnitPlan, AppError> {
    use super::{db, status_of};
    use crate::auth::session::require_viewer;
    use crate::org::{db as org_db, guard::readable_unit};
    use crate::state::app_state;
    use chrono::Datelike;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let grant = readable_unit(&state, &viewer, unit_id).await?;
    let today = chrono::Local::now().date_naive();
    let year = year.unwrap_or(today.year());
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let rules = org_db::rules(&state.db, grant.org_id).await?;
    let recurring_points = db::recurring_points(&state.db, grant.org_id).await?;
    let plan_id = db::plan_id(&state.db, unit_id, year).await?;
    let (meetings, topics) = match plan_id {
        Some(id) => (
            db::meetings(&state.db, id).await?,
            db::plan_topics(&state.db, id).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let status = status_of(rules, &meetings, &topics);
    Ok(UnitPlan {
        unit_id,
        unit_name: unit_name(&grant.tree, unit_id),
        unit_path: grant.tree.path_names(unit_id),
        year,
        exists: plan_id.is_some(),
        can_edit: grant.access.can_edit(),
        rules,
        status,
        meetings,
        topics,
        recurring_points,
        today,
    })
}

/// One topic's guidance, contact, links and OSA tip, as seen from a unit's plan of `year`.
#[server(prefix = "/api", endpoint = "amne")]
pub async fn get_topic_detail(
    unit_id: i64,
    topic_id: i64,
    year: Option<i32>,
) -> Result<TopicDetail, AppError> {
    use super::db;
    use crate::auth::session::require_viewer;
    use crate::org::guard::readable_unit;
    use crate::state::app_state;
    use chrono::Datelike;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let grant = readable_unit(&state, &viewer, unit_id).await?;
    let year = year.unwrap_or_else(|| chrono::Local::now().year());
    let text = db::topic_text(&state.db, topic_id)
        .await?
        .filter(|t| t.org_id == grant.org_id)
        .filter(|t| t.owner_node_id == grant.org_id || t.owner_node_id == unit_id)
        .ok_or(AppError::NotFound)?;
    let mut topic = text.topic;
    let mut meeting = None;
    if let Some(plan_id) = db::plan_id(&state.db, unit_id, year).await? {
        if let Some(Some(meeting_id)) = db::topic_placement(&state.db, plan_id, topic_id).await? {
            topic.meeting_id = Some(meeting_id);
            meeting = db::meeting(&state.db, meeting_id).await?;
        }
    }
    Ok(TopicDetail {
        unit_id,
        unit_name: unit_name(&grant.tree, unit_id),
        topic,
        contact: text.contact,
        guidance: text.guidance,
        osa_tip: text.osa_tip,
        links: text.links,
        meeting,
        year,
    })
}

#[cfg(feature = "ssr")]
fn unit_name(tree: &crate::org::db::LoadedTree, unit_id: i64) -> String {
    tree.nodes
        .get(&unit_id)
        .map(|n| n.name.clone())
        .unwrap_or_default()
}
