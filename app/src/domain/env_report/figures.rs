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

/// The seed's figures: (code, section, sub-heading, label, kind, basis or parts).
type Row = (
    &'static str,
    Section,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SHORT: &str = "Kort sjukfrånvaro (0-14 dagar)";
const LONG: &str = "Lång sjukfrånvaro (15- dagar)";
const BASIS: &str = "Underlag för viktning";

/// The template every organisation starts with: seed 004's tables in its order, and the bases
/// its percents are weighted by.
const DEFAULT_ROWS: [Row; 25] = [
    (
        "injuries",
        Section::Injuries,
        "",
        "Antal rapporterade arbetsskador",
        "count",
        &[],
    ),
    (
        "incidents",
        Section::Injuries,
        "",
        "Antal rapporterade tillbud",
        "count",
        &[],
    ),
    (
        "closed_events",
        Section::Injuries,
        "",
        "Antal klarmarkerade händelser",
        "count",
        &[],
    ),
    (
        "sick_total",
        Section::SickLeave,
        "",
        "Total sjukfrånvaro",
        "percent",
        &["hours_worked_total"],
    ),
    (
        "sick_women",
        Section::SickLeave,
        "",
        "Kvinnor",
        "percent",
        &["hours_worked_women"],
    ),
    (
        "sick_men",
        Section::SickLeave,
        "",
        "Män",
        "percent",
        &["hours_worked_men"],
    ),
    (
        "sick_short_total",
        Section::SickLeave,
        SHORT,
        "Totalt",
        "percent",
        &["hours_worked_total"],
    ),
    (
        "sick_short_women",
        Section::SickLeave,
        SHORT,
        "Kvinnor",
        "percent",
        &["hours_worked_women"],
    ),
    (
        "sick_short_men",
        Section::SickLeave,
        SHORT,
        "Män",
        "percent",
        &["hours_worked_men"],
    ),
    (
        "sick_long_total",
        Section::SickLeave,
        LONG,
        "Totalt",
        "percent",
        &["hours_worked_total"],
    ),
    (
        "sick_long_women",
        Section::SickLeave,
        LONG,
        "Kvinnor",
        "percent",
        &["hours_worked_women"],
    ),
    (
        "sick_long_men",
        Section::SickLeave,
        LONG,
        "Män",
        "percent",
        &["hours_worked_men"],
    ),
    (
        "hours_worked_total",
        Section::SickLeave,
        BASIS,
        "Ordinarie arbetstid, timmar totalt",
        "basis",
        &[],
    ),
    (
        "hours_worked_women",
        Section::SickLeave,
        BASIS,
        "Ordinarie arbetstid, timmar kvinnor",
        "basis",
        &[],
    ),
    (
        "hours_worked_men",
        Section::SickLeave,
        BASIS,
        "Ordinarie arbetstid, timmar män",
        "basis",
        &[],
    ),
    (
        "turnover_total",
        Section::Turnover,
        "",
        "Totalt",
        "percent",
        &["employed_total"],
    ),
    (
        "turnover_women",
        Section::Turnover,
        "",
        "Kvinnor",
        "percent",
        &["employed_women"],
    ),
    (
        "turnover_men",
        Section::Turnover,
        "",
        "Män",
        "percent",
        &["employed_men"],
    ),
    (
        "leavers",
        Section::Turnover,
        "",
        "Antal avgångar (externa)",
        "count",
        &[],
    ),
    (
        "employed_total",
        Section::Turnover,
        BASIS,
        "Antal anställda totalt",
        "basis",
        &[],
    ),
    (
        "employed_women",
        Section::Turnover,
        BASIS,
        "Antal anställda kvinnor",
        "basis",
        &[],
    ),
    (
        "employed_men",
        Section::Turnover,
        BASIS,
        "Antal anställda män",
        "basis",
        &[],
    ),
    (
        "extra_hours",
        Section::Overtime,
        "",
        "Mertid/fyllnadstid",
        "hours",
        &[],
    ),
    (
        "overtime_hours",
        Section::Overtime,
        "",
        "Övertidstimmar",
        "hours",
        &[],
    ),
    (
        "working_hours_sum",
        Section::Overtime,
        "",
        "Summa",
        "sum",
        &["extra_hours", "overtime_hours"],
    ),
];

/// The seed's template as figures.
pub fn default_figures() -> Vec<FigureDef> {
    DEFAULT_ROWS
        .iter()
        .map(|&(code, section, group, label, kind, refs)| FigureDef {
            code: code.to_string(),
            section,
            group: group.to_string(),
            label: label.to_string(),
            kind: kind_of(kind, refs),
        })
        .collect()
}

fn kind_of(code: &str, refs: &[&str]) -> FigureKind {
    let owned = || refs.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    match code {
        "percent" => FigureKind::Percent {
            basis: refs.first().map(|r| r.to_string()).unwrap_or_default(),
        },
        "sum" => FigureKind::Sum { of: owned() },
        "hours" => FigureKind::Hours,
        "basis" => FigureKind::Basis,
        _ => FigureKind::Count,
    }
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
