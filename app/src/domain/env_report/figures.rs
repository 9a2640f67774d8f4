//! The report's key figures: the seed's template (seed 004's tables, word for word) and the
//! figures an organisation adds, each with how it rolls up from the nodes below: counts and
//! hours add up, a percent is weighted by its basis (sick leave by the hours worked, turnover
//! by the number employed), never averaged, and a sum is computed from its parts.

use serde::{Deserialize, Serialize};

use super::sections::Section;

/// How a figure is kept, shown and rolled up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureKind {
    /// A number of events or people, whole: summed.
    Count,
    /// Hours: summed.
    Hours,
    /// A percent with one decimal ("7,7"), weighted by the figure `basis` of the same node.
    Percent {
        /// The code of the figure that weighs it.
        basis: String,
    },
    /// The sum of other figures of the same node ("Summa"), computed, never entered.
    Sum {
        /// The codes of the figures it adds.
        of: Vec<String>,
    },
    /// What a percent is weighted by (hours worked, people employed): entered and summed,
    /// shown as the basis of the figures it weighs rather than in the seed's tables.
    Basis,
}

impl FigureKind {
    /// Whether a person types the figure (a sum is computed).
    pub fn entered(&self) -> bool {
        !matches!(self, FigureKind::Sum { .. })
    }

    /// The code stored for a figure the organisation adds: `count`, `hours` or `percent`.
    pub fn code(&self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Hours => "hours",
            FigureKind::Percent { .. } => "percent",
            FigureKind::Sum { .. } => "sum",
            FigureKind::Basis => "basis",
        }
    }
}

/// One key figure of the template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureDef {
    /// The code its values are stored under.
    pub code: String,
    /// The section whose table shows it.
    pub section: Section,
    /// The sub-heading it stands under in the table ("Kort sjukfrånvaro (0-14 dagar)"), or "".
    pub group: String,
    /// The row's label, as the seed writes it.
    pub label: String,
    /// How it is kept and rolled up.
    pub kind: FigureKind,
}

/// A figure the organisation adds as it is stored: its kind's code (`count`, `hours`,
/// `percent`) and, for a percent, the basis it is weighted by. `None` for a kind no form offers.
pub fn added_kind(kind: &str, basis: &str) -> Option<FigureKind> {
    match kind {
        "count" => Some(FigureKind::Count),
        "hours" => Some(FigureKind::Hours),
        "percent" => Some(FigureKind::Percent {
            basis: basis.to_string(),
        }),
        _ => None,
    }
}

/// How a section's table of figures is headed: seed 004's caption ("Tabell sjukfrånvaro"),
/// its first column's heading, and whether its figures are rolling twelve months (R12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureTable {
    /// "Tabell sjukfrånvaro".
    pub caption: &'static str,
    /// "Sjukfrånvaro".
    pub heading: &'static str,
    /// Whether the columns are "R12 2025-12" rather than the year.
    pub rolling: bool,
}

/// The table of figures of `section`, as the seed heads it (a section without one in the seed
/// takes its title, for figures an organisation adds there).
pub fn figure_table(section: Section) -> FigureTable {
    match section {
        Section::Injuries => FigureTable {
            caption: "Tabell arbetsskador och tillbud",
            heading: "Arbetsskador och tillbud",
            rolling: false,
        },
        Section::SickLeave => FigureTable {
            caption: "Tabell sjukfrånvaro",
            heading: "Sjukfrånvaro",
            rolling: true,
        },
        Section::Turnover => FigureTable {
            caption: "Tabell personalomsättning",
            heading: "Personalomsättning (externa)",
            rolling: true,
        },
        Section::Overtime => FigureTable {
            caption: "Tabell övertid och mertid",
            heading: "Arbetstid (timmar)",
            rolling: true,
        },
        other => FigureTable {
            caption: "Tabell",
            heading: other.title(),
            rolling: false,
        },
    }
}

/// The three value columns' headings for the report of `year`: "R12 2025-12", "R12 2024-12",
/// "Skillnad" for rolling figures, else "2025", "Föregående år", "Skillnad".
pub fn column_headings(table: &FigureTable, year: i32) -> [String; 3] {
    if table.rolling {
        [
            format!("R12 {year}-12"),
            format!("R12 {}-12", year - 1),
            "Skillnad".to_string(),
        ]
    } else {
        [
            year.to_string(),
            "Föregående år".to_string(),
            "Skillnad".to_string(),
        ]
    }
}

/// The template's figures whose basis or parts are missing from it: none for a sound template,
/// so a figure added with an unknown basis is caught before it is kept.
pub fn broken_references(figures: &[FigureDef]) -> Vec<&str> {
    let known = |code: &str| figures.iter().any(|f| f.code == code);
    figures
        .iter()
        .filter(|f| match &f.kind {
            FigureKind::Percent { basis } => !figures
                .iter()
                .any(|b| &b.code == basis && b.kind == FigureKind::Basis),
            FigureKind::Sum { of } => !of.iter().all(|p| known(p)),
            _ => false,
        })
        .map(|f| f.code.as_str())
        .collect()
}

/// A figure the organisation adds, as its form posts it, checked against its template: a
/// section, an optional sub-heading, a label unique under them, what it counts and, for a
/// percent, the basis it is weighted by. Each problem names its field.
pub fn check_new_figure(
    section: &str,
    group: &str,
    label: &str,
    kind: &str,
    basis: &str,
    template: &[FigureDef],
) -> Result<FigureDef, crate::domain::form_input::FieldProblem> {
    use crate::domain::form_input::problem;

    let section =
        Section::from_code(section).ok_or_else(|| problem("section", "Välj ett avsnitt."))?;
    let (group, label) = (group.trim(), label.trim());
    if group.chars().count() > 120 {
        return Err(problem("group", "Underrubriken får vara högst 120 tecken."));
    }
    if label.is_empty() {
        return Err(problem("label", "Skriv nyckeltalets namn."));
    }
    if label.chars().count() > 120 {
        return Err(problem("label", "Namnet får vara högst 120 tecken."));
    }
    let kind = added_kind(kind, basis.trim())
        .ok_or_else(|| problem("kind", "Välj vad nyckeltalet räknar."))?;
    if let FigureKind::Percent { basis } = &kind {
        let weighs = template
            .iter()
            .any(|f| &f.code == basis && f.kind == FigureKind::Basis);
        if !weighs {
            return Err(problem("basis", "Välj vad andelen vägs med."));
        }
    }
    let taken = template.iter().any(|f| {
        f.section == section
            && f.group.eq_ignore_ascii_case(group)
            && f.label.eq_ignore_ascii_case(label)
    });
    if taken {
        return Err(problem(
            "label",
            "Avsnittet har redan ett nyckeltal med det namnet under den underrubriken.",
        ));
    }
    Ok(FigureDef {
        code: String::new(),
        section,
        group: group.to_string(),
        label: label.to_string(),
        kind,
    })
}
