//! Proposals for coming APTs and the unit's backlog: proposing, the chef's three decisions, and
//! placing a backlog item on an agenda.

use super::{
    section_with_role, AgendaError, ItemRow, SectionRole, BUMP_AGENDA, ITEM_COLUMNS,
    NEXT_IN_SECTION,
};
use crate::db::{BeginWrite, Db};
use crate::meetings::{AgendaItem, MeetingChoice, Proposal, ProposalStatus};
use crate::with_db;

/// Minutes a proposal is planned for on an agenda until the chef says otherwise.
const PROPOSAL_MINUTES: i32 = 10;

/// Stores a proposal and returns its id; `None` when the proposer already has
/// [`crate::domain::agenda::MAX_OPEN_PROPOSALS`] proposals in the unit that the chef has not
/// decided on (checked in the same statement).
#[tracing::instrument(skip_all, err)]
pub async fn propose(
    db: &Db,
    unit_id: i64,
    proposer_id: i64,
    meeting_id: Option<i64>,
    title: &str,
    description: &str,
) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "INSERT INTO proposals (unit_id, proposer_id, meeting_id, title, description)
         SELECT $1, $2, $3, $4, $5
         WHERE (SELECT COUNT(*) FROM proposals
                WHERE unit_id = $1 AND proposer_id = $2 AND status = 'new') < $6
         RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(unit_id)
            .bind(proposer_id)
            .bind(meeting_id)
            .bind(title)
            .bind(description)
            .bind(crate::domain::agenda::MAX_OPEN_PROPOSALS)
            .fetch_optional(pool)
            .await
    })
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    id: i64,
    proposer: String,
    wanted_id: Option<i64>,
    wanted_date: Option<chrono::NaiveDate>,
    title: String,
    description: String,
    status: String,
    reason: Option<String>,
    placed_id: Option<i64>,
    placed_date: Option<chrono::NaiveDate>,
    created_at: chrono::DateTime<chrono::Utc>,
}

fn choice(id: Option<i64>, date: Option<chrono::NaiveDate>) -> Option<MeetingChoice> {
    Some(MeetingChoice {
        id: id?,
        date: date?,
    })
}

impl From<ProposalRow> for Proposal {
    fn from(r: ProposalRow) -> Self {
        Proposal {
            id: r.id,
            proposer: r.proposer,
            wanted: choice(r.wanted_id, r.wanted_date),
            title: r.title,
            description: r.description,
            status: ProposalStatus::from_code(&r.status),
            reason: r.reason,
            placed_in: choice(r.placed_id, r.placed_date),
            created: r.created_at.with_timezone(&chrono::Local).date_naive(),
        }
    }
}

/// The unit's proposals: those of one proposer (newest first), or those waiting (oldest first).
#[tracing::instrument(skip_all, err)]
pub async fn proposals(
    db: &Db,
    unit_id: i64,
    proposer_id: Option<i64>,
) -> sqlx::Result<Vec<Proposal>> {
    const SQL: &str = "SELECT p.id, pe.name AS proposer, w.id AS wanted_id,
             w.meeting_date AS wanted_date, p.title, p.description, p.status, p.reason,
             pl.id AS placed_id, pl.meeting_date AS placed_date,
             p.created_at
         FROM proposals p
         JOIN people pe ON pe.id = p.proposer_id
         LEFT JOIN meetings w ON w.id = p.meeting_id
         LEFT JOIN agenda_items i ON i.id = p.item_id
         LEFT JOIN meetings pl ON pl.id = i.meeting_id
         WHERE p.unit_id = $1
           AND (($2 IS NULL AND p.status = 'new') OR p.proposer_id = $2)
         ORDER BY CASE WHEN $2 IS NULL THEN p.id ELSE -p.id END";
    let rows: Vec<ProposalRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(unit_id).bind(proposer_id).fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(Proposal::from).collect())
}

/// The unit's backlog, oldest first.
#[tracing::instrument(skip_all, err)]
pub async fn backlog(db: &Db, unit_id: i64) -> sqlx::Result<Vec<AgendaItem>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM agenda_items i WHERE i.unit_id = $1 AND i.meeting_id IS NULL
         ORDER BY i.id"
    );
    let rows: Vec<ItemRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(unit_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(AgendaItem::from).collect())
}

/// A decision on a proposal that is still waiting.
pub enum Decision<'a> {
    /// Onto the agenda of this meeting (of the same unit).
    Accept {
        /// The meeting.
        meeting_id: i64,
    },
    /// Into the backlog.
    Defer,
    /// Not taken up, for this reason.
    Decline {
        /// Shown to the proposer.
        reason: &'a str,
    },
}

