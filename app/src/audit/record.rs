//! Writing to the audit trail from a server function: the event, who did it, and from where.

use super::db::{self, NewEntry};
use super::refusal_gate::{is_gated, Held, REFUSALS_HELD};
use crate::auth::session::{request_origin, Viewer};
use crate::error::AppError;
use crate::state::{app_state, AppState};

/// Something to record: a stable action code, where in the organisation it happened, what it
/// was done to and a short description.
#[derive(Clone, Debug)]
pub struct Event {
    action: &'static str,
    node_id: Option<i64>,
    subject: String,
    detail: String,
}

impl Event {
    /// An event of the given action code (`sign_in`, `plan.meeting_added`, …).
    pub fn new(action: &'static str) -> Event {
        Event {
            action,
            node_id: None,
            subject: String::new(),
            detail: String::new(),
        }
    }

    /// The node (unit, or the organisation) it belongs to: HR at or above it reads it.
    pub fn node(mut self, node_id: i64) -> Event {
        self.node_id = Some(node_id);
        self
    }

    /// What it was done to, as `kind:id`.
    pub fn subject(mut self, kind: &str, id: i64) -> Event {
        self.subject = format!("{kind}:{id}");
        self
    }

    /// A short description for the reader of the trail.
    pub fn detail(mut self, detail: impl Into<String>) -> Event {
        self.detail = detail.into();
        self
    }
}

/// Records what the signed-in viewer did.
pub async fn record(viewer: &Viewer, event: Event) -> Result<(), AppError> {
    record_for(Some(viewer.user.id), &viewer.user.name, event).await
}

/// Records an event for an actor that may not be signed in (a failed sign-in names the e-mail
/// typed). The request's address is kept with it.
pub async fn record_for(actor_id: Option<i64>, actor: &str, event: Event) -> Result<(), AppError> {
    let state = app_state()?;
    super::trail::note_recorded();
    let entry = NewEntry {
        actor_id,
        actor: actor.to_string(),
        action: event.action.to_string(),
        node_id: event.node_id,
        subject: event.subject,
        detail: event.detail,
        address: request_origin().address,
    };
    append_entry(&state, &entry)
        .await
        .map_err(|e| AppError::internal("writing the audit trail", e))
}

/// Appends an entry; a refusal only as the refusal gate allows (the first few from an address in
/// a minute, then one row with the count), so a flood cannot fill the trail.
pub async fn append_entry(state: &AppState, entry: &NewEntry) -> sqlx::Result<()> {
    let now = state.clock.now();
    if is_gated(&entry.action) {
        let admission = state
            .refusal_gate
            .admit(&entry.address, entry.actor_id, now);
        if let Some(held) = admission.held {
            db::append(&state.db, &held_entry(&held), now).await?;
        }
        if !admission.write {
            return Ok(());
        }
    }
    db::append(&state.db, entry, now).await
}

/// The row that counts refusals not written one by one.
fn held_entry(held: &Held) -> NewEntry {
    NewEntry {
        action: REFUSALS_HELD.to_string(),
        actor_id: held.actor_id,
        detail: held.detail(),
        address: held.address.clone(),
        ..NewEntry::default()
    }
}

/// Writes, every minute for as long as the server runs, the counts of refusal windows that have
/// ended (a flood that stopped has no next refusal to write its count).
pub fn spawn_refusal_flush(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            let now = state.clock.now();
            for held in state.refusal_gate.ended(now) {
                if let Err(err) = db::append(&state.db, &held_entry(&held), now).await {
                    tracing::error!(%err, "writing held refusals to the audit trail");
                }
            }
        }
    });
}
