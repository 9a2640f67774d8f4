//! The SQL of a unit's reminders, in one place: what they are reckoned from (the APTs near
//! today, each node with a chef and its year's SAM follow-up and reports, the organisations'
//! rules), who gets them, and marking one sent with its mails in one transaction. A handful of
//! statements for one chef's start page or for every unit of a city.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use crate::db::{BeginWrite, Db};
use crate::domain::env_report::{deadlines_with, DeadlineRule};
use crate::with_db;

/// The nodes whose reminders are reckoned: those with a chef or deputy chef, limited to one
/// person's (the start page) or all (the worker, `$3` null).
macro_rules! chef_nodes {
    (person) => {
        "SELECT node_id FROM memberships
         WHERE person_id = $3 AND role IN ('chef', 'bitradande_chef')"
    };
    (all) => {
        "SELECT node_id FROM memberships
         WHERE role IN ('chef', 'bitradande_chef') AND CAST($3 AS BIGINT) IS NULL"
    };
}

/// An APT near today in a unit with a chef.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MeetingFact {
    /// The unit.
    pub unit_id: i64,
    /// The APT.
    pub meeting_id: i64,
    /// Its day.
    pub meeting_date: NaiveDate,
    /// Its notice has gone out.
    pub notice_sent: bool,
    /// Its minutes are published.
    pub minutes_published: bool,
}

/// A node with a chef: what its year's reminders are reckoned from.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NodeFact {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its kind (the report's deadline depends on it).
    pub kind: String,
    /// Its organisation's root.
    pub org_id: i64,
    /// It has a plan for this year (so it runs APTs and the SAM follow-up).
    pub has_plan: bool,
    /// This year's SAM follow-up is done.
    pub sam_done: bool,
    /// The status of its report on last year, if begun.
    pub last_year_status: Option<String>,
    /// The status of its report on this year, if begun.
    pub this_year_status: Option<String>,
}

/// Everything the reminders of some nodes are reckoned from on one day.
pub struct ReminderFacts {
    /// The APTs from 60 days back to 65 days ahead.
    pub meetings: Vec<MeetingFact>,
    /// The nodes with a chef (open ones).
    pub nodes: Vec<NodeFact>,
    /// Each organisation's days of notice (7 where none is stored).
    pub notice_days: HashMap<i64, u32>,
    /// Each organisation's report deadlines, its own over the defaults.
    pub deadlines: HashMap<i64, Vec<DeadlineRule>>,
}

impl ReminderFacts {
    /// The organisation's days of notice.
    pub fn notice_days_of(&self, org_id: i64) -> u32 {
        self.notice_days.get(&org_id).copied().unwrap_or(7)
    }

    /// The organisation's report deadlines.
    pub fn deadlines_of(&self, org_id: i64) -> Vec<DeadlineRule> {
        self.deadlines
            .get(&org_id)
            .cloned()
            .unwrap_or_else(|| deadlines_with(Vec::new()))
    }
}

