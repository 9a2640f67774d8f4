//! Key figures from outside (the incident system, payroll, the HR system) as a file: one row per
//! node and figure, in the columns the report's own XLSX export writes, so an export filled in
//! is an import. The plan says, before anything is written, what each row would set and why each
//! rejected row is rejected; a file with any rejected row is not applied at all, so a report is
//! never half-imported.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::figures::{FigureDef, FigureKind};
use super::values::{parse_value, show_value};
use crate::domain::hr_import::SheetRow;

/// The columns of an import, in the order the export writes them. "Enhet" and "Nyckeltal" are
/// there for the person filling it in; a node without a code is found by its name.
pub const IMPORT_COLUMNS: [&str; 6] = ["Enhetskod", "Enhet", "År", "Kod", "Nyckeltal", "Värde"];

/// The columns a file must have.
pub const NEEDED_COLUMNS: [&str; 4] = ["Enhet", "År", "Kod", "Värde"];

/// The figure's name in full, as a column or a row of a file shows it: "Sjukfrånvaro: Kort
/// sjukfrånvaro (0-14 dagar), Kvinnor".
pub fn full_label(figure: &FigureDef) -> String {
    let section = figure.section.title();
    if figure.group.is_empty() {
        format!("{section}: {}", figure.label)
    } else {
        format!("{section}: {}, {}", figure.group, figure.label)
    }
}

/// A node an import may name, as the organisation has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNode {
    /// The node.
    pub id: i64,
    /// The HR system's code, when it has one.
    pub code: Option<String>,
    /// Its name.
    pub name: String,
    /// Whether its report on the year may still change (not begun, a draft or returned).
    pub writable: bool,
}

/// One value the import would set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedValue {
    /// The line in the file.
    pub line: usize,
    /// The node.
    pub node_id: i64,
    /// The node's name.
    pub node_name: String,
    /// The figure's code.
    pub code: String,
    /// The figure's name in full.
    pub label: String,
    /// In hundredths.
    pub value: i64,
    /// As shown ("7,7").
    pub shown: String,
}

/// A row the import leaves out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// The line in the file.
    pub line: usize,
    /// What is wrong, as a Swedish sentence.
    pub reason: String,
}

/// What a file would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresImportPlan {
    /// The values it sets, in the file's order.
    pub values: Vec<ImportedValue>,
    /// The rows it rejects.
    pub rejected: Vec<RejectedRow>,
    /// Rows without a value, which change nothing.
    pub empty: usize,
}

impl FiguresImportPlan {
    /// Whether it may be applied: something to set and no row rejected.
    pub fn applicable(&self) -> bool {
        !self.values.is_empty() && self.rejected.is_empty()
    }
}

/// Plans the import of `rows` into the figures of `year` for `nodes` (the node imported for and
/// everything below it), by the organisation's `figures`.
pub fn plan_figures_import(
    rows: &[SheetRow],
    nodes: &[ImportNode],
    figures: &[FigureDef],
    year: i32,
) -> FiguresImportPlan {
    let by_code: HashMap<&str, &ImportNode> = nodes
        .iter()
        .filter_map(|n| n.code.as_deref().map(|c| (c, n)))
        .collect();
    let mut by_name: HashMap<String, Vec<&ImportNode>> = HashMap::new();
    for node in nodes {
        by_name
            .entry(node.name.trim().to_lowercase())
            .or_default()
            .push(node);
    }
    let mut plan = FiguresImportPlan::default();
    let mut seen: HashMap<(i64, String), usize> = HashMap::new();
    for row in rows {
        let reject = |reason: String| RejectedRow {
            line: row.line,
            reason,
        };
        let typed = row.cell("Värde");
        if typed.is_empty() {
            plan.empty += 1;
            continue;
        }
        let node = match find_node(row, &by_code, &by_name) {
            Ok(node) => node,
            Err(reason) => {
                plan.rejected.push(reject(reason));
                continue;
            }
        };
        match read_value(row, node, figures, year) {
            Ok((figure, value)) => {
                let key = (node.id, figure.code.clone());
                if let Some(first) = seen.get(&key) {
                    plan.rejected.push(reject(format!(
                        "{} för {} står redan på rad {first}.",
                        figure.label, node.name
                    )));
                    continue;
                }
                seen.insert(key, row.line);
                plan.values.push(ImportedValue {
                    line: row.line,
                    node_id: node.id,
                    node_name: node.name.clone(),
                    code: figure.code.clone(),
                    label: full_label(figure),
                    value,
                    shown: show_value(value, &figure.kind),
                });
            }
            Err(reason) => plan.rejected.push(reject(reason)),
        }
    }
    plan
}

