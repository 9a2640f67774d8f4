//! Checklist templates per organisation and year. A year's templates are made when a unit opens
//! a checklist of the year or HR makes them (never by reading a page): copied from the
//! organisation's nearest earlier year (so HR's edits carry over), else from the bundled
//! defaults. Until then a read shows what they would be. A version a unit has opened is never
//! changed: an edit makes the next version.

use crate::checklists::seed::default_template;
use crate::db::{BeginWrite, Db};
use crate::domain::{AnswerScale, ChecklistKind};
use crate::with_db;

/// A current template of an organisation for a year, or what it would be until it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateRow {
    /// The template's id. Until the year's template is made: the nearest earlier year's (whose
    /// questions the year would get), or `None` when the bundled default would be used.
    pub id: Option<i64>,
    /// Whether this is the year's own template (made), not a preview of it.
    pub made: bool,
    /// The year the template is from: the year itself once made.
    pub from_year: Option<i32>,
    /// Which checklist.
    pub kind: ChecklistKind,
    /// Its title.
    pub title: String,
    /// 1, 2, …
    pub version: u32,
    /// Number of questions.
    pub questions: u32,
    /// Units that have opened this version.
    pub used_by: u32,
}

/// A question of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionRow {
    /// Question id.
    pub id: i64,
    /// The question it descends from across versions (itself when new).
    pub key: i64,
    /// Its area.
    pub area: String,
    /// The question.
    pub text: String,
    /// Help text.
    pub help: String,
    /// Its scale.
    pub scale: AnswerScale,
}

#[derive(sqlx::FromRow)]
struct TemplateDbRow {
    id: i64,
    kind: String,
    title: String,
    version: i64,
    year: i32,
    questions: i64,
    used: i64,
}

/// The organisation's templates for `year` as they stand, without making any: per kind the
/// year's own current template, else the nearest earlier year's (what a copy would hold, as
/// version 1, used by nobody), else the bundled default. One query, whatever the year.
#[tracing::instrument(skip_all)]
pub async fn year_templates(db: &Db, org_id: i64, year: i32) -> anyhow::Result<Vec<TemplateRow>> {
    const SQL: &str = "SELECT t.id, t.kind, t.title, t.version AS version, t.year AS year,
             (SELECT COUNT(*) FROM checklist_questions q WHERE q.template_id = t.id) AS questions,
             (SELECT COUNT(*) FROM unit_checklists c WHERE c.template_id = t.id) AS used
         FROM checklist_templates t
         WHERE t.org_id = $1 AND NOT t.retired
           AND t.year = (SELECT MAX(n.year) FROM checklist_templates n
                         WHERE n.org_id = t.org_id AND n.kind = t.kind
                           AND n.year <= $2 AND NOT n.retired)";
    let rows: Vec<TemplateDbRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(org_id).bind(year).fetch_all(pool).await
    })?;
    let mut templates = Vec::new();
    for kind in ChecklistKind::ALL {
        let row = rows.iter().find(|r| r.kind == kind.code());
        templates.push(match row {
            Some(r) => {
                let made = r.year == year;
                TemplateRow {
                    id: Some(r.id),
                    made,
                    from_year: Some(r.year),
                    kind,
                    title: r.title.clone(),
                    version: if made {
                        u32::try_from(r.version).unwrap_or(1)
                    } else {
                        1
                    },
                    questions: u32::try_from(r.questions).unwrap_or(0),
                    used_by: if made {
                        u32::try_from(r.used).unwrap_or(0)
                    } else {
                        0
                    },
                }
            }
            None => {
                let seed = default_template(kind)?;
                let questions = seed.areas.iter().map(|a| a.questions.len()).sum::<usize>();
                TemplateRow {
                    id: None,
                    made: false,
                    from_year: None,
                    kind,
                    title: seed.title,
                    version: 1,
                    questions: u32::try_from(questions).unwrap_or(u32::MAX),
                    used_by: 0,
                }
            }
        });
    }
    Ok(templates)
}

/// The organisation's current templates for `year`, making any that are missing first: the step
/// of a unit opening a checklist of the year, or of HR's explicit "make the year's templates".
#[tracing::instrument(skip_all)]
pub async fn make_year_templates(
    db: &Db,
    org_id: i64,
    year: i32,
) -> anyhow::Result<Vec<TemplateRow>> {
    ensure_year_templates(db, org_id, year).await?;
    year_templates(db, org_id, year).await
}

