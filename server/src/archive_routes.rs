//! `/export/arkiv/{unit}.zip`: a unit's records for the archive (arkivleverans) as one zip:
//! every published version of its minutes, its agendas and checklists as UTF-8 text, its action
//! plan as CSV, and `index.csv` naming each file with its kind of record, date and title. For
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
    let bytes = pack(&archive).map_err(|e| AppError::internal("archive export failed", e))?;
    let name = format!("arkiv-enhet-{unit_id}-{}.zip", archive.drawn_on);
    Ok(file_download(bytes, "application/zip", &name, "no-store"))
}

/// The index: a row per document, and one for the action plan.
fn index(archive: &UnitArchive) -> Table {
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
    Table {
        name: "Index".into(),
        headers: INDEX_HEADERS.iter().map(|h| (*h).to_string()).collect(),
        rows,
    }
}

/// Packs the documents, the action plan and the index as a deflated zip.
fn pack(archive: &UnitArchive) -> anyhow::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("index.csv", options)?;
    zip.write_all(&csv(&index(archive))?)?;
    zip.start_file(ACTIONS_PATH, options)?;
    zip.write_all(&csv(&action_table(&archive.actions.actions))?)?;
    for f in &archive.files {
        zip.start_file(f.path.as_str(), options)?;
        zip.write_all(f.text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
