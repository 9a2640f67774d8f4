//! Reading ids out of the route, and the year or version out of the query string.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The route parameter `name` (e.g. `meeting_id`), when it is a number.
pub fn route_id(name: &'static str) -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).and_then(|v| v.parse().ok()))
}

/// The version of the query string (`?version=2`), when it is a number: an earlier version of a
/// document kept with its history.
pub fn query_version() -> Memo<Option<u32>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("version").and_then(|v| v.parse().ok()))
}

/// The year of the query string (`?ar=2027`), when it is a number.
pub fn query_year() -> Memo<Option<i32>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("ar").and_then(|v| v.parse().ok()))
}
