//! A node's report for a year: its row (status), each section's assessment, the
//! answers, the reports of the nodes right below it (for the higher report's roll-up of
//! answers and assessments), and its way through the workflow. A section's save names the
//! fingerprint of the section it was drawn on, so a second writer's stale save is refused and
//! their text kept.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::with_db;

/// A report's row.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ReportRow {
    /// The report.
    pub id: i64,
    /// Its node.
    pub node_id: i64,
    /// The year reported on.
    pub year: i32,
    /// `draft`, `submitted`, `returned` or `accepted`.
    pub status: String,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// The node's report on `year`, if one is begun.
#[tracing::instrument(skip_all, err)]
pub async fn report(db: &Db, node_id: i64, year: i32) -> sqlx::Result<Option<ReportRow>> {
    const SQL: &str = "SELECT id, node_id, year, status, updated_at FROM env_reports
         WHERE node_id = $1 AND year = $2";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).bind(year).fetch_optional(pool).await)
}

/// The node's report on `year`, begun as a draft when there is none yet.
#[tracing::instrument(skip_all, err)]
pub async fn begin_report(
    db: &Db,
    node_id: i64,
    year: i32,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<ReportRow> {
    const INSERT: &str = "INSERT INTO env_reports (node_id, year, updated_by, updated_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (node_id, year) DO NOTHING";
    with_db!(db, pool => sqlx::query(INSERT).bind(node_id).bind(year).bind(by).bind(at)
        .execute(pool).await.map(|_| ()))?;
    report(db, node_id, year)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
}

/// One section's assessment.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AssessmentRow {
    /// The report.
    pub report_id: i64,
    /// The section's code.
    pub section: String,
    /// "Bedömning och analys".
    pub body: String,
}

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AnswerRow {
    /// The report.
    pub report_id: i64,
    /// The question's code.
    pub question: String,
    /// `ja`, `nej`, `delvis`, or none yet.
    pub answer: Option<String>,
    /// Why it differs from what Årshjul suggested.
    pub reason: String,
}

/// The report's assessments and answers.
#[tracing::instrument(skip_all, err)]
pub async fn contents(
    db: &Db,
    report_id: i64,
) -> sqlx::Result<(Vec<AssessmentRow>, Vec<AnswerRow>)> {
    const ASSESSMENTS: &str =
        "SELECT report_id, section, body FROM env_report_assessments WHERE report_id = $1";
    const ANSWERS: &str = "SELECT report_id, question, answer, reason FROM env_report_answers
         WHERE report_id = $1";
    with_db!(db, pool => {
        let assessments = sqlx::query_as(ASSESSMENTS).bind(report_id).fetch_all(pool).await?;
        let answers = sqlx::query_as(ANSWERS).bind(report_id).fetch_all(pool).await?;
        Ok((assessments, answers))
    })
}

/// A section as saved: its assessment and the answers to its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionSave<'a> {
    /// The section's code.
    pub section: &'a str,
    /// "Bedömning och analys".
    pub assessment: &'a str,
    /// `(question, answer code or none, reason)`, every question of the section in order.
    pub answers: Vec<(&'a str, Option<&'a str>, &'a str)>,
}

