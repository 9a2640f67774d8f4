//! The compliance overview's SQL, in one place: the units of a part of the tree and each one's
//! year counted (its APTs, notices, minutes and workload checks; the wheel's topics; the SAM
//! follow-up; overdue actions), each an aggregate query over the subtree grouped by unit, so a
//! city of 4,000 units is six statements whatever its size. Each reads its table through
//! `unit_id IN (SELECT id FROM subtree)`: SQLite then looks the subtree's units up in the
//! `unit_id` index, where a join from the CTE let it scan every unit's rows of the city instead.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::db::Db;
use crate::domain::compliance::{ComplianceRules, UnitCompliance};
use crate::{subtree_cte, with_db};

/// The organisation's rules for the overview (those HR keeps with the template); the defaults
/// (8 APTs, 7 days' notice, minutes within 14 days) when none are stored.
pub async fn rules(db: &Db, org_id: i64) -> sqlx::Result<ComplianceRules> {
    let rules = crate::org::db::rules(db, org_id).await?;
    Ok(ComplianceRules {
        min_apts: rules.min_apts_per_year,
        notice_days: rules.notice_days,
        minutes_days: rules.minutes_days,
    })
}

#[derive(sqlx::FromRow)]
struct MeetingCounts {
    unit_id: i64,
    planned: i64,
    held: i64,
    notices_on_time: i64,
    minutes_in_time: i64,
    workload_checks: i64,
}

/// The meetings' counts per unit: a held APT's notice is on time when it went out at least
/// `notice_days` before, its minutes when published within `minutes_days` after. The date
/// arithmetic is each engine's own.
async fn meeting_counts(
    db: &Db,
    node_id: i64,
    year: i32,
    today: NaiveDate,
    rules: ComplianceRules,
) -> sqlx::Result<Vec<MeetingCounts>> {
    macro_rules! meetings_sql {
        ($notice_by:literal, $minutes_by:literal) => {
            concat!(
                subtree_cte!("$1"),
                " SELECT p.unit_id,
                    COUNT(*) AS planned,
                    CAST(SUM(CASE WHEN m.meeting_date < $3 THEN 1 ELSE 0 END) AS BIGINT) AS held,
                    CAST(SUM(CASE WHEN m.meeting_date < $3 AND EXISTS (
                        SELECT 1 FROM notices n WHERE n.meeting_id = m.id AND n.kind = 'notice'
                          AND n.sent_on <= ", $notice_by, ") THEN 1 ELSE 0 END) AS BIGINT)
                        AS notices_on_time,
                    CAST(SUM(CASE WHEN m.meeting_date < $3 AND EXISTS (
                        SELECT 1 FROM minutes_versions v WHERE v.meeting_id = m.id
                          AND ", $minutes_by, ") THEN 1 ELSE 0 END) AS BIGINT)
                        AS minutes_in_time,
                    CAST(SUM(CASE WHEN m.meeting_date < $3 AND EXISTS (
                        SELECT 1 FROM workload_checks w WHERE w.meeting_id = m.id)
                        THEN 1 ELSE 0 END) AS BIGINT) AS workload_checks
                 FROM plans p JOIN meetings m ON m.plan_id = p.id AND NOT m.cancelled
                 WHERE p.unit_id IN (SELECT id FROM subtree) AND p.year = $2
                 GROUP BY p.unit_id"
            )
        };
    }
    const SQLITE: &str = meetings_sql!(
        "date(m.meeting_date, '-' || $4 || ' days')",
        "date(v.published_at) <= date(m.meeting_date, '+' || $5 || ' days')"
    );
    const POSTGRES: &str = meetings_sql!(
        "m.meeting_date - CAST($4 AS INTEGER)",
        "CAST(v.published_at AS DATE) <= m.meeting_date + CAST($5 AS INTEGER)"
    );
    let (notice, minutes) = (
        i32::try_from(rules.notice_days).unwrap_or(7),
        i32::try_from(rules.minutes_days).unwrap_or(14),
    );
    let sql = match db {
        Db::Sqlite(_) => SQLITE,
        Db::Postgres(_) => POSTGRES,
    };
    with_db!(db, pool => sqlx::query_as(sql)
        .bind(node_id).bind(year).bind(today).bind(notice).bind(minutes)
        .fetch_all(pool).await)
}

