//! Server functions of the organisation.

use leptos::prelude::*;

use super::MyUnitsPage;
use crate::error::AppError;

/// Units a start page lists one by one below one of the person's roles
/// (`domain::paging::UNITS_LISTED_ONE_BY_ONE`); above it, the role shows as a part with its
/// units counted, whose overview pages list them.
#[cfg(feature = "ssr")]
pub const START_PAGE_UNITS: usize = crate::domain::paging::UNITS_LISTED_ONE_BY_ONE;

/// The units the signed-in person may see, with each plan's standing for `year`
/// (the current year when `None`).
#[server(prefix = "/api", endpoint = "mina-enheter")]
pub async fn my_units(year: Option<i32>) -> Result<MyUnitsPage, AppError> {
    use super::{db, UnitSummary};
    use crate::auth::session::require_viewer;
    use crate::plan::db as plan_db;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let year = year.unwrap_or_else(|| state.clock.year());
    let tree = state.org_tree().await?;
    let mut rules_by_org = std::collections::HashMap::new();

    // Every unit below a node where the person holds a role (access comes from roles above a
    // unit, so no other unit can be readable: a unit's chef in a city walks one unit, not
    // 4,000), and every node above the units where the person holds a role of its own staff (a
    // department's chef, its safety representative): those nodes plan and meet too. A node
    // with more units than a start page lists is shown as a part instead, its units counted.
    let mut listed: Vec<i64> = Vec::new();
    let mut scopes = Vec::new();
    let mut role_nodes: Vec<i64> = viewer.memberships.iter().map(|m| m.node_id).collect();
    role_nodes.sort_unstable();
    role_nodes.dedup();
    for node in role_nodes {
        let under = tree.tree.leaves_under(node);
        if under.len() <= START_PAGE_UNITS {
            listed.extend(under);
            continue;
        }
        let ancestry = tree.tree.ancestry(node);
        scopes.push(super::ScopeSummary {
            id: node,
            name: tree.name(node),
            path: tree.path_names(node),
            roles: viewer
                .memberships
                .iter()
                .filter(|m| m.node_id == node)
                .map(|m| m.role)
                .collect(),
            units: u32::try_from(under.len()).unwrap_or(u32::MAX),
            compliance: crate::domain::env_report::report_right(&viewer.memberships, &ancestry)
                >= crate::domain::env_report::ReportRight::Read,
            rollup: crate::domain::can_see_rollup(&viewer.memberships, &ancestry),
        });
    }
    scopes.sort_by(|a, b| (&a.path, &a.name).cmp(&(&b.path, &b.name)));
    listed.extend(
        viewer
            .memberships
            .iter()
            .filter(|m| m.role != crate::domain::Role::Hr && !tree.tree.is_leaf(m.node_id))
            .map(|m| m.node_id),
    );
    listed.sort_unstable();
    listed.dedup();
    let readable: Vec<(i64, Vec<i64>, crate::domain::Access)> = listed
        .into_iter()
        .filter_map(|unit_id| {
            let ancestry = tree.tree.ancestry(unit_id);
            let access = viewer.access_to(&ancestry);
            access.can_read().then_some((unit_id, ancestry, access))
        })
        .collect();
    let ids: Vec<i64> = readable.iter().map(|(id, _, _)| *id).collect();
    let standings = plan_db::standings_for_units(&state.db, year, &ids).await?;
    let mut units = Vec::new();
    for (unit_id, ancestry, access) in readable {
        let org_id = ancestry.last().copied().unwrap_or(unit_id);
        let rules = match rules_by_org.get(&org_id) {
            Some(rules) => *rules,
            None => {
                let rules = db::rules(&state.db, org_id).await?;
                rules_by_org.insert(org_id, rules);
                rules
            }
        };
        let status = standings.get(&unit_id).map(|s| s.status(rules));
        let roles = viewer
            .memberships
            .iter()
            .filter(|m| m.node_id == unit_id)
            .map(|m| m.role)
            .collect();
        units.push(UnitSummary {
            id: unit_id,
            name: tree
                .nodes
                .get(&unit_id)
                .map(|n| n.name.clone())
                .unwrap_or_default(),
            path: tree.path_names(unit_id),
            roles,
            access,
            status,
            closed: tree.nodes.get(&unit_id).is_some_and(|n| n.closed),
        });
    }
    units.sort_by(|a, b| (a.closed, &a.path, &a.name).cmp(&(b.closed, &b.path, &b.name)));
    let keeps_template = viewer.memberships.iter().any(|m| {
        tree.tree.root_of(m.node_id) == Some(m.node_id)
            && crate::domain::can_manage_template(&viewer.memberships, m.node_id)
    });
    let can_push = viewer.memberships.iter().any(|m| {
        !tree.tree.is_leaf(m.node_id)
            && crate::domain::can_push_from(&viewer.memberships, &tree.tree.ancestry(m.node_id))
    });
    let reads_outbox = !viewer.hr_nodes().is_empty();
    let sees_rollup = viewer.memberships.iter().any(|m| {
        !tree.tree.is_leaf(m.node_id)
            && crate::domain::can_see_rollup(&viewer.memberships, &tree.tree.ancestry(m.node_id))
    });
    let today = state.clock.today();
    let my_actions = crate::actions::db::responsible_actions(&state.db, viewer.user.id, today)
        .await?
        .into_iter()
        .filter(|a| a.status != crate::domain::ActionStatus::Done)
        .collect();
    let reminders =
        crate::compliance::reminders::reminders_for(&state.db, viewer.user.id, today).await?;
    let roots: Vec<i64> = viewer
        .memberships
        .iter()
        .filter(|m| {
            m.role == crate::domain::Role::Hr && tree.tree.root_of(m.node_id) == Some(m.node_id)
        })
        .map(|m| m.node_id)
        .collect();
    let first_run = !super::starting_db::setting_up_among(&state.db, &roots)
        .await?
        .is_empty();
    let groups: Vec<(i64, String)> =
        crate::cooperation::db::groups_for(&state.db, viewer.user.id, &[], &[], today)
            .await?
            .into_iter()
            .map(|g| (g.group.id, g.group.name))
            .collect();
    // HR anywhere, or the chef of a node with nodes below it (a förvaltningschef).
    let keeps_groups = reads_outbox
        || viewer
            .memberships
            .iter()
            .any(|m| m.role == crate::domain::Role::Chef && !tree.tree.is_leaf(m.node_id));
    let ask = if viewer.memberships.is_empty() && groups.is_empty() {
        Some(whom_to_ask(&state.db, viewer.user.id).await?)
    } else {
        None
    };
    Ok(MyUnitsPage {
        year,
        scopes,
        first_run,
        ask,
        reminders,
        my_actions,
        units,
        keeps_template,
        can_push,
        reads_outbox,
        sees_rollup,
        groups,
        keeps_groups,
    })
}

/// Whom a person without roles should ask: their organisation's own words when it has given
/// some, else the people who keep it (HR at its root).
#[cfg(feature = "ssr")]
async fn whom_to_ask(db: &crate::db::Db, person_id: i64) -> Result<Vec<String>, AppError> {
    use super::starting_db;

    let Some(org_id) = starting_db::person_org(db, person_id).await? else {
        return Ok(Vec::new());
    };
    let said = starting_db::sign_up(db, org_id).await?.whom_to_ask;
    if !said.trim().is_empty() {
        return Ok(said.lines().map(str::to_string).collect());
    }
    Ok(starting_db::keepers(db, org_id)
        .await?
        .into_iter()
        .map(|(name, email)| format!("{name}, {email}"))
        .collect())
}
