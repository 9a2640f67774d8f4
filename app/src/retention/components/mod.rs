//! The views of retention.

mod retention_page;

pub use retention_page::RetentionPage;