/// The node a row names: by its code, or, for a row without one, by a name only one node has.
fn find_node<'a>(
    row: &SheetRow,
    by_code: &HashMap<&str, &'a ImportNode>,
    by_name: &HashMap<String, Vec<&'a ImportNode>>,
) -> Result<&'a ImportNode, String> {
    let code = row.cell("Enhetskod");
    let name = row.cell("Enhet");
    if !code.is_empty() {
        return by_code.get(code).copied().ok_or_else(|| {
            format!("Enhetskoden {code} finns inte bland enheterna som rapporten omfattar.")
        });
    }
    if name.is_empty() {
        return Err("Raden saknar både enhetskod och enhet.".into());
    }
    match by_name.get(&name.to_lowercase()).map(Vec::as_slice) {
        Some([node]) => Ok(node),
        Some([_, _, ..]) => Err(format!(
            "Flera enheter heter {name}. Skriv enhetskoden i stället."
        )),
        _ => Err(format!(
            "Enheten {name} finns inte bland enheterna som rapporten omfattar."
        )),
    }
}

/// The figure and value of a row for `node`, or why they cannot be imported.
fn read_value<'f>(
    row: &SheetRow,
    node: &ImportNode,
    figures: &'f [FigureDef],
    year: i32,
) -> Result<(&'f FigureDef, i64), String> {
    let typed_year = row.cell("År");
    if typed_year.trim_end_matches(".0") != year.to_string() {
        return Err(format!(
            "Året är {}, men importen gäller {year}.",
            if typed_year.is_empty() {
                "tomt"
            } else {
                typed_year
            }
        ));
    }
    let code = row.cell("Kod");
    let Some(figure) = figures.iter().find(|f| f.code == code) else {
        return Err(if code.is_empty() {
            "Raden saknar nyckeltalets kod.".to_string()
        } else {
            format!("Nyckeltalet {code} finns inte i rapportens mall.")
        });
    };
    if let FigureKind::Sum { .. } = figure.kind {
        return Err(format!(
            "{} räknas fram av sina delar och importeras inte.",
            figure.label
        ));
    }
    if !node.writable {
        return Err(format!(
            "Rapporten för {} är inskickad, så dess nyckeltal ändras inte längre.",
            node.name
        ));
    }
    match parse_value(row.cell("Värde"), &figure.kind) {
        Ok(Some(value)) => Ok((figure, value)),
        Ok(None) => Err("Värdet saknas.".into()),
        Err(message) => Err(format!("{}: {message}", figure.label)),
    }
}

