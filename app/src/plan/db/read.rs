//! Reads of plans and the wheel template, and the inserts that seeding and plan creation use.
//! Explicit columns, joins instead of loops.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use crate::db::{BeginWrite, Db};
use crate::plan::template::WheelTemplate;
use crate::plan::{Meeting, MeetingSession, PlanTopic, TopicKind, TopicLink};
use crate::with_db;

/// Writes a wheel into an organisation's template in one transaction.
#[tracing::instrument(skip_all, err)]
pub async fn insert_template(db: &Db, org_id: i64, wheel: &WheelTemplate) -> sqlx::Result<()> {
    const POINT: &str =
        "INSERT INTO recurring_points (org_id, title, sort_order) VALUES ($1, $2, $3)";
    const TOPIC: &str = "INSERT INTO wheel_topics (org_id, owner_node_id, title, month_start,
             month_end, contact, guidance, osa_tip, send_with_notice, kind, sort_order)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    const LINK: &str =
        "INSERT INTO wheel_topic_links (topic_id, sort_order, label, url) VALUES ($1, $2, $3, $4)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        for (i, point) in wheel.recurring_points.iter().enumerate() {
            sqlx::query(POINT)
                .bind(org_id)
                .bind(&point.title)
                .bind(order(i))
                .execute(&mut *tx)
                .await?;
        }
        for (i, topic) in wheel.topics.iter().enumerate() {
            let topic_id: i64 = sqlx::query_scalar(TOPIC)
                .bind(org_id)
                .bind(&topic.title)
                .bind(month(topic.month_start))
                .bind(month(topic.month_end))
                .bind(&topic.contact)
                .bind(&topic.guidance)
                .bind(&topic.osa_tip)
                .bind(topic.send_with_notice)
                .bind(&topic.kind)
                .bind(order(i))
                .fetch_one(&mut *tx)
                .await?;
            for (j, link) in topic.links.iter().enumerate() {
                sqlx::query(LINK)
                    .bind(topic_id)
                    .bind(order(j))
                    .bind(&link.label)
                    .bind(&link.url)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await
    })
}

fn order(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

fn month(m: u32) -> i32 {
    i32::try_from(m).unwrap_or(1)
}

/// Creates the unit's plan for `year` with every current topic of the organisation's template and
/// every topic pushed to the unit for the year, none placed yet. Returns the plan id.
#[tracing::instrument(skip_all, err)]
pub async fn create_plan_from_template(
    db: &Db,
    unit_id: i64,
    org_id: i64,
    year: i32,
) -> sqlx::Result<i64> {
    const TOPICS: &str = "INSERT INTO plan_topics (plan_id, topic_id)
         SELECT $1, id FROM wheel_topics
         WHERE org_id = $2 AND owner_node_id = $2 AND pushed_year IS NULL AND NOT retired";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let plan_id: i64 = sqlx::query_scalar(super::INSERT_PLAN)
            .bind(unit_id)
            .bind(year)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(TOPICS).bind(plan_id).bind(org_id).execute(&mut *tx).await?;
        sqlx::query(super::INSERT_PUSHED)
            .bind(plan_id)
            .bind(year)
            .bind(unit_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(plan_id)
    })
}

/// A meeting ready to be stored: the domain's checked meeting (date in the year, end after start).
pub type NewMeeting = crate::domain::CheckedMeeting;

/// Adds a meeting to a plan and returns its id.
#[tracing::instrument(skip_all, err)]
pub async fn insert_meeting(db: &Db, plan_id: i64, meeting: &NewMeeting) -> sqlx::Result<i64> {
    with_db!(db, pool => {
        sqlx::query_scalar(super::INSERT_MEETING)
            .bind(plan_id)
            .bind(meeting.date)
            .bind(meeting.start)
            .bind(meeting.end)
            .bind(&meeting.location)
            .bind(&meeting.online_link)
            .fetch_one(pool)
            .await
    })
}

