//! The SQL of workload checks, the only place it is written. Votes are counted, never stored per
//! person: the voter table says who voted, the tally table how many chose what.

use chrono::NaiveDate;

use crate::db::{BeginWrite, Db};
use crate::domain::WorkloadMethod;
use crate::with_db;

/// A meeting's check: (method, voting open, red, yellow, green, note).
pub type CheckRow = (String, bool, Option<i64>, Option<i64>, Option<i64>, String);

/// The meeting's check, if the chef has started one.
#[tracing::instrument(skip_all, err)]
pub async fn check(db: &Db, meeting_id: i64) -> sqlx::Result<Option<CheckRow>> {
    const SQL: &str = "SELECT method, voting_open, red, yellow,
             green, note
         FROM workload_checks WHERE meeting_id = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_optional(pool).await)
}

/// What became of a change of voting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VotingChange {
    /// Saved.
    Done,
    /// The method cannot change once votes are in.
    MethodLocked,
    /// Voting closed over a visible result never opens again (`Ballot::may_reopen`).
    ClosedForGood,
}

/// Chooses the method and opens or closes voting, in one transaction with the checks of what
/// the votes already cast allow.
#[tracing::instrument(skip_all, err)]
pub async fn set_voting(
    db: &Db,
    meeting_id: i64,
    method: WorkloadMethod,
    open: bool,
    threshold: u32,
) -> sqlx::Result<VotingChange> {
    const VOTES: &str = "SELECT COUNT(*) FROM workload_voters WHERE meeting_id = $1";
    const CURRENT: &str = "SELECT method, voting_open FROM workload_checks WHERE meeting_id = $1";
    const UPSERT: &str = "INSERT INTO workload_checks (meeting_id, method, voting_open)
         VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO UPDATE SET method = $2, voting_open = $3";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let votes: i64 = sqlx::query_scalar(VOTES).bind(meeting_id).fetch_one(&mut *tx).await?;
        let current: Option<(String, bool)> =
            sqlx::query_as(CURRENT).bind(meeting_id).fetch_optional(&mut *tx).await?;
        let refusal = match &current {
            Some((m, _)) if votes > 0 && m != method.code() => Some(VotingChange::MethodLocked),
            Some((_, was_open)) if open => {
                let ballot = crate::domain::Ballot {
                    open: *was_open,
                    votes: u32::try_from(votes).unwrap_or(u32::MAX),
                    voted: false,
                    threshold,
                };
                (!ballot.may_reopen()).then_some(VotingChange::ClosedForGood)
            }
            _ => None,
        };
        if let Some(refusal) = refusal {
            tx.rollback().await?;
            return Ok(refusal);
        }
        sqlx::query(UPSERT).bind(meeting_id).bind(method.code()).bind(open).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(VotingChange::Done)
    })
}