/// A node's figures after the import: what it had, with the imported values over them.
pub fn merged(own: &HashMap<String, i64>, imported: &[&ImportedValue]) -> HashMap<String, i64> {
    let mut values = own.clone();
    for value in imported {
        values.insert(value.code.clone(), value.value);
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::env_report::default_figures;
    use std::collections::BTreeMap;

    fn row(line: usize, cells: &[(&str, &str)]) -> SheetRow {
        SheetRow {
            line,
            cells: cells
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    fn nodes() -> Vec<ImportNode> {
        let node = |id, code: Option<&str>, name: &str, writable| ImportNode {
            id,
            code: code.map(str::to_string),
            name: name.into(),
            writable,
        };
        vec![
            node(1, Some("AO"), "Äldreomsorgen", true),
            node(2, Some("AO-1"), "Solgården", true),
            node(3, None, "Hemtjänst Norr", true),
            node(4, None, "Köket", true),
            node(5, None, "Köket", true),
            node(6, Some("AO-9"), "Ekbacken", false),
        ]
    }

    #[test]
    fn rows_are_read_by_code_or_unique_name_and_shown_as_the_report_shows_them() {
        let rows = [
            row(
                2,
                &[
                    ("Enhetskod", "AO-1"),
                    ("År", "2025"),
                    ("Kod", "sick_total"),
                    ("Värde", "7,7"),
                ],
            ),
            row(
                3,
                &[
                    ("Enhet", "hemtjänst norr"),
                    ("År", "2025.0"),
                    ("Kod", "injuries"),
                    ("Värde", "12"),
                ],
            ),
            row(
                4,
                &[
                    ("Enhet", "Solgården"),
                    ("År", "2025"),
                    ("Kod", "incidents"),
                    ("Värde", ""),
                ],
            ),
        ];
        let plan = plan_figures_import(&rows, &nodes(), &default_figures(), 2025);
        assert_eq!(plan.rejected, vec![]);
        assert_eq!(plan.empty, 1);
        assert!(plan.applicable());
        let first = &plan.values[0];
        assert_eq!(
            (first.node_id, first.value, first.shown.as_str()),
            (2, 770, "7,7")
        );
        assert_eq!(first.label, "Sjukfrånvaro: Total sjukfrånvaro");
        assert_eq!((plan.values[1].node_id, plan.values[1].value), (3, 1200));
    }

    #[test]
    fn every_rejected_row_says_why_and_the_file_is_not_applied() {
        let r = |line, unit: (&str, &str), year, code, value| {
            row(line, &[unit, ("År", year), ("Kod", code), ("Värde", value)])
        };
        let rows = [
            r(2, ("Enhetskod", "XX"), "2025", "injuries", "1"),
            r(3, ("Enhet", "Köket"), "2025", "injuries", "1"),
            r(4, ("Enhetskod", "AO"), "2024", "injuries", "1"),
            r(5, ("Enhetskod", "AO"), "2025", "okänd", "1"),
            r(6, ("Enhetskod", "AO"), "2025", "sick_total", "101"),
            r(7, ("Enhetskod", "AO"), "2025", "injuries", "-3"),
            r(8, ("Enhetskod", "AO"), "2025", "injuries", "sju"),
            r(9, ("Enhetskod", "AO-9"), "2025", "injuries", "1"),
            r(10, ("Enhetskod", "AO"), "2025", "working_hours_sum", "1"),
            r(11, ("Enhetskod", "AO"), "2025", "incidents", "4"),
            r(12, ("Enhet", "Äldreomsorgen"), "2025", "incidents", "5"),
        ];
        let plan = plan_figures_import(&rows, &nodes(), &default_figures(), 2025);
        let reasons: Vec<(usize, &str)> = plan
            .rejected
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 10, "{reasons:#?}");
        assert!(reasons[0].1.contains("Enhetskoden XX finns inte"));
        assert!(reasons[1].1.contains("Flera enheter heter Köket"));
        assert!(reasons[2].1.contains("Året är 2024"));
        assert!(reasons[3].1.contains("Nyckeltalet okänd finns inte"));
        assert!(reasons[4].1.contains("mer än 100 procent"));
        assert!(reasons[5].1.contains("negativt"));
        assert!(reasons[6].1.contains("Skriv ett tal"));
        assert!(reasons[7].1.contains("Ekbacken är inskickad"));
        assert!(reasons[8].1.contains("räknas fram"));
        assert_eq!(reasons[9].0, 12);
        assert!(reasons[9].1.contains("står redan på rad 11"));
        assert_eq!(plan.values.len(), 1);
        assert!(!plan.applicable());
    }

    #[test]
    fn imported_values_go_over_what_the_node_had() {
        let own = HashMap::from([
            ("injuries".to_string(), 100),
            ("incidents".to_string(), 200),
        ]);
        let value = ImportedValue {
            line: 2,
            node_id: 1,
            node_name: "Äldreomsorgen".into(),
            code: "incidents".into(),
            label: String::new(),
            value: 500,
            shown: "5".into(),
        };
        let after = merged(&own, &[&value]);
        assert_eq!((after["injuries"], after["incidents"]), (100, 500));
    }
}
