//! One year of the city's records, set-based: every unit's plan with the wheel's topics; the
//! APTs of every fourth unit at a time (the small demo's four weekly rhythms), each with its
//! topics placed; the agendas composed up to three weeks ahead, the notices sent, the minutes
//! published for the meetings held; the SAM follow-up answered, and an action for every weak
//! answer (done, with its effect checked, in the years gone by).

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::checklists::db as checklist_db;
use crate::db::Db;
use crate::domain::ChecklistKind;
use crate::meetings::db::SectionRole;
use crate::minutes::{PublishedItem, PublishedMinutes, PublishedSection};
use crate::with_db;

/// The units of the city in one of the four rhythms: `$org`, `$year`, `$rhythm` are bound by
/// name in each statement below as its last three parameters.
const RHYTHM_PLANS: &str = "SELECT p.id FROM plans p JOIN org_nodes n ON n.id = p.unit_id
     WHERE n.org_id = $2 AND p.year = $3 AND n.id % 4 = $4";

/// A unit's chef (for who sent and published), by the unit in `unit`.
macro_rules! chef_of {
    ($unit:literal) => {
        concat!(
            "(SELECT r.person_id FROM memberships r WHERE r.node_id = ",
            $unit,
            " AND r.role = 'chef' ORDER BY r.id LIMIT 1)"
        )
    };
}

