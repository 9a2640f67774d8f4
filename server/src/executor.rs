//! The executor Leptos spawns its work on (a page's resources while it renders on the server):
//! tokio, as Leptos' own default, but each task carries the span of the request that spawned it,
//! so a database error while rendering a page is logged with that request's method and route.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use tracing::Instrument;

struct SpanKeeping;

impl CustomExecutor for SpanKeeping {
    fn spawn(&self, fut: PinnedFuture<()>) {
        tokio::spawn(fut.in_current_span());
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        tokio::task::spawn_local(fut.in_current_span());
    }

    fn poll_local(&self) {}
}

/// Makes the span-keeping tokio executor Leptos' executor. The first call wins (the executor is
/// global), so calling it again, as every in-process test's app does, changes nothing.
pub fn init() {
    let _ = Executor::init_custom_executor(SpanKeeping);
}