/// The fingerprint of a section as it stands (its assessment, then each of its questions'
/// answer and reason, in order): a form posts the one it was drawn with, and a save over a
/// section that changed since is refused. Hex of a SHA-256.
pub fn section_fingerprint(assessment: &str, answers: &[(&str, Option<&str>, &str)]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(assessment.as_bytes());
    for (question, answer, reason) in answers {
        for part in [*question, answer.unwrap_or(""), *reason] {
            hash.update([0x1f]);
            hash.update(part.as_bytes());
        }
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint of `save`'s section as the database holds it now.
fn fingerprint_now(
    save: &SectionSave<'_>,
    assessment: Option<String>,
    answers: &[(String, Option<String>, String)],
) -> String {
    let current: Vec<(&str, Option<&str>, &str)> = save
        .answers
        .iter()
        .map(|(question, _, _)| {
            answers
                .iter()
                .find(|(q, _, _)| q == question)
                .map_or((*question, None, ""), |(_, a, r)| {
                    (*question, a.as_deref(), r.as_str())
                })
        })
        .collect();
    section_fingerprint(assessment.as_deref().unwrap_or(""), &current)
}

/// Saves one section of the report, drawn when it had fingerprint `before`, in one transaction
/// (which first takes the report's row, so two saves of one report run one after the other).
/// `false` (nothing saved) when the section changed since, or the report may not be written
/// (submitted or accepted).
#[tracing::instrument(skip_all, err)]
pub async fn save_section(
    db: &Db,
    report_id: i64,
    before: &str,
    save: &SectionSave<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const TAKE: &str = "UPDATE env_reports
         SET updated_by = $2, updated_at = $3
         WHERE id = $1 AND status IN ('draft', 'returned')";
    const CURRENT_TEXT: &str =
        "SELECT body FROM env_report_assessments WHERE report_id = $1 AND section = $2";
    const CURRENT_ANSWERS: &str =
        "SELECT question, answer, reason FROM env_report_answers WHERE report_id = $1";
    const ASSESSMENT: &str = "INSERT INTO env_report_assessments (report_id, section, body)
         VALUES ($1, $2, $3)
         ON CONFLICT (report_id, section) DO UPDATE SET body = excluded.body";
    const ANSWER: &str = "INSERT INTO env_report_answers (report_id, question, answer, reason)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (report_id, question)
         DO UPDATE SET answer = excluded.answer, reason = excluded.reason";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let taken = sqlx::query(TAKE).bind(report_id).bind(by).bind(at)
            .execute(&mut *tx).await?.rows_affected();
        if taken == 0 {
            return Ok(false);
        }
        let text: Option<String> = sqlx::query_scalar(CURRENT_TEXT)
            .bind(report_id).bind(save.section).fetch_optional(&mut *tx).await?;
        let answers: Vec<(String, Option<String>, String)> = sqlx::query_as(CURRENT_ANSWERS)
            .bind(report_id).fetch_all(&mut *tx).await?;
        if fingerprint_now(save, text, &answers) != before {
            return Ok(false);
        }
        sqlx::query(ASSESSMENT).bind(report_id).bind(save.section).bind(save.assessment)
            .execute(&mut *tx).await?;
        for (question, answer, reason) in &save.answers {
            sqlx::query(ANSWER).bind(report_id).bind(*question).bind(*answer).bind(*reason)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// A step of the workflow as kept: who took it when, and what it said or sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step<'a> {
    /// The status it moves from (the step is refused from any other).
    pub from: &'a str,
    /// The status it moves to.
    pub to: &'a str,
    /// `submitted`, `returned` or `accepted`.
    pub event: &'a str,
    /// Who.
    pub by: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// The comment on returning; empty otherwise.
    pub comment: &'a str,
    /// The report as submitted (JSON), kept read-only; none for the other steps.
    pub document: Option<&'a str>,
    /// The mail the step sends, if any.
    pub mail: Option<StepMail<'a>>,
}

/// The mail of a step, to the chefs and deputy chefs of a node (the level above for a
/// submitted report, the report's own node otherwise) other than whoever took the step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepMail<'a> {
    /// Whose chefs get it.
    pub to_node: i64,
    /// The subject.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
    /// `queued` with SMTP, else `stored`.
    pub status: &'a str,
}

/// Takes a step of the report's workflow in one transaction: its status moves on (only from
/// `from`), the event is kept and its mail queued. `false` when the status was no longer `from`.
#[tracing::instrument(skip_all, err)]
pub async fn take_step(db: &Db, report_id: i64, step: &Step<'_>) -> sqlx::Result<bool> {
    const MOVE: &str = "UPDATE env_reports
         SET status = $3, updated_by = $4, updated_at = $5
         WHERE id = $1 AND status = $2";
    const EVENT: &str = "INSERT INTO env_report_events
             (report_id, step, person_id, at, comment, document)
         VALUES ($1, $2, $3, $4, $5, $6)";
    const MAIL: &str = "INSERT INTO outbox (person_id, to_address, subject, body_text, status)
         SELECT p.id, p.email, CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS TEXT)
         FROM people p
         WHERE p.active AND p.email <> '' AND p.id <> $5
           AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.node_id = $1
                         AND m.role IN ('chef', 'bitradande_chef'))";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let moved = sqlx::query(MOVE)
            .bind(report_id).bind(step.from).bind(step.to).bind(step.by).bind(step.at)
            .execute(&mut *tx).await?.rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        sqlx::query(EVENT)
            .bind(report_id).bind(step.event).bind(step.by).bind(step.at).bind(step.comment)
            .bind(step.document)
            .execute(&mut *tx).await?;
        if let Some(mail) = &step.mail {
            sqlx::query(MAIL)
                .bind(mail.to_node).bind(mail.subject).bind(mail.body).bind(mail.status)
                .bind(step.by)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// One event of a report's history.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct EventRow {
    /// The event.
    pub id: i64,
    /// `submitted`, `returned` or `accepted`.
    pub step: String,
    /// Who, by name (none once their account is gone).
    pub name: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// The comment on returning.
    pub comment: String,
    /// Whether it keeps the report as submitted.
    pub has_document: bool,
}

/// The report's history, oldest first.
#[tracing::instrument(skip_all, err)]
pub async fn events(db: &Db, report_id: i64) -> sqlx::Result<Vec<EventRow>> {
    const SQL: &str = "SELECT e.id, e.step, p.name, e.at, e.comment,
                (e.document IS NOT NULL) AS has_document
         FROM env_report_events e LEFT JOIN people p ON p.id = e.person_id
         WHERE e.report_id = $1 ORDER BY e.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(report_id).fetch_all(pool).await)
}

