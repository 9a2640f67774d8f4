//! The SQL of the work environment report, in one place: what Årshjul knows of the year
//! (`facts`), a node's figures and their roll-up over its subtree (`figures`), the reports with their assessments, answers and way through
//! the workflow (`reports`), and the organisation's own template: added figures and deadlines
//! (`template`). Every read is a fixed number of queries whatever the size of the tree.

mod facts;
mod figures;
mod reports;
mod template;

pub use facts::*;
pub use figures::*;
pub use reports::*;
pub use template::*;
