//! `/export/arkiv/{unit}.zip`: a unit's records for the archive (arkivleverans) as one zip:
//! every published version of its minutes, its agendas and checklists as UTF-8 text, its action
//! plan as CSV, its work environment reports that went up the tree as PDF, and `index.csv`
//! naming each file with its kind of record, date and title. For
//! those who keep the unit's records (its chef, HR at or above it); the export is on record in
//! the audit trail. A POST (a form's button), never a GET: an export is recorded, and a link
//! on another site must not make a chef's browser run one.

use std::io::Write;

use axum::extract::{Path, State};
use axum::response::Response;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use app::error::AppError;
use app::retention::archive::{unit_archive, ArchiveFile, UnitArchive};

use crate::access::{signed_in, Caller};
use crate::download::download as file_download;
use crate::export_tables::{action_table, csv, Table};
use crate::ServerState;

/// The index's columns.
const INDEX_HEADERS: [&str; 7] = [
    "Fil",
    "Handlingstyp",
    "Enhet",
    "Datum",
    "Rubrik",
    "Version",
    "Upprättad av",
];

/// The action plan's path inside the zip.
const ACTIONS_PATH: &str = "handlingsplan/atgarder.csv";

/// Serves one unit's archive export.
pub async fn download(
    State(state): State<ServerState>,
    caller: Caller,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let unit_id = file
        .strip_suffix(".zip")
        .and_then(|id| id.parse::<i64>().ok())
        .ok_or(AppError::NotFound)?;
    let viewer = signed_in(&state, &caller).await?;
    caller.trail.update(|n| n.node_id = Some(unit_id));
    let archive = unit_archive(&state.app, &viewer, unit_id).await?;
    let reports = env_reports(&state, &viewer, unit_id).await?;
    let bytes =
        pack(&archive, &reports).map_err(|e| AppError::internal("archive export failed", e))?;
    let name = format!("arkiv-enhet-{unit_id}-{}.zip", archive.drawn_on);
    Ok(file_download(bytes, "application/zip", &name, "no-store"))
}

/// A work environment report as the archive keeps it: its index row and its PDF.
struct KeptReport {
    path: String,
    year: i32,
    status: &'static str,
    pdf: Vec<u8>,
}

/// The unit's work environment reports that went up the tree, each as its PDF (the archive's
/// keepers read them as their page shows them).
async fn env_reports(
    state: &ServerState,
    viewer: &app::auth::session::Viewer,
    unit_id: i64,
) -> Result<Vec<KeptReport>, AppError> {
    use app::domain::env_report::ReportStatus;
    use app::env_report::read::{report_view, ReportAccess};

    let sent = app::env_report::db::sent_reports(&state.app.db, unit_id).await?;
    if sent.is_empty() {
        return Ok(Vec::new());
    }
    let access = ReportAccess::of(&state.app, viewer, unit_id).await?;
    let today = state.app.clock.today();
    let mut kept = Vec::with_capacity(sent.len());
    for (year, status) in sent {
        let report = report_view(&state.app, &access, year).await?;
        let pdf = state
            .pdf
            .render(crate::pdf::env_report::env_report_html(&report, today))
            .await?;
        kept.push(KeptReport {
            path: format!("arbetsmiljorapporter/{year}.pdf"),
            year,
            status: ReportStatus::from_code(&status).map_or("", ReportStatus::label),
            pdf,
        });
    }
    Ok(kept)
}

/// The index: a row per document, one for the action plan, and one per report.
fn index(archive: &UnitArchive, reports: &[KeptReport]) -> Table {
    let mut rows: Vec<Vec<String>> = archive
        .files
        .iter()
        .map(|f: &ArchiveFile| {
            vec![
                f.path.clone(),
                f.kind.to_string(),
                archive.unit_name.clone(),
                f.date.clone(),
                f.title.clone(),
                f.version.clone(),
                f.by.clone(),
            ]
        })
        .collect();
    rows.push(vec![
        ACTIONS_PATH.to_string(),
        "Handlingsplan".to_string(),
        archive.unit_name.clone(),
        archive.drawn_on.to_string(),
        format!(
            "Handlingsplan, {} ({} åtgärder)",
            archive.unit_name,
            archive.actions.actions.len()
        ),
        String::new(),
        String::new(),
    ]);
    rows.extend(reports.iter().map(|r| {
        vec![
            r.path.clone(),
            "Arbetsmiljörapport".to_string(),
            archive.unit_name.clone(),
            r.year.to_string(),
            format!(
                "Arbetsmiljörapport {} {} ({})",
                r.year, archive.unit_name, r.status
            ),
            String::new(),
            String::new(),
        ]
    }));
    Table {
        name: "Index".into(),
        headers: INDEX_HEADERS.iter().map(|h| (*h).to_string()).collect(),
        rows,
    }
}

/// Packs the documents, the action plan, the reports and the index as a deflated zip.
fn pack(archive: &UnitArchive, reports: &[KeptReport]) -> anyhow::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("index.csv", options)?;
    zip.write_all(&csv(&index(archive, reports))?)?;
    zip.start_file(ACTIONS_PATH, options)?;
    zip.write_all(&csv(&action_table(&archive.actions.actions))?)?;
    for f in &archive.files {
        zip.start_file(f.path.as_str(), options)?;
        zip.write_all(f.text.as_bytes())?;
    }
    for r in reports {
        zip.start_file(r.path.as_str(), options)?;
        zip.write_all(&r.pdf)?;
    }
    Ok(zip.finish()?.into_inner())
}
