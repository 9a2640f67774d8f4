//! Application state handed to every server function and page through Leptos context.

use crate::db::Db;
use crate::error::AppError;

/// What the server shares with every request: the database and the mode it runs in.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The connection pool.
    pub db: Db,
    /// Demo mode: the demo organisation and its sign-ins are offered on the sign-in page.
    pub demo: bool,
}

/// The state of the running server; a missing state is a wiring bug, logged and reported plainly.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context", "no state"))
}
