//! Server functions of agendas, proposals and the backlog. Each checks who asks and what they may
//! do with the unit (and that the meeting or item is the unit's) before it reads or writes.

mod agenda;
mod attachments;
#[cfg(feature = "ssr")]
pub mod load;
mod next;
mod proposals;
mod sections;

pub use agenda::*;
pub use attachments::*;
pub use next::*;
pub use proposals::*;
pub use sections::*;
