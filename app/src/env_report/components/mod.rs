//! The work environment report's views: the page with its status, deadline and workflow
//! (`report_page`), its key figures as seed 004's tables and the writer's form (`figures`), and
//! its sections with their answers and assessments, and what the nodes below answered and wrote
//! (`sections`), sick leave over the years in charts (`charts`), and its files: the PDF, the XLSX of every figure and the import of figures
//! (`files`), and the organisation's template of figures and deadlines (`template_page`).

mod charts;
mod figures;
mod files;
mod report_page;
mod sections;
mod template_page;

pub use files::EnvImportPage;
pub use report_page::EnvReportPage;
pub use template_page::EnvTemplatePage;
