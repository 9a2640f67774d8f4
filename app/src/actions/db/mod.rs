//! The action plan's SQL: the plan itself (plan.rs) and bringing actions back to an APT for
//! feedback (feedback.rs).

pub mod feedback;
pub mod plan;

pub use feedback::*;
pub use plan::*;
