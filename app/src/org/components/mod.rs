//! Views of the organisation: the start page listing a person's units.

mod accounts_page;
mod first_run_page;
mod import_pages;
mod kinds_panel;
mod organisation_forms;
mod organisation_page;
mod person_form;
mod sign_up_settings;
mod units_page;

pub use accounts_page::AccountsPage;
pub use first_run_page::FirstRunPageView;
pub use import_pages::{ImportPage, ImportPreviewPage};
pub use organisation_page::OrganisationPage;
pub use units_page::{PlanSummary, UnitsPage};
