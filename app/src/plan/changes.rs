//! Server functions that change a unit's plan. Each: who asks, may they edit this unit, parse and
//! check the input (a Swedish message beside the field), then one versioned transaction; a stale
//! version is refused with who changed what.

use leptos::prelude::*;

use crate::domain::{MeetingInput, TopicInput};
use crate::error::AppError;

#[cfg(feature = "ssr")]
mod support {
    use crate::auth::session::{require_viewer, Viewer};
    use crate::domain::FieldProblem;
    use crate::error::AppError;
    use crate::org::guard::readable_unit;
    use crate::plan::db::{ChangeError, LastChange};
    use crate::state::{app_state, AppState};

    /// The signed-in person, if they may edit the unit; `Forbidden` otherwise.
    pub async fn editor_of(unit_id: i64) -> Result<(Viewer, AppState, i64), AppError> {
        let viewer = require_viewer().await?;
        let state = app_state()?;
        let grant = readable_unit(&state, &viewer, unit_id).await?;
        if !grant.access.can_edit() {
            tracing::warn!(person_id = viewer.user.id, unit_id, "refused plan change");
            return Err(AppError::Forbidden.with_http_status());
        }
        Ok((viewer, state, grant.org_id))
    }

    /// A field problem as the error shown beside the field.
    pub fn invalid(problem: FieldProblem) -> AppError {
        AppError::Invalid {
            field: problem.field.to_string(),
            message: problem.message,
        }
        .with_http_status()
    }

    /// "för 3 minuter sedan" and the like.
    fn ago(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
        let Some(at) = at else {
            return String::new();
        };
        let minutes = (chrono::Utc::now() - at).num_minutes().max(0);
        match minutes {
            0 => " nyss".to_string(),
            1 => " för 1 minut sedan".to_string(),
            2..=59 => format!(" för {minutes} minuter sedan"),
            60..=119 => " för en timme sedan".to_string(),
            _ => format!(" för {} timmar sedan", minutes / 60),
        }
    }

    /// The refusal of a stale change, saying who changed what.
    pub fn stale(last: LastChange) -> AppError {
        let who = last.by.unwrap_or_else(|| "någon annan".to_string());
        let what = last.note.map(|n| format!(" ({n})")).unwrap_or_default();
        AppError::Conflict {
            message: format!(
                "Planen har ändrats av {who}{}{what} efter att du öppnade den. Din ändring är inte \
                 sparad men finns kvar i formuläret: ladda om sidan, se ändringen och spara igen.",
                ago(last.at)
            ),
        }
    }

    /// Maps a refused or failed change.
    pub fn change_error(err: ChangeError) -> AppError {
        match err {
            ChangeError::Stale(last) => stale(last).with_http_status(),
            ChangeError::NotInPlan => AppError::NotFound.with_http_status(),
            ChangeError::Db(e) => AppError::internal("plan change", e),
        }
    }

    /// Parses an id typed into or chosen in a form.
    pub fn parse_optional_id(text: &str, field: &str) -> Result<Option<i64>, AppError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| AppError::Invalid {
            field: field.to_string(),
            message: "Välj ett av alternativen i listan.".into(),
        })
    }
}

