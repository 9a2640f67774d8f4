//! Reading ids out of the route.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route parameter `name` (e.g. `meeting_id`), when it is a number.
pub fn route_id(name: &'static str) -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).and_then(|v| v.parse().ok()))
}
