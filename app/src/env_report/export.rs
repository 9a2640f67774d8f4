//! Every figure per node as sheets for the XLSX download: a sheet per year with a row per node
//! of the subtree (the tree's order, each node's own staff) and a column per figure, then the
//! sheet "Import" in the columns an import reads, one row per node and entered figure, so the
//! file filled in and uploaded again is an import.

use std::collections::HashMap;

use crate::domain::env_report::import::{full_label, IMPORT_COLUMNS};
use crate::domain::env_report::{FigureDef, FigureKind};

use super::db::{NodeFigureRow, SubtreeNode};

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetCell {
    /// Text.
    Text(String),
    /// A number, for the spreadsheet to count with.
    Number(f64),
    /// Nothing reported.
    Empty,
}

/// One sheet of the workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSheet {
    /// The sheet's name.
    pub name: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<SheetCell>>,
}

/// The nodes in the tree's order: `root` first, each node followed by those below it, siblings
/// by name (`nodes` come sorted by name).
pub fn tree_order(root: i64, nodes: &[SubtreeNode]) -> Vec<&SubtreeNode> {
    let mut children: HashMap<Option<i64>, Vec<&SubtreeNode>> = HashMap::new();
    for node in nodes.iter().filter(|n| n.id != root) {
        children.entry(node.parent_id).or_default().push(node);
    }
    let mut ordered = Vec::with_capacity(nodes.len());
    let mut stack: Vec<&SubtreeNode> = nodes.iter().filter(|n| n.id == root).collect();
    while let Some(node) = stack.pop() {
        ordered.push(node);
        if let Some(below) = children.get(&Some(node.id)) {
            stack.extend(below.iter().rev());
        }
    }
    ordered
}

fn number(hundredths: i64) -> SheetCell {
    // Hundredths of at most 10^13 are exact in a double.
    #[allow(clippy::cast_precision_loss)]
    SheetCell::Number(hundredths as f64 / 100.0)
}

/// A node's value of `figure`: its own, or for a sum the sum of the parts it has.
fn value_of(figure: &FigureDef, own: Option<&HashMap<&str, i64>>) -> SheetCell {
    let Some(own) = own else {
        return SheetCell::Empty;
    };
    match &figure.kind {
        FigureKind::Sum { of } => {
            let parts: Vec<i64> = of
                .iter()
                .filter_map(|p| own.get(p.as_str()).copied())
                .collect();
            if parts.is_empty() {
                SheetCell::Empty
            } else {
                number(parts.iter().sum())
            }
        }
        _ => own
            .get(figure.code.as_str())
            .map_or(SheetCell::Empty, |v| number(*v)),
    }
}

/// The workbook's sheets for the report on `year` of `root`: `nodes` its subtree, `figures` the
/// organisation's template, `values` every node's own figures of `year` and the year before.
pub fn figure_sheets(
    root: i64,
    year: i32,
    nodes: &[SubtreeNode],
    figures: &[FigureDef],
    values: &[NodeFigureRow],
) -> Vec<FigureSheet> {
    let ordered = tree_order(root, nodes);
    let mut by_year: HashMap<(i32, i64), HashMap<&str, i64>> = HashMap::new();
    for v in values {
        by_year
            .entry((v.year, v.node_id))
            .or_default()
            .insert(v.code.as_str(), v.value);
    }
    let text = |s: &str| SheetCell::Text(s.to_string());
    let code_of = |n: &SubtreeNode| n.code.clone().unwrap_or_default();
    let mut sheets: Vec<FigureSheet> = [year, year - 1]
        .into_iter()
        .map(|y| FigureSheet {
            name: format!("Nyckeltal {y}"),
            headers: ["Enhet", "Enhetskod"]
                .into_iter()
                .map(str::to_string)
                .chain(figures.iter().map(full_label))
                .collect(),
            rows: ordered
                .iter()
                .map(|n| {
                    let own = by_year.get(&(y, n.id));
                    [text(&n.name), text(&code_of(n))]
                        .into_iter()
                        .chain(figures.iter().map(|f| value_of(f, own)))
                        .collect()
                })
                .collect(),
        })
        .collect();
    let entered: Vec<&FigureDef> = figures.iter().filter(|f| f.kind.entered()).collect();
    sheets.push(FigureSheet {
        name: "Import".into(),
        headers: IMPORT_COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows: ordered
            .iter()
            .flat_map(|n| {
                let own = by_year.get(&(year, n.id));
                entered.iter().map(move |f| {
                    vec![
                        SheetCell::Text(code_of(n)),
                        SheetCell::Text(n.name.clone()),
                        SheetCell::Number(f64::from(year)),
                        SheetCell::Text(f.code.clone()),
                        SheetCell::Text(full_label(f)),
                        value_of(f, own),
                    ]
                })
            })
            .collect(),
    });
    sheets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::env_report::default_figures;

    fn node(id: i64, parent: Option<i64>, name: &str) -> SubtreeNode {
        SubtreeNode {
            id,
            parent_id: parent,
            name: name.into(),
            code: (id == 2).then(|| "AO-1".to_string()),
            status: None,
        }
    }

    #[test]
    fn every_node_has_its_row_in_the_trees_order_and_the_import_sheet_reads_back() {
        let nodes = vec![
            node(3, Some(1), "Bo"),
            node(4, Some(3), "Ceder"),
            node(1, None, "Förvaltningen"),
            node(2, Some(1), "Solgården"),
        ];
        let names: Vec<&str> = tree_order(1, &nodes)
            .iter()
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(names, ["Förvaltningen", "Bo", "Ceder", "Solgården"]);
        let row = |node_id, year, code: &str, value| NodeFigureRow {
            node_id,
            year,
            code: code.into(),
            value,
        };
        let values = [
            row(2, 2025, "sick_total", 770),
            row(2, 2025, "overtime_hours", 1000),
            row(2, 2025, "extra_hours", 550),
            row(2, 2024, "sick_total", 850),
        ];
        let figures = default_figures();
        let sheets = figure_sheets(1, 2025, &nodes, &figures, &values);
        assert_eq!(
            sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Nyckeltal 2025", "Nyckeltal 2024", "Import"]
        );
        let this = &sheets[0];
        let column = |label: &str| this.headers.iter().position(|h| h == label).unwrap();
        let solgarden = &this.rows[3];
        assert_eq!(solgarden[1], SheetCell::Text("AO-1".into()));
        assert_eq!(
            solgarden[column("Sjukfrånvaro: Total sjukfrånvaro")],
            SheetCell::Number(7.7)
        );
        assert_eq!(
            solgarden[column("Övertid och mertid: Summa")],
            SheetCell::Number(15.5)
        );
        assert_eq!(
            this.rows[0][column("Sjukfrånvaro: Total sjukfrånvaro")],
            SheetCell::Empty
        );
        let import = &sheets[2];
        let entered = figures.iter().filter(|f| f.kind.entered()).count();
        assert_eq!(import.rows.len(), 4 * entered);
        assert!(import.rows.iter().any(
            |r| r[3] == SheetCell::Text("sick_total".into()) && r[5] == SheetCell::Number(7.7)
        ));
    }
}