/// Records the chef's decision. `Stale` when someone decided first, `NotFound` for a proposal of
/// another unit.
#[tracing::instrument(skip_all)]
pub async fn decide(
    db: &Db,
    unit_id: i64,
    proposal_id: i64,
    decided_by: i64,
    decision: Decision<'_>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AgendaError> {
    const READ: &str =
        "SELECT title, description, status FROM proposals WHERE id = $1 AND unit_id = $2";
    const ITEM: &str = "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order,
             title, description, minutes, kind, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'dialogue', 'proposal') RETURNING id";
    const DECIDE: &str = "UPDATE proposals SET status = $3, reason = $4, item_id = $5,
             decided_by = $6, decided_at = $7
         WHERE id = $1 AND unit_id = $2 AND status = 'new'";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let found: Option<(String, String, String)> =
            sqlx::query_as(READ).bind(proposal_id).bind(unit_id).fetch_optional(&mut *tx).await?;
        let Some((title, description, status)) = found else {
            tx.rollback().await?;
            return Err(AgendaError::NotFound);
        };
        if status != "new" {
            tx.rollback().await?;
            return Err(AgendaError::Stale);
        }
        let (status, reason, item_id) = match decision {
            Decision::Accept { meeting_id } => {
                let section = section_with_role!(tx, meeting_id, SectionRole::Other);
                let next: i64 = sqlx::query_scalar(NEXT_IN_SECTION).bind(section).fetch_one(&mut *tx).await?;
                let id: i64 = sqlx::query_scalar(ITEM)
                    .bind(unit_id)
                    .bind(Some(meeting_id))
                    .bind(Some(section))
                    .bind(next)
                    .bind(&title)
                    .bind(&description)
                    .bind(PROPOSAL_MINUTES)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
                (ProposalStatus::Accepted, None, Some(id))
            }
            Decision::Defer => {
                let id: i64 = sqlx::query_scalar(ITEM)
                    .bind(unit_id)
                    .bind(None::<i64>)
                    .bind(None::<i64>)
                    .bind(0i64)
                    .bind(&title)
                    .bind(&description)
                    .bind(PROPOSAL_MINUTES)
                    .fetch_one(&mut *tx)
                    .await?;
                (ProposalStatus::Deferred, None, Some(id))
            }
            Decision::Decline { reason } => (ProposalStatus::Declined, Some(reason.to_string()), None),
        };
        let done = sqlx::query(DECIDE)
            .bind(proposal_id)
            .bind(unit_id)
            .bind(status.code())
            .bind(reason)
            .bind(item_id)
            .bind(decided_by)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(AgendaError::Stale);
        }
        tx.commit().await?;
        Ok(())
    })
}

/// Puts a backlog item of the unit on a meeting's agenda, last in its "other" section.
#[tracing::instrument(skip_all)]
pub async fn schedule(
    db: &Db,
    unit_id: i64,
    item_id: i64,
    meeting_id: i64,
) -> Result<(), AgendaError> {
    const MOVE: &str = "UPDATE agenda_items SET meeting_id = $3, section_id = $4, sort_order = $5
         WHERE id = $1 AND unit_id = $2 AND meeting_id IS NULL";
    const PROPOSAL: &str = "UPDATE proposals SET status = 'accepted' WHERE item_id = $1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let section = section_with_role!(tx, meeting_id, SectionRole::Other);
        let next: i64 = sqlx::query_scalar(NEXT_IN_SECTION).bind(section).fetch_one(&mut *tx).await?;
        let done = sqlx::query(MOVE)
            .bind(item_id)
            .bind(unit_id)
            .bind(meeting_id)
            .bind(section)
            .bind(next)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(AgendaError::NotFound);
        }
        sqlx::query(PROPOSAL).bind(item_id).execute(&mut *tx).await?;
        sqlx::query(BUMP_AGENDA).bind(meeting_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Adds an item straight to the unit's backlog (the chef's own, for a later APT).
#[tracing::instrument(skip_all, err)]
pub async fn add_to_backlog(
    db: &Db,
    unit_id: i64,
    item: &crate::domain::CheckedAgendaItem,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO agenda_items (unit_id, title, description, presenter, minutes,
             kind, source)
         VALUES ($1, $2, $3, $4, $5, $6, 'chef') RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(unit_id)
            .bind(&item.title)
            .bind(&item.description)
            .bind(&item.presenter)
            .bind(i32::try_from(item.minutes).unwrap_or(0))
            .bind(item.kind.code())
            .fetch_one(pool)
            .await
    })
}

/// Removes an item from the unit's backlog.
#[tracing::instrument(skip_all)]
pub async fn remove_from_backlog(db: &Db, unit_id: i64, item_id: i64) -> Result<(), AgendaError> {
    const SQL: &str =
        "DELETE FROM agenda_items WHERE id = $1 AND unit_id = $2 AND meeting_id IS NULL";
    with_db!(db, pool => {
        let done = sqlx::query(SQL).bind(item_id).bind(unit_id).execute(pool).await?;
        if done.rows_affected() != 1 {
            return Err(AgendaError::NotFound);
        }
        Ok(())
    })
}
