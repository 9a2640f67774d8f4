//! The sections of an agenda: the chef adds, renames and removes (empty) ones (moving is in
//! `agenda.rs`, with moving items).

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

#[cfg(feature = "ssr")]
fn section_title(title: &str) -> Result<String, AppError> {
    crate::domain::check_title(title, "section_title").map_err(AppError::from)
}

/// Adds a section at the end of the agenda.
#[server(prefix = "/api", endpoint = "dagordning/avsnitt/nytt")]
pub async fn add_agenda_section(
    unit_id: i64,
    meeting_id: i64,
    title: String,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let title = section_title(&title)?;
    crate::meetings::db::add_section(&state.db, meeting_id, &title)
        .await
        .map_err(AppError::from)?;
    Ok(())
}

/// Renames a section.
#[server(prefix = "/api", endpoint = "dagordning/avsnitt/byt-namn")]
pub async fn rename_agenda_section(
    unit_id: i64,
    meeting_id: i64,
    section_id: i64,
    title: String,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    let title = section_title(&title)?;
    crate::meetings::db::change_section(&state.db, meeting_id, section_id, Some(&title))
        .await
        .map_err(AppError::from)
}

/// Removes a section that holds no items.
#[server(prefix = "/api", endpoint = "dagordning/avsnitt/ta-bort")]
pub async fn remove_agenda_section(
    unit_id: i64,
    meeting_id: i64,
    section_id: i64,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    crate::meetings::db::change_section(&state.db, meeting_id, section_id, None)
        .await
        .map_err(AppError::from)
}
