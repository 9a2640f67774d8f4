//! Removing an agenda attachment (uploading and downloading are plain HTTP routes of the
//! server, since a file travels as multipart form data).

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// Removes an attachment from the meeting's agenda.
#[server(prefix = "/api", endpoint = "dagordning/bilaga/ta-bort")]
pub async fn remove_attachment(
    unit_id: i64,
    meeting_id: i64,
    attachment_id: i64,
) -> Result<(), AppError> {
    let access = UnitAccess::read(unit_id).await?.edit()?;
    access.meeting(meeting_id).await?;
    let UnitAccess { state, .. } = access;
    if crate::meetings::db::remove_attachment(&state.db, meeting_id, attachment_id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