/// The report as it was submitted in event `event_id` of report `report_id` (JSON).
#[tracing::instrument(skip_all, err)]
pub async fn submitted_document(
    db: &Db,
    report_id: i64,
    event_id: i64,
) -> sqlx::Result<Option<String>> {
    const SQL: &str = "SELECT document FROM env_report_events
         WHERE id = $1 AND report_id = $2 AND document IS NOT NULL";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(event_id).bind(report_id)
        .fetch_optional(pool).await)
}

/// A node right below, with its report on the year if begun.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ChildReportRow {
    /// The node.
    pub node_id: i64,
    /// Its name.
    pub name: String,
    /// Its report, if begun.
    pub report_id: Option<i64>,
    /// Its report's status.
    pub status: Option<String>,
}

/// The open nodes right below `node_id` in name order, each with its report on `year` if
/// begun; with their assessments and answers (two more queries, whatever their number).
#[tracing::instrument(skip_all, err)]
pub async fn children_reports(
    db: &Db,
    node_id: i64,
    year: i32,
) -> sqlx::Result<(Vec<ChildReportRow>, Vec<AssessmentRow>, Vec<AnswerRow>)> {
    const CHILDREN: &str = "SELECT n.id AS node_id, n.name, r.id AS report_id, r.status
         FROM org_nodes n LEFT JOIN env_reports r ON r.node_id = n.id AND r.year = $2
         WHERE n.parent_id = $1 AND n.closed_at IS NULL
         ORDER BY n.name, n.id";
    const ASSESSMENTS: &str = "SELECT a.report_id, a.section, a.body
         FROM env_report_assessments a JOIN env_reports r ON r.id = a.report_id
         JOIN org_nodes n ON n.id = r.node_id
         WHERE n.parent_id = $1 AND r.year = $2 AND a.body <> ''";
    const ANSWERS: &str = "SELECT a.report_id, a.question, a.answer, a.reason
         FROM env_report_answers a JOIN env_reports r ON r.id = a.report_id
         JOIN org_nodes n ON n.id = r.node_id
         WHERE n.parent_id = $1 AND r.year = $2";
    with_db!(db, pool => {
        let children = sqlx::query_as(CHILDREN).bind(node_id).bind(year).fetch_all(pool).await?;
        let assessments = sqlx::query_as(ASSESSMENTS).bind(node_id).bind(year)
            .fetch_all(pool).await?;
        let answers = sqlx::query_as(ANSWERS).bind(node_id).bind(year).fetch_all(pool).await?;
        Ok((children, assessments, answers))
    })
}

/// The node's reports that have gone up the tree (submitted or accepted), by year: what its
/// archive export keeps.
#[tracing::instrument(skip_all, err)]
pub async fn sent_reports(db: &Db, node_id: i64) -> sqlx::Result<Vec<(i32, String)>> {
    const SQL: &str = "SELECT year, status FROM env_reports
         WHERE node_id = $1 AND status IN ('submitted', 'accepted') ORDER BY year";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)
}
