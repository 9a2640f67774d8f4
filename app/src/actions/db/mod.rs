//! The action plan's SQL: the plan itself (plan.rs), bringing actions back to an APT for
//! feedback (feedback.rs), and who may be responsible for an action at a node (responsible.rs).

pub mod feedback;
pub mod plan;
pub mod responsible;

pub use feedback::*;
pub use plan::*;
pub use responsible::*;
