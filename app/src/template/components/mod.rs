//! Views of the template: HR's template page and topic edit page, and the push page.

mod push_page;
mod template_page;
mod topic_edit_page;
mod topic_fields;

pub use push_page::PushPageView;
pub use template_page::TemplatePageView;
pub use topic_edit_page::TemplateTopicPage;