/// Every unit of the subtree of `node_id` (an open node with no open node below it, or one with
/// a plan for the year) with its `year` counted as of `today`. Six queries.
#[tracing::instrument(skip_all, err)]
pub async fn unit_compliance(
    db: &Db,
    node_id: i64,
    year: i32,
    today: NaiveDate,
    rules: ComplianceRules,
) -> sqlx::Result<Vec<UnitCompliance>> {
    const UNITS: &str = concat!(
        subtree_cte!("$1"),
        " SELECT n.id, n.name FROM subtree s JOIN org_nodes n ON n.id = s.id
          WHERE n.closed_at IS NULL
            AND (NOT EXISTS (SELECT 1 FROM org_nodes k
                             WHERE k.parent_id = n.id AND k.closed_at IS NULL)
                 OR EXISTS (SELECT 1 FROM plans p WHERE p.unit_id = n.id AND p.year = $2))"
    );
    const TOPICS: &str = concat!(
        subtree_cte!("$1"),
        " SELECT p.unit_id, COUNT(*) AS topics,
                CAST(SUM(CASE WHEN m.id IS NOT NULL AND NOT m.cancelled AND m.meeting_date < $3
                         THEN 1 ELSE 0 END) AS BIGINT) AS covered
          FROM plans p JOIN plan_topics t ON t.plan_id = p.id
          LEFT JOIN meetings m ON m.id = t.meeting_id
          WHERE p.unit_id IN (SELECT id FROM subtree) AND p.year = $2
          GROUP BY p.unit_id"
    );
    const SAM: &str = concat!(
        subtree_cte!("$1"),
        " SELECT c.unit_id,
                MAX(CASE WHEN c.done_at IS NOT NULL THEN 1 ELSE 0 END) AS done,
                MAX(CASE WHEN c.done_at IS NOT NULL AND EXISTS (
                        SELECT 1 FROM checklist_participants cp
                        JOIN memberships r ON r.person_id = cp.person_id
                        WHERE cp.checklist_id = c.id
                          AND r.role IN ('skyddsombud', 'huvudskyddsombud'))
                    THEN 1 ELSE 0 END) AS with_safety
          FROM unit_checklists c JOIN checklist_templates t ON t.id = c.template_id
          WHERE c.unit_id IN (SELECT id FROM subtree) AND c.year = $2 AND t.kind = 'sam_annual'
          GROUP BY c.unit_id"
    );
    const OVERDUE: &str = concat!(
        subtree_cte!("$1"),
        " SELECT a.unit_id, COUNT(*) FROM actions a
          WHERE a.unit_id IN (SELECT id FROM subtree)
            AND a.status <> 'done' AND a.due_date IS NOT NULL AND a.due_date < $2
          GROUP BY a.unit_id"
    );
    let units: Vec<(i64, String)> = with_db!(db, pool => sqlx::query_as(UNITS)
        .bind(node_id).bind(year).fetch_all(pool).await)?;
    let meetings: HashMap<i64, MeetingCounts> = meeting_counts(db, node_id, year, today, rules)
        .await?
        .into_iter()
        .map(|m| (m.unit_id, m))
        .collect();
    let topics: Vec<(i64, i64, i64)> = with_db!(db, pool => sqlx::query_as(TOPICS)
        .bind(node_id).bind(year).bind(today).fetch_all(pool).await)?;
    let topics: HashMap<i64, (i64, i64)> =
        topics.into_iter().map(|(u, t, c)| (u, (t, c))).collect();
    let sam: Vec<(i64, i32, i32)> = with_db!(db, pool => sqlx::query_as(SAM)
        .bind(node_id).bind(year).fetch_all(pool).await)?;
    let sam: HashMap<i64, (bool, bool)> = sam
        .into_iter()
        .map(|(u, done, safety)| (u, (done == 1, safety == 1)))
        .collect();
    let overdue: Vec<(i64, i64)> = with_db!(db, pool => sqlx::query_as(OVERDUE)
        .bind(node_id).bind(today).fetch_all(pool).await)?;
    let overdue: HashMap<i64, i64> = overdue.into_iter().collect();
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(units
        .into_iter()
        .map(|(id, name)| {
            let m = meetings.get(&id);
            let (topics, covered) = topics.get(&id).copied().unwrap_or((0, 0));
            let (sam_done, sam_with_safety) = sam.get(&id).copied().unwrap_or((false, false));
            UnitCompliance {
                node_id: id,
                name,
                planned: count(m.map_or(0, |m| m.planned)),
                held: count(m.map_or(0, |m| m.held)),
                notices_on_time: count(m.map_or(0, |m| m.notices_on_time)),
                topics: count(topics),
                topics_covered: count(covered),
                minutes_in_time: count(m.map_or(0, |m| m.minutes_in_time)),
                workload_checks: count(m.map_or(0, |m| m.workload_checks)),
                sam_done,
                sam_with_safety,
                overdue_actions: count(overdue.get(&id).copied().unwrap_or(0)),
            }
        })
        .collect())
}
