//! What every print document shares: the page around its body (styles inline, Swedish), the
//! Swedish way of writing days and times, paragraphs from typed text, and a wide table whose
//! header row repeats on every page.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use app::exports::tables::Table;

/// The whole document: `body` on A4 pages with [`super::PRINT_CSS`] and `extra_css` inline, so
/// the engine loads nothing else.
pub fn document(title: &str, extra_css: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped(super::PRINT_CSS)) (PreEscaped(extra_css)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// The day as a Swedish document writes it: "onsdag 27 maj 2026".
pub fn full_day(day: NaiveDate) -> String {
    format!(
        "{} {}",
        app::domain::swedish_calendar::weekday_and_date(day),
        day.format("%Y")
    )
}

/// A time of day: "10.30".
pub fn clock(time: NaiveTime) -> String {
    time.format("%H.%M").to_string()
}

/// A moment: "måndag 8 juni 2026 kl. 09.05".
pub fn moment(at: NaiveDateTime) -> String {
    format!("{} kl. {}", full_day(at.date()), clock(at.time()))
}

/// Typed text as paragraphs: a blank line starts a new one.
pub fn paragraphs(text: &str) -> Markup {
    html! {
        @for paragraph in text.split("\n\n").filter(|s| !s.trim().is_empty()) {
            p { (paragraph.trim()) }
        }
    }
}

/// Wide tables print across a landscape page in smaller type (`table.data` itself, with its
/// header row on every page, is in `print.css`).
pub const LANDSCAPE: &str = "@page { size: A4 landscape; } table.data { font-size: 7.5pt; }";

/// A table in full, or "Inget att redovisa." when it has no rows.
pub fn data_table(table: &Table) -> Markup {
    html! {
        @if table.rows.is_empty() {
            p { "Inget att redovisa." }
        } @else {
            table.data {
                thead { tr { @for h in &table.headers { th { (h) } } } }
                tbody {
                    @for row in &table.rows {
                        tr { @for cell in row { td { (cell) } } }
                    }
                }
            }
        }
    }
}
