//! The roll-ups as tables, the one shape every copy of them takes: the XLSX and CSV downloads,
//! the archive's index, and the copies a cooperation protocol freezes as its bilagor (kept as
//! JSON, shown as HTML and PDF). Column names follow seed 002's attachments.

use serde::{Deserialize, Serialize};

use crate::actions::{ActionOrigin, PlanAction};
use crate::checklists::{RollupView, UnitState};
use crate::domain::{ActionSource, ActionStatus, Effect};

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_string()).collect()
}

/// An action's status as the seed's action plan writes it.
pub fn status_sv(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::NotStarted => "Ej påbörjad",
        ActionStatus::InProgress => "Pågående",
        ActionStatus::Done => "Avslutad",
    }
}

/// A sheet: a name, column headers and text rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The sheet's name (at most 31 characters).
    pub name: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

fn source_sv(source: ActionSource) -> &'static str {
    match source {
        ActionSource::Meeting => "APT",
        ActionSource::Checklist => "Checklista",
        ActionSource::Round => "Skyddsrond",
        ActionSource::RiskAssessment => "Riskbedömning",
        ActionSource::EmployeeSurvey => "Medarbetarenkät",
        ActionSource::Incident => "Tillbud eller arbetsskada",
        ActionSource::Other => "Annat",
    }
}

fn effect_sv(effect: Effect) -> &'static str {
    match effect {
        Effect::Yes => "Ja",
        Effect::Partly => "Delvis",
        Effect::No => "Nej",
    }
}

/// "Analys – årlig uppföljning": a row per unit's answer, and the units' standing.
pub fn rollup_tables(rollup: &RollupView) -> Vec<Table> {
    let period = rollup.year.to_string();
    let mut rows = Vec::new();
    for q in &rollup.questions {
        if q.answers.is_empty() {
            rows.push(vec![
                q.area.clone(),
                format!("{}. {}", q.number, q.text),
                String::new(),
                String::new(),
                period.clone(),
                String::new(),
            ]);
        }
        for a in &q.answers {
            rows.push(vec![
                q.area.clone(),
                format!("{}. {}", q.number, q.text),
                a.unit_name.clone(),
                a.answer.label().to_string(),
                period.clone(),
                a.analysis.clone(),
            ]);
        }
    }
    let units = rollup
        .units
        .iter()
        .map(|u| {
            let (state, answered, done) = match &u.state {
                UnitState::NotStarted => {
                    ("Inte påbörjad".to_string(), String::new(), String::new())
                }
                UnitState::InProgress { answered, total } => (
                    "Påbörjad".to_string(),
                    format!("{answered} av {total}"),
                    String::new(),
                ),
                UnitState::Done(day) => ("Klar".to_string(), String::new(), day.to_string()),
            };
            vec![u.name.clone(), state, answered, done]
        })
        .collect();
    vec![
        Table {
            name: "Analys".into(),
            headers: headers(&["Område", "Fråga", "Enhet", "Svar", "Period", "Analys"]),
            rows,
        },
        Table {
            name: "Enheter".into(),
            headers: headers(&["Enhet", "Checklistan besvarad?", "Besvarade", "Klar"]),
            rows: units,
        },
        analysis_table(rollup),
    ]
}

/// "Analys till rapport": the node's own analysis under seed 002's three headings.
fn analysis_table(rollup: &RollupView) -> Table {
    let a = &rollup.analysis;
    let texts = [&a.improvements, &a.success_factors, &a.previous_year];
    Table {
        name: "Analys till rapport".into(),
        headers: headers(&["Enhet", "Rubrik", "Analys"]),
        rows: crate::domain::ANALYSIS_HEADINGS
            .into_iter()
            .zip(texts)
            .map(|(heading, text)| {
                vec![rollup.node_name.clone(), heading.to_string(), text.clone()]
            })
            .collect(),
    }
}

/// "Åtgärder från checklistor": every field of the action plan, a row per action.
pub fn action_table(actions: &[PlanAction]) -> Table {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = actions
        .iter()
        .map(|a| {
            let (link, question) = match &a.origin {
                ActionOrigin::Meeting { day, .. } => (format!("APT {day}"), String::new()),
                ActionOrigin::Checklist {
                    checklist,
                    question,
                    ..
                } => (checklist.clone(), question.clone()),
                ActionOrigin::Other { source, note } if note.is_empty() => {
                    (source_sv(*source).to_string(), String::new())
                }
                ActionOrigin::Other { source, note } => {
                    (format!("{}: {note}", source_sv(*source)), String::new())
                }
            };
            vec![
                link,
                question,
                a.answer.map(|x| x.label().to_string()).unwrap_or_default(),
                a.title.clone(),
                status_sv(a.status).to_string(),
                a.unit_name.clone(),
                a.responsible.clone().unwrap_or_default(),
                a.description.clone(),
                date(a.start),
                date(a.end),
                a.comment.clone(),
                a.effect
                    .map(|e| effect_sv(e).to_string())
                    .unwrap_or_default(),
                a.effect_comment.clone(),
            ]
        })
        .collect();
    Table {
        name: "Åtgärder".into(),
        headers: headers(&[
            "Koppling till",
            "Fråga",
            "Resultat",
            "Åtgärd",
            "Status",
            "Enhet",
            "Rapporteringsansvarig",
            "Beskrivning",
            "Startdatum",
            "Slutdatum",
            "Kommentar",
            "Avsedd effekt",
            "Kommentar om effekten",
        ]),
        rows,
    }
}