/// Plans a topic for a meeting of the same plan (or unplaces it with `None`).
#[tracing::instrument(skip_all, err)]
pub async fn place_topic(
    db: &Db,
    plan_id: i64,
    topic_id: i64,
    meeting_id: Option<i64>,
) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE plan_topics SET meeting_id = $3 WHERE plan_id = $1 AND topic_id = $2";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(plan_id)
            .bind(topic_id)
            .bind(meeting_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// The id of the unit's plan for a year, if there is one.
#[tracing::instrument(skip_all, err)]
pub async fn plan_id(db: &Db, unit_id: i64, year: i32) -> sqlx::Result<Option<i64>> {
    const SQL: &str = "SELECT id FROM plans WHERE unit_id = $1 AND year = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(unit_id).bind(year).fetch_optional(pool).await
    })
}

/// A meeting as stored; a query selects `MEETING_COLUMNS` of `meetings` to read it.
#[derive(sqlx::FromRow)]
pub struct MeetingRow {
    id: i64,
    meeting_date: NaiveDate,
    start_time: NaiveTime,
    end_time: NaiveTime,
    location: String,
    online_link: Option<String>,
    cancelled: bool,
}

impl MeetingRow {
    /// The meeting's id.
    pub fn id(&self) -> i64 {
        self.id
    }
}

impl From<MeetingRow> for Meeting {
    fn from(r: MeetingRow) -> Self {
        Meeting {
            id: r.id,
            date: r.meeting_date,
            start: r.start_time,
            end: r.end_time,
            location: r.location,
            online_link: r.online_link,
            cancelled: r.cancelled,
            sessions: Vec::new(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    meeting_id: i64,
    session_date: NaiveDate,
    start_time: NaiveTime,
    end_time: NaiveTime,
    location: String,
    online_link: Option<String>,
}

/// Hangs each further session on its meeting.
fn attach_sessions(meetings: &mut [Meeting], rows: Vec<SessionRow>) {
    let at: HashMap<i64, usize> = meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i))
        .collect();
    for r in rows {
        if let Some(&i) = at.get(&r.meeting_id) {
            meetings[i].sessions.push(MeetingSession {
                id: r.id,
                date: r.session_date,
                start: r.start_time,
                end: r.end_time,
                location: r.location,
                online_link: r.online_link,
            });
        }
    }
}

const SESSION_COLUMNS: &str =
    "s.id, s.meeting_id, s.session_date, s.start_time, s.end_time, s.location, s.online_link";

/// The columns of `meetings` a `MeetingRow` reads.
pub const MEETING_COLUMNS: &str =
    "id, meeting_date, start_time, end_time, location, online_link, cancelled";

/// The plan's meetings in date order.
#[tracing::instrument(skip_all, err)]
pub async fn meetings(db: &Db, plan_id: i64) -> sqlx::Result<Vec<Meeting>> {
    let sql = format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE plan_id = $1
         ORDER BY meeting_date, start_time"
    );
    let sessions_sql = format!(
        "SELECT {SESSION_COLUMNS} FROM meeting_sessions s JOIN meetings m ON m.id = s.meeting_id
         WHERE m.plan_id = $1 ORDER BY s.session_date, s.start_time"
    );
    let rows: Vec<MeetingRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(plan_id).fetch_all(pool).await)?;
    let sessions: Vec<SessionRow> =
        with_db!(db, pool => sqlx::query_as(&sessions_sql).bind(plan_id).fetch_all(pool).await)?;
    let mut meetings: Vec<Meeting> = rows.into_iter().map(Meeting::from).collect();
    attach_sessions(&mut meetings, sessions);
    Ok(meetings)
}

