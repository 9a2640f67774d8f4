//! The annual work environment report (arbetsmiljörapport, seed 004) per node and year: each
//! unit's and each higher node's report with its sections' assessments, its yes/no/partly
//! answers and its key figures, rolled up level by level from unit to municipality, and sent
//! up the tree from draft to accepted. The rules are in `domain::env_report`, the SQL in `db`,
//! the page's data in `read`, the server functions in `server`, the views in `components`.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod export;
pub mod import;
#[cfg(feature = "ssr")]
pub mod read;
#[cfg(feature = "ssr")]
pub mod read_figures;
mod server;
mod template_server;
mod workflow_server;

use serde::{Deserialize, Serialize};

pub use import::*;
pub use server::*;
pub use template_server::*;
pub use workflow_server::*;

/// A node's report on a year as the person asking may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvReportView {
    /// The node.
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The year reported on.
    pub year: i32,
    /// Where the report stands, or none when nobody has begun it.
    pub status: Option<crate::domain::env_report::ReportStatus>,
    /// When it is due ("31 januari 2026" as a date).
    pub due: chrono::NaiveDate,
    /// The level above it, by name, when there is one.
    pub level_above: Option<String>,
    /// Whether the person writes it (and it may be written now).
    pub can_write: bool,
    /// Whether the person writes it at all (submit, figures), whatever its status.
    pub is_writer: bool,
    /// Whether the person, at the level above, accepts or returns it (and it is submitted).
    pub can_decide: bool,
    /// Whether the person reads drafts here (and so the compliance overview of the units below).
    #[serde(default)]
    pub reads_drafts: bool,
    /// When this is a submitted version as it was sent (read-only), when it was sent.
    #[serde(default)]
    pub submitted_at: Option<chrono::NaiveDateTime>,
    /// False when the person reads only accepted reports and this one is not accepted yet: the
    /// page then says so and shows nothing of it.
    pub visible: bool,
    /// The figures' tables, rolled up over the node and everything below it.
    pub tables: Vec<FigureTableView>,
    /// Sick leave over five years by sex and beside the level above; none when no year has any.
    /// (A version kept before it was added reads without it.)
    #[serde(default)]
    pub sick_history: Option<crate::domain::env_report::SickHistory>,
    /// The node's own figures as its writer enters them (empty for readers).
    pub inputs: Vec<FigureInput>,
    /// The sections in the seed's order.
    pub sections: Vec<SectionView>,
    /// The nodes right below, with where their reports stand.
    pub children: Vec<ChildStatus>,
    /// The report's way through the workflow, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// The figures rolled up anew after a save: the tables and the sick leave over the years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFigures {
    /// The tables.
    pub tables: Vec<FigureTableView>,
    /// Sick leave over the years.
    pub sick_history: Option<crate::domain::env_report::SickHistory>,
}

/// One table of figures as seed 004 draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureTableView {
    /// The section it belongs to (its code).
    pub section: String,
    /// "Tabell sjukfrånvaro".
    pub caption: String,
    /// The first column's heading and the three value columns' ("R12 2025-12", …).
    pub headings: [String; 4],
    /// Its rows.
    pub rows: Vec<FigureRowView>,
}

/// One row of a table of figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureRowView {
    /// A sub-heading row ("Kort sjukfrånvaro (0-14 dagar)") has only its label.
    pub is_group: bool,
    /// The label.
    pub label: String,
    /// This year, as shown ("7,7"), or "" when not reported.
    pub this: String,
    /// The year before.
    pub last: String,
    /// The difference, or "".
    pub difference: String,
    /// How many nodes below gave a percent without its basis and are left out of it.
    pub left_out: i64,
}

/// A box of the figures' form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureInput {
    /// The figure's code; the box posts as `figure[<code>]`.
    pub code: String,
    /// The section's title.
    pub section: String,
    /// The sub-heading, or "".
    pub group: String,
    /// The label.
    pub label: String,
    /// What the box takes ("Procent med en decimal", "Antal", "Timmar").
    pub unit: String,
    /// What the node entered, as typed back ("7,7"), or "".
    pub value: String,
}

/// One section of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    /// Its code.
    pub code: String,
    /// Its heading, word for word.
    pub title: String,
    /// "Bedömning och analys" as written.
    pub assessment: String,
    /// Its questions.
    pub questions: Vec<QuestionView>,
    /// The assessments of the nodes right below, under their names.
    pub below: Vec<(String, String)>,
    /// What Årshjul knows that bears on the section, each line naming its source.
    pub facts: Vec<String>,
    /// The section as it stands, fingerprinted: its form posts it back, so a save over newer
    /// text is refused.
    pub fingerprint: String,
}

/// A section as saved: the page shows it as saved, and the form keeps its new fingerprint for
/// the next save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedEnvSection {
    /// The section's code.
    pub section: String,
    /// Its fingerprint now.
    pub fingerprint: String,
    /// The assessment as saved.
    pub assessment: String,
    /// Each question's (code, answer code or "", reason) as saved.
    pub answers: Vec<(String, String, String)>,
}

/// One question with its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    /// Its code; the form posts `answer[<code>]` and `reason[<code>]`.
    pub code: String,
    /// The question, with the organisation's name filled in.
    pub text: String,
    /// The answer's code, or "".
    pub answer: String,
    /// Why it differs from the suggestion.
    pub reason: String,
    /// What Årshjul suggests from its own records (the answer's code) and on what ("3 av 4
    /// arbetsmiljöronder är klara i Årshjul."), when it knows.
    pub suggested: Option<(String, String)>,
    /// The answers of the nodes below: (Ja, Nej, Delvis, not answered) and who answered Nej or
    /// Delvis.
    pub below: Option<BelowAnswers>,
}

/// The answers of the nodes right below to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BelowAnswers {
    /// How many answered Ja, Nej, Delvis, and how many have not.
    pub counts: [u32; 4],
    /// Who answered Nej or Delvis: (name, "Nej").
    pub not_yes: Vec<(String, String)>,
}

/// A node right below and where its report stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildStatus {
    /// The node.
    pub node_id: i64,
    /// Its name.
    pub name: String,
    /// "Utkast", "Inskickad", … or "Inte påbörjad".
    pub status: String,
}

/// One step of the report's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// "Inskickad", "Återsänd", "Godkänd".
    pub step: String,
    /// Who.
    pub name: String,
    /// When (local time).
    pub at: chrono::NaiveDateTime,
    /// The comment on returning.
    pub comment: String,
    /// The kept version of the report this step sent (its event's id), when it kept one.
    #[serde(default)]
    pub version: Option<i64>,
}