/// Saves the chef's record of the traffic light and a note (making the check if needed).
#[tracing::instrument(skip_all, err)]
pub async fn save_record(
    db: &Db,
    meeting_id: i64,
    counts: [Option<u32>; 3],
    note: &str,
) -> sqlx::Result<()> {
    const UPSERT: &str =
        "INSERT INTO workload_checks (meeting_id, method, red, yellow, green, note)
         VALUES ($1, 'traffic_light', $2, $3, $4, $5)
         ON CONFLICT (meeting_id) DO UPDATE SET red = $2, yellow = $3, green = $4, note = $5";
    let [red, yellow, green] = counts.map(|c| c.map(i64::from));
    with_db!(db, pool => {
        sqlx::query(UPSERT)
            .bind(meeting_id)
            .bind(red)
            .bind(yellow)
            .bind(green)
            .bind(note)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Counts one vote: the voter once, the choice among the others. False when the person has
/// already voted (nothing is counted then).
#[tracing::instrument(skip_all, err)]
pub async fn vote(db: &Db, meeting_id: i64, person_id: i64, choice: &str) -> sqlx::Result<bool> {
    const VOTER: &str = "INSERT INTO workload_voters (meeting_id, person_id) VALUES ($1, $2)
         ON CONFLICT (meeting_id, person_id) DO NOTHING";
    const TALLY: &str =
        "INSERT INTO workload_tallies (meeting_id, choice, votes) VALUES ($1, $2, 1)
         ON CONFLICT (meeting_id, choice) DO UPDATE SET votes = workload_tallies.votes + 1";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let added = sqlx::query(VOTER).bind(meeting_id).bind(person_id).execute(&mut *tx).await?;
        if added.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(TALLY).bind(meeting_id).bind(choice).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// (votes cast, whether `person_id` is among the voters).
#[tracing::instrument(skip_all, err)]
pub async fn voters(db: &Db, meeting_id: i64, person_id: i64) -> sqlx::Result<(u32, bool)> {
    const SQL: &str = "SELECT COUNT(*),
             COALESCE(SUM(CASE WHEN person_id = $2 THEN 1 ELSE 0 END), 0)
         FROM workload_voters WHERE meeting_id = $1";
    let (count, mine): (i64, i64) = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(meeting_id).bind(person_id).fetch_one(pool).await
    })?;
    Ok((u32::try_from(count).unwrap_or(0), mine > 0))
}

/// The meeting's tallies: (choice, votes).
#[tracing::instrument(skip_all, err)]
pub async fn tallies(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<(String, u32)>> {
    const SQL: &str = "SELECT choice, votes FROM workload_tallies WHERE meeting_id = $1";
    let rows: Vec<(String, i64)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(c, v)| (c, u32::try_from(v).unwrap_or(0)))
        .collect())
}

/// One meeting of a plan with its workload figures, for the year's trend.
pub struct PlanWorkload {
    /// Meeting and day.
    pub meeting: (i64, NaiveDate),
    /// The chef's record (red, yellow, green).
    pub record: Option<[Option<u32>; 3]>,
    /// Whether voting is still open.
    pub voting_open: bool,
    /// Votes cast.
    pub votes: u32,
    /// Whether the person asking cast one of them.
    pub voted: bool,
    /// The tallies.
    pub tallies: Vec<(String, u32)>,
}

/// Every meeting of the plan with a workload check: one query for the whole year (a row per
/// meeting and tallied choice).
#[tracing::instrument(skip_all, err)]
pub async fn plan_workload(
    db: &Db,
    plan_id: i64,
    person_id: i64,
) -> sqlx::Result<Vec<PlanWorkload>> {
    const SQL: &str = "SELECT m.id, m.meeting_date, c.red, c.yellow, c.green, c.voting_open,
             (SELECT COUNT(*) FROM workload_voters v WHERE v.meeting_id = m.id) AS votes,
             (SELECT COUNT(*) FROM workload_voters v
               WHERE v.meeting_id = m.id AND v.person_id = $2) AS own,
             t.choice, t.votes AS tally
         FROM workload_checks c JOIN meetings m ON m.id = c.meeting_id
         LEFT JOIN workload_tallies t ON t.meeting_id = m.id
         WHERE m.plan_id = $1 ORDER BY m.meeting_date, m.id, t.choice";
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        meeting_date: NaiveDate,
        red: Option<i64>,
        yellow: Option<i64>,
        green: Option<i64>,
        voting_open: bool,
        votes: i64,
        own: i64,
        choice: Option<String>,
        tally: Option<i64>,
    }
    let rows: Vec<Row> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(plan_id).bind(person_id).fetch_all(pool).await
    })?;
    let count = |v: Option<i64>| v.and_then(|v| u32::try_from(v).ok());
    let mut plan: Vec<PlanWorkload> = Vec::new();
    for r in rows {
        if plan.last().map(|w| w.meeting.0) != Some(r.id) {
            plan.push(PlanWorkload {
                meeting: (r.id, r.meeting_date),
                record: Some([count(r.red), count(r.yellow), count(r.green)]),
                voting_open: r.voting_open,
                votes: u32::try_from(r.votes).unwrap_or(0),
                voted: r.own > 0,
                tallies: Vec::new(),
            });
        }
        if let (Some(choice), Some(votes), Some(meeting)) = (r.choice, r.tally, plan.last_mut()) {
            meeting
                .tallies
                .push((choice, u32::try_from(votes).unwrap_or(0)));
        }
    }
    Ok(plan)
}
