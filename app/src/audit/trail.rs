//! What one request did, gathered while it runs and written by the server's audit middleware
//! once the answer is known: who asked (noted where the viewer is looked up), which part of the
//! organisation it touched (noted where the unit is checked), and whether a server function
//! already recorded an event of its own (sign-in, sessions, accounts), so nothing is written
//! twice. Every write is covered this way, also the ones of features added later: no server
//! function has to remember to log.

use std::sync::{Arc, Mutex};

/// What the request has noted so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrailNote {
    /// The signed-in person: id and name.
    pub actor: Option<(i64, String)>,
    /// The unit or node the request touched last.
    pub node_id: Option<i64>,
    /// Whether the request recorded its own event(s).
    pub recorded: bool,
    /// The status of the error the handler answered with, also when a plain form post's answer
    /// stays a redirect.
    pub failure: Option<u16>,
}

/// The request's note, shared between the middleware (which puts it in the request's extensions
/// and reads it afterwards) and the handler (which fills it in).
#[derive(Clone, Debug, Default)]
pub struct RequestTrail(Arc<Mutex<TrailNote>>);

impl RequestTrail {
    /// Changes the note.
    pub fn update(&self, change: impl FnOnce(&mut TrailNote)) {
        if let Ok(mut note) = self.0.lock() {
            change(&mut note);
        }
    }

    /// The note as it stands.
    pub fn snapshot(&self) -> TrailNote {
        self.0.lock().map(|n| n.clone()).unwrap_or_default()
    }
}

/// Changes the note of the request being served, when there is one (a server function called
/// through HTTP; tests calling the code directly have none).
fn update(change: impl FnOnce(&mut TrailNote)) {
    let trail = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestTrail>().cloned());
    if let Some(trail) = trail {
        trail.update(change);
    }
}

/// Notes who is asking.
pub fn note_actor(id: i64, name: &str) {
    update(|n| n.actor = Some((id, name.to_string())));
}

/// Notes the unit or node the request is about (before its access is decided, so a refusal is
/// shown to HR of that part of the tree).
pub fn note_node(node_id: i64) {
    update(|n| n.node_id = Some(node_id));
}

/// Notes that the request wrote its own audit entry.
pub fn note_recorded() {
    update(|n| n.recorded = true);
}

/// Notes that the request failed with this status.
pub fn note_failure(status: u16) {
    update(|n| n.failure = Some(status));
}
