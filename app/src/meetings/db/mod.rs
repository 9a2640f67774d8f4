//! The SQL of agendas, proposals and the backlog, the only place it is written: reads of an
//! agenda in `agenda_read.rs`, changes of it in `agenda_write.rs`, proposals and the backlog in
//! `proposals.rs`, attachments in `attachments.rs`. Every change of an agenda raises its meeting's `agenda_version` in the same
//! transaction, so a notice knows whether the agenda changed since it was sent.

mod agenda_read;
mod agenda_write;
mod attachments;
mod proposals;

pub use agenda_read::*;
pub use agenda_write::*;
pub use attachments::*;
pub use proposals::*;

/// Raises a meeting's agenda version ($1: the meeting).
pub(crate) const BUMP_AGENDA: &str =
    "UPDATE meetings SET agenda_version = agenda_version + 1 WHERE id = $1";

/// The columns of an item, in the order `ItemRow` reads them.
const ITEM_COLUMNS: &str = "i.id, i.section_id, i.title, i.description, i.presenter,
     i.minutes AS minutes, i.kind, i.source, i.topic_id, i.point_id, i.action_id, i.reached, i.notes, i.decision";

/// Why an agenda change was not made.
#[derive(Debug)]
pub enum AgendaError {
    /// The agenda changed after the form was opened.
    Stale,
    /// The item, section or meeting is not part of this agenda.
    NotFound,
    /// The section still has items.
    SectionNotEmpty,
    /// The database failed.
    Db(sqlx::Error),
}

impl From<sqlx::Error> for AgendaError {
    fn from(e: sqlx::Error) -> Self {
        AgendaError::Db(e)
    }
}

/// A refused agenda change as the user sees it: a stale agenda with the one stale-edit sentence.
impl From<AgendaError> for crate::error::AppError {
    fn from(err: AgendaError) -> Self {
        use crate::error::AppError;
        match err {
            AgendaError::Stale => AppError::stale(crate::error::Edited::Agenda, None),
            AgendaError::NotFound => AppError::NotFound,
            AgendaError::SectionNotEmpty => AppError::Invalid {
                field: "section".into(),
                message: "Avsnittet har punkter. Flytta eller ta bort dem först.".into(),
            },
            AgendaError::Db(e) => AppError::internal("agenda change", e),
        }
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    section_id: Option<i64>,
    title: String,
    description: String,
    presenter: String,
    minutes: i64,
    kind: String,
    source: String,
    topic_id: Option<i64>,
    point_id: Option<i64>,
    action_id: Option<i64>,
    reached: bool,
    notes: String,
    decision: String,
}

impl From<ItemRow> for super::AgendaItem {
    fn from(r: ItemRow) -> Self {
        super::AgendaItem {
            id: r.id,
            section_id: r.section_id,
            title: r.title,
            description: r.description,
            presenter: r.presenter,
            minutes: u32::try_from(r.minutes).unwrap_or(0),
            kind: crate::domain::ItemKind::from_code(&r.kind)
                .unwrap_or(crate::domain::ItemKind::Information),
            source: super::ItemSource::from_code(&r.source),
            topic_id: r.topic_id,
            point_id: r.point_id,
            action_id: r.action_id,
            reached: r.reached,
            notes: r.notes,
            decision: r.decision,
        }
    }
}

/// The role of a section that composing fills: recurring points, wheel topics, everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionRole {
    /// "Löpande punkter".
    Recurring,
    /// "Årshjulets ämnen".
    Topics,
    /// "Förslag och övriga frågor".
    Other,
}

impl SectionRole {
    pub(crate) fn code(self) -> &'static str {
        match self {
            SectionRole::Recurring => "recurring",
            SectionRole::Topics => "topics",
            SectionRole::Other => "other",
        }
    }

    pub(crate) fn title(self) -> &'static str {
        match self {
            SectionRole::Recurring => "Löpande punkter",
            SectionRole::Topics => "Årshjulets ämnen",
            SectionRole::Other => "Förslag och övriga frågor",
        }
    }

    pub(crate) fn order(self) -> i32 {
        match self {
            SectionRole::Recurring => 0,
            SectionRole::Topics => 1,
            SectionRole::Other => 2,
        }
    }
}

/// The id of the meeting's section with `role`, made (with its Swedish heading) when missing.
/// Runs inside the caller's transaction.
macro_rules! section_with_role {
    ($tx:expr, $meeting_id:expr, $role:expr) => {{
        let role: $crate::meetings::db::SectionRole = $role;
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM agenda_sections WHERE meeting_id = $1 AND role = $2",
        )
        .bind($meeting_id)
        .bind(role.code())
        .fetch_optional(&mut *$tx)
        .await?;
        match found {
            Some(id) => id,
            None => {
                sqlx::query_scalar::<_, i64>(
                    "INSERT INTO agenda_sections (meeting_id, title, role, sort_order)
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind($meeting_id)
                .bind(role.title())
                .bind(role.code())
                .bind(role.order())
                .fetch_one(&mut *$tx)
                .await?
            }
        }
    }};
}

/// Ends an agenda change that touched one row: `NotFound` (rolled back) unless exactly one row
/// changed, else the meeting's agenda version rises and the transaction commits.
macro_rules! finish_one_row_change {
    ($tx:expr, $done:expr, $meeting_id:expr) => {{
        if $done.rows_affected() != 1 {
            $tx.rollback().await?;
            return Err($crate::meetings::db::AgendaError::NotFound);
        }
        sqlx::query($crate::meetings::db::BUMP_AGENDA)
            .bind($meeting_id)
            .execute(&mut *$tx)
            .await?;
        $tx.commit().await?;
        Ok(())
    }};
}

pub(crate) use finish_one_row_change;

/// The next free place at the end of a section ($1).
const NEXT_IN_SECTION: &str =
    "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM agenda_items WHERE section_id = $1";

pub(crate) use section_with_role;
