//! Views of cooperation groups: the list of groups (with the form that makes one) and a group's
//! page (its meeting plan, members and standing agenda, with the forms of those who keep it), and
//! a meeting's page (its agenda and what members sent in), and its protocol (the document, the
//! chair's and the secretary's forms, its bilagor, and the justering panel).

mod group_forms;
mod group_page;
mod groups_page;
mod meeting_page;
mod protocol_adjusting;
mod protocol_bilagor;
mod protocol_document;
mod protocol_forms;
mod protocol_item_forms;
mod protocol_page;

pub use group_page::GroupPage;
pub use groups_page::GroupsPage;
pub use meeting_page::CoopMeetingPage;
pub use protocol_page::CoopProtocolPage;
