//! The work environment report's files over plain HTTP: its PDF in the seed's layout
//! (`/enhet/{n}/arbetsmiljorapport/{year}/rapport.pdf`) and every figure per node as XLSX
//! (`…/{year}/nyckeltal.xlsx`) and its sick leave charts (`…/{year}/sjukfranvaro.svg`,
//! `…/sjukfranvaro-jamforelse.svg`) for whoever may read the report on its page, and the upload of
//! a file of figures (`POST /enhet/{n}/arbetsmiljorapport/import`, a multipart form that works
//! without the wasm bundle) for whoever writes it, which goes on to the import's preview.

use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use app::domain::env_report::ReportRight;
use app::domain::PlanYear;
use app::env_report::export::{figure_sheets, FigureSheet, SheetCell};
use app::env_report::read::{report_view, ReportAccess};
use app::env_report::read_figures::readable_figures;
use app::env_report::read_figures_file;
use app::env_report::EnvReportView;
use app::error::AppError;
use app::org::import_file::MAX_IMPORT_BYTES;

use crate::access::{signed_in, Caller};
use crate::download::download;
use crate::env_report_chart::{above_chart, by_sex_chart};
use crate::pdf::env_report::{env_report_html, title};
use crate::ServerState;

/// The most an upload of figures may send: the import's limit, with room for the form.
pub const FIGURES_BODY_LIMIT: usize = MAX_IMPORT_BYTES + 1024 * 1024;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The report as the caller may read it on its page; `Forbidden` when they may not read it yet
/// (an employee before it is accepted).
async fn readable_report(
    state: &ServerState,
    caller: &Caller,
    node_id: i64,
    year: i32,
) -> Result<(ReportAccess, EnvReportView), AppError> {
    let viewer = signed_in(state, caller).await?;
    caller.trail.update(|n| n.node_id = Some(node_id));
    let year = PlanYear::new(year).ok_or(AppError::NotFound)?.get();
    let access = ReportAccess::of(&state.app, &viewer, node_id).await?;
    let report = report_view(&state.app, &access, year).await?;
    if !report.visible {
        return Err(AppError::Forbidden);
    }
    Ok((access, report))
}

