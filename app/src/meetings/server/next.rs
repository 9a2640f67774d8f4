//! The members' "next APT" page: for each unit the person belongs to, the coming meeting with its
//! agenda (once the notice has gone out) and what the last published minutes decided. The page is
//! what the service worker keeps for reading offline, so it carries everything on one page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::meetings::AgendaView;
use crate::minutes::PublishedMinutes;

/// Everything the "next APT" page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMeetingsPage {
    /// One entry per unit the person is a member of (chef, employee, safety representative…).
    pub units: Vec<NextMeeting>,
    /// When the page was made, "HH:MM" local time: the offline copy says how old it is.
    pub saved_at: String,
}

/// A unit's coming APT and its last minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMeeting {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The coming meeting's agenda as the person may read it; `None` when nothing is planned.
    pub agenda: Option<AgendaView>,
    /// The latest published minutes: (meeting, day, version, text).
    pub last_minutes: Option<LastMinutes>,
}

/// The latest published minutes of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastMinutes {
    /// The meeting.
    pub meeting_id: i64,
    /// Its day.
    pub date: chrono::NaiveDate,
    /// The newest version.
    pub version: u32,
    /// What that version says.
    pub text: PublishedMinutes,
}

/// The signed-in person's coming APTs, one per unit they belong to.
#[server(prefix = "/api", endpoint = "nasta-apt")]
pub async fn get_next_meetings() -> Result<NextMeetingsPage, AppError> {
    use crate::auth::session::require_viewer;
    use crate::meetings::db;
    use crate::org::guard::grant_in;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let now = state.clock.local_now();
    let tree = state.org_tree().await?;
    let mut unit_ids: Vec<i64> = viewer
        .memberships
        .iter()
        .filter(|m| tree.tree.is_leaf(m.node_id) || m.role != crate::domain::Role::Hr)
        .map(|m| m.node_id)
        .collect();
    unit_ids.sort_unstable();
    unit_ids.dedup();

    let mut units = Vec::with_capacity(unit_ids.len());
    for unit_id in unit_ids {
        let grant = grant_in(tree.clone(), &viewer, unit_id)?;
        let next = db::upcoming_meetings(&state.db, unit_id, now.date_naive())
            .await?
            .into_iter()
            .next();
        let agenda = match next {
            Some(meeting) => Some(
                super::load::load_agenda(&state, &grant, meeting.id)
                    .await?
                    .for_reader(),
            ),
            None => None,
        };
        let last_minutes = match crate::minutes::db::last_published(&state.db, unit_id).await? {
            Some(last) => {
                let text = serde_json::from_str(&last.content)
                    .map_err(|e| AppError::internal("reading published minutes", e))?;
                Some(LastMinutes {
                    meeting_id: last.meeting_id,
                    date: last.date,
                    version: last.version,
                    text,
                })
            }
            None => None,
        };
        units.push(NextMeeting {
            unit_id,
            unit_name: grant.unit_name(),
            agenda,
            last_minutes,
        });
    }
    units.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
    Ok(NextMeetingsPage {
        units,
        saved_at: now.format("%H:%M").to_string(),
    })
}
