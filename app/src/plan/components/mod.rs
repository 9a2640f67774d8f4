//! Views of the annual plan: the plan page (wheel, status, month-by-month list) and a topic's
//! detail page.

mod calendar_panel;
mod edit_forms;
mod meeting_fields;
mod meeting_page;
mod month_list;
mod placement_form;
mod plan_page;
mod sessions_panel;
mod status_panel;
mod template_news;
mod topic_page;
mod wheel;

pub use meeting_page::MeetingPage;
pub use plan_page::PlanPage;
pub use topic_page::TopicPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The `:unit_id` of the route, when it is a number.
fn unit_id_param() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("unit_id").and_then(|v| v.parse().ok()))
}

/// The `?ar=` year of the query string, when given.
fn year_query() -> Memo<Option<i32>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("ar").and_then(|v| v.parse().ok()))
}