/// Serves the report's PDF.
pub async fn report_pdf(
    State(state): State<ServerState>,
    caller: Caller,
    Path((node_id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    let (_, report) = readable_report(&state, &caller, node_id, year).await?;
    let html = env_report_html(&report, state.app.clock.today());
    let bytes = state.pdf.render(html).await?;
    Ok(download(
        bytes,
        "application/pdf",
        &format!("{}.pdf", title(&report)),
        "private, no-store",
    ))
}

/// `…/{year}/sjukfranvaro.svg`: the report's sick leave by sex over five years.
pub async fn sick_leave_chart(
    State(state): State<ServerState>,
    caller: Caller,
    Path((node_id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    chart(&state, &caller, node_id, year, false).await
}

/// `…/{year}/sjukfranvaro-jamforelse.svg`: the node's total beside the level above's.
pub async fn sick_leave_above_chart(
    State(state): State<ServerState>,
    caller: Caller,
    Path((node_id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    chart(&state, &caller, node_id, year, true).await
}

/// A sick leave chart as SVG, for whoever may read the report on its page; 404 while no year
/// has a figure, or beside the level above at the top. Never cached: the figures may be saved
/// again.
async fn chart(
    state: &ServerState,
    caller: &Caller,
    node_id: i64,
    year: i32,
    beside_above: bool,
) -> Result<Response, AppError> {
    let viewer = signed_in(state, caller).await?;
    caller.trail.update(|n| n.node_id = Some(node_id));
    let year = PlanYear::new(year).ok_or(AppError::NotFound)?.get();
    let access = ReportAccess::of(&state.app, &viewer, node_id).await?;
    let history = readable_figures(&state.app, &access, year)
        .await?
        .sick_history
        .ok_or(AppError::NotFound)?;
    let node = access.grant.tree.name(node_id);
    let svg = if beside_above {
        above_chart(&history, &node).ok_or(AppError::NotFound)?
    } else {
        by_sex_chart(&history, &node)
    }
    .map_err(|e| AppError::internal("sick leave chart", e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        svg,
    )
        .into_response())
}

/// Serves every figure of the node and the nodes below it, this year and the year before, with
/// the sheet an import reads.
pub async fn figures_xlsx(
    State(state): State<ServerState>,
    caller: Caller,
    Path((node_id, year)): Path<(i64, i32)>,
) -> Result<Response, AppError> {
    let (access, report) = readable_report(&state, &caller, node_id, year).await?;
    let db = &state.app.db;
    let nodes = app::env_report::db::subtree_nodes(db, node_id, report.year).await?;
    let figures = app::env_report::db::template(db, access.org_id()).await?;
    let values = app::env_report::db::subtree_figures(db, node_id, report.year).await?;
    let sheets = figure_sheets(node_id, report.year, &nodes, &figures, &values);
    let bytes = tokio::task::spawn_blocking(move || workbook(&sheets))
        .await
        .map_err(|e| AppError::internal("figures workbook", e))?
        .map_err(|e| AppError::internal("figures workbook", e))?;
    let name = format!("Nyckeltal {} {}.xlsx", report.year, report.node_name);
    Ok(download(bytes, XLSX, &name, "private, no-store"))
}

/// The sheets as one workbook, headers bold and frozen, numbers as numbers.
fn workbook(sheets: &[FigureSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&s.name)?;
        for (c, header) in s.headers.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, header, &bold)?;
            sheet.set_column_width(c, if c < 2 { 28 } else { 18 })?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    SheetCell::Text(text) => {
                        sheet.write_string(r, c, text)?;
                    }
                    SheetCell::Number(n) => {
                        sheet.write_number(r, c, *n)?;
                    }
                    SheetCell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 2)?;
    }
    book.save_to_buffer()
}

/// `POST /enhet/{node}/arbetsmiljorapport/import` (multipart: `ar`, the year, and `fil`, one
/// CSV or XLSX file): for whoever writes the node's report. Goes on to the preview, or back to
/// the report with what is wrong with the file beside the upload.
pub async fn upload_figures(
    State(state): State<ServerState>,
    caller: Caller,
    Path(node_id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let viewer = signed_in(&state, &caller).await?;
    caller.trail.update(|n| n.node_id = Some(node_id));
    let access = ReportAccess::of(&state.app, &viewer, node_id).await?;
    if access.right != ReportRight::Write {
        tracing::warn!(
            person_id = viewer.user.id,
            node_id,
            "refused a figures import"
        );
        return Err(AppError::Forbidden);
    }
    let (year, file) = read_form(multipart).await;
    let year = year.and_then(PlanYear::new).map(PlanYear::get);
    let back = |year: Option<i32>, problem: &str| {
        let text = utf8_percent_encode(problem, NON_ALPHANUMERIC);
        let year = year.map(|y| format!("ar={y}&")).unwrap_or_default();
        Ok(Redirect::to(&format!(
            "/enhet/{node_id}/arbetsmiljorapport?{year}importfel={text}#import"
        ))
        .into_response())
    };
    let Some(year) = year else {
        return back(None, "Året saknas. Ladda upp filen från rapportens sida.");
    };
    let (name, bytes) = match file {
        Ok(Some(file)) => file,
        Ok(None) => return back(Some(year), "Välj filen med nyckeltalen."),
        Err(problem) => return back(Some(year), &problem),
    };
    let read_name = name.clone();
    let read = tokio::task::spawn_blocking(move || read_figures_file(&read_name, &bytes))
        .await
        .map_err(|e| AppError::internal("reading a figures file", e))?;
    let rows = match read {
        Ok(rows) => rows,
        Err(problem) => return back(Some(year), &problem.0),
    };
    let id = app::env_report::db::store_import(
        &state.app.db,
        node_id,
        year,
        viewer.user.id,
        &name,
        &rows,
        state.app.clock.now(),
    )
    .await?;
    Ok(Redirect::to(&format!("/enhet/{node_id}/arbetsmiljorapport/import/{id}")).into_response())
}

/// The form's year and file (its name and bytes; `None` when none was chosen).
async fn read_form(
    mut multipart: Multipart,
) -> (Option<i32>, Result<Option<(String, Vec<u8>)>, String>) {
    let too_large = || format!("Filen är större än {} MB.", MAX_IMPORT_BYTES / 1024 / 1024);
    let (mut year, mut file) = (None, None);
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return (year, Err(too_large())),
        };
        match field.name() {
            Some("ar") => year = field.text().await.ok().and_then(|t| t.trim().parse().ok()),
            Some("fil") => {
                let name = field.file_name().unwrap_or_default().to_string();
                let Ok(bytes) = field.bytes().await else {
                    return (year, Err(too_large()));
                };
                if !bytes.is_empty() {
                    file = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    (year, Ok(file))
}

/// The compliance overview's query string, as its page's address has it.
#[derive(serde::Deserialize, Default)]
pub struct ComplianceParams {
    ar: Option<String>,
    sortera: Option<String>,
    fallande: Option<String>,
    brister: Option<String>,
}

/// `/enhet/{node}/efterlevnad/efterlevnad.xlsx|csv`: the compliance overview as its page shows it (the same
/// query, the same check), for whoever reads the node's report drafts.
pub async fn compliance_export(
    State(state): State<ServerState>,
    caller: Caller,
    Path((node_id, file)): Path<(i64, String)>,
    axum::extract::Query(params): axum::extract::Query<ComplianceParams>,
) -> Result<Response, AppError> {
    use crate::export_tables::{csv, xlsx};

    let ext = match file.as_str() {
        "efterlevnad.xlsx" => "xlsx",
        "efterlevnad.csv" => "csv",
        _ => return Err(AppError::NotFound),
    };
    let viewer = signed_in(&state, &caller).await?;
    caller.trail.update(|n| n.node_id = Some(node_id));
    let on = |v: &Option<String>| v.as_deref() == Some("1");
    let query = app::compliance::ComplianceQuery {
        year: params.ar.as_deref().and_then(|y| y.parse().ok()),
        sort: params.sortera.filter(|s| !s.is_empty()),
        descending: on(&params.fallande),
        short_only: on(&params.brister),
        ..Default::default()
    };
    let view = app::compliance::build(&state.app, &viewer, node_id, &query).await?;
    let table = app::compliance::table(&view);
    let stem = format!("efterlevnad-{}-{}", node_id, view.year);
    let (bytes, kind) = match ext {
        "xlsx" => (
            xlsx(std::slice::from_ref(&table))
                .map_err(|e| AppError::internal("compliance export", e))?,
            XLSX,
        ),
        "csv" => (
            csv(&table).map_err(|e| AppError::internal("compliance export", e))?,
            "text/csv; charset=utf-8",
        ),
        _ => return Err(AppError::NotFound),
    };
    Ok(download(
        bytes,
        kind,
        &format!("{stem}.{ext}"),
        "private, no-store",
    ))
}
