//! Pages of running the APTs: a meeting's agenda (read by everyone of the unit, edited by the
//! chef), an agenda item's edit page, the unit's proposals and backlog, and the members' "next
//! APT" page that is kept for reading offline.

mod agenda_actions;
mod agenda_item_view;
mod agenda_page;
mod agenda_panels;
mod attachments_panel;
mod item_fields;
mod item_page;
mod meeting_when;
mod next_page;
mod proposal_actions;
mod proposal_forms;
mod proposals_page;

pub use agenda_page::AgendaPage;
pub use item_page::AgendaItemPage;
pub use next_page::NextMeetingsPageView;
pub use proposals_page::ProposalsPage;
