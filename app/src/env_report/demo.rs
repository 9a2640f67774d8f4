//! The demo's work environment reports: the key figures of Socialförvaltningen's four units
//! for the two years before the demo's first (invented, in seed 004's shape), and last year's
//! reports written, answered and accepted level by level (units, avdelningar, förvaltning), so
//! the year after shows its differences and the roll-up has answers and assessments to show.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::db::{self, SectionSave, Step};
use crate::db::Db;

/// The units in the demo tree's order, each with its figures of the later year as
/// (code, value in the figure's own unit); the earlier year is derived from them.
const UNITS: [(&str, [(&str, f64); 25]); 4] = [
    (
        "Hemtjänst Norr",
        figures([
            12., 20., 25., 9.8, 10.4, 6.2, 4.1, 4.3, 3.2, 5.7, 6.1, 3.0, 52000., 44000., 8000.,
            14.0, 13.5, 16.0, 5., 36., 30., 6., 1200., 640., 0.,
        ]),
    ),
    (
        "Solgårdens vård- och omsorgsboende",
        figures([
            18., 31., 40., 11.2, 11.9, 7.5, 4.6, 4.8, 3.5, 6.6, 7.1, 4.0, 78000., 66000., 12000.,
            12.5, 12.0, 15.0, 7., 56., 47., 9., 1900., 980., 0.,
        ]),
    ),
    (
        "Barn- och ungdomsenheten",
        figures([
            4., 9., 11., 6.1, 6.8, 4.0, 3.0, 3.2, 2.4, 3.1, 3.6, 1.6, 30000., 22000., 8000., 9.0,
            9.5, 8.0, 2., 22., 16., 6., 150., 210., 0.,
        ]),
    ),
    (
        "Enheten för ekonomiskt bistånd",
        figures([
            2., 5., 6., 5.4, 6.0, 3.9, 2.8, 3.0, 2.2, 2.6, 3.0, 1.7, 26000., 19000., 7000., 7.5,
            7.0, 9.0, 1., 19., 14., 5., 80., 120., 0.,
        ]),
    ),
];

/// The codes of [`UNITS`]' values, in their order (the last, the sum, is computed).
const CODES: [&str; 25] = [
    "injuries",
    "incidents",
    "closed_events",
    "sick_total",
    "sick_women",
    "sick_men",
    "sick_short_total",
    "sick_short_women",
    "sick_short_men",
    "sick_long_total",
    "sick_long_women",
    "sick_long_men",
    "hours_worked_total",
    "hours_worked_women",
    "hours_worked_men",
    "turnover_total",
    "turnover_women",
    "turnover_men",
    "leavers",
    "employed_total",
    "employed_women",
    "employed_men",
    "extra_hours",
    "overtime_hours",
    "working_hours_sum",
];

