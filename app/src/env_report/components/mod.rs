//! The work environment report's views: the page with its status, deadline and workflow
//! (`report_page`), its key figures as seed 004's tables and the writer's form (`figures`), and
//! its sections with their answers and assessments, and what the nodes below answered and wrote
//! (`sections`).

mod figures;
mod report_page;
mod sections;

pub use report_page::EnvReportPage;
