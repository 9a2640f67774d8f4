//! The plan page's reads, combined: the page is opened far more than anything else a chef does,
//! so what it needs beside its lists comes in one row, and the meetings with their further
//! sessions and first notices in one query, whatever the size of the organisation.

use chrono::{NaiveDate, NaiveTime};

use crate::db::Db;
use crate::domain::PlanRules;
use crate::plan::{Meeting, MeetingSession};
use crate::with_db;

/// What the plan page shows of a unit's year beside its lists.
#[derive(Clone, Debug)]
pub struct PlanHead {
    /// The year's plan, when one is made.
    pub plan_id: Option<i64>,
    /// Its version (0 without a plan), which every change is checked against.
    pub version: i64,
    /// The template revision the plan was made from, else the organisation's current one.
    pub template_revision: i64,
    /// Whether the year before has a plan (to offer copying it).
    pub previous_year_has_plan: bool,
    /// The viewer's calendar feed token for the unit, when they made one.
    pub feed_token: Option<String>,
    /// Whether a cooperation group meets at the node (its meetings are then read too).
    pub has_groups: bool,
    /// The organisation's rules.
    pub rules: PlanRules,
}

#[derive(sqlx::FromRow)]
struct HeadRow {
    plan_id: Option<i64>,
    version: Option<i64>,
    template_revision: i64,
    previous_year: bool,
    feed_token: Option<String>,
    has_groups: bool,
    min_apts_per_year: Option<i32>,
    notice_days: Option<i32>,
    vote_threshold: Option<i32>,
    minutes_days: Option<i32>,
}

/// The unit's plan head for `year` as `person_id` sees it, in one query ($3: the organisation).
#[tracing::instrument(skip_all, err)]
pub async fn plan_head(
    db: &Db,
    unit_id: i64,
    year: i32,
    org_id: i64,
    person_id: i64,
) -> sqlx::Result<PlanHead> {
    const SQL: &str = "SELECT p.id AS plan_id, p.version AS version,
             COALESCE(p.template_revision, s.template_revision, 1) AS template_revision,
             EXISTS (SELECT 1 FROM plans q WHERE q.unit_id = $1 AND q.year = $2 - 1)
                 AS previous_year,
             (SELECT f.token FROM personal_calendar_feeds f
               WHERE f.person_id = $4 AND f.unit_id = $1) AS feed_token,
             EXISTS (SELECT 1 FROM coop_groups g WHERE g.node_id = $1) AS has_groups,
             s.min_apts_per_year, s.notice_days, s.vote_threshold, s.minutes_days
         FROM (SELECT 1 AS one) AS one
         LEFT JOIN plans p ON p.unit_id = $1 AND p.year = $2
         LEFT JOIN organisation_settings s ON s.org_id = $3";
    let row: HeadRow = with_db!(db, pool => {
        sqlx::query_as(SQL)
            .bind(unit_id)
            .bind(year)
            .bind(org_id)
            .bind(person_id)
            .fetch_one(pool)
            .await
    })?;
    let stored = match (
        row.min_apts_per_year,
        row.notice_days,
        row.vote_threshold,
        row.minutes_days,
    ) {
        (Some(min), Some(notice), Some(threshold), Some(minutes)) => {
            Some([min, notice, threshold, minutes])
        }
        _ => None,
    };
    Ok(PlanHead {
        plan_id: row.plan_id,
        version: row.version.unwrap_or(0),
        template_revision: row.template_revision,
        previous_year_has_plan: row.previous_year,
        feed_token: row.feed_token,
        has_groups: row.has_groups,
        rules: crate::org::db::stored_rules(stored),
    })
}

/// A meeting and the day its notice first went out.
pub type FirstNotice = (i64, NaiveDate);

#[derive(sqlx::FromRow)]
struct MeetingSessionRow {
    #[sqlx(flatten)]
    meeting: super::MeetingRow,
    first_notice: Option<NaiveDate>,
    session_id: Option<i64>,
    session_date: Option<NaiveDate>,
    session_start: Option<NaiveTime>,
    session_end: Option<NaiveTime>,
    session_location: Option<String>,
    session_link: Option<String>,
}

/// The plan's meetings in date order, each with its further sessions, and the day each
/// meeting's notice first went out (meetings without a notice left out): one query.
#[tracing::instrument(skip_all, err)]
pub async fn meetings_with_notices(
    db: &Db,
    plan_id: i64,
) -> sqlx::Result<(Vec<Meeting>, Vec<FirstNotice>)> {
    const SQL: &str = "SELECT m.id, m.meeting_date, m.start_time, m.end_time, m.location,
             m.online_link, m.cancelled,
             (SELECT MIN(n.sent_on) FROM notices n WHERE n.meeting_id = m.id) AS first_notice,
             s.id AS session_id, s.session_date, s.start_time AS session_start,
             s.end_time AS session_end, s.location AS session_location,
             s.online_link AS session_link
         FROM meetings m LEFT JOIN meeting_sessions s ON s.meeting_id = m.id
         WHERE m.plan_id = $1
         ORDER BY m.meeting_date, m.start_time, m.id, s.session_date, s.start_time";
    let rows: Vec<MeetingSessionRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(plan_id).fetch_all(pool).await)?;
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut notices = Vec::new();
    for r in rows {
        if meetings.last().map(|m| m.id) != Some(r.meeting.id()) {
            let meeting = Meeting::from(r.meeting);
            if let Some(day) = r.first_notice {
                notices.push((meeting.id, day));
            }
            meetings.push(meeting);
        }
        let session = (|| {
            Some(MeetingSession {
                id: r.session_id?,
                date: r.session_date?,
                start: r.session_start?,
                end: r.session_end?,
                location: r.session_location?,
                online_link: r.session_link,
            })
        })();
        if let (Some(session), Some(meeting)) = (session, meetings.last_mut()) {
            meeting.sessions.push(session);
        }
    }
    Ok((meetings, notices))
}
