//! The views of retention and the archive export.

mod archive_panel;
mod retention_page;

pub use archive_panel::ArchivePanel;
pub use retention_page::RetentionPage;