/// Makes the templates of `year` that the organisation lacks: a copy of the nearest earlier
/// year's current version (with `origin_id` kept, so roll-ups line up), else the bundled default.
/// Safe to run concurrently: the unique index on current templates lets one writer win.
#[tracing::instrument(skip_all)]
pub async fn ensure_year_templates(db: &Db, org_id: i64, year: i32) -> anyhow::Result<()> {
    const HAVE: &str = "SELECT kind FROM checklist_templates
         WHERE org_id = $1 AND year = $2 AND NOT retired";
    const EARLIER: &str = "SELECT id, title FROM checklist_templates
         WHERE org_id = $1 AND kind = $2 AND year < $3 AND NOT retired
         ORDER BY year DESC LIMIT 1";
    const INSERT: &str = "INSERT INTO checklist_templates (org_id, year, kind, title)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id, year, kind) WHERE NOT retired DO NOTHING RETURNING id";
    const COPY: &str = "INSERT INTO checklist_questions
             (template_id, origin_id, area, sort_order, text, help, scale)
         SELECT $1, COALESCE(origin_id, id), area, sort_order, text, help, scale
         FROM checklist_questions WHERE template_id = $2";
    const QUESTION: &str = "INSERT INTO checklist_questions
             (template_id, area, sort_order, text, help, scale)
         VALUES ($1, $2, $3, $4, $5, $6)";
    let have: Vec<String> = with_db!(db, pool => {
        sqlx::query_scalar(HAVE).bind(org_id).bind(year).fetch_all(pool).await
    })?;
    let missing: Vec<ChecklistKind> = ChecklistKind::ALL
        .into_iter()
        .filter(|k| !have.iter().any(|h| h == k.code()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    for kind in missing {
        let earlier: Option<(i64, String)> = with_db!(db, pool => {
            sqlx::query_as(EARLIER).bind(org_id).bind(kind.code()).bind(year)
                .fetch_optional(pool).await
        })?;
        let seed = match earlier {
            Some(_) => None,
            None => Some(default_template(kind)?),
        };
        let title = earlier
            .as_ref()
            .map(|(_, t)| t.clone())
            .or_else(|| seed.as_ref().map(|s| s.title.clone()))
            .unwrap_or_default();
        let seeded: Vec<(String, String, String, String)> = seed
            .iter()
            .flat_map(|s| &s.areas)
            .flat_map(|a| {
                a.questions.iter().map(|q| {
                    (
                        a.title.clone(),
                        q.text.clone(),
                        q.help.clone(),
                        q.scale.clone(),
                    )
                })
            })
            .collect();
        with_db!(db, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar(INSERT)
                .bind(org_id).bind(year).bind(kind.code()).bind(&title)
                .fetch_optional(&mut *tx).await?;
            if let Some(id) = id {
                if let Some((from, _)) = &earlier {
                    sqlx::query(COPY).bind(id).bind(from).execute(&mut *tx).await?;
                } else {
                    for (i, (area, text, help, scale)) in seeded.iter().enumerate() {
                        sqlx::query(QUESTION)
                            .bind(id).bind(area)
                            .bind(i32::try_from(i).unwrap_or(i32::MAX))
                            .bind(text).bind(help).bind(scale)
                            .execute(&mut *tx).await?;
                    }
                }
            }
            tx.commit().await?;
            Ok::<(), sqlx::Error>(())
        })?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct QuestionDbRow {
    id: i64,
    qkey: i64,
    area: String,
    text: String,
    help: String,
    scale: String,
}

/// A template's questions in order.
#[tracing::instrument(skip_all, err)]
pub async fn template_questions(db: &Db, template_id: i64) -> sqlx::Result<Vec<QuestionRow>> {
    const SQL: &str = "SELECT id, COALESCE(origin_id, id) AS qkey, area, text, help, scale
         FROM checklist_questions WHERE template_id = $1 ORDER BY sort_order, id";
    let rows: Vec<QuestionDbRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(template_id).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| QuestionRow {
            id: r.id,
            key: r.qkey,
            area: r.area,
            text: r.text,
            help: r.help,
            scale: AnswerScale::from_code(&r.scale).unwrap_or(AnswerScale::Agreement),
        })
        .collect())
}

/// A question's new wording, as HR edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionEdit {
    /// The area.
    pub area: String,
    /// The question.
    pub text: String,
    /// Help text.
    pub help: String,
    /// Its scale.
    pub scale: AnswerScale,
}

/// What an edit of a template did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditedTemplate {
    /// The template now current (the same id when edited in place).
    pub template_id: i64,
    /// Its version.
    pub version: u32,
}

/// Changes (`question_id` = Some) or adds (None) a question of a current template. When a unit
/// has opened the template, the edit goes into the next version (a copy) and the old one is
/// retired, so the unit keeps answering what it opened. `None` when the template is not current.
#[tracing::instrument(skip_all, err)]
pub async fn edit_template_question(
    db: &Db,
    template_id: i64,
    question_id: Option<i64>,
    edit: &QuestionEdit,
) -> sqlx::Result<Option<EditedTemplate>> {
    let change = match question_id {
        Some(q) => TemplateChange::Change(q, edit.clone()),
        None => TemplateChange::Add(edit.clone()),
    };
    change_template(db, template_id, &change).await
}

/// A change of a template's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateChange {
    /// Adds a question at the end.
    Add(QuestionEdit),
    /// Changes a question.
    Change(i64, QuestionEdit),
    /// Removes a question.
    Remove(i64),
}

