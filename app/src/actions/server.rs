//! The action plan's server functions. Any reader of a unit sees its plan; whoever may edit the
//! unit adds, changes and closes actions. Every change carries the version it was made on.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::PlanAction;
use crate::domain::PlanActionInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// A member who may be made responsible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Person id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// The unit's action plan page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitActionPlanView {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The viewer may add, change and close actions.
    pub can_edit: bool,
    /// Who may be made responsible.
    pub members: Vec<Member>,
    /// The actions, open first.
    pub actions: Vec<PlanAction>,
    /// The unit's coming APTs, to take an action up for feedback: (meeting, day).
    pub coming: Vec<(i64, chrono::NaiveDate)>,
}

/// What closing did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedAction {
    /// The action.
    pub action_id: i64,
    /// "Nej": the action is open again.
    pub reopened: bool,
}

/// The unit's action plan.
#[server(prefix = "/api", endpoint = "handlingsplan")]
pub async fn get_unit_action_plan(unit_id: i64) -> Result<UnitActionPlanView, AppError> {
    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let today = state.clock.today();
    let actions = unit_plan_actions(&state, &grant).await?;
    let coming = if grant.access.can_edit() {
        super::db::coming_meetings(&state.db, unit_id, today).await?
    } else {
        Vec::new()
    };
    let members = if grant.access.can_edit() {
        super::db::responsible_candidates(&state.db, unit_id)
            .await?
            .into_iter()
            .map(|(id, name)| Member { id, name })
            .collect()
    } else {
        Vec::new()
    };
    Ok(UnitActionPlanView {
        unit_id,
        unit_name: grant.unit_name(),
        can_edit: grant.access.can_edit(),
        members,
        actions,
        coming,
    })
}

/// The unit's actions as the grant may see them (its editors also those of minutes not yet
/// published), open first, each with the APTs that take it up: the plan page and its PDF.
#[cfg(feature = "ssr")]
pub async fn unit_plan_actions(
    state: &crate::state::AppState,
    grant: &crate::org::guard::UnitGrant,
) -> Result<Vec<PlanAction>, AppError> {
    let unit_id = grant.unit_id;
    let filter = super::ActionFilter {
        node_id: unit_id,
        with_unpublished: grant.access.can_edit(),
        ..super::ActionFilter::default()
    };
    let mut actions = super::db::plan_actions(&state.db, &filter, state.clock.today()).await?;
    let feedback = super::db::feedback_meetings(&state.db, unit_id).await?;
    for a in &mut actions {
        a.feedback = feedback
            .iter()
            .filter(|(action, ..)| *action == a.id)
            .map(|(_, meeting, day)| (*meeting, *day))
            .collect();
    }
    Ok(actions)
}

/// Adds an action from another source (a round, a risk assessment, the employee survey, an
/// incident, …) with the note that links it.
#[server(prefix = "/api", endpoint = "handlingsplan/ny")]
pub async fn add_unit_action(
    unit_id: i64,
    source: String,
    #[server(default)] note: String,
    action: PlanActionInput,
) -> Result<i64, AppError> {
    use super::db::{add_plan_action, NewActionLink};
    use crate::domain::check_long_text;
    use crate::domain::{check_plan_action, ActionSource};

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let source = ActionSource::from_code(&source)
        .filter(|s| ActionSource::MANUAL.contains(s))
        .ok_or_else(|| AppError::Invalid {
            field: "source".into(),
            message: "Välj vad åtgärden kommer från.".into(),
        })?;
    let note = check_long_text(&note, "note")?;
    let members = member_ids(&state, unit_id).await?;
    let checked = check_plan_action(&action, &members)?;
    let link = NewActionLink {
        note,
        ..NewActionLink::default()
    };
    Ok(add_plan_action(&state.db, unit_id, source, &link, &checked, viewer.user.id).await?)
}

