//! Server functions that change a unit's plan. Each: who asks, may they edit this unit, parse and
//! check the input (a Swedish message beside the field), then one versioned transaction; a stale
//! version is refused with who changed what.

use leptos::prelude::*;

use crate::domain::{MeetingInput, TopicInput};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::{UnitAccess, UnitMeeting};
#[cfg(feature = "ssr")]
use crate::plan::db::{Change, ChangeError};
#[cfg(feature = "ssr")]
use crate::{auth::session::Viewer, state::AppState};

mod sessions;

pub use sessions::{add_session, remove_session, AddSession, RemoveSession};

/// Creates the unit's plan for `year`: from the organisation's wheel (`source = "mall"`) or as a
/// copy of last year's plan (`source = "forra-aret"`). Opens the new plan.
#[server(prefix = "/api", endpoint = "plan/skapa")]
pub async fn create_plan(unit_id: i64, year: i32, source: String) -> Result<(), AppError> {
    use super::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let org_id = access.org_id();
    let UnitAccess { state, .. } = access;
    if crate::domain::PlanYear::new(year).is_none() {
        return Err(AppError::Invalid {
            field: "year".into(),
            message: crate::domain::PlanYear::OUT_OF_RANGE.into(),
        });
    }
    let exists = || AppError::Conflict {
        message: format!("Det finns redan en plan för {year}. Ladda om sidan för att se den."),
    };
    if db::plan_id(&state.db, unit_id, year).await?.is_some() {
        return Err(exists());
    }
    let made = match source.as_str() {
        "mall" => db::create_plan_from_template(&state.db, unit_id, org_id, year).await,
        "forra-aret" => {
            let previous = db::plan_id(&state.db, unit_id, year - 1)
                .await?
                .ok_or_else(|| AppError::Invalid {
                    field: "source".into(),
                    message: format!("Det finns ingen plan för {} att kopiera.", year - 1),
                })?;
            db::copy_plan(&state.db, previous, unit_id, org_id, year).await
        }
        _ => {
            return Err(AppError::Invalid {
                field: "source".into(),
                message: "Välj om planen ska utgå från årshjulet eller förra årets plan.".into(),
            })
        }
    };
    match made {
        // Two editors creating the year's plan at once: the second finds the first's.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(exists()),
        other => other?,
    };
    leptos_axum::redirect(&format!("/enhet/{unit_id}?ar={year}"));
    Ok(())
}

