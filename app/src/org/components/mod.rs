//! Views of the organisation: the start page listing a person's units.

mod accounts_page;
mod units_page;

pub use accounts_page::AccountsPage;
pub use units_page::{PlanSummary, UnitsPage};