const fn figures(values: [f64; 25]) -> [(&'static str, f64); 25] {
    let mut out = [("", 0.0); 25];
    let mut i = 0;
    while i < 25 {
        out[i] = (CODES[i], values[i]);
        i += 1;
    }
    out
}

/// The earlier year: a little more sick leave and overtime, a few fewer reports.
fn earlier(code: &str, value: f64) -> f64 {
    match code {
        c if c.starts_with("sick_") => value + 0.7,
        c if c.starts_with("turnover_") => value + 0.4,
        "injuries" | "incidents" | "closed_events" => (value * 0.8).round(),
        "extra_hours" | "overtime_hours" => (value * 1.15).round(),
        _ => value,
    }
}

/// What the units, their avdelningar and the förvaltning answered and wrote last year.
const UNIT_TEXT: [(&str, &str, &str, &str); 4] = [
    (
        "Hemtjänst Norr",
        "delvis",
        "ja",
        "Ronderna genomfördes med skyddsombud. Tunga lyft i hemmen är den största risken; \
         nya hjälpmedel är beställda.",
    ),
    (
        "Solgårdens vård- och omsorgsboende",
        "ja",
        "delvis",
        "Hot och våld från boende har ökat. Rutinen för larm är genomgången på APT och \
         följs upp på nästa rond.",
    ),
    (
        "Barn- och ungdomsenheten",
        "ja",
        "ja",
        "Arbetsbelastningen i utredningsgruppen är hög. Ärendefördelningen har setts över.",
    ),
    (
        "Enheten för ekonomiskt bistånd",
        "ja",
        "nej",
        "Lokalerna är trånga och ventilationen brister; fastighetsägaren har åtgärdat \
         ventilationen i mars.",
    ),
];

/// Seeds the figures of `first_year - 1` and `first_year - 2` for the demo units named in
/// [`UNITS`] (those `nodes` lacks are skipped), and the accepted reports of `first_year - 2`.
pub async fn seed(
    db: &Db,
    org_id: i64,
    nodes: &HashMap<String, i64>,
    parents: &HashMap<i64, i64>,
    by: i64,
    at: DateTime<Utc>,
    first_year: i32,
) -> anyhow::Result<()> {
    let template = db::template(db, org_id).await?;
    let (later, before) = (first_year - 1, first_year - 2);
    let mut units = Vec::new();
    for (name, values) in &UNITS {
        let Some(&unit) = nodes.get(*name) else {
            continue;
        };
        units.push(unit);
        for year in [later, before] {
            let values: HashMap<String, i64> = values
                .iter()
                .filter(|(code, _)| *code != "working_hours_sum")
                .map(|&(code, v)| {
                    let v = if year == later { v } else { earlier(code, v) };
                    // Hundredths, as every figure is kept.
                    (code.to_string(), (v * 100.0).round() as i64)
                })
                .collect();
            db::save_figures(db, unit, year, &template, &values, by, at).await?;
        }
    }
    // Last year's reports, accepted from the units up to the förvaltning.
    let mut higher: Vec<i64> = Vec::new();
    for (name, routines, reported_back, text) in &UNIT_TEXT {
        let Some(&unit) = nodes.get(*name) else {
            continue;
        };
        accepted(
            db,
            unit,
            before,
            &Answers {
                routines,
                reported_back,
                text,
            },
            by,
            at,
        )
        .await?;
        if let Some(&parent) = parents.get(&unit) {
            if !higher.contains(&parent) {
                higher.push(parent);
            }
        }
    }
    let top: Vec<i64> = higher
        .iter()
        .filter_map(|n| parents.get(n).copied())
        .collect();
    let summary = Answers {
        routines: "delvis",
        reported_back: "delvis",
        text: "Samtliga enheter har genomfört arbetsmiljöronder med skyddsombud. Hot och våld \
               och tunga lyft är de risker som lyfts vidare.",
    };
    for node in higher.iter().chain(top.first()) {
        accepted(db, *node, before, &summary, by, at).await?;
    }
    Ok(())
}

struct Answers<'a> {
    routines: &'a str,
    reported_back: &'a str,
    text: &'a str,
}

/// A node's report on `year`, its rounds section written and answered, submitted and accepted.
async fn accepted(
    db: &Db,
    node: i64,
    year: i32,
    answers: &Answers<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let report = db::begin_report(db, node, year, by, at).await?;
    let questions = [
        ("rounds_done", Some("ja"), ""),
        ("routines_followed", Some(answers.routines), ""),
        ("safety_representative", Some("ja"), ""),
        ("actions_reported_back", Some(answers.reported_back), ""),
    ];
    let blank: Vec<(&str, Option<&str>, &str)> =
        questions.iter().map(|(q, _, _)| (*q, None, "")).collect();
    let save = SectionSave {
        section: "rounds",
        assessment: answers.text,
        answers: questions.to_vec(),
    };
    db::save_section(
        db,
        report.id,
        &db::section_fingerprint("", &blank),
        &save,
        by,
        at,
    )
    .await?;
    for (from, to) in [("draft", "submitted"), ("submitted", "accepted")] {
        let step = Step {
            from,
            to,
            event: to,
            by,
            at,
            comment: "",
            document: None,
            mail: None,
        };
        db::take_step(db, report.id, &step).await?;
    }
    Ok(())
}