/// Runs a statement binding the meeting's day and then (org, year, rhythm).
async fn per_rhythm(
    db: &Db,
    sql: &str,
    day: NaiveDate,
    (org, year, rhythm): (i64, i32, i64),
) -> sqlx::Result<()> {
    with_db!(db, pool => {
        sqlx::query(sql)
            .bind(day)
            .bind(org)
            .bind(year)
            .bind(rhythm)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Seeds `year` for the city under `org`, as it stands on `today`.
pub(super) async fn seed_year(
    db: &Db,
    org: i64,
    year: i32,
    today: NaiveDate,
) -> anyhow::Result<()> {
    plans(db, org, year).await?;
    let content = minutes_content(db, org).await?;
    for rhythm in 0..4usize {
        let key = (org, year, i64::try_from(rhythm)?);
        for (month, meeting) in crate::org::demo_plans::meeting_days(rhythm, year) {
            meetings(db, key, month, &meeting).await?;
            let day = meeting.date;
            if day > today + Days::new(21) {
                continue;
            }
            agenda(db, key, day).await?;
            if day - Days::new(7) > today {
                continue;
            }
            let sent_at = at(day - Days::new(10), 8);
            with_db!(db, pool => {
                sqlx::query(&notices_sql())
                    .bind(day)
                    .bind(org)
                    .bind(year)
                    .bind(key.2)
                    .bind(sent_at)
                    .bind(day - Days::new(10))
                    .execute(pool)
                    .await
                    .map(|_| ())
            })?;
            if day >= today {
                continue;
            }
            let json = serde_json::to_string(&content)?;
            with_db!(db, pool => {
                sqlx::query(&minutes_sql())
                    .bind(day)
                    .bind(org)
                    .bind(year)
                    .bind(key.2)
                    .bind(&json)
                    .bind(at(day + Days::new(2), 12))
                    .execute(pool)
                    .await
                    .map(|_| ())
            })?;
        }
    }
    follow_up(db, org, year, today).await
}

/// Noon or morning of a day, as stored times are.
fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc()
}

/// Every unit's plan for the year with the organisation's wheel topics.
async fn plans(db: &Db, org: i64, year: i32) -> sqlx::Result<()> {
    const PLANS: &str = "INSERT INTO plans (unit_id, year, template_revision)
         SELECT n.id, $2, COALESCE((SELECT template_revision FROM organisation_settings
                                    WHERE org_id = $1), 1)
         FROM org_nodes n WHERE n.org_id = $1 AND n.kind = 'enhet'";
    const TOPICS: &str = "INSERT INTO plan_topics (plan_id, topic_id)
         SELECT p.id, t.id FROM plans p JOIN org_nodes n ON n.id = p.unit_id
         JOIN wheel_topics t ON t.org_id = $1 AND t.owner_node_id = $1
             AND t.pushed_year IS NULL AND NOT t.retired
         WHERE n.org_id = $1 AND p.year = $2";
    with_db!(db, pool => {
        sqlx::query(PLANS).bind(org).bind(year).execute(pool).await?;
        sqlx::query(TOPICS).bind(org).bind(year).execute(pool).await.map(|_| ())
    })
}

/// The rhythm's APT of the month in every plan, and the month's topics placed in it.
async fn meetings(
    db: &Db,
    (org, year, rhythm): (i64, i32, i64),
    month: u32,
    meeting: &crate::plan::db::NewMeeting,
) -> sqlx::Result<()> {
    let insert = format!(
        "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time, location, online_link)
         SELECT p.id, $1, $5, $6, $7, $8 FROM plans p WHERE p.id IN ({RHYTHM_PLANS})"
    );
    let place = format!(
        "UPDATE plan_topics SET meeting_id = (SELECT m.id FROM meetings m
             WHERE m.plan_id = plan_topics.plan_id AND m.meeting_date = $1)
         WHERE plan_id IN ({RHYTHM_PLANS})
           AND topic_id IN (SELECT t.id FROM wheel_topics t WHERE t.org_id = $2
                            AND t.month_start = $5)"
    );
    let month = i32::try_from(month).unwrap_or(1);
    with_db!(db, pool => {
        sqlx::query(&insert)
            .bind(meeting.date)
            .bind(org)
            .bind(year)
            .bind(rhythm)
            .bind(meeting.start)
            .bind(meeting.end)
            .bind(&meeting.location)
            .bind(&meeting.online_link)
            .execute(pool)
            .await?;
        sqlx::query(&place)
            .bind(meeting.date)
            .bind(org)
            .bind(year)
            .bind(rhythm)
            .bind(month)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// The rhythm's meetings of `day` and the units they belong to: `{DAY_FROM} … {DAY_WHERE}`,
/// with further joins between the two.
const DAY_FROM: &str = "FROM meetings m JOIN plans p ON p.id = m.plan_id
     JOIN org_nodes n ON n.id = p.unit_id";
const DAY_WHERE: &str = "WHERE m.meeting_date = $1 AND n.org_id = $2 AND p.year = $3
     AND n.id % 4 = $4";

/// Composes the agendas of the day's meetings as "Skapa dagordning" does: the three sections,
/// the recurring points and the placed topics.
async fn agenda(db: &Db, key: (i64, i32, i64), day: NaiveDate) -> sqlx::Result<()> {
    for role in [
        SectionRole::Recurring,
        SectionRole::Topics,
        SectionRole::Other,
    ] {
        let sql = format!(
            "INSERT INTO agenda_sections (meeting_id, title, role, sort_order)
             SELECT m.id, '{}', '{}', {} {DAY_FROM} {DAY_WHERE}",
            role.title(),
            role.code(),
            role.order()
        );
        per_rhythm(db, &sql, day, key).await?;
    }
    let points = format!(
        "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order, title, minutes,
             kind, source, point_id)
         SELECT p.unit_id, m.id, s.id, rp.sort_order, rp.title, 5, 'follow_up', 'recurring', rp.id
         {DAY_FROM}
         JOIN agenda_sections s ON s.meeting_id = m.id AND s.role = 'recurring'
         JOIN recurring_points rp ON rp.org_id = n.org_id AND rp.retired_revision IS NULL
         {DAY_WHERE}"
    );
    per_rhythm(db, &points, day, key).await?;
    let topics = format!(
        "INSERT INTO agenda_items (unit_id, meeting_id, section_id, sort_order, title, minutes,
             kind, source, topic_id)
         SELECT p.unit_id, m.id, s.id, t.sort_order, t.title, 15, t.kind, 'topic', t.id
         {DAY_FROM}
         JOIN agenda_sections s ON s.meeting_id = m.id AND s.role = 'topics'
         JOIN plan_topics pt ON pt.meeting_id = m.id
         JOIN wheel_topics t ON t.id = pt.topic_id
         {DAY_WHERE}"
    );
    per_rhythm(db, &topics, day, key).await?;
    let version = format!(
        "UPDATE meetings SET agenda_version = 1 WHERE id IN (SELECT m.id {DAY_FROM} {DAY_WHERE})"
    );
    per_rhythm(db, &version, day, key).await
}

/// The notice of the day's meetings, sent ten days ahead by the unit's chef ($5 when, $6 the day).
fn notices_sql() -> String {
    format!(
        "INSERT INTO notices (meeting_id, kind, agenda_version, sent_by, sent_at, sent_on)
         SELECT m.id, 'notice', 1, {}, $5, $6 {DAY_FROM} {DAY_WHERE}",
        chef_of!("p.unit_id")
    )
}

/// The minutes of the day's meetings, published by the chef two days after ($5 the text, $6 when).
fn minutes_sql() -> String {
    format!(
        "INSERT INTO minutes_versions (meeting_id, version, content, published_by, published_at)
         SELECT m.id, 1, $5, {}, $6 {DAY_FROM} {DAY_WHERE}",
        chef_of!("p.unit_id")
    )
}

/// What the city's minutes say: the recurring points gone through, one line each.
async fn minutes_content(db: &Db, org: i64) -> sqlx::Result<PublishedMinutes> {
    let points: Vec<String> = with_db!(db, pool => {
        sqlx::query_scalar(
            "SELECT title FROM recurring_points WHERE org_id = $1 AND retired_revision IS NULL
             ORDER BY sort_order, id",
        )
        .bind(org)
        .fetch_all(pool)
        .await
    })?;
    Ok(PublishedMinutes {
        sections: vec![PublishedSection {
            title: SectionRole::Recurring.title().to_string(),
            items: points
                .into_iter()
                .map(|title| PublishedItem {
                    title,
                    notes: "Gicks igenom. Inget att tillägga.".into(),
                    decision: String::new(),
                    reached: true,
                })
                .collect(),
        }],
        ..PublishedMinutes::default()
    })
}

/// The year's SAM follow-up: every unit's in the years gone by, every other unit's this year,
/// answered; the weak answers with an action each (done and its effect checked in a past year)
/// and the partial ones with a reason.
async fn follow_up(db: &Db, org: i64, year: i32, today: NaiveDate) -> anyhow::Result<()> {
    use chrono::Datelike;
    let templates = checklist_db::make_year_templates(db, org, year).await?;
    let Some(sam) = templates
        .iter()
        .find(|t| t.kind == ChecklistKind::SamAnnual)
        .and_then(|t| t.id)
    else {
        return Ok(());
    };
    let past = year < today.year();
    let done_day = if past {
        NaiveDate::from_ymd_opt(year, 11, 20).unwrap_or(today)
    } else {
        today
    };
    let done_at = at(done_day, 10);
    let which = if past { 1 } else { 2 };
    let checklists = concat!(
        "INSERT INTO unit_checklists (unit_id, template_id, year, done_at, done_by, created_by)
         SELECT n.id, $1, $2, $3, ",
        chef_of!("n.id"),
        ", ",
        chef_of!("n.id"),
        " FROM org_nodes n WHERE n.org_id = $4 AND n.kind = 'enhet' AND n.id % $5 = 0"
    );
    const ANSWERS: &str = "INSERT INTO checklist_answers (checklist_id, question_id, answer,
             no_action_reason, answered_by, answered_at)
         SELECT uc.id, q.id,
             CASE (uc.id + q.id) % 9
                 WHEN 0 THEN CASE q.scale WHEN 'yes_no' THEN 'no' ELSE 'disagree' END
                 WHEN 1 THEN CASE q.scale WHEN 'yes_no' THEN 'partly' ELSE 'partly_agree' END
                 ELSE CASE q.scale WHEN 'yes_no' THEN 'yes' ELSE 'fully_agree' END END,
             CASE (uc.id + q.id) % 9 WHEN 1 THEN 'Följs upp på APT under våren.' ELSE NULL END,
             uc.done_by, $2
         FROM unit_checklists uc JOIN checklist_questions q ON q.template_id = uc.template_id
         WHERE uc.template_id = $1";
    const ACTIONS: &str = "INSERT INTO actions (unit_id, title, responsible_id, due_date, status,
             created_by, source, checklist_id, question_id, answer, start_date, effect,
             closed_at)
         SELECT uc.unit_id, 'Åtgärda: ' || substr(q.text, 1, 80), uc.done_by, $2, $3,
             uc.done_by, 'checklist', uc.id, q.id, a.answer, $4, $5, $6
         FROM checklist_answers a JOIN unit_checklists uc ON uc.id = a.checklist_id
         JOIN checklist_questions q ON q.id = a.question_id
         WHERE uc.template_id = $1 AND a.answer IN ('disagree', 'no')";
    let due = NaiveDate::from_ymd_opt(year + 1, 3, 31);
    let start = done_day;
    let (status, effect, closed) = if past {
        ("done", Some("yes"), Some(at(due.unwrap_or(today), 9)))
    } else {
        ("in_progress", None, None)
    };
    with_db!(db, pool => {
        sqlx::query(checklists)
            .bind(sam)
            .bind(year)
            .bind(done_at)
            .bind(org)
            .bind(which)
            .execute(pool)
            .await?;
        sqlx::query(ANSWERS).bind(sam).bind(done_at).execute(pool).await?;
        sqlx::query(ACTIONS)
            .bind(sam)
            .bind(due)
            .bind(status)
            .bind(start)
            .bind(effect)
            .bind(closed)
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(())
}
