//! Views of the organisation: the start page listing a person's units.

mod accounts_page;
mod organisation_forms;
mod organisation_page;
mod units_page;

pub use accounts_page::AccountsPage;
pub use organisation_page::OrganisationPage;
pub use units_page::{PlanSummary, UnitsPage};
