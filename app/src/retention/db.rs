//! The SQL of retention: the organisation's rules, what a rule would cull today, the culling
//! run itself (one transaction: find, remove, record), and the record of earlier runs.
//!
//! What a kind of record covers, for the meetings, checklists and actions of every unit below
//! the organisation:
//! - minutes: the published versions, attendance, the workload check, and the notes and
//!   decisions written on the agenda items, of meetings dated before the cutoff;
//! - agendas: the items, sections, attachments and notices of those meetings (the meeting itself
//!   stays in the plan);
//! - checklists: the unit checklists of years before the cutoff, with answers and participants;
//! - action plans: actions closed before the cutoff;
//! - protocols: of cooperation meetings dated before the cutoff in groups at or below the
//!   organisation, the agenda, what members sent in, the notices, and the protocol in every
//!   version with its approvals, comments, reminders and bilagor (the meeting stays in the plan);
//! - audit: entries of the audit trail before the cutoff, removed under a permit row that only
//!   this transaction holds (the trigger refuses every other delete).

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::RecordKind;
use crate::with_db;

/// The subtree of the organisation, as a CTE named `subtree` (parameter `$1` is the root).
const SCOPE: &str = crate::subtree_cte!("$1");

/// A rule as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct RuleRow {
    /// The kind's code.
    pub record_kind: String,
    /// Full years kept.
    pub keep_years: i32,
    /// The decision's reference.
    pub decision: String,
    /// The decision's date.
    pub decided_on: NaiveDate,
}

/// A culling run as recorded.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct RunRow {
    /// Run id.
    pub id: i64,
    /// The kind's code.
    pub record_kind: String,
    /// Years kept under the rule.
    pub keep_years: i32,
    /// The decision culled under.
    pub decision: String,
    /// Records dated before this were removed.
    pub cutoff: NaiveDate,
    /// Who ran it.
    pub run_by_name: String,
    /// When.
    pub run_at: DateTime<Utc>,
    /// How many records were removed.
    pub removed: i32,
    /// One line per removed record.
    pub summary: String,
}

/// The organisation's rules.
#[tracing::instrument(skip_all, err)]
pub async fn rules(db: &Db, org_id: i64) -> sqlx::Result<Vec<RuleRow>> {
    const SQL: &str = "SELECT record_kind, keep_years, decision, decided_on
         FROM retention_rules WHERE org_id = $1 ORDER BY record_kind";
    with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)
}

/// Sets (or replaces) the organisation's rule for a kind.
#[tracing::instrument(skip_all, err)]
pub async fn save_rule(
    db: &Db,
    org_id: i64,
    kind: RecordKind,
    rule: &crate::domain::CheckedRetention,
    set_by: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO retention_rules
            (org_id, record_kind, keep_years, decision, decided_on, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (org_id, record_kind) DO UPDATE SET
            keep_years = excluded.keep_years, decision = excluded.decision,
            decided_on = excluded.decided_on, set_by = excluded.set_by, set_at = excluded.set_at";
    let years = i32::try_from(rule.keep_years).unwrap_or(i32::MAX);
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(org_id).bind(kind.code()).bind(years).bind(&rule.decision)
            .bind(rule.decided_on).bind(set_by).bind(now)
            .execute(pool).await.map(|_| ())
    })
}

/// The organisation's culling runs, newest first.
#[tracing::instrument(skip_all, err)]
pub async fn runs(db: &Db, org_id: i64) -> sqlx::Result<Vec<RunRow>> {
    const SQL: &str = "SELECT id, record_kind, keep_years, decision, cutoff, run_by_name, run_at,
                removed, summary
         FROM culling_runs WHERE org_id = $1 ORDER BY id DESC LIMIT 50";
    with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)
}

