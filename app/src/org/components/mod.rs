//! Views of the organisation: the start page listing a person's units.

mod units_page;

pub use units_page::{PlanSummary, UnitsPage};
