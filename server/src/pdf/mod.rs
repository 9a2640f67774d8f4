//! Documents as PDF. Each document is HTML written for print (a module each: the cooperation
//! group's `protocol` and its `bilaga`; the unit's `notice` with its agenda, published `minutes`,
//! `action_plan` and `checklist`; all on `parts` and `print.css`),
//! laid out by WeasyPrint, a document engine from Debian (CSS paged media: A4 pages, running
//! page numbers, PDF/A-3b so the archive can keep it). It runs as a child process per document
//! with a time limit, so a slow or failing engine costs one download, never a page.
//!
//! Why not typst: embedding it adds some 250 crates to every build (CI builds four times); the
//! HTML route reuses what the app already renders and WeasyPrint comes from Debian like Chromium.

pub mod action_plan;
pub mod bilaga;
pub mod checklist;
pub mod minutes;
pub mod notice;
pub mod parts;
pub mod protocol;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

use app::error::AppError;

/// The longest one document may take.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// The stylesheet every document shares: A4, margins, page numbers, type.
pub const PRINT_CSS: &str = include_str!("print.css");

/// The engine that turns a document's HTML into PDF.
#[derive(Clone, Debug)]
pub struct PdfEngine {
    /// The `weasyprint` program (`ARSHJUL_WEASYPRINT`, default found on `PATH`).
    program: PathBuf,
}

impl PdfEngine {
    /// The engine at `program`.
    pub fn new(program: impl Into<PathBuf>) -> PdfEngine {
        PdfEngine {
            program: program.into(),
        }
    }

    /// The PDF of `html` (a whole document with its styles inline; it loads nothing else).
    pub async fn render(&self, html: String) -> Result<Vec<u8>, AppError> {
        let program = self.program.display().to_string();
        let mut child = Command::new(&self.program)
            .args(["--quiet", "--pdf-variant", "pdf/a-3b", "-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| AppError::internal("pdf engine", format!("{program}: {e}")))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| AppError::internal("pdf engine", "no stdin"))?;
        let feed = tokio::spawn(async move {
            let written = stdin.write_all(html.as_bytes()).await;
            drop(stdin);
            written
        });
        let output = tokio::time::timeout(TIME_LIMIT, child.wait_with_output())
            .await
            .map_err(|_| AppError::internal("pdf engine", "took too long"))?
            .map_err(|e| AppError::internal("pdf engine", e.to_string()))?;
        feed.await
            .map_err(|e| AppError::internal("pdf engine", e.to_string()))?
            .map_err(|e| AppError::internal("pdf engine input", e.to_string()))?;
        if !output.status.success() || !output.stdout.starts_with(b"%PDF") {
            let detail = String::from_utf8_lossy(&output.stderr);
            return Err(AppError::internal(
                "pdf engine",
                format!("{program} failed ({}): {detail}", output.status),
            ));
        }
        Ok(output.stdout)
    }
}

/// A protocol for the documents' tests.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn sample_protocol() -> app::cooperation::CoopProtocolView {
    use app::cooperation::CoopProtocolView;
    use chrono::{NaiveDate, NaiveTime};
    let day = NaiveDate::from_ymd_opt(2026, 5, 27).unwrap();
    CoopProtocolView {
        group_id: 1,
        group_name: "Kulturförvaltningens förvaltningsgrupp".into(),
        node_name: "Kulturförvaltningen".into(),
        meeting_id: 2,
        date: day,
        start: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        location: "Stadshuset <sal 1>".into(),
        can_write: false,
        attendees: Vec::new(),
        adjuncts: Vec::new(),
        items: Vec::new(),
        earlier_follow_ups: Vec::new(),
        dates: None,
        next_meeting: None,
        secretary: Some("Maja Lindgren".into()),
        approvers: vec!["Hanna Åberg".into()],
        bilagor: Vec::new(),
        locked: None,
        adjusting: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_missing_engine_is_an_internal_error_never_a_panic() {
        let engine = PdfEngine::new("/nonexistent/weasyprint");
        assert!(matches!(
            engine.render("<p>x</p>".into()).await,
            Err(AppError::Internal)
        ));
    }
}