/// Creates the unit's plan for `year`: from the organisation's wheel (`source = "mall"`) or as a
/// copy of last year's plan (`source = "forra-aret"`). Opens the new plan.
#[server(prefix = "/api", endpoint = "plan/skapa")]
pub async fn create_plan(unit_id: i64, year: i32, source: String) -> Result<(), AppError> {
    use super::db;
    use support::editor_of;

    let (_viewer, state, org_id) = editor_of(unit_id).await?;
    if !(2000..=2100).contains(&year) {
        return Err(AppError::Invalid {
            field: "year".into(),
            message: "Välj ett år mellan 2000 och 2100.".into(),
        });
    }
    if db::plan_id(&state.db, unit_id, year).await?.is_some() {
        return Err(AppError::Conflict {
            message: format!("Det finns redan en plan för {year}. Ladda om sidan för att se den."),
        });
    }
    match source.as_str() {
        "mall" => {
            db::create_plan_from_template(&state.db, unit_id, org_id, year).await?;
        }
        "forra-aret" => {
            let previous = db::plan_id(&state.db, unit_id, year - 1)
                .await?
                .ok_or_else(|| AppError::Invalid {
                    field: "source".into(),
                    message: format!("Det finns ingen plan för {} att kopiera.", year - 1),
                })?;
            db::copy_plan(&state.db, previous, unit_id, year).await?;
        }
        _ => {
            return Err(AppError::Invalid {
                field: "source".into(),
                message: "Välj om planen ska utgå från årshjulet eller förra årets plan.".into(),
            })
        }
    }
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
    use super::db::{self, Change};
    use crate::domain::check_meeting;
    use support::{change_error, editor_of, invalid};

    let (viewer, state, _) = editor_of(unit_id).await?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let checked = check_meeting(&meeting, year).map_err(invalid)?;
    let note = format!("lade till APT {}", checked.date.format("%Y-%m-%d"));
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note: &note,
    };
    db::add_meeting(&state.db, &change, &checked)
        .await
        .map_err(change_error)?;
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
    use super::db::{self, Change};
    use crate::domain::check_meeting;
    use support::{change_error, editor_of, invalid};

    let (viewer, state, _) = editor_of(unit_id).await?;
    let (plan_id, plan_unit, year) = db::meeting_plan(&state.db, meeting_id)
        .await?
        .filter(|(_, unit, _)| *unit == unit_id)
        .ok_or(AppError::NotFound)?;
    debug_assert_eq!(plan_unit, unit_id);
    let checked = check_meeting(&meeting, year).map_err(invalid)?;
    let note = format!("ändrade APT till {}", checked.date.format("%Y-%m-%d"));
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note: &note,
    };
    db::update_meeting(&state.db, &change, meeting_id, &checked)
        .await
        .map_err(change_error)?;
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
    use super::db::{self, Change};
    use support::{change_error, editor_of};

    let (viewer, state, _) = editor_of(unit_id).await?;
    let (plan_id, _, year) = db::meeting_plan(&state.db, meeting_id)
        .await?
        .filter(|(_, unit, _)| *unit == unit_id)
        .ok_or(AppError::NotFound)?;
    let note = if cancelled {
        "ställde in ett APT"
    } else {
        "återställde ett inställt APT"
    };
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note,
    };
    db::set_cancelled(&state.db, &change, meeting_id, cancelled)
        .await
        .map_err(change_error)?;
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
    use super::db::{self, Change};
    use support::{change_error, editor_of, parse_optional_id};

    let (viewer, state, _) = editor_of(unit_id).await?;
    let meeting_id = parse_optional_id(&meeting_id, "meeting_id")?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let note = match meeting_id {
        Some(_) => "flyttade ett ämne till ett annat möte",
        None => "tog bort ett ämne från sitt möte",
    };
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note,
    };
    db::set_topic_meeting(&state.db, &change, topic_id, meeting_id)
        .await
        .map_err(change_error)?;
    Ok(())
}

/// Places every unplaced topic in the first meeting of its month(s), as one change.
#[server(prefix = "/api", endpoint = "plan/amne/placera-alla")]
pub async fn place_all_suggested(
    unit_id: i64,
    year: i32,
    plan_version: i64,
) -> Result<(), AppError> {
    use super::db::{self, Change};
    use crate::domain::{suggest_placements, MeetingSlot, OpenTopic};
    use support::{change_error, editor_of};

    let (viewer, state, _) = editor_of(unit_id).await?;
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
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note: &note,
    };
    db::place_topics(&state.db, &change, &placements)
        .await
        .map_err(change_error)?;
    Ok(())
}

/// Makes a new subscription address for the unit's calendar; the old one stops working.
#[server(prefix = "/api", endpoint = "plan/kalender/fornya")]
pub async fn renew_calendar_feed(unit_id: i64) -> Result<(), AppError> {
    use super::calendar::new_feed_token;
    use super::db;
    use support::editor_of;

    let (viewer, state, _) = editor_of(unit_id).await?;
    db::renew_feed_token(&state.db, unit_id, &new_feed_token()).await?;
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
    use super::db::{self, Change};
    use crate::domain::check_topic;
    use support::{change_error, editor_of, invalid};

    let (viewer, state, org_id) = editor_of(unit_id).await?;
    let plan_id = db::plan_id(&state.db, unit_id, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let checked = check_topic(&topic).map_err(invalid)?;
    let note = format!("lade till det egna ämnet ”{}”", checked.title);
    let change = Change {
        plan_id,
        version: plan_version,
        person_id: viewer.user.id,
        note: &note,
    };
    db::add_own_topic(&state.db, &change, org_id, unit_id, &checked)
        .await
        .map_err(change_error)?;
    Ok(())
}