/// Adds an APT to the unit's plan of `year`.
#[server(prefix = "/api", endpoint = "plan/mote/ny")]
pub async fn add_meeting(
    unit_id: i64,
    year: i32,
    plan_version: i64,
    meeting: MeetingInput,
) -> Result<(), AppError> {
    use super::db;
    use crate::domain::check_meeting;

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let checked = check_meeting(&meeting, year)?;
    let note = format!("lade till APT {}", checked.date.format("%Y-%m-%d"));
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::add_meeting(&state.db, &change, &checked)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// Changes an APT's date, times, place or link, then returns to the plan.
#[server(prefix = "/api", endpoint = "plan/mote/andra")]
pub async fn update_meeting(
    unit_id: i64,
    meeting_id: i64,
    plan_version: i64,
    meeting: MeetingInput,
) -> Result<(), AppError> {
    use super::db;
    use crate::domain::{check_meeting, check_no_clash, SessionTime};

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let UnitMeeting { plan_id, year, .. } = access.meeting(meeting_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let checked = check_meeting(&meeting, year)?;
    let others: Vec<SessionTime> = db::meeting(&state.db, meeting_id)
        .await?
        .map(|m| m.sessions.iter().map(SessionTime::from).collect())
        .unwrap_or_default();
    check_no_clash(&SessionTime::from(&checked), &others)?;
    let note = format!("ändrade APT till {}", checked.date.format("%Y-%m-%d"));
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::update_meeting(&state.db, &change, meeting_id, &checked)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    leptos_axum::redirect(&format!("/enhet/{unit_id}?ar={year}#mote-{meeting_id}"));
    Ok(())
}

/// Cancels an APT (`cancelled = true`) or restores it, then returns to the plan.
#[server(prefix = "/api", endpoint = "plan/mote/installt")]
pub async fn set_meeting_cancelled(
    unit_id: i64,
    meeting_id: i64,
    plan_version: i64,
    cancelled: bool,
) -> Result<(), AppError> {
    use super::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let UnitMeeting { plan_id, year, .. } = access.meeting(meeting_id).await?;
    let UnitAccess { viewer, state, .. } = access;
    let note = if cancelled {
        "ställde in ett APT"
    } else {
        "återställde ett inställt APT"
    };
    let change = change_by(&viewer, &state, plan_id, plan_version, note);
    db::set_cancelled(&state.db, &change, meeting_id, cancelled)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    leptos_axum::redirect(&format!("/enhet/{unit_id}?ar={year}#mote-{meeting_id}"));
    Ok(())
}

/// Plans a topic for a meeting of the plan of `year` (`meeting_id` empty takes it out).
#[server(prefix = "/api", endpoint = "plan/amne/placera")]
pub async fn place_topic(
    unit_id: i64,
    topic_id: i64,
    year: i32,
    plan_version: i64,
    meeting_id: String,
) -> Result<(), AppError> {
    use super::db;

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let meeting_id = crate::domain::optional_id(&meeting_id, "meeting_id")?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let note = match meeting_id {
        Some(_) => "flyttade ett ämne till ett annat möte",
        None => "tog bort ett ämne från sitt möte",
    };
    let change = change_by(&viewer, &state, plan_id, plan_version, note);
    db::set_topic_meeting(&state.db, &change, topic_id, meeting_id)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// Places every unplaced topic in the first meeting of its month(s), as one change.
#[server(prefix = "/api", endpoint = "plan/amne/placera-alla")]
pub async fn place_all_suggested(
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> Result<(), AppError> {
    use super::db;
    use crate::domain::{suggest_placements, MeetingSlot, OpenTopic};

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?.edit()?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let topics: Vec<OpenTopic> = db::plan_topics(&state.db, plan_id)
        .await?
        .into_iter()
        .filter(|t| t.meeting_id.is_none())
        .map(|t| OpenTopic {
            id: t.id,
            month_start: t.month_start,
            month_end: t.month_end,
        })
        .collect();
    let meetings: Vec<MeetingSlot> = db::meetings(&state.db, plan_id)
        .await?
        .into_iter()
        .map(|m| MeetingSlot {
            id: m.id,
            date: m.date,
            cancelled: m.cancelled,
        })
        .collect();
    let placements = suggest_placements(&topics, &meetings);
    let note = format!("placerade {} ämnen i föreslagna möten", placements.len());
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::place_topics(&state.db, &change, &placements)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// Makes the asker a new subscription address of their own for the unit's calendar (anyone
/// who reads the unit may); their old one stops working. It is served only while they may
/// read the unit.
#[server(prefix = "/api", endpoint = "plan/kalender/fornya")]
pub async fn renew_calendar_feed(unit_id: i64) -> Result<(), AppError> {
    use super::calendar::new_feed_token;
    use super::db;

    let UnitAccess { viewer, state, .. } = UnitAccess::read(unit_id).await?;
    db::renew_feed_token(&state.db, viewer.user.id, unit_id, &new_feed_token()).await?;
    tracing::info!(person_id = viewer.user.id, unit_id, "calendar feed renewed");
    Ok(())
}

/// Adds a topic of the unit's own to its plan of `year` (title, month, guidance); it is then
/// placed like any wheel topic.
#[server(prefix = "/api", endpoint = "plan/amne/eget")]
pub async fn add_own_topic(
    unit_id: i64,
    year: i32,
    plan_version: i64,
    topic: TopicInput,
) -> Result<(), AppError> {
    use super::db;
    use crate::domain::check_topic;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let org_id = access.org_id();
    let UnitAccess { viewer, state, .. } = access;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let checked = check_topic(&topic)?;
    let note = format!("lade till det egna ämnet ”{}”", checked.title);
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::add_own_topic(&state.db, &change, org_id, unit_id, &checked)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// Takes topics HR added to or changed in the template since the plan was made into the plan:
/// one (`topic_id`) or all of them (`topic_id` empty).
#[server(prefix = "/api", endpoint = "plan/amne/ta-in")]
pub async fn take_in_topics(
    unit_id: i64,
    year: i32,
    plan_version: i64,
    topic_id: String,
) -> Result<(), AppError> {
    use super::db;
    use super::server::pending_for_plan;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let org_id = access.org_id();
    let UnitAccess { viewer, state, .. } = access;
    let only = crate::domain::optional_id(&topic_id, "topic_id")?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let topics = db::plan_topics(&state.db, plan_id).await?;
    let pending: Vec<_> = pending_for_plan(&state.db, org_id, &topics)
        .await?
        .into_iter()
        .filter(|p| only.is_none_or(|id| id == p.topic_id))
        .collect();
    if pending.is_empty() {
        return Err(AppError::Conflict {
            message: "Det finns inget nytt i årshjulet att ta in. Ladda om sidan.".into(),
        });
    }
    let note = format!("tog in {} ämnen från årshjulet", pending.len());
    let change = change_by(&viewer, &state, plan_id, plan_version, &note);
    db::take_in_topics(&state.db, &change, &pending)
        .await
        .map_err(|e| refused(e, state.clock.now()))?;
    Ok(())
}

/// The signed-in person's change to a plan, made now on the `version` their form showed.
#[cfg(feature = "ssr")]
fn change_by<'a>(
    viewer: &Viewer,
    state: &AppState,
    plan_id: i64,
    version: i64,
    note: &'a str,
) -> Change<'a> {
    Change::by(viewer.user.id, state.clock.now(), plan_id, version, note)
}

/// A refused or failed plan change; a stale one says who changed what, and how long ago.
#[cfg(feature = "ssr")]
fn refused(err: ChangeError, now: chrono::DateTime<chrono::Utc>) -> AppError {
    match err {
        ChangeError::Stale(last) => {
            let who = last.by.unwrap_or_else(|| "någon annan".to_string());
            let when = last
                .at
                .map(|at| format!(" {}", crate::ui::time_ago(at, now)))
                .unwrap_or_default();
            let what = last.note.map(|n| format!(" ({n})")).unwrap_or_default();
            AppError::stale(
                crate::error::Edited::Plan,
                Some(format!("{who}{when}{what}")),
            )
        }
        ChangeError::NotInPlan => AppError::NotFound,
        ChangeError::Db(e) => AppError::internal("plan change", e),
    }
}