/// The meetings below the organisation dated before the cutoff that hold records of the kind:
/// (meeting id, line for the run's summary).
fn meetings_sql(kind: RecordKind) -> String {
    let holds = match kind {
        RecordKind::Minutes => {
            "EXISTS (SELECT 1 FROM minutes_versions v WHERE v.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM workload_checks w WHERE w.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id
                        AND (i.notes <> '' OR i.decision <> ''))"
        }
        _ => {
            "EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM agenda_sections s WHERE s.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM attachments f WHERE f.meeting_id = m.id)
             OR EXISTS (SELECT 1 FROM notices t WHERE t.meeting_id = m.id)"
        }
    };
    format!(
        "{SCOPE}
         SELECT m.id, m.meeting_date, n.name
         FROM meetings m JOIN plans p ON p.id = m.plan_id JOIN org_nodes n ON n.id = p.unit_id
         WHERE p.unit_id IN (SELECT id FROM subtree) AND m.meeting_date < $2 AND ({holds})
         ORDER BY m.meeting_date, n.name, m.id"
    )
}

/// What culling the kind would remove now: (ids, one line per record).
type Found = (Vec<i64>, Vec<String>);

/// The statements that remove one meeting's records of the kind (`$1` is the meeting).
fn meeting_deletes(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Minutes => &[
            "DELETE FROM minutes_versions WHERE meeting_id = $1",
            "DELETE FROM meeting_attendance WHERE meeting_id = $1",
            "DELETE FROM workload_voters WHERE meeting_id = $1",
            "DELETE FROM workload_tallies WHERE meeting_id = $1",
            "DELETE FROM workload_checks WHERE meeting_id = $1",
            "UPDATE agenda_items SET notes = '', decision = '' WHERE meeting_id = $1",
        ],
        _ => &[
            "DELETE FROM agenda_items WHERE meeting_id = $1",
            "DELETE FROM agenda_sections WHERE meeting_id = $1",
            "DELETE FROM attachments WHERE meeting_id = $1",
            "DELETE FROM notices WHERE meeting_id = $1",
        ],
    }
}

/// The cooperation meetings of groups below the organisation dated before the cutoff that hold
/// any record.
const COOP_MEETINGS: &str = "SELECT m.id, m.meeting_date, g.name
     FROM coop_meetings m JOIN coop_groups g ON g.id = m.group_id
     WHERE g.node_id IN (SELECT id FROM subtree) AND m.meeting_date < $2
       AND (EXISTS (SELECT 1 FROM coop_items i WHERE i.meeting_id = m.id)
            OR EXISTS (SELECT 1 FROM coop_submissions s WHERE s.meeting_id = m.id)
            OR EXISTS (SELECT 1 FROM coop_notices t WHERE t.meeting_id = m.id)
            OR EXISTS (SELECT 1 FROM coop_protocol_versions v WHERE v.meeting_id = m.id)
            OR EXISTS (SELECT 1 FROM coop_attendance a WHERE a.meeting_id = m.id))
     ORDER BY m.meeting_date, g.name, m.id";

/// The statements that remove one cooperation meeting's records (`$1` is the meeting), those
/// that point at a row before it: messages keep their text but lose the link.
const COOP_DELETES: &[&str] = &[
    "UPDATE outbox SET coop_version_id = NULL WHERE coop_version_id IN
        (SELECT id FROM coop_protocol_versions WHERE meeting_id = $1)",
    "UPDATE outbox SET coop_notice_id = NULL WHERE coop_notice_id IN
        (SELECT id FROM coop_notices WHERE meeting_id = $1)",
    "DELETE FROM coop_adjust_reminders WHERE version_id IN
        (SELECT id FROM coop_protocol_versions WHERE meeting_id = $1)",
    "DELETE FROM coop_approvals WHERE version_id IN
        (SELECT id FROM coop_protocol_versions WHERE meeting_id = $1)",
    "DELETE FROM coop_protocol_comments WHERE version_id IN
        (SELECT id FROM coop_protocol_versions WHERE meeting_id = $1)",
    "DELETE FROM coop_protocol_versions WHERE meeting_id = $1",
    "DELETE FROM coop_approvers WHERE meeting_id = $1",
    "DELETE FROM coop_attachments WHERE meeting_id = $1",
    "UPDATE coop_follow_ups SET closed_meeting_id = NULL WHERE closed_meeting_id = $1",
    "DELETE FROM coop_follow_ups WHERE raised_meeting_id = $1",
    "DELETE FROM coop_attendance WHERE meeting_id = $1",
    "DELETE FROM coop_adjuncts WHERE meeting_id = $1",
    "DELETE FROM coop_submissions WHERE meeting_id = $1",
    "DELETE FROM coop_notices WHERE meeting_id = $1",
    "DELETE FROM coop_items WHERE meeting_id = $1 AND parent_id IS NOT NULL",
    "DELETE FROM coop_items WHERE meeting_id = $1",
];

