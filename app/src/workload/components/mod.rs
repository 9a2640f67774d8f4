//! Views of the workload check: the page of one meeting's check and the year's trend panel.

mod trend;
mod workload_page;

pub use trend::WorkloadTrend;
pub use workload_page::WorkloadPage;
