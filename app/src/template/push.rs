//! A higher node (an administration or a department) pushes a topic to every unit below it for a
//! year, e.g. information the whole administration must hear. Units see it in their plan as
//! required. Allowed for the node's chef and for HR at the node or above.

use leptos::prelude::*;

use super::PushPage;
use crate::domain::TopicInput;
use crate::error::AppError;

#[cfg(feature = "ssr")]
struct Pushable {
    state: crate::state::AppState,
    viewer: crate::auth::session::Viewer,
    tree: std::sync::Arc<crate::org::db::LoadedTree>,
    nodes: Vec<i64>,
}

/// The nodes with units below them that the signed-in person may push from.
#[cfg(feature = "ssr")]
async fn pushable() -> Result<Pushable, AppError> {
    use crate::auth::session::require_viewer;
    use crate::domain::can_push_from;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let tree = state.org_tree().await?;
    let mut nodes: Vec<i64> = tree
        .nodes
        .keys()
        .copied()
        .filter(|&id| !tree.tree.is_leaf(id))
        .filter(|&id| can_push_from(&viewer.memberships, &tree.tree.ancestry(id)))
        .collect();
    nodes.sort_by_key(|&id| (tree.tree.ancestry(id).len(), id));
    Ok(Pushable {
        state,
        viewer,
        tree,
        nodes,
    })
}

/// The push page: where the person may push from, and what has been pushed there.
#[server(prefix = "/api", endpoint = "obligatoriska-amnen")]
pub async fn get_push_page() -> Result<PushPage, AppError> {
    use super::{db, PushNode};

    let p = pushable().await?;
    if p.nodes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let name = |id: i64| {
        p.tree
            .nodes
            .get(&id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    let units_below = |id: i64| {
        p.tree
            .tree
            .leaves()
            .into_iter()
            .filter(|&leaf| p.tree.tree.ancestry(leaf).contains(&id))
            .count()
    };
    let nodes: Vec<PushNode> = p
        .nodes
        .iter()
        .map(|&id| {
            let mut path = p.tree.path_names(id);
            path.push(name(id));
            PushNode {
                id,
                label: path.join(" › "),
                units: units_below(id),
            }
        })
        .collect();
    let mut pushed = Vec::new();
    let mut orgs: Vec<i64> = p
        .nodes
        .iter()
        .filter_map(|&n| p.tree.tree.root_of(n))
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    for org in orgs {
        for (node, mut topic) in db::pushed_topics(&p.state.db, org).await? {
            if p.nodes.contains(&node) {
                topic.node_name = name(node);
                pushed.push(topic);
            }
        }
    }
    Ok(PushPage {
        nodes,
        pushed,
        default_year: p.state.clock.year(),
    })
}

/// Pushes a topic from `node_id` to every unit below it for `year`.
#[server(prefix = "/api", endpoint = "obligatoriska-amnen/ny")]
pub async fn push_topic(node_id: String, year: String, topic: TopicInput) -> Result<(), AppError> {
    use crate::domain::check_topic;

    let p = pushable().await?;
    let invalid = |field: &str, message: &str| AppError::Invalid {
        field: field.to_string(),
        message: message.to_string(),
    };
    let node_id: i64 = node_id
        .trim()
        .parse()
        .map_err(|_| invalid("node_id", "Välj vilken del av organisationen ämnet gäller."))?;
    if p.tree.tree.contains(node_id) {
        crate::audit::trail::note_node(node_id);
    }
    if !p.nodes.contains(&node_id) {
        tracing::warn!(person_id = p.viewer.user.id, node_id, "refused topic push");
        return Err(AppError::Forbidden);
    }
    let year = crate::domain::PlanYear::parse(&year)
        .ok_or_else(|| invalid("year", "Skriv ett år mellan 2000 och 2100."))?
        .get();
    let checked = check_topic(&topic).map_err(|problem| AppError::Invalid {
        field: problem.field.to_string(),
        message: problem.message,
    })?;
    let org_id = p.tree.tree.root_of(node_id).unwrap_or(node_id);
    let (topic_id, plans) = super::db::push_topic(
        &p.state.db,
        org_id,
        node_id,
        year,
        p.viewer.user.id,
        &checked,
        p.state.clock.now(),
    )
    .await?;
    tracing::info!(
        person_id = p.viewer.user.id,
        node_id,
        topic_id,
        plans,
        "topic pushed"
    );
    Ok(())
}