const CHECKLISTS: &str = "SELECT uc.id, uc.year, n.name, t.title
     FROM unit_checklists uc JOIN org_nodes n ON n.id = uc.unit_id
     JOIN checklist_templates t ON t.id = uc.template_id
     WHERE uc.unit_id IN (SELECT id FROM subtree) AND uc.year < $2
     ORDER BY uc.year, n.name, uc.id";

const ACTIONS: &str = "SELECT a.id, a.closed_at, n.name, a.title
     FROM actions a JOIN org_nodes n ON n.id = a.unit_id
     WHERE a.unit_id IN (SELECT id FROM subtree) AND a.status = 'done' AND a.closed_at < $2
     ORDER BY a.closed_at, a.id";

const AUDIT_COUNT: &str = "SELECT COUNT(*) FROM audit_log
     WHERE at < $2 AND (node_id IN (SELECT id FROM subtree) OR node_id IS NULL)";

const AUDIT_DELETE: &str = "DELETE FROM audit_log
     WHERE at < $2 AND (node_id IN (SELECT id FROM subtree) OR node_id IS NULL)";

/// The start of a day in UTC (the server's local midnight), for the timestamp columns.
fn instant(day: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    chrono::Local
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}

macro_rules! find_in {
    ($conn:expr, $org:expr, $kind:expr, $cutoff:expr) => {{
        let found: sqlx::Result<Found> = async {
            match $kind {
                RecordKind::Minutes | RecordKind::Agendas => {
                    let label = if $kind == RecordKind::Minutes {
                        "Minnesanteckningar"
                    } else {
                        "Dagordning"
                    };
                    let rows: Vec<(i64, NaiveDate, String)> = sqlx::query_as(&meetings_sql($kind))
                        .bind($org)
                        .bind($cutoff)
                        .fetch_all(&mut *$conn)
                        .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(id, date, unit)| (id, format!("{label}: {unit}, APT {date}")))
                        .unzip())
                }
                RecordKind::Checklists => {
                    let rows: Vec<(i64, i32, String, String)> =
                        sqlx::query_as(&format!("{SCOPE} {CHECKLISTS}"))
                            .bind($org)
                            .bind($cutoff.year())
                            .fetch_all(&mut *$conn)
                            .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(id, year, unit, title)| {
                            (id, format!("Checklista: {unit}, {title} {year}"))
                        })
                        .unzip())
                }
                RecordKind::ActionPlans => {
                    let rows: Vec<(i64, Option<DateTime<Utc>>, String, String)> =
                        sqlx::query_as(&format!("{SCOPE} {ACTIONS}"))
                            .bind($org)
                            .bind(instant($cutoff))
                            .fetch_all(&mut *$conn)
                            .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(id, closed, unit, title)| {
                            let closed = closed
                                .map(|c| c.with_timezone(&chrono::Local).date_naive().to_string())
                                .unwrap_or_default();
                            (id, format!("Åtgärd: {unit}, {title} (avslutad {closed})"))
                        })
                        .unzip())
                }
                RecordKind::Protocols => {
                    let rows: Vec<(i64, NaiveDate, String)> =
                        sqlx::query_as(&format!("{SCOPE} {COOP_MEETINGS}"))
                            .bind($org)
                            .bind($cutoff)
                            .fetch_all(&mut *$conn)
                            .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(id, date, group)| {
                            (id, format!("Samverkansprotokoll: {group}, {date}"))
                        })
                        .unzip())
                }
                RecordKind::Audit => {
                    let count: i64 = sqlx::query_scalar(&format!("{SCOPE} {AUDIT_COUNT}"))
                        .bind($org)
                        .bind(instant($cutoff))
                        .fetch_one(&mut *$conn)
                        .await?;
                    let lines = if count > 0 {
                        vec![format!("Händelselogg: {count} händelser före {}", $cutoff)]
                    } else {
                        Vec::new()
                    };
                    Ok((vec![count], lines))
                }
            }
        }
        .await;
        found
    }};
}