/// The facts of the nodes `person_id` is chef or deputy of (every such node when `None`), on
/// `today`. Four statements.
#[tracing::instrument(skip_all, err)]
pub async fn reminder_facts(
    db: &Db,
    today: NaiveDate,
    person_id: Option<i64>,
) -> sqlx::Result<ReminderFacts> {
    macro_rules! meetings_sql {
        ($who:ident) => {
            concat!(
                "SELECT p.unit_id, m.id AS meeting_id, m.meeting_date,
            EXISTS (SELECT 1 FROM notices n WHERE n.meeting_id = m.id AND n.kind = 'notice')
                AS notice_sent,
            EXISTS (SELECT 1 FROM minutes_versions v WHERE v.meeting_id = m.id)
                AS minutes_published
         FROM meetings m JOIN plans p ON p.id = m.plan_id
         JOIN org_nodes u ON u.id = p.unit_id AND u.closed_at IS NULL
         WHERE NOT m.cancelled AND m.meeting_date >= $1 AND m.meeting_date <= $2
           AND p.unit_id IN (",
                chef_nodes!($who),
                ")"
            )
        };
    }
    macro_rules! nodes_sql {
        ($who:ident) => {
    concat!(
        "SELECT n.id, n.name, n.kind, COALESCE(n.org_id, n.id) AS org_id,
            EXISTS (SELECT 1 FROM plans p WHERE p.unit_id = n.id AND p.year = $1) AS has_plan,
            EXISTS (SELECT 1 FROM unit_checklists c
                    JOIN checklist_templates t ON t.id = c.template_id
                    WHERE c.unit_id = n.id AND c.year = $1 AND t.kind = 'sam_annual'
                      AND c.done_at IS NOT NULL) AS sam_done,
            (SELECT r.status FROM env_reports r WHERE r.node_id = n.id AND r.year = $2)
                AS last_year_status,
            (SELECT r.status FROM env_reports r WHERE r.node_id = n.id AND r.year = $1)
                AS this_year_status
         FROM org_nodes n
         WHERE n.closed_at IS NULL AND n.id IN (",
        chef_nodes!($who),
        ")"
    )
        };
    }
    // One person's nodes through the memberships' person index, or every chef's.
    let (meetings_sql, nodes_sql) = match person_id {
        Some(_) => (meetings_sql!(person), nodes_sql!(person)),
        None => (meetings_sql!(all), nodes_sql!(all)),
    };
    const SETTINGS: &str = "SELECT org_id, notice_days FROM organisation_settings";
    const DEADLINES: &str = "SELECT org_id, kind, month, day FROM env_report_deadlines";
    let from = today.checked_sub_days(Days::new(60)).unwrap_or(today);
    // Notice is at most 60 days; three more days of warning before it.
    let to = today.checked_add_days(Days::new(63)).unwrap_or(today);
    let year = chrono::Datelike::year(&today);
    let meetings: Vec<MeetingFact> = with_db!(db, pool => sqlx::query_as(meetings_sql)
        .bind(from).bind(to).bind(person_id).fetch_all(pool).await)?;
    let nodes: Vec<NodeFact> = with_db!(db, pool => sqlx::query_as(nodes_sql)
        .bind(year).bind(year - 1).bind(person_id).fetch_all(pool).await)?;
    let settings: Vec<(i64, i32)> =
        with_db!(db, pool => sqlx::query_as(SETTINGS).fetch_all(pool).await)?;
    let stored: Vec<(i64, String, i32, i32)> =
        with_db!(db, pool => sqlx::query_as(DEADLINES).fetch_all(pool).await)?;
    let mut own: HashMap<i64, Vec<DeadlineRule>> = HashMap::new();
    for (org_id, kind, month, day) in stored {
        own.entry(org_id)
            .or_default()
            .push(crate::env_report::db::deadline_rule(kind, month, day));
    }
    Ok(ReminderFacts {
        meetings,
        nodes,
        notice_days: settings
            .into_iter()
            .map(|(org, days)| (org, u32::try_from(days).unwrap_or(7)))
            .collect(),
        deadlines: own
            .into_iter()
            .map(|(org, rules)| (org, deadlines_with(rules)))
            .collect(),
    })
}

/// A chef or deputy who gets a node's reminders by mail.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Recipient {
    /// The node.
    pub node_id: i64,
    /// The person.
    pub person_id: i64,
    /// Their address.
    pub email: String,
}

/// Every node's chefs and deputies with an address, active.
#[tracing::instrument(skip_all, err)]
pub async fn recipients(db: &Db) -> sqlx::Result<Vec<Recipient>> {
    const SQL: &str = "SELECT DISTINCT m.node_id, p.id AS person_id, p.email
         FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.role IN ('chef', 'bitradande_chef') AND p.active AND p.email <> ''";
    with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

/// The reminders sent since `since`, as (node, kind, key).
#[tracing::instrument(skip_all, err)]
pub async fn sent_since(db: &Db, since: NaiveDate) -> sqlx::Result<HashSet<(i64, String, String)>> {
    const SQL: &str = "SELECT unit_id, kind, key FROM unit_reminders WHERE sent_on >= $1";
    let rows: Vec<(i64, String, String)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(since).fetch_all(pool).await)?;
    Ok(rows.into_iter().collect())
}

/// One mail of a reminder.
pub struct ReminderMail<'a> {
    /// To whom.
    pub person_id: i64,
    /// Their address.
    pub to: &'a str,
    /// The subject.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
}

/// Marks the node's reminder sent on `today` and queues its mails (`status`: `queued` with SMTP,
/// else `stored`), in one transaction; `false` when it was sent already.
#[tracing::instrument(skip_all, err)]
pub async fn mark_sent(
    db: &Db,
    (unit_id, kind, key): (i64, &str, &str),
    today: NaiveDate,
    mails: &[ReminderMail<'_>],
    status: &str,
) -> sqlx::Result<bool> {
    const MARK: &str = "INSERT INTO unit_reminders (unit_id, kind, key, sent_on)
         VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, kind, key) DO NOTHING";
    const MESSAGE: &str = "INSERT INTO outbox (person_id, to_address, subject, body_text, status)
         VALUES ($1, $2, $3, $4, $5)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let marked = sqlx::query(MARK)
            .bind(unit_id).bind(kind).bind(key).bind(today)
            .execute(&mut *tx).await?.rows_affected();
        if marked == 1 {
            for m in mails {
                sqlx::query(MESSAGE)
                    .bind(m.person_id).bind(m.to).bind(m.subject).bind(m.body).bind(status)
                    .execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(marked == 1)
    })
}
