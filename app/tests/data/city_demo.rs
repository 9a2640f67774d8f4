//! The city demo's set-based seed against real databases, at a small size: the tree, people and
//! roles, and per year the plans with their meetings and placed topics, composed agendas, sent
//! notices, published minutes, the SAM follow-up and the actions of its weak answers, each as
//! the app's own reads see them. Each on SQLite and PostgreSQL.

use crate::common;

use app::org::demo_city::{seed_city, CitySize, CITY_DOMAIN};
use chrono::NaiveDate;
use common::fresh_databases;

async fn count(db: &app::db::Db, sql: &str, org: i64) -> i64 {
    app::with_db!(db, pool => sqlx::query_scalar(sql).bind(org).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn a_small_city_is_seeded_with_its_years_of_records() {
    let size = CitySize {
        administrations: 2,
        departments: 2,
        units: 3,
        people: 80,
        years: 2,
    };
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let hash = app::auth::password::hash_password("demo1234").unwrap();
    for t in fresh_databases().await {
        let city = seed_city(&t.db, size, today, &hash).await.unwrap();
        assert_eq!(city.nodes, 2 + 4 + 12, "{}", t.engine);
        assert_eq!(city.people, 80, "{}", t.engine);
        let org = city.root;
        let plans = count(
            &t.db,
            "SELECT COUNT(*) FROM plans p JOIN org_nodes n ON n.id = p.unit_id WHERE n.org_id = $1",
            org,
        )
        .await;
        assert_eq!(plans, 12 * 2, "{}: every unit, both years", t.engine);
        let per_plan = count(
            &t.db,
            "SELECT COUNT(*) FROM meetings m JOIN plans p ON p.id = m.plan_id
             JOIN org_nodes n ON n.id = p.unit_id WHERE n.org_id = $1",
            org,
        )
        .await;
        assert_eq!(per_plan, 12 * 2 * 10, "{}: ten APTs a year", t.engine);

        // A unit as the plan page reads it: its chef, meetings, placed topics and notices.
        let chef = app::auth::db::find_login(&t.db, &format!("chef1@{CITY_DOMAIN}"))
            .await
            .unwrap()
            .unwrap()
            .user;
        let roles = app::auth::db::memberships(&t.db, chef.id).await.unwrap();
        assert_eq!(roles.len(), 1, "{}", t.engine);
        let unit = roles[0].node_id;
        let head = app::plan::db::plan_head(&t.db, unit, 2026, org, chef.id)
            .await
            .unwrap();
        assert!(head.previous_year_has_plan, "{}", t.engine);
        let plan = head.plan_id.unwrap();
        let (meetings, notices) = app::plan::db::meetings_with_notices(&t.db, plan)
            .await
            .unwrap();
        assert_eq!(meetings.len(), 10, "{}", t.engine);
        assert_eq!(notices.len(), 10, "{}: all held, all noticed", t.engine);
        let topics = app::plan::db::plan_topics(&t.db, plan).await.unwrap();
        assert!(
            topics.iter().any(|t| t.meeting_id.is_some()),
            "{}",
            t.engine
        );
        let status = app::plan::status_of(head.rules, &meetings, &topics);
        assert_eq!(status.missing_meetings, 0, "{}: {status:?}", t.engine);

        // December's APT, the day after: agenda composed and noticed, no minutes yet; the
        // minutes published are November's.
        let coming = meetings.last().unwrap();
        assert!(coming.date > today, "{}", t.engine);
        let agenda = app::meetings::db::agenda(&t.db, coming.id).await.unwrap();
        assert!(!agenda.is_empty(), "{}: an agenda", t.engine);
        let last = meetings.iter().rev().find(|m| m.date < today).unwrap();
        let minutes = app::minutes::db::last_published(&t.db, unit)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(minutes.meeting_id, last.id, "{}", t.engine);

        let done = count(
            &t.db,
            "SELECT COUNT(*) FROM unit_checklists uc JOIN org_nodes n ON n.id = uc.unit_id
             WHERE n.org_id = $1 AND uc.done_at IS NOT NULL",
            org,
        )
        .await;
        assert!(done >= 12, "{}: the SAM follow-ups done ({done})", t.engine);
        let actions = count(
            &t.db,
            "SELECT COUNT(*) FROM actions a JOIN org_nodes n ON n.id = a.unit_id
             WHERE n.org_id = $1 AND a.source = 'checklist'",
            org,
        )
        .await;
        assert!(actions > 0, "{}: actions of weak answers", t.engine);
    }
}
