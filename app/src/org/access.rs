//! Who may do what with a unit, as one typed context every server function of a unit starts
//! from: `UnitAccess::read(unit_id)` (signed in, may read the unit), narrowed by `.edit()` or
//! `.fill()`, and asked for the unit's own records (`.meeting(id)`, `.item(..)`; the checklist
//! module adds `.checklist(id)`). A record of another unit is `NotFound`, a missing right
//! `Forbidden`, both before anything of it is read.

use crate::auth::session::{require_viewer, Viewer};
use crate::domain::{can_fill_checklist, can_vote_in};
use crate::error::AppError;
use crate::state::{app_state, AppState};

use super::guard::{readable_unit, UnitGrant};

/// The signed-in person and what they may do with one unit.
pub struct UnitAccess {
    /// The person asking.
    pub viewer: Viewer,
    /// The application state.
    pub state: AppState,
    /// The unit, its tree and the person's access to it.
    pub grant: UnitGrant,
}

/// A meeting of the unit, with its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitMeeting {
    /// The meeting.
    pub id: i64,
    /// The plan it belongs to.
    pub plan_id: i64,
    /// The plan's year.
    pub year: i32,
}

impl UnitAccess {
    /// The signed-in person, if they may read the unit: `NotSignedIn`, `NotFound` (no such
    /// unit) or `Forbidden` otherwise.
    pub async fn read(unit_id: i64) -> Result<UnitAccess, AppError> {
        let viewer = require_viewer().await?;
        let state = app_state()?;
        let grant = readable_unit(&state, &viewer, unit_id).await?;
        Ok(UnitAccess {
            viewer,
            state,
            grant,
        })
    }

    /// Narrowed to whoever may change the unit's plan, agendas, minutes and actions (its chef
    /// and deputy, HR above it).
    pub fn edit(self) -> Result<UnitAccess, AppError> {
        if self.grant.access.can_edit() {
            Ok(self)
        } else {
            Err(self.refused("edit"))
        }
    }

    /// Narrowed to whoever may answer the unit's checklists (an editor, or a safety
    /// representative held in the unit or above it).
    pub fn fill(self) -> Result<UnitAccess, AppError> {
        if self.may_fill() {
            Ok(self)
        } else {
            Err(self.refused("fill checklist"))
        }
    }

    /// Narrowed to the unit's own people, who vote in its anonymous workload check.
    pub fn vote(self) -> Result<UnitAccess, AppError> {
        if can_vote_in(&self.viewer.memberships, self.grant.unit_id) {
            Ok(self)
        } else {
            Err(self.refused("vote"))
        }
    }

    /// Whether the person may answer the unit's checklists (for pages that show the forms).
    pub fn may_fill(&self) -> bool {
        can_fill_checklist(
            &self.viewer.memberships,
            &self.grant.tree.tree.ancestry(self.grant.unit_id),
        )
    }

    /// The unit's organisation (the root of its tree).
    pub fn org_id(&self) -> i64 {
        self.grant.org_id
    }

    /// The now of a change, by the app's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.state.clock.now()
    }

    /// A meeting of the unit; `NotFound` for a meeting of any other unit.
    pub async fn meeting(&self, meeting_id: i64) -> Result<UnitMeeting, AppError> {
        meeting_of(&self.state, self.grant.unit_id, meeting_id).await
    }

    /// An item on the agenda of one of the unit's meetings; `NotFound` otherwise.
    pub async fn item(&self, meeting_id: i64, item_id: i64) -> Result<UnitMeeting, AppError> {
        let meeting = self.meeting(meeting_id).await?;
        match crate::meetings::db::item_place(&self.state.db, item_id).await? {
            Some((unit, Some(m))) if unit == self.grant.unit_id && m == meeting_id => Ok(meeting),
            _ => Err(AppError::NotFound),
        }
    }

    fn refused(&self, what: &str) -> AppError {
        tracing::warn!(
            person_id = self.viewer.user.id,
            unit_id = self.grant.unit_id,
            what,
            "refused"
        );
        AppError::Forbidden
    }
}

/// A meeting of the unit, with its plan; `NotFound` for a meeting of any other unit.
async fn meeting_of(
    state: &AppState,
    unit_id: i64,
    meeting_id: i64,
) -> Result<UnitMeeting, AppError> {
    crate::plan::db::meeting_plan(&state.db, meeting_id)
        .await?
        .filter(|(_, unit, _)| *unit == unit_id)
        .map(|(plan_id, _, year)| UnitMeeting {
            id: meeting_id,
            plan_id,
            year,
        })
        .ok_or(AppError::NotFound)
}

/// A meeting of a granted unit with its details, for pages over several units (the next APT)
/// that hold grants rather than one `UnitAccess`; `NotFound` for any other unit's meeting.
pub async fn unit_meeting(
    state: &AppState,
    grant: &UnitGrant,
    meeting_id: i64,
) -> Result<(UnitMeeting, crate::plan::Meeting), AppError> {
    let found = meeting_of(state, grant.unit_id, meeting_id).await?;
    let meeting = crate::plan::db::meeting(&state.db, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((found, meeting))
}
