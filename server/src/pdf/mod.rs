//! Documents as PDF. Each document is HTML written for print (a module each: the cooperation
//! group's `protocol` and its `bilaga`; the unit's `notice` with its agenda, published `minutes`,
//! `action_plan` and `checklist`; a node's annual `env_report`; all on `parts` and `print.css`),
//! laid out by WeasyPrint, a document engine from Debian (CSS paged media: A4 pages, running
//! page numbers, PDF/A-3b so the archive can keep it). It runs as a child process per document
//! with a time limit, so a slow or failing engine costs one download, never a page.
//!
//! Why not typst: embedding it adds some 250 crates to every build (CI builds four times); the
//! HTML route reuses what the app already renders and WeasyPrint comes from Debian like Chromium.

pub mod action_plan;
pub mod bilaga;
pub mod checklist;
pub mod env_report;
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

    /// The PDF of `html` (a whole document with its styles inline; it loads nothing else). An
    /// engine that dies of a signal (WeasyPrint once crashed with SIGSEGV under load) is run
    /// once more before the document fails.
    pub async fn render(&self, html: String) -> Result<Vec<u8>, AppError> {
        match self.render_once(html.clone()).await {
            Err(Crash::Signal(detail)) => {
                tracing::warn!(%detail, "pdf engine died of a signal; running it once more");
                self.render_once(html).await.map_err(Crash::into_error)
            }
            done => done.map_err(Crash::into_error),
        }
    }

    async fn render_once(&self, html: String) -> Result<Vec<u8>, Crash> {
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
            let detail = format!(
                "{program} failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
            // No exit code: the process was killed by a signal.
            return Err(match output.status.code() {
                None => Crash::Signal(detail),
                Some(_) => Crash::Failed(AppError::internal("pdf engine", detail)),
            });
        }
        Ok(output.stdout)
    }
}

/// How one run of the engine failed.
enum Crash {
    /// Killed by a signal: worth one more run.
    Signal(String),
    /// Anything else: the document fails.
    Failed(AppError),
}

impl Crash {
    fn into_error(self) -> AppError {
        match self {
            Crash::Signal(detail) => AppError::internal("pdf engine", detail),
            Crash::Failed(err) => err,
        }
    }
}

impl From<AppError> for Crash {
    fn from(err: AppError) -> Crash {
        Crash::Failed(err)
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
    #[allow(clippy::unwrap_used)]
    async fn an_engine_killed_by_a_signal_is_run_once_more() {
        use std::os::unix::fs::PermissionsExt;

        let dir = tempfile::tempdir().unwrap();
        let mark = dir.path().join("crashed-once");
        let script = dir.path().join("engine");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\ncat >/dev/null\nif [ -e '{0}' ]; then printf '%%PDF-1.7 fake'; \
                 else touch '{0}'; kill -SEGV $$; fi\n",
                mark.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let pdf = PdfEngine::new(&script).render("<p>x</p>".into()).await;
        assert_eq!(pdf.unwrap(), b"%PDF-1.7 fake");
        assert!(mark.exists(), "the first run crashed");
    }

    #[tokio::test]
    async fn a_missing_engine_is_an_internal_error_never_a_panic() {
        let engine = PdfEngine::new("/nonexistent/weasyprint");
        assert!(matches!(
            engine.render("<p>x</p>".into()).await,
            Err(AppError::Internal)
        ));
    }
}