/// What culling the kind under a cutoff would remove now: how many records, and a line per
/// record (the audit trail, counted in entries, has one line for all of them).
#[tracing::instrument(skip_all, err)]
pub async fn preview(
    db: &Db,
    org_id: i64,
    kind: RecordKind,
    cutoff: NaiveDate,
) -> sqlx::Result<(i64, Vec<String>)> {
    with_db!(db, pool => {
        let mut conn = pool.acquire().await?;
        let (ids, lines) = find_in!(conn, org_id, kind, cutoff)?;
        let count = match kind {
            RecordKind::Audit => ids.first().copied().unwrap_or(0),
            _ => i64::try_from(ids.len()).unwrap_or(i64::MAX),
        };
        Ok((count, lines))
    })
}

/// A culling run to carry out: the rule it follows and who runs it.
#[derive(Clone, Debug)]
pub struct Culling<'a> {
    /// The organisation.
    pub org_id: i64,
    /// The kind of record.
    pub kind: RecordKind,
    /// The rule's years.
    pub keep_years: i32,
    /// The rule's decision.
    pub decision: &'a str,
    /// Records dated before this are removed.
    pub cutoff: NaiveDate,
    /// Who runs it.
    pub run_by: i64,
    /// Their name.
    pub run_by_name: &'a str,
}

/// Culls in one transaction: finds what is older than the cutoff, removes it, and records the
/// run with a line per removed record. Returns how many records were removed and the lines.
#[tracing::instrument(skip_all, err)]
pub async fn cull(
    db: &Db,
    run: &Culling<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<(i64, Vec<String>)> {
    const RECORD: &str = "INSERT INTO culling_runs
            (org_id, record_kind, keep_years, decision, cutoff, run_by, run_by_name, run_at,
             removed, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    let key = crate::tokens::random_token();
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let (ids, lines) = find_in!(tx, run.org_id, run.kind, run.cutoff)?;
        let removed: i64 = match run.kind {
            RecordKind::Minutes | RecordKind::Agendas => {
                for id in &ids {
                    for sql in meeting_deletes(run.kind) {
                        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
                    }
                }
                i64::try_from(ids.len()).unwrap_or(i64::MAX)
            }
            RecordKind::Checklists => {
                for id in &ids {
                    sqlx::query("DELETE FROM unit_checklists WHERE id = $1")
                        .bind(id).execute(&mut *tx).await?;
                }
                i64::try_from(ids.len()).unwrap_or(i64::MAX)
            }
            RecordKind::ActionPlans => {
                for id in &ids {
                    sqlx::query("DELETE FROM actions WHERE id = $1")
                        .bind(id).execute(&mut *tx).await?;
                }
                i64::try_from(ids.len()).unwrap_or(i64::MAX)
            }
            RecordKind::Protocols => {
                for id in &ids {
                    for sql in COOP_DELETES {
                        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
                    }
                }
                i64::try_from(ids.len()).unwrap_or(i64::MAX)
            }
            RecordKind::Audit => {
                sqlx::query("INSERT INTO audit_culling_permits (run_key) VALUES ($1)")
                    .bind(&key).execute(&mut *tx).await?;
                let done = sqlx::query(&format!("{SCOPE} {AUDIT_DELETE}"))
                    .bind(run.org_id).bind(instant(run.cutoff)).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM audit_culling_permits WHERE run_key = $1")
                    .bind(&key).execute(&mut *tx).await?;
                i64::try_from(done.rows_affected()).unwrap_or(i64::MAX)
            }
        };
        sqlx::query(RECORD)
            .bind(run.org_id).bind(run.kind.code()).bind(run.keep_years).bind(run.decision)
            .bind(run.cutoff).bind(run.run_by).bind(run.run_by_name).bind(now)
            .bind(i32::try_from(removed).unwrap_or(i32::MAX)).bind(lines.join("\n"))
            .execute(&mut *tx).await?;
        tx.commit().await?;
        Ok((removed, lines))
    })
}
