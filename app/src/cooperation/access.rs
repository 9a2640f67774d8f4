//! Who may do what with a cooperation group, as one typed context each of its server functions
//! starts from: `GroupAccess::read(group_id)` (signed in, and a member of the group or one who
//! keeps it), narrowed by `.keep()`. An unknown group is `NotFound`, a group out of reach
//! `Forbidden`, both before anything of it is read.

use super::db::{self, GroupRow};
use crate::auth::session::{require_viewer, Viewer};
use crate::domain::cooperation::{can_keep_group, GroupRole};
use crate::error::AppError;
use crate::state::{app_state, AppState};

/// The signed-in person and what they may do with one group.
pub struct GroupAccess {
    /// The person asking.
    pub viewer: Viewer,
    /// The application state.
    pub state: AppState,
    /// The group.
    pub group: GroupRow,
    /// Whether the person keeps the group (HR at or above its node, or the node's chef).
    pub keeps: bool,
    /// The person's role, when they sit in the group.
    pub role: Option<GroupRole>,
}

impl GroupAccess {
    /// The signed-in person, if they sit in the group or keep it.
    pub async fn read(group_id: i64) -> Result<GroupAccess, AppError> {
        let viewer = require_viewer().await?;
        let state = app_state()?;
        GroupAccess::of(state, viewer, group_id).await
    }

    /// `viewer`, if they sit in the group or keep it: for plain routes outside Leptos (the
    /// protocol's PDF), which find the viewer from the request's cookie themselves.
    pub async fn of(
        state: AppState,
        viewer: Viewer,
        group_id: i64,
    ) -> Result<GroupAccess, AppError> {
        let person_id = viewer.user.id;
        GroupAccess::if_inside(state, viewer, group_id)
            .await?
            .ok_or_else(|| {
                tracing::warn!(person_id, group_id, "refused cooperation group");
                AppError::Forbidden
            })
    }

    /// `viewer`'s access when they sit in the group or keep it, `None` (nothing logged) when
    /// they do neither: for readers who may still see what the group publishes.
    pub async fn if_inside(
        state: AppState,
        viewer: Viewer,
        group_id: i64,
    ) -> Result<Option<GroupAccess>, AppError> {
        let group = db::group(&state.db, group_id)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::audit::trail::note_node(group.node_id);
        let keeps = keeps_node(&state, &viewer, group.node_id).await?;
        let role = db::member_role(&state.db, group_id, viewer.user.id)
            .await?
            .and_then(|code| GroupRole::from_code(&code));
        Ok((keeps || role.is_some()).then_some(GroupAccess {
            viewer,
            state,
            group,
            keeps,
            role,
        }))
    }

    /// Narrowed to whoever keeps the group.
    pub fn keep(self) -> Result<GroupAccess, AppError> {
        if self.keeps {
            Ok(self)
        } else {
            tracing::warn!(
                person_id = self.viewer.user.id,
                group_id = self.group.id,
                "refused keeping a cooperation group"
            );
            Err(AppError::Forbidden)
        }
    }
}

impl GroupAccess {
    /// Whether the person writes the group's agendas and protocols: its chair or secretary, or
    /// one who keeps the group.
    pub fn may_edit(&self) -> bool {
        self.keeps || matches!(self.role, Some(GroupRole::Chair | GroupRole::Secretary))
    }

    /// Narrowed to whoever writes the group's agendas and protocols.
    pub fn edit(self) -> Result<GroupAccess, AppError> {
        if self.may_edit() {
            Ok(self)
        } else {
            Err(self.refused("edit"))
        }
    }

    /// Whether the person is the group's chair or secretary.
    pub fn writes_protocol(&self) -> bool {
        matches!(self.role, Some(GroupRole::Chair | GroupRole::Secretary))
    }

    /// Narrowed to the group's chair and secretary, the only ones who write its protocols (a
    /// member of the employees' side comments, and never edits the employer's text).
    pub fn write_protocol(self) -> Result<GroupAccess, AppError> {
        if self.writes_protocol() {
            Ok(self)
        } else {
            Err(self.refused("write the protocol"))
        }
    }

    /// Narrowed to the group's members (either side), who send in questions and comments.
    pub fn member(self) -> Result<GroupAccess, AppError> {
        if self.role.is_some() {
            Ok(self)
        } else {
            Err(self.refused("send in"))
        }
    }

    fn refused(&self, what: &'static str) -> AppError {
        tracing::warn!(
            person_id = self.viewer.user.id,
            group_id = self.group.id,
            what,
            "refused in a cooperation group"
        );
        AppError::Forbidden
    }

    /// The group's meeting `meeting_id` whose protocol is still open for changes: `NotFound`
    /// when the group has none of that id, a conflict once the protocol is locked (a correction
    /// opens it again).
    pub async fn open_protocol(&self, meeting_id: i64) -> Result<db::MeetingRow, AppError> {
        let meeting = self.meeting(meeting_id).await?;
        if db::protocol_locked(&self.state.db, meeting_id).await? {
            return Err(AppError::Conflict {
                message: crate::domain::cooperation::adjusting::LOCKED.to_string(),
            });
        }
        Ok(meeting)
    }

    /// The group's meeting `meeting_id`: `NotFound` when the group has none of that id.
    pub async fn meeting(&self, meeting_id: i64) -> Result<db::MeetingRow, AppError> {
        db::group_meeting(&self.state.db, self.group.id, meeting_id)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// Whether the person keeps the groups of the node (one ancestry query).
pub async fn keeps_node(state: &AppState, viewer: &Viewer, node_id: i64) -> Result<bool, AppError> {
    let ancestry = crate::org::keeping_db::node_and_ancestry(&state.db, node_id).await?;
    if ancestry.is_empty() {
        return Err(AppError::NotFound);
    }
    let ids: Vec<i64> = ancestry.iter().map(|n| n.id).collect();
    Ok(can_keep_group(&viewer.memberships, &ids))
}
