//! A bilaga of frozen unit results as a print document: the protocol it belongs to ("Bilaga 2
//! till protokoll, Socialförvaltningens förvaltningsgrupp, måndag 21 september 2026"), its
//! title, and each of its tables in full, landscape, with the header row repeated on every page.

use maud::{html, PreEscaped, DOCTYPE};

use app::cooperation::{BilagaView, CoopProtocolView};
use app::domain::swedish_calendar::weekday_and_date;
use app::exports::tables::Table;

/// The whole document: HTML with its styles inline.
pub fn bilaga_html(protocol: &CoopProtocolView, bilaga: &BilagaView, tables: &[Table]) -> String {
    let day = format!(
        "{} {}",
        weekday_and_date(protocol.date),
        protocol.date.format("%Y")
    );
    let markup = html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                title { "Bilaga " (bilaga.number) ": " (bilaga.title) }
                style { (PreEscaped(super::PRINT_CSS)) (PreEscaped(LANDSCAPE)) }
            }
            body {
                p.org {
                    "Bilaga " (bilaga.number) " till protokoll, " (protocol.group_name) ", " (day)
                }
                h1 { (bilaga.title) }
                @for table in tables {
                    h2 { (table.name) }
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
        }
    };
    markup.into_string()
}

/// Wide tables print across the page, each cell wrapping.
const LANDSCAPE: &str = "@page { size: A4 landscape; }
table.data { border-collapse: collapse; width: 100%; font-size: 8pt; }
table.data th, table.data td { border: 0.5pt solid #777; padding: 1mm 1.5mm; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; }";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use app::domain::cooperation::bilagor::BilagaKind;

    #[test]
    fn a_bilaga_names_its_protocol_and_escapes_every_cell() {
        let protocol = CoopProtocolView {
            group_name: "Socialförvaltningens förvaltningsgrupp".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 9, 21).unwrap(),
            ..super::super::sample_protocol()
        };
        let bilaga = BilagaView {
            id: 7,
            number: 2,
            item_id: 3,
            kind: BilagaKind::Sam,
            title: "Uppföljning av det systematiska arbetsmiljöarbetet 2026, Socialförvaltningen"
                .into(),
        };
        let tables = vec![
            Table {
                name: "Analys".into(),
                headers: vec!["Enhet".into(), "Analys".into()],
                rows: vec![vec!["Hemtjänst Norr".into(), "<b>Bra</b>".into()]],
            },
            Table {
                name: "Enheter".into(),
                headers: vec!["Enhet".into()],
                rows: Vec::new(),
            },
        ];
        let html = bilaga_html(&protocol, &bilaga, &tables);
        assert!(html.contains(
            "Bilaga 2 till protokoll, Socialförvaltningens förvaltningsgrupp, måndag 21 september 2026"
        ));
        assert!(html.contains("&lt;b&gt;Bra&lt;/b&gt;"));
        assert!(html.contains("Inget att redovisa."));
    }
}
