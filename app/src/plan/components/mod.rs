//! Views of the annual plan: the plan page (wheel, status, month-by-month list) and a topic's
//! detail page.

mod calendar_panel;
mod edit_forms;
mod group_meetings_panel;
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

pub use meeting_fields::MeetingFields;
pub use meeting_page::MeetingPage;
pub use plan_page::PlanPage;
pub use topic_page::TopicPage;
