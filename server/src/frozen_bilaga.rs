//! A protocol's frozen bilaga as the download and the archive give it: its print document (HTML
//! for the PDF engine) and its sheets (XLSX). Unit results are stored as their tables; the
//! occupational health service's statistics as their figures, from which the tables, the totals
//! and the chart are drawn the same way every time.

use maud::html;

use app::cooperation::{BilagaView, CoopProtocolView};
use app::domain::cooperation::bilagor::BilagaKind;
use app::domain::health_service::{tkr, HealthBilaga};
use app::domain::health_service_tables::health_tables;
use app::error::AppError;
use app::exports::tables::Table;

use crate::health_chart::month_chart;
use crate::pdf::bilaga::bilaga_html;

/// A frozen bilaga made ready: the print document and the sheets.
pub struct Frozen {
    /// The HTML the PDF engine renders.
    pub html: String,
    /// The sheets of its XLSX.
    pub sheets: Vec<Table>,
}

/// Makes the frozen bilaga `bilaga` of `protocol` from what was stored (`stored`, JSON).
pub fn frozen(
    protocol: &CoopProtocolView,
    bilaga: &BilagaView,
    stored: Option<&str>,
) -> Result<Frozen, AppError> {
    let stored = stored.unwrap_or("[]");
    if bilaga.kind != BilagaKind::HealthService {
        let sheets: Vec<Table> = serde_json::from_str(stored)
            .map_err(|e| AppError::internal("bilaga tables", e.to_string()))?;
        let html = bilaga_html(protocol, bilaga, &sheets, None);
        return Ok(Frozen { html, sheets });
    }
    let figures: HealthBilaga = serde_json::from_str(stored)
        .map_err(|e| AppError::internal("health service bilaga", e.to_string()))?;
    let chart = month_chart(&figures.this, figures.last.as_ref())
        .map_err(|e| AppError::internal("health service chart", e))?;
    let sheets = health_sheets(&figures);
    let before = html! {
        p { "Leverantör: " (figures.this.provider) }
        ul.totals {
            @for f in std::iter::once(&figures.this).chain(figures.last.as_ref()) {
                li { "Totalt " (f.year) ": " (tkr(f.months_total())) " tkr" }
            }
        }
        figure.chart { (maud::PreEscaped(chart)) }
    };
    let html = bilaga_html(protocol, bilaga, &sheets, Some(before));
    Ok(Frozen { html, sheets })
}

/// The statistics' tables under names a sheet can carry (at most 31 characters).
pub fn health_sheets(figures: &HealthBilaga) -> Vec<Table> {
    let years: Vec<i32> = std::iter::once(figures.this.year)
        .chain(figures.last.as_ref().map(|l| l.year))
        .collect();
    health_tables(&figures.this, figures.last.as_ref())
        .into_iter()
        .enumerate()
        .map(|(i, t)| Table {
            name: match i {
                0 => "Nyttjande per månad (tkr)".to_string(),
                _ => format!(
                    "Uppdragsområden {} (tkr)",
                    years.get(i - 1).copied().unwrap_or(figures.this.year)
                ),
            },
            headers: t.headers,
            rows: t.rows,
        })
        .collect()
}