/// Changes an action's fields and status (not to "avslutad": closing asks for the effect).
#[server(prefix = "/api", endpoint = "handlingsplan/andra")]
pub async fn update_unit_action(
    unit_id: i64,
    action_id: i64,
    version: i64,
    status: String,
    action: PlanActionInput,
) -> Result<i64, AppError> {
    use super::db::{update_plan_action, ActionChange};
    use crate::domain::{check_plan_action, ActionStatus};

    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let status = ActionStatus::from_code(&status)
        .filter(|s| *s != ActionStatus::Done)
        .ok_or_else(|| AppError::Invalid {
            field: "status".into(),
            message: "Välj ej påbörjad eller pågående. Avsluta åtgärden med knappen \
                          Avsluta, så följs effekten upp."
                .into(),
        })?;
    let members = member_ids(&state, unit_id).await?;
    let checked = check_plan_action(&action, &members)?;
    match update_plan_action(&state.db, unit_id, action_id, version, &checked, status).await? {
        ActionChange::Saved(v) | ActionChange::Closed(_, v) => Ok(v),
        ActionChange::Stale => Err(AppError::stale(crate::error::Edited::Action, None)),
        ActionChange::NotFound => Err(AppError::NotFound),
    }
}

/// Closes an action with its effect check; "nej" reopens it.
#[server(prefix = "/api", endpoint = "handlingsplan/avsluta")]
pub async fn close_unit_action(
    unit_id: i64,
    action_id: i64,
    version: i64,
    #[server(default)] effect: String,
    #[server(default)] effect_comment: String,
) -> Result<ClosedAction, AppError> {
    use super::db::{close_action, ActionChange};
    use crate::domain::{check_effect, AfterEffect};

    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let checked = check_effect(&effect, &effect_comment)?;
    match close_action(
        &state.db,
        unit_id,
        action_id,
        version,
        &checked,
        state.clock.now(),
    )
    .await?
    {
        ActionChange::Closed(after, _) => Ok(ClosedAction {
            action_id,
            reopened: after == AfterEffect::Reopened,
        }),
        ActionChange::Saved(_) => Ok(ClosedAction {
            action_id,
            reopened: false,
        }),
        ActionChange::Stale => Err(AppError::stale(crate::error::Edited::Action, None)),
        ActionChange::NotFound => Err(AppError::NotFound),
    }
}

/// The ids of the people who may be made responsible for an action at the node: its own
/// people, the managers below it and the HR serving it.
#[cfg(feature = "ssr")]
async fn member_ids(state: &crate::state::AppState, unit_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(super::db::responsible_candidates(&state.db, unit_id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect())
}

/// The combined action plan over a node (`nod`), filtered on status, responsible and year.
#[server(prefix = "/api", endpoint = "uppfoljning/atgarder")]
pub async fn get_action_rollup(
    node: Option<i64>,
    status: Option<String>,
    responsible: Option<i64>,
    year: Option<i32>,
    page: Option<u32>,
) -> Result<super::ActionRollupView, AppError> {
    use super::rollup::{build_action_rollup, ActionRollupQuery, ACTIONS_PER_PAGE};
    use crate::auth::session::require_viewer;
    use crate::domain::ActionStatus;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let query = ActionRollupQuery {
        node,
        status: status.as_deref().and_then(ActionStatus::from_code),
        responsible,
        year,
        per_page: Some(ACTIONS_PER_PAGE),
        page,
    };
    build_action_rollup(&state, &viewer, query).await
}

/// Puts an action on a coming APT's agenda for feedback (återkoppling).
#[server(prefix = "/api", endpoint = "handlingsplan/aterkoppling")]
pub async fn put_action_on_agenda(
    unit_id: i64,
    action_id: i64,
    #[server(default)] meeting_id: Option<i64>,
) -> Result<i64, AppError> {
    use super::db::{put_on_agenda, Feedback};

    let UnitAccess { state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let Some(meeting_id) = meeting_id else {
        return Err(AppError::Invalid {
            field: "meeting_id".into(),
            message: "Välj vilken APT åtgärden ska tas upp på.".into(),
        });
    };
    match put_on_agenda(&state.db, unit_id, action_id, meeting_id).await? {
        Feedback::Item(id) => Ok(id),
        Feedback::NotFound => Err(AppError::NotFound),
    }
}
