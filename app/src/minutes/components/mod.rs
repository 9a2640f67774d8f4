//! Pages of minutes and the action plan.

mod draft;
mod minutes_actions;
mod minutes_page;
mod published;

pub use minutes_page::MinutesPage;
pub use published::{action_line, PublishedItemText};
