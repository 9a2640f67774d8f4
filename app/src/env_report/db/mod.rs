//! The SQL of the work environment report, in one place: what Årshjul knows of the year
//! (`facts`), a node's figures and their roll-up over its subtree (`figures`), files of figures
//! from outside and the nodes they may name (`imports`), the reports with their assessments,
//! answers and way through the workflow (`reports`), and the organisation's own template: added
//! figures and deadlines (`template`). Every read is a fixed number of queries whatever the
//! size of the tree.

mod facts;
mod figures;
mod imports;
mod reports;
mod template;

pub use facts::*;
pub use figures::*;
pub use imports::*;
pub use reports::*;
pub use template::*;
