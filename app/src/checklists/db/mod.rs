//! The checklists' SQL: templates and their versions, a unit's checklist and its answers, and the
//! roll-up. Explicit columns, joins instead of loops: a page is a handful of queries whatever the
//! number of questions or units.

pub mod analysis;
pub mod rollup;
pub mod templates;
pub mod unit;

pub use analysis::*;
pub use rollup::*;
pub use templates::*;
pub use unit::*;
