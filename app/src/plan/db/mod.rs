//! The SQL of plans and the wheel template, the only place it is written: reads in `read.rs`,
//! changes (each checked against the plan's version in one transaction) in `write.rs`.

mod read;
mod write;

pub use read::*;
pub use write::*;
