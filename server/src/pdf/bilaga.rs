//! A bilaga of frozen unit results as a print document: the protocol it belongs to ("Bilaga 2
//! till protokoll, Socialförvaltningens förvaltningsgrupp, måndag 21 september 2026"), its
//! title, and each of its tables in full, landscape, with the header row repeated on every page.

use maud::{html, Markup};

use app::cooperation::{BilagaView, CoopProtocolView};
use app::exports::tables::Table;

use super::parts::{data_table, document, full_day, LANDSCAPE};

/// The whole document: HTML with its styles inline; `before` (a chart and its totals) stands
/// between the title and the tables.
pub fn bilaga_html(
    protocol: &CoopProtocolView,
    bilaga: &BilagaView,
    tables: &[Table],
    before: Option<Markup>,
) -> String {
    let body = html! {
        p.org {
            "Bilaga " (bilaga.number) " till protokoll, " (protocol.group_name) ", "
            (full_day(protocol.date))
        }
        h1 { (bilaga.title) }
        @if let Some(before) = before { (before) }
        @for table in tables {
            h2 { (table.name) }
            (data_table(table))
        }
    };
    document(
        &format!("Bilaga {}: {}", bilaga.number, bilaga.title),
        LANDSCAPE,
        body,
    )
}

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
        let html = bilaga_html(&protocol, &bilaga, &tables, None);
        assert!(html.contains(
            "Bilaga 2 till protokoll, Socialförvaltningens förvaltningsgrupp, måndag 21 september 2026"
        ));
        assert!(html.contains("&lt;b&gt;Bra&lt;/b&gt;"));
        assert!(html.contains("Inget att redovisa."));
    }
}
