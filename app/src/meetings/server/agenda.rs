//! The agenda of one APT: reading it, composing it from the plan, and the chef's changes to its
//! items (add, edit, move, take off, mark as not reached, carry over).

use leptos::prelude::*;

use crate::domain::AgendaItemInput;
use crate::error::AppError;
use crate::meetings::AgendaView;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// One meeting's agenda, for anyone who may read the unit; editors also get what the plan's topics
/// bring them and where the notice stands. Members see the agenda once the notice has gone out.
#[server(prefix = "/api", endpoint = "dagordning")]
pub async fn get_agenda(unit_id: i64, meeting_id: i64) -> Result<AgendaView, AppError> {
    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let agenda = super::load::load_agenda(&state, &grant, meeting_id).await?;
    Ok(agenda.for_reader())
}

/// Puts on the agenda every recurring point and planned topic it lacks; returns how many.
#[server(prefix = "/api", endpoint = "dagordning/fran-planen")]
pub async fn compose_agenda(unit_id: i64, meeting_id: i64) -> Result<u32, AppError> {
    use crate::meetings::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    let plan_id = access.meeting(meeting_id).await?.plan_id;
    let UnitAccess { state, grant, .. } = access;
    let org_id = grant.org_id;
    let content = db::plan_content(&state.db, org_id, plan_id, meeting_id).await?;
    db::compose(&state.db, unit_id, meeting_id, &content)
        .await
        .map_err(AppError::from)
}

/// Adds the chef's own item to a section of the agenda.
#[server(prefix = "/api", endpoint = "dagordning/punkt/ny")]
pub async fn add_agenda_item(
    unit_id: i64,
    meeting_id: i64,
    section_id: String,
    item: AgendaItemInput,
) -> Result<(), AppError> {
    use crate::domain::check_agenda_item;
    use crate::meetings::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let section_id = crate::domain::required_id(&section_id, "section", "Välj ett avsnitt.")?;
    let checked = check_agenda_item(&item)?;
    db::add_item(&state.db, unit_id, meeting_id, section_id, &checked)
        .await
        .map_err(AppError::from)?;
    Ok(())
}

/// Changes an item, on the agenda version the form showed, and returns to the agenda.
#[server(prefix = "/api", endpoint = "dagordning/punkt/andra")]
pub async fn update_agenda_item(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
    agenda_version: i64,
    section_id: String,
    item: AgendaItemInput,
) -> Result<(), AppError> {
    use crate::domain::check_agenda_item;
    use crate::meetings::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.item(meeting_id, item_id).await?;
    let UnitAccess { state, .. } = access;
    let section_id = crate::domain::required_id(&section_id, "section", "Välj ett avsnitt.")?;
    let checked = check_agenda_item(&item)?;
    db::update_item(
        &state.db,
        meeting_id,
        item_id,
        agenda_version,
        section_id,
        &checked,
    )
    .await
    .map_err(AppError::from)?;
    leptos_axum::redirect(&format!(
        "/enhet/{unit_id}/mote/{meeting_id}/dagordning#punkt-{item_id}"
    ));
    Ok(())
}

/// Moves an item (`what = "item"`, within its section) or a section (`"section"`) one place `up`
/// or `down`.
#[server(prefix = "/api", endpoint = "dagordning/flytta")]
pub async fn move_on_agenda(
    unit_id: i64,
    meeting_id: i64,
    what: String,
    id: i64,
    direction: String,
) -> Result<(), AppError> {
    use crate::meetings::db;

    // Who may move is decided before the request's words are read.
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let up = crate::domain::Direction::parse(&direction).ok_or(AppError::NotFound)?
        == crate::domain::Direction::Up;
    let db = &access.state.db;
    match what.as_str() {
        "item" => {
            access.item(meeting_id, id).await?;
            db::move_item(db, meeting_id, id, up).await
        }
        "section" => db::move_section(db, meeting_id, id, up).await,
        _ => return Err(AppError::NotFound),
    }
    .map_err(AppError::from)
}

/// Takes an item off the agenda (`to = "backlog"` keeps it for a later APT, `"delete"` removes
/// it) and returns to the agenda.
#[server(prefix = "/api", endpoint = "dagordning/punkt/ta-bort")]
pub async fn take_off_agenda_item(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
    to: String,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.item(meeting_id, item_id).await?;
    let UnitAccess { state, .. } = access;
    let to_backlog = match to.as_str() {
        "backlog" => true,
        "delete" => false,
        _ => return Err(AppError::NotFound),
    };
    crate::meetings::db::take_off_item(&state.db, meeting_id, item_id, to_backlog)
        .await
        .map_err(AppError::from)?;
    leptos_axum::redirect(&format!("/enhet/{unit_id}/mote/{meeting_id}/dagordning"));
    Ok(())
}

/// Copies the wheel topic's guidance into the item's description.
#[server(prefix = "/api", endpoint = "dagordning/punkt/vagledning")]
pub async fn use_topic_guidance(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.item(meeting_id, item_id).await?;
    let UnitAccess { state, .. } = access;
    crate::meetings::db::use_guidance(&state.db, meeting_id, item_id)
        .await
        .map_err(AppError::from)
}

/// Marks an item as reached by the meeting or not (what "carry over" acts on).
#[server(prefix = "/api", endpoint = "dagordning/punkt/hanns")]
pub async fn set_item_reached(
    unit_id: i64,
    meeting_id: i64,
    item_id: i64,
    reached: bool,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.item(meeting_id, item_id).await?;
    let UnitAccess { state, .. } = access;
    crate::meetings::db::set_reached(&state.db, meeting_id, item_id, reached)
        .await
        .map_err(AppError::from)
}

/// Carries every item the meeting did not reach to the plan's next APT; returns how many.
#[server(prefix = "/api", endpoint = "dagordning/flytta-ej-hunna")]
pub async fn carry_over_items(unit_id: i64, meeting_id: i64) -> Result<u32, AppError> {
    use crate::meetings::db;

    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let next = db::next_meeting(&state.db, meeting_id)
        .await?
        .ok_or_else(|| AppError::Invalid {
            field: "carry".into(),
            message: "Det finns inget senare APT i planen. Lägg till ett möte först.".into(),
        })?;
    db::carry_over(&state.db, unit_id, meeting_id, next.id)
        .await
        .map_err(AppError::from)
}
