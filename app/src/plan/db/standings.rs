//! The standing of units' plans against the rules, for the lists that show many units at once.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::db::Db;
use crate::domain::{plan_status, PlanRules, PlanStatus, TopicPlacement};
use crate::with_db;

/// What the rules need of one unit's plan.
#[derive(Clone, Debug, Default)]
pub struct Standing {
    /// APTs not cancelled.
    pub meetings: u32,
    /// Every topic's months and the month of its meeting.
    pub placements: Vec<TopicPlacement>,
}

impl Standing {
    /// The plan's status under the organisation's rules.
    pub fn status(&self, rules: PlanRules) -> PlanStatus {
        plan_status(rules, self.meetings, &self.placements)
    }
}

#[derive(sqlx::FromRow)]
struct MeetingCountRow {
    unit_id: i64,
    meetings: i64,
}

#[derive(sqlx::FromRow)]
struct PlacementRow {
    unit_id: i64,
    month_start: i32,
    month_end: i32,
    meeting_date: Option<NaiveDate>,
}

/// The plan standings of the given units for a year, in two queries however many units: a chef's
/// start page reads its own unit's, never the organisation's (a city's year is 100,000 topic
/// placements).
#[tracing::instrument(skip_all, err)]
pub async fn standings_for_units(
    db: &Db,
    year: i32,
    units: &[i64],
) -> sqlx::Result<HashMap<i64, Standing>> {
    if units.is_empty() {
        return Ok(HashMap::new());
    }
    let counts: Vec<MeetingCountRow> = with_db!(db, pool => {
        let mut query = sqlx::QueryBuilder::new(
            "SELECT p.unit_id, COUNT(m.id) AS meetings
             FROM plans p LEFT JOIN meetings m ON m.plan_id = p.id AND NOT m.cancelled
             WHERE p.year = ",
        );
        query.push_bind(year).push(" AND p.unit_id IN (");
        push_ids(&mut query, units);
        query.push(") GROUP BY p.unit_id");
        query.build_query_as().fetch_all(pool).await
    })?;
    let placements: Vec<PlacementRow> = with_db!(db, pool => {
        let mut query = sqlx::QueryBuilder::new(
            "SELECT p.unit_id, t.month_start, t.month_end, m.meeting_date
             FROM plans p
             JOIN plan_topics pt ON pt.plan_id = p.id
             JOIN wheel_topics t ON t.id = pt.topic_id
             LEFT JOIN meetings m ON m.id = pt.meeting_id AND NOT m.cancelled
             WHERE p.year = ",
        );
        query.push_bind(year).push(" AND p.unit_id IN (");
        push_ids(&mut query, units);
        query.push(")");
        query.build_query_as().fetch_all(pool).await
    })?;
    let mut standings: HashMap<i64, Standing> = HashMap::new();
    for row in counts {
        standings.entry(row.unit_id).or_default().meetings =
            u32::try_from(row.meetings).unwrap_or(0);
    }
    for row in placements {
        standings
            .entry(row.unit_id)
            .or_default()
            .placements
            .push(TopicPlacement {
                month_start: u32::try_from(row.month_start).unwrap_or(1),
                month_end: u32::try_from(row.month_end).unwrap_or(12),
                meeting_month: row.meeting_date.map(|d| d.month()),
            });
    }
    Ok(standings)
}

/// Appends `a, b, c` of bound ids to an `IN (` list.
fn push_ids<'a, DB>(query: &mut sqlx::QueryBuilder<'a, DB>, ids: &'a [i64])
where
    DB: sqlx::Database,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    let mut list = query.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
}
