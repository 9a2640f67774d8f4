//! Views of notices: the "Kallelse" panel on the agenda page and the outbox page.

mod notice_panel;
mod outbox_page;

pub use notice_panel::NoticePanel;
pub use outbox_page::OutboxPage;
