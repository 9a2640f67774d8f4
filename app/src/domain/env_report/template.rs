//! The template every organisation starts with: seed 004's tables of key figures, word for word
//! and in its order, and the bases its percents are weighted by.

use super::figures::{FigureDef, FigureKind};
use super::sections::Section;

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