/// One meeting by id.
#[tracing::instrument(skip_all, err)]
pub async fn meeting(db: &Db, meeting_id: i64) -> sqlx::Result<Option<Meeting>> {
    let sql = format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE id = $1");
    let sessions_sql = format!(
        "SELECT {SESSION_COLUMNS} FROM meeting_sessions s WHERE s.meeting_id = $1
         ORDER BY s.session_date, s.start_time"
    );
    let row: Option<MeetingRow> =
        with_db!(db, pool => sqlx::query_as(&sql).bind(meeting_id).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    let sessions: Vec<SessionRow> = with_db!(db, pool => {
        sqlx::query_as(&sessions_sql).bind(meeting_id).fetch_all(pool).await
    })?;
    let mut meeting = [Meeting::from(row)];
    attach_sessions(&mut meeting, sessions);
    let [meeting] = meeting;
    Ok(Some(meeting))
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    id: i64,
    title: String,
    month_start: i32,
    month_end: i32,
    kind: String,
    send_with_notice: bool,
    meeting_id: Option<i64>,
    required_by: Option<String>,
}

impl From<TopicRow> for PlanTopic {
    fn from(r: TopicRow) -> Self {
        PlanTopic {
            required_by: r.required_by,
            ..plan_topic(
                r.id,
                r.title,
                (r.month_start, r.month_end),
                &r.kind,
                r.send_with_notice,
                r.meeting_id,
            )
        }
    }
}

/// A topic from its stored columns (months as stored integers, kind as its code).
fn plan_topic(
    id: i64,
    title: String,
    (month_start, month_end): (i32, i32),
    kind: &str,
    send_with_notice: bool,
    meeting_id: Option<i64>,
) -> PlanTopic {
    PlanTopic {
        id,
        title,
        month_start: u32::try_from(month_start).unwrap_or(1),
        month_end: u32::try_from(month_end).unwrap_or(12),
        kind: TopicKind::from_code(kind),
        send_with_notice,
        meeting_id,
        required_by: None,
    }
}

/// The plan's topics in wheel order, with the meeting each is planned for.
#[tracing::instrument(skip_all, err)]
pub async fn plan_topics(db: &Db, plan_id: i64) -> sqlx::Result<Vec<PlanTopic>> {
    const SQL: &str = "SELECT t.id, t.title, t.month_start, t.month_end, t.kind,
             t.send_with_notice, pt.meeting_id, pusher.name AS required_by
         FROM plan_topics pt JOIN wheel_topics t ON t.id = pt.topic_id
         LEFT JOIN org_nodes pusher ON pusher.id = t.owner_node_id AND t.pushed_year IS NOT NULL
         WHERE pt.plan_id = $1
         ORDER BY t.month_start, t.sort_order, t.id";
    let rows: Vec<TopicRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(plan_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(PlanTopic::from).collect())
}

#[derive(sqlx::FromRow)]
struct TopicDetailRow {
    id: i64,
    org_id: i64,
    owner_node_id: i64,
    title: String,
    month_start: i32,
    month_end: i32,
    kind: String,
    send_with_notice: bool,
    contact: String,
    guidance: String,
    osa_tip: Option<String>,
}

/// A topic's full text, as stored.
pub struct TopicText {
    /// The topic, with `meeting_id` left empty (placement is per plan).
    pub topic: PlanTopic,
    /// The organisation the topic belongs to.
    pub org_id: i64,
    /// The org root for template topics; a unit for a unit's own topic.
    pub owner_node_id: i64,
    /// Contact function.
    pub contact: String,
    /// Guidance text.
    pub guidance: String,
    /// OSA tip.
    pub osa_tip: Option<String>,
    /// Links, in order.
    pub links: Vec<TopicLink>,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    label: String,
    url: Option<String>,
}

/// A topic with its guidance and links (two queries).
#[tracing::instrument(skip_all, err)]
pub async fn topic_text(db: &Db, topic_id: i64) -> sqlx::Result<Option<TopicText>> {
    const TOPIC: &str = "SELECT id, org_id, owner_node_id, title, month_start, month_end, kind,
             send_with_notice, contact, guidance, osa_tip
         FROM wheel_topics WHERE id = $1";
    const LINKS: &str = "SELECT label, url FROM wheel_topic_links WHERE topic_id = $1
         ORDER BY sort_order, id";
    let row: Option<TopicDetailRow> =
        with_db!(db, pool => sqlx::query_as(TOPIC).bind(topic_id).fetch_optional(pool).await)?;
    let Some(r) = row else { return Ok(None) };
    let links: Vec<LinkRow> =
        with_db!(db, pool => sqlx::query_as(LINKS).bind(topic_id).fetch_all(pool).await)?;
    Ok(Some(TopicText {
        topic: plan_topic(
            r.id,
            r.title,
            (r.month_start, r.month_end),
            &r.kind,
            r.send_with_notice,
            None,
        ),
        org_id: r.org_id,
        owner_node_id: r.owner_node_id,
        contact: r.contact,
        guidance: r.guidance,
        osa_tip: r.osa_tip,
        links: links
            .into_iter()
            .map(|l| TopicLink {
                label: l.label,
                url: l.url,
            })
            .collect(),
    }))
}

/// Where a topic is placed in a plan: `None` when the topic is not part of the plan,
/// `Some(None)` when it is but not yet placed.
#[tracing::instrument(skip_all, err)]
pub async fn topic_placement(
    db: &Db,
    plan_id: i64,
    topic_id: i64,
) -> sqlx::Result<Option<Option<i64>>> {
    const SQL: &str = "SELECT meeting_id FROM plan_topics WHERE plan_id = $1 AND topic_id = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(plan_id).bind(topic_id).fetch_optional(pool).await
    })
}

