//! Pages of minutes and the action plan.

mod action_plan_page;
mod draft;
mod minutes_page;
mod published;

pub use action_plan_page::ActionPlanPage;
pub use minutes_page::MinutesPage;
pub use published::{action_line, PublishedItemText};
