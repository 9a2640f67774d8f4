//! `POST /samverkan/{group}/arkiv/{year}.zip`: a cooperation group's protocols of a year for the
//! archive (arkivleverans) as one zip: every locked version as the PDF/A the protocol page
//! offers, each bilaga it lists (a file as uploaded; frozen unit results as PDF and XLSX), and
//! `index.csv` naming each file with its kind of record, date, title, version and who approved
//! it. For those who keep the group; a POST like the unit's archive export, and on record in the
//! audit trail.

use std::io::Write;

use axum::extract::{Path, State};
use axum::response::Response;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use app::cooperation::archive::{group_archive, ArchivedProtocol, GroupArchive};
use app::domain::cooperation::bilagor::BilagaKind;
use app::error::AppError;

use crate::access::{signed_in, Caller};
use crate::download::download;
use crate::export_tables::{csv, xlsx, Table};
use crate::frozen_bilaga::frozen;
use crate::pdf::protocol::protocol_html;
use crate::ServerState;

/// The index's columns.
const INDEX_HEADERS: [&str; 7] = [
    "Fil",
    "Handlingstyp",
    "Grupp",
    "Datum",
    "Rubrik",
    "Version",
    "Justerat av",
];

/// One file of the zip with its line in the index.
struct Entry {
    path: String,
    bytes: Vec<u8>,
    kind: &'static str,
    title: String,
}

/// Serves one year of a group's protocols.
pub async fn download_archive(
    State(state): State<ServerState>,
    caller: Caller,
    Path((group_id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let year = file
        .strip_suffix(".zip")
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or(AppError::NotFound)?;
    let viewer = signed_in(&state, &caller).await?;
    let archive = group_archive(state.app.clone(), viewer, group_id, year).await?;
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    for protocol in &archive.protocols {
        for entry in protocol_files(&state, protocol).await? {
            rows.push(index_row(&archive, protocol, &entry));
            entries.push(entry);
        }
    }
    let index = Table {
        name: "Index".into(),
        headers: INDEX_HEADERS.iter().map(|h| (*h).to_string()).collect(),
        rows,
    };
    let bytes = pack(&index, &entries).map_err(|e| AppError::internal("group archive", e))?;
    let name = format!("arkiv-samverkan-{group_id}-{year}.zip");
    Ok(download(bytes, "application/zip", &name, "no-store"))
}

/// A version's files: the protocol, then its bilagor in their numbering.
async fn protocol_files(
    state: &ServerState,
    protocol: &ArchivedProtocol,
) -> Result<Vec<Entry>, AppError> {
    let view = &protocol.view;
    let version = view.locked.as_ref().map_or(1, |l| l.version);
    let folder = format!("{}-v{version}", view.date);
    let mut files = vec![Entry {
        path: format!("{folder}/protokoll.pdf"),
        bytes: state.pdf.render(protocol_html(view)).await?,
        kind: "Protokoll",
        title: format!("Protokoll {} {}", view.group_name, view.date),
    }];
    for (bilaga, content) in &protocol.bilagor {
        let title = format!("Bilaga {}: {}", bilaga.number, bilaga.title);
        let stem = format!("{folder}/bilaga-{}", bilaga.number);
        if bilaga.kind == BilagaKind::File {
            let (Some(bytes), Some(name)) = (&content.content, &content.file_name) else {
                continue;
            };
            files.push(Entry {
                path: format!("{stem}-{}", name.replace(['/', '\\'], "_")),
                bytes: bytes.clone(),
                kind: "Bilaga",
                title,
            });
            continue;
        }
        let made = frozen(view, bilaga, content.tables.as_deref())?;
        files.push(Entry {
            path: format!("{stem}.pdf"),
            bytes: state.pdf.render(made.html).await?,
            kind: "Bilaga",
            title: title.clone(),
        });
        files.push(Entry {
            path: format!("{stem}.xlsx"),
            bytes: xlsx(&made.sheets)
                .map_err(|e| AppError::internal("bilaga xlsx", e.to_string()))?,
            kind: "Bilaga (kalkylblad)",
            title,
        });
    }
    Ok(files)
}

fn index_row(archive: &GroupArchive, protocol: &ArchivedProtocol, entry: &Entry) -> Vec<String> {
    let stamp = protocol.view.locked.as_ref();
    vec![
        entry.path.clone(),
        entry.kind.to_string(),
        archive.group_name.clone(),
        protocol.view.date.to_string(),
        entry.title.clone(),
        stamp.map(|s| s.version.to_string()).unwrap_or_default(),
        stamp
            .map(|s| {
                s.signed
                    .iter()
                    .map(|a| format!("{} {}", a.name, a.at.format("%Y-%m-%d %H:%M")))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
    ]
}

/// The index first, then every file, deflated.
fn pack(index: &Table, entries: &[Entry]) -> anyhow::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("index.csv", options)?;
    zip.write_all(&csv(index)?)?;
    for e in entries {
        zip.start_file(e.path.as_str(), options)?;
        zip.write_all(&e.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
