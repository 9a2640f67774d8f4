//! The annual work environment report (arbetsmiljörapport, seed 004) in plain Rust: its
//! sections and questions word for word, the template of key figures and how each rolls up
//! from the nodes below, values as typed and shown, and the workflow from draft to accepted.
//! The pages, SQL and exports build on these rules; nothing here reads a database.

pub mod facts;
pub mod figures;
pub mod history;
pub mod import;
pub mod rights;
pub mod rollup;
pub mod sections;
pub mod step_mail;
pub mod template;
pub mod values;
pub mod workflow;

#[cfg(test)]
mod tests;

pub use facts::{facts_for, meeting_facts, suggestion, suggests_in, KnownFacts, MeetingFacts};
pub use figures::{column_headings, figure_table, FigureDef, FigureKind, FigureTable};
pub use history::{history_years, percent_text, sick_history, Series, SickHistory, HISTORY_YEARS};
pub use import::{full_label, plan_figures_import, FiguresImportPlan, ImportNode};
pub use rights::{decides_for, report_right, ReportRight};
pub use rollup::{roll_up, rolled, suggest, tally_answers, AnswerTally, Rolled, Tally};
pub use sections::{genitive, question, questions_in, Question, Section, YesNo, QUESTIONS};
pub use step_mail::step_mail;
pub use template::default_figures;
pub use values::{difference, parse_value, show_value, value_input};
pub use workflow::{
    after, deadline, deadlines_with, default_deadlines, DeadlineRule, ReportStatus, ReportStep,
};