#[derive(sqlx::FromRow)]
struct MeetingPlanRow {
    plan_id: i64,
    unit_id: i64,
    year: i32,
}

/// The plan a meeting belongs to: (plan id, unit id, year).
#[tracing::instrument(skip_all, err)]
pub async fn meeting_plan(db: &Db, meeting_id: i64) -> sqlx::Result<Option<(i64, i64, i32)>> {
    const SQL: &str = "SELECT p.id AS plan_id, p.unit_id, p.year
         FROM meetings m JOIN plans p ON p.id = m.plan_id WHERE m.id = $1";
    let row: Option<MeetingPlanRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_optional(pool).await)?;
    Ok(row.map(|r| (r.plan_id, r.unit_id, r.year)))
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: i64,
    version: i64,
}

/// Versions of a plan's meetings and of their further sessions (each rises with every change:
/// the calendar entry's SEQUENCE).
#[derive(Clone, Debug, Default)]
pub struct EntryVersions {
    /// Meeting id to version.
    pub meetings: HashMap<i64, i64>,
    /// Session id to version.
    pub sessions: HashMap<i64, i64>,
}

/// Each meeting's and session's version, in two queries.
#[tracing::instrument(skip_all, err)]
pub async fn meeting_versions(db: &Db, plan_id: i64) -> sqlx::Result<EntryVersions> {
    const MEETINGS: &str = "SELECT id, version AS version FROM meetings WHERE plan_id = $1";
    const SESSIONS: &str = "SELECT s.id, s.version AS version
         FROM meeting_sessions s JOIN meetings m ON m.id = s.meeting_id WHERE m.plan_id = $1";
    let meetings: Vec<VersionRow> =
        with_db!(db, pool => sqlx::query_as(MEETINGS).bind(plan_id).fetch_all(pool).await)?;
    let sessions: Vec<VersionRow> =
        with_db!(db, pool => sqlx::query_as(SESSIONS).bind(plan_id).fetch_all(pool).await)?;
    Ok(EntryVersions {
        meetings: meetings.into_iter().map(|r| (r.id, r.version)).collect(),
        sessions: sessions.into_iter().map(|r| (r.id, r.version)).collect(),
    })
}

/// The person's own subscription address for the unit's calendar, if they made one.
#[tracing::instrument(skip_all, err)]
pub async fn feed_token(db: &Db, person_id: i64, unit_id: i64) -> sqlx::Result<Option<String>> {
    const SQL: &str =
        "SELECT token FROM personal_calendar_feeds WHERE person_id = $1 AND unit_id = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(person_id).bind(unit_id).fetch_optional(pool).await
    })
}

/// Whose feed a token is: the person (and whether their account is active) and the unit with
/// its name; one indexed lookup, not the tree.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FeedOwner {
    /// The person the address was made for.
    pub person_id: i64,
    /// Whether their account may still sign in.
    pub active: bool,
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
}

/// The owner of a feed token, if the token is one.
#[tracing::instrument(skip_all, err)]
pub async fn feed_owner(db: &Db, token: &str) -> sqlx::Result<Option<FeedOwner>> {
    const SQL: &str = "SELECT f.person_id, p.active, f.unit_id, n.name AS unit_name
         FROM personal_calendar_feeds f
         JOIN people p ON p.id = f.person_id
         JOIN org_nodes n ON n.id = f.unit_id
         WHERE f.token = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(token).fetch_optional(pool).await)
}