/// Applies a change to a current template: in place while no unit has opened it, else in the next
/// version (the old one retired, so units keep what they opened). `None` when the template is not
/// current or the question not in it.
#[tracing::instrument(skip_all, err)]
pub async fn change_template(
    db: &Db,
    template_id: i64,
    change: &TemplateChange,
) -> sqlx::Result<Option<EditedTemplate>> {
    let question_id = match change {
        TemplateChange::Add(_) => None,
        TemplateChange::Change(q, _) | TemplateChange::Remove(q) => Some(*q),
    };
    const TEMPLATE: &str = "SELECT version,
             (SELECT COUNT(*) FROM unit_checklists c WHERE c.template_id = t.id)
         FROM checklist_templates t WHERE id = $1 AND NOT retired";
    const RETIRE: &str = "UPDATE checklist_templates SET retired = TRUE WHERE id = $1";
    const NEXT: &str = "INSERT INTO checklist_templates (org_id, year, kind, title, version,
             supersedes_id)
         SELECT org_id, year, kind, title, version + 1, id FROM checklist_templates WHERE id = $1
         RETURNING id";
    const COPY: &str = "INSERT INTO checklist_questions
             (template_id, origin_id, area, sort_order, text, help, scale)
         SELECT $1, COALESCE(origin_id, id), area, sort_order, text, help, scale
         FROM checklist_questions WHERE template_id = $2 ORDER BY sort_order, id";
    const COPIED: &str = "SELECT id FROM checklist_questions
         WHERE template_id = $1 AND origin_id = (SELECT COALESCE(origin_id, id)
             FROM checklist_questions WHERE id = $2)";
    const UPDATE: &str = "UPDATE checklist_questions SET area = $3, text = $4, help = $5,
             scale = $6 WHERE id = $1 AND template_id = $2";
    const REMOVE: &str = "DELETE FROM checklist_questions WHERE id = $1 AND template_id = $2
         AND NOT EXISTS (SELECT 1 FROM checklist_answers a WHERE a.question_id = $1)
         AND NOT EXISTS (SELECT 1 FROM checklist_questions o WHERE o.origin_id = $1)
         AND NOT EXISTS (SELECT 1 FROM actions x WHERE x.question_id = $1)";
    const ADD: &str = "INSERT INTO checklist_questions
             (template_id, area, sort_order, text, help, scale)
         SELECT $1, $2, COALESCE(MAX(sort_order), -1) + 1, $3, $4, $5
         FROM checklist_questions WHERE template_id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let Some((version, used)): Option<(i64, i64)> = sqlx::query_as(TEMPLATE)
            .bind(template_id).fetch_optional(&mut *tx).await? else {
            return Ok(None);
        };
        let version = u32::try_from(version).unwrap_or(1);
        let (target, version, question) =
            match crate::domain::template_edit(version, u32::try_from(used).unwrap_or(u32::MAX)) {
                crate::domain::TemplateEdit::InPlace => (template_id, version, question_id),
                crate::domain::TemplateEdit::NewVersion(next) => {
                    sqlx::query(RETIRE).bind(template_id).execute(&mut *tx).await?;
                    let new_id: i64 = sqlx::query_scalar(NEXT)
                        .bind(template_id).fetch_one(&mut *tx).await?;
                    sqlx::query(COPY).bind(new_id).bind(template_id).execute(&mut *tx).await?;
                    let question = match question_id {
                        Some(q) => sqlx::query_scalar(COPIED)
                            .bind(new_id).bind(q).fetch_optional(&mut *tx).await?,
                        None => None,
                    };
                    (new_id, next, question)
                }
            };
        match (change, question) {
            (TemplateChange::Change(_, edit), Some(q)) => {
                let done = sqlx::query(UPDATE)
                    .bind(q).bind(target).bind(&edit.area).bind(&edit.text)
                    .bind(&edit.help).bind(edit.scale.code())
                    .execute(&mut *tx).await?;
                if done.rows_affected() != 1 {
                    return Ok(None);
                }
            }
            (TemplateChange::Remove(_), Some(q)) => {
                let done = sqlx::query(REMOVE).bind(q).bind(target).execute(&mut *tx).await?;
                if done.rows_affected() != 1 {
                    return Ok(None);
                }
            }
            (TemplateChange::Add(edit), _) => {
                sqlx::query(ADD)
                    .bind(target).bind(&edit.area).bind(&edit.text)
                    .bind(&edit.help).bind(edit.scale.code())
                    .execute(&mut *tx).await?;
            }
            (_, None) => return Ok(None),
        }
        tx.commit().await?;
        Ok(Some(EditedTemplate { template_id: target, version }))
    })
}

/// The organisation a template belongs to.
#[tracing::instrument(skip_all, err)]
pub async fn template_org(db: &Db, template_id: i64) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT org_id FROM checklist_templates WHERE id = $1";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(template_id).fetch_optional(pool).await)
}
