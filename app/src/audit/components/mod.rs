//! The views of the audit trail.

mod log_page;

pub use log_page::AuditLogPage;
