//! Reading the HR system's export: one XLSX workbook with the sheets "Organisation" and
//! "Personer", or two CSV files (semicolon or comma separated, UTF-8), told apart by their
//! columns. What comes out is text rows for `domain::hr_import`; a file of the wrong shape is a
//! Swedish sentence saying what to change.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use serde::{Deserialize, Serialize};

use crate::domain::hr_import::{
    check_columns, rows_of, FileProblem, SheetRow, PERSON_COLUMNS, UNIT_COLUMNS,
};

/// The largest export read: a city's 4,000 units and 50,000 people are a few megabytes.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// The two tables of an export, as rows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportFile {
    /// The units' rows.
    pub units: Vec<SheetRow>,
    /// The people's rows.
    pub people: Vec<SheetRow>,
}

/// Which table a header belongs to.
fn table_kind(header: &[String]) -> Option<bool> {
    let has = |c: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(c));
    if has("Anställningsnummer") {
        Some(false)
    } else if has("Enhetskod") && has("Typ") {
        Some(true)
    } else {
        None
    }
}

/// Reads the uploaded files (name, bytes) into the export's two tables.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<ImportFile, FileProblem> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    for (name, bytes) in files {
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(FileProblem(format!(
                "Filen {name} är större än {} MB.",
                MAX_IMPORT_BYTES / 1024 / 1024
            )));
        }
        if bytes.starts_with(b"PK") {
            tables.extend(read_xlsx(name, bytes)?);
        } else {
            tables.push(read_csv(name, bytes)?);
        }
    }
    let mut file = ImportFile::default();
    let (mut units, mut people) = (false, false);
    for table in tables {
        let (header, rows) = rows_of(table);
        match table_kind(&header) {
            Some(true) if !units => {
                check_columns(&header, &UNIT_COLUMNS, "Organisationen")?;
                file.units = rows;
                units = true;
            }
            Some(false) if !people => {
                check_columns(&header, &PERSON_COLUMNS, "Personlistan")?;
                file.people = rows;
                people = true;
            }
            _ => {}
        }
    }
    match (units, people) {
        (true, true) => Ok(file),
        (false, _) => Err(FileProblem(format!(
            "Enheterna saknas. Lägg till bladet eller filen med kolumnerna {}.",
            UNIT_COLUMNS.join(", ")
        ))),
        (true, false) => Err(FileProblem(format!(
            "Personerna saknas. Lägg till bladet eller filen med kolumnerna {}.",
            PERSON_COLUMNS.join(", ")
        ))),
    }
}

/// A CSV file as text cells: UTF-8 (a byte order mark is fine), `;` or `,` between cells,
/// whichever the first line has more of.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, FileProblem> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(
        |_| {
            FileProblem(format!(
                "Filen {name} är inte en CSV-fil i UTF-8. Spara den som \"CSV UTF-8\" eller som \
                 Excel-arbetsbok (.xlsx)."
            ))
        },
    )?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_string).collect())
                .map_err(|e| FileProblem(format!("Filen {name} går inte att läsa som CSV: {e}.")))
        })
        .collect()
}

/// Every sheet of a workbook as text cells.
pub fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Vec<Vec<Vec<String>>>, FileProblem> {
    let unreadable = |e: calamine::XlsxError| {
        FileProblem(format!(
            "Filen {name} går inte att läsa som Excel-arbetsbok (.xlsx): {e}."
        ))
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(unreadable)?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(unreadable)?;
        tables.push(
            range
                .rows()
                .map(|row| row.iter().map(ToString::to_string).collect())
                .collect(),
        );
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_csv_files_are_told_apart_by_their_columns_in_any_order() {
        let people =
            "\u{feff}Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll\n1;a@b.se;A B;;K1;Chef\n";
        let units =
            "Enhetskod,Överordnad kod,Namn,Typ\nK,,Kommun,Förvaltning\nK1,K,\"Enhet, ett\",Enhet\n";
        let file = read_files(&[
            ("personer.csv".into(), people.as_bytes().to_vec()),
            ("enheter.csv".into(), units.as_bytes().to_vec()),
        ])
        .unwrap();
        assert_eq!(file.units.len(), 2);
        assert_eq!(file.units[1].cells["Namn"], "Enhet, ett");
        assert_eq!(file.people[0].cells["E-post"], "a@b.se");
        assert_eq!(file.people[0].line, 2);
    }

    #[test]
    fn a_file_of_the_wrong_shape_says_what_is_missing() {
        let units = "Enhetskod;Namn;Typ\nK;Kommun;Förvaltning\n";
        let problem = read_files(&[("e.csv".into(), units.as_bytes().to_vec())]).unwrap_err();
        assert!(problem.0.contains("Överordnad kod"), "{}", problem.0);
        let only_units = "Enhetskod;Överordnad kod;Namn;Typ\n";
        let problem = read_files(&[("e.csv".into(), only_units.as_bytes().to_vec())]).unwrap_err();
        assert!(problem.0.starts_with("Personerna saknas"), "{}", problem.0);
        let latin1 = b"Enhetskod;\xd6verordnad kod\n".to_vec();
        let problem = read_files(&[("e.csv".into(), latin1)]).unwrap_err();
        assert!(problem.0.contains("UTF-8"), "{}", problem.0);
    }

    #[test]
    fn a_workbook_with_both_sheets_is_read() {
        use rust_xlsxwriter::Workbook;
        let mut book = Workbook::new();
        let units = book.add_worksheet();
        units.set_name("Organisation").unwrap();
        for (col, head) in UNIT_COLUMNS.iter().enumerate() {
            units.write_string(0, col as u16, *head).unwrap();
        }
        units.write_string(1, 0, "K").unwrap();
        units.write_string(1, 2, "Kommunen").unwrap();
        units.write_string(1, 3, "Förvaltning").unwrap();
        let people = book.add_worksheet();
        people.set_name("Personer").unwrap();
        for (col, head) in PERSON_COLUMNS.iter().enumerate() {
            people.write_string(0, col as u16, *head).unwrap();
        }
        people.write_number(1, 0, 4711.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let file = read_files(&[("hr.xlsx".into(), bytes)]).unwrap();
        assert_eq!(file.units[0].cells["Namn"], "Kommunen");
        assert_eq!(file.people[0].cells["Anställningsnummer"], "4711");
    }
}
