//! Which checklist a `UnitAccess` may open, and when a checklist may no longer be changed.

use crate::error::AppError;
use crate::org::access::UnitAccess;

use super::db::ChecklistHead;

impl UnitAccess {
    /// One of the unit's checklists; `NotFound` for any other unit's.
    pub async fn checklist(&self, checklist_id: i64) -> Result<ChecklistHead, AppError> {
        super::db::checklist_head(&self.state.db, self.grant.unit_id, checklist_id)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// Refuses a change to a checklist marked done, beside `field`.
pub fn not_done(head: &ChecklistHead, field: &str) -> Result<(), AppError> {
    if head.done_at.is_some() {
        return Err(AppError::Invalid {
            field: field.into(),
            message: "Checklistan är markerad som klar. Öppna den igen för att ändra.".into(),
        });
    }
    Ok(())
}
