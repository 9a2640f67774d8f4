//! A node's annual work environment report as a print document in seed 004's layout: each
//! section under its heading with its table of key figures (this year, "Föregående år" or the
//! rolling twelve months before, and "Skillnad"), what Årshjul knows with its source, the
//! questions with the node's answer and how the nodes below answered, the node's "Bedömning och
//! analys" and the assessments of the nodes below under their names; sick leave over five years
//! in charts (by sex, beside the level above) with their table.

use chrono::NaiveDate;
use maud::{html, Markup};

use app::domain::env_report::{percent_text, Series, YesNo};
use app::env_report::{EnvReportView, FigureTableView, QuestionView, SectionView};

use super::parts::{document, full_day, paragraphs};
use crate::env_report_chart::{above_chart, by_sex_chart};

/// The document's title, also its file name's stem.
pub fn title(report: &EnvReportView) -> String {
    format!("Arbetsmiljörapport {} {}", report.year, report.node_name)
}

const CSS: &str = "
table.figures { width: 100%; border-collapse: collapse; margin: 0.4em 0 1em; }
table.figures caption { text-align: left; font-weight: bold; margin-bottom: 0.2em; }
table.figures th, table.figures td { border-bottom: 0.5pt solid #888; padding: 2pt 4pt; }
table.figures td.num, table.figures th.num { text-align: right; }
table.figures tr.group th { font-style: italic; font-weight: normal; }
p.question { font-weight: bold; margin-bottom: 0.1em; }
p.answer { margin-top: 0; }
ul.facts { font-size: 9pt; }
h4 { margin-bottom: 0.1em; }
div.chart svg { width: 100%; height: auto; }
";

fn figure_table(table: &FigureTableView) -> Markup {
    html! {
        table.figures {
            caption { (table.caption) }
            thead {
                tr {
                    th scope="col" { (table.headings[0]) }
                    @for h in &table.headings[1..] { th.num scope="col" { (h) } }
                }
            }
            tbody {
                @for row in &table.rows {
                    @if row.is_group {
                        tr.group { th colspan="4" scope="rowgroup" { (row.label) } }
                    } @else {
                        tr {
                            th scope="row" { (row.label) }
                            td.num { (row.this) }
                            td.num { (row.last) }
                            td.num { (row.difference) }
                        }
                    }
                }
            }
        }
    }
}

fn answer_label(code: &str) -> &'static str {
    YesNo::from_code(code).map_or("Inte besvarad", YesNo::label)
}

fn question(q: &QuestionView) -> Markup {
    html! {
        p.question { (q.text) }
        p.answer {
            "Svar: " (answer_label(&q.answer))
            @if !q.reason.is_empty() { " (" (q.reason) ")" }
        }
        @if let Some(below) = &q.below {
            p.answer {
                "Enheterna under: " (below.counts[0]) " Ja, " (below.counts[1]) " Nej, "
                (below.counts[2]) " Delvis, " (below.counts[3]) " har inte svarat."
                @for (name, answer) in &below.not_yes { " " (name) ": " (answer) "." }
            }
        }
    }
}

/// One chart drawn inline, or a line saying it could not be (logged).
fn chart(drawn: Result<String, String>) -> Markup {
    match drawn {
        Ok(svg) => html! { div.chart { (maud::PreEscaped(svg)) } },
        Err(e) => {
            tracing::error!(%e, "sick leave chart in the report's PDF");
            html! { p { "Diagrammet kunde inte ritas." } }
        }
    }
}

/// Sick leave over five years: the charts and the table of their figures.
fn sick_leave(report: &EnvReportView) -> Markup {
    let Some(history) = &report.sick_history else {
        return html! {};
    };
    let columns: Vec<&Series> = history.by_sex.iter().chain(history.above.iter()).collect();
    html! {
        h3 { "Sjukfrånvaro år för år" }
        (chart(by_sex_chart(history, &report.node_name)))
        @if let Some(drawn) = above_chart(history, &report.node_name) { (chart(drawn)) }
        table.figures {
            caption { "Sjukfrånvaro i procent per år" }
            thead { tr {
                th scope="col" { "År" }
                @for c in &columns { th.num scope="col" { (c.label) } }
            } }
            tbody {
                @for (i, year) in history.years.iter().enumerate() {
                    tr {
                        th scope="row" { (year) }
                        @for c in &columns { td.num { (percent_text(c.values.get(i).copied().flatten())) } }
                    }
                }
            }
        }
    }
}

fn section(report: &EnvReportView, s: &SectionView) -> Markup {
    html! {
        h2 { (s.title) }
        @for table in report.tables.iter().filter(|t| t.section == s.code) {
            (figure_table(table))
        }
        @if s.code == "sick_leave" { (sick_leave(report)) }
        @if !s.facts.is_empty() {
            ul.facts { @for fact in &s.facts { li { (fact) } } }
        }
        @for q in &s.questions { (question(q)) }
        h3 { "Bedömning och analys" }
        @if s.assessment.trim().is_empty() {
            p { "Inte ifylld." }
        } @else {
            (paragraphs(&s.assessment))
        }
        @for (name, text) in &s.below {
            h4 { (name) }
            (paragraphs(text))
        }
    }
}

/// The whole document: HTML with its styles inline.
pub fn env_report_html(report: &EnvReportView, today: NaiveDate) -> String {
    let status = report.status.map_or("Inte påbörjad", |s| s.label());
    let body = html! {
        p.org { (report.node_name) }
        h1 { "Arbetsmiljörapport " (report.year) }
        p {
            "Status: " (status) ". "
            @if let Some(above) = &report.level_above {
                "Lämnas till " (above) " senast " (full_day(report.due)) "."
            } @else {
                "Fastställs senast " (full_day(report.due)) "."
            }
        }
        p.stamp { "Utskriven " (full_day(today)) "." }
        @for s in &report.sections { (section(report, s)) }
        @if !report.children.is_empty() {
            h2 { "Rapporterna under" }
            ul { @for c in &report.children { li { (c.name) ": " (c.status) } } }
        }
    };
    document(&title(report), CSS, body)
}
