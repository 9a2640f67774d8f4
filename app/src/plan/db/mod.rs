//! The SQL of plans and the wheel template, the only place it is written: reads in `read.rs`,
//! changes (each checked against the plan's version in one transaction) in `write.rs`.

mod read;
mod write;

pub use read::*;
pub use write::*;

/// The one INSERT of a meeting, shared by seeding, adding and copying.
const INSERT_MEETING: &str = "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time,
         location, online_link)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
