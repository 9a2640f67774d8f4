//! Data access against real databases: the template, plans, the demo organisation, people and
//! the organisation tree, each on SQLite and PostgreSQL.

use crate::common;

use app::auth::{db as auth_db, password};
use app::domain::{access_to_unit, Access, PlanRules, Role};
use app::org::{db as org_db, demo};
use app::plan::db as plan_db;
use app::plan::{status_of, TopicKind};
use chrono::NaiveDate;
use common::{fixture, fresh_databases, Fixture};

#[tokio::test]
async fn the_default_wheel_loads_every_topic_link_and_recurring_point() {
    for t in fresh_databases().await {
        let Fixture { org, unit, .. } = fixture(&t.db).await;

        let points = app::template::db::points_at(&t.db, org, 1).await.unwrap();
        assert_eq!(points.len(), 5, "{}", t.engine);
        assert_eq!(points[0].title, "Stäm av arbetssituation/arbetsbelastning");

        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        assert_eq!(topics.len(), 28, "{}", t.engine);
        assert!(topics.iter().all(|t| t.meeting_id.is_none()));
        let sick_leave = topics
            .iter()
            .find(|t| t.title == "Info om sjukfrånvarorutiner vid enheten")
            .expect("January topic");
        assert_eq!(
            (sick_leave.month_start, sick_leave.kind),
            (1, TopicKind::Information)
        );

        let text = plan_db::topic_text(&t.db, sick_leave.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(text.contact, "Hr-avdelningen");
        assert!(text
            .guidance
            .contains("sjukanmälan, friskanmälan och hälsosamtal"));
        assert_eq!(text.links.len(), 1);
        assert!(text.links[0]
            .url
            .as_deref()
            .unwrap()
            .ends_with("/sjukfranvaro/"));

        let may_june = topics
            .iter()
            .filter(|t| (t.month_start, t.month_end) == (5, 6))
            .count();
        assert_eq!(may_june, 2, "{}", t.engine);
    }
}

#[tokio::test]
async fn a_plan_counts_meetings_and_placed_topics_against_the_rules() {
    for t in fresh_databases().await {
        let Fixture { org, unit, .. } = fixture(&t.db).await;
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();

        let january = plan_db::insert_meeting(
            &t.db,
            plan,
            &plan_db::NewMeeting {
                date: NaiveDate::from_ymd_opt(2026, 1, 13).unwrap(),
                start: chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
                location: "Eken".into(),
                online_link: None,
            },
        )
        .await
        .unwrap();
        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        let first = topics[0].id;
        plan_db::place_topic(&t.db, plan, first, Some(january))
            .await
            .unwrap();

        let meetings = plan_db::meetings(&t.db, plan).await.unwrap();
        assert_eq!(meetings.len(), 1);
        assert_eq!(
            meetings[0].start,
            chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap()
        );
        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        let status = status_of(PlanRules::default(), &meetings, &topics);
        assert_eq!(status.missing_meetings, 7, "{}", t.engine);
        assert_eq!(status.unplaced_topics, 27, "{}", t.engine);

        // The cross-unit standing (two queries) agrees with the single-plan status.
        let standings = plan_db::standings_for_units(&t.db, 2026, &[unit])
            .await
            .unwrap();
        assert_eq!(
            standings[&unit].status(PlanRules::default()),
            status,
            "{}",
            t.engine
        );
        assert!(plan_db::standings_for_units(&t.db, 2025, &[unit])
            .await
            .unwrap()
            .is_empty());
        assert!(plan_db::standings_for_units(&t.db, 2026, &[])
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn a_meeting_that_ends_before_it_starts_is_refused_by_the_database() {
    for t in fresh_databases().await {
        let org = org_db::insert_node(&t.db, None, "Testkommun", "kommun")
            .await
            .unwrap();
        let unit = org_db::insert_node(&t.db, Some(org), "Enhet A", "enhet")
            .await
            .unwrap();
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let result = plan_db::insert_meeting(
            &t.db,
            plan,
            &plan_db::NewMeeting {
                date: NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(),
                start: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
                location: String::new(),
                online_link: None,
            },
        )
        .await;
        assert!(result.is_err(), "{}", t.engine);
    }
}

#[tokio::test]
async fn the_demo_organisation_seeds_once_with_a_complete_plan_per_unit() {
    for t in fresh_databases().await {
        assert!(demo::seed_if_empty(&t.db, 2026).await.unwrap());
        assert!(
            !demo::seed_if_empty(&t.db, 2026).await.unwrap(),
            "seeds only once"
        );

        let tree = org_db::load_tree(&t.db).await.unwrap();
        let units = tree.tree.leaves();
        // Exempelstad's four units and Norrvik's two, under two roots with rules of their own.
        assert_eq!(units.len(), 6, "{}", t.engine);
        let roots: std::collections::BTreeSet<i64> =
            units.iter().filter_map(|&u| tree.tree.root_of(u)).collect();
        assert_eq!(roots.len(), 2, "{}", t.engine);

        let standings = plan_db::standings_for_units(&t.db, 2026, &units)
            .await
            .unwrap();
        assert_eq!(
            standings.len(),
            units.len(),
            "{}: only those asked",
            t.engine
        );
        for unit in &units {
            let root = tree.tree.root_of(*unit).unwrap();
            let rules = org_db::rules(&t.db, root).await.unwrap();
            assert_eq!(rules, PlanRules::default());
            let status = standings[unit].status(rules);
            assert!(status.meetings_planned >= 8, "{}: {status:?}", t.engine);
            assert!(status.meets_rules(), "{}: {status:?}", t.engine);
            assert_eq!(status.out_of_month_topics, 0, "{}", t.engine);
        }

        let sign_ins = demo::demo_sign_ins(&t.db).await.unwrap();
        assert!(sign_ins.accounts.len() >= 20, "{}", t.engine);
        assert!(sign_ins
            .accounts
            .iter()
            .any(|a| a.email == "anna.lindqvist@exempelstad.se"
                && a.description.contains("Hemtjänst Norr")));
        assert!(sign_ins
            .accounts
            .iter()
            .any(|a| a.email == "sara.lindahl@norrvik.se" && a.description.contains("Norrvik")));
    }
}

#[tokio::test]
async fn people_sign_in_with_their_hash_and_roles_come_back_for_access_checks() {
    for t in fresh_databases().await {
        let org = org_db::insert_node(&t.db, None, "Testkommun", "kommun")
            .await
            .unwrap();
        let dept = org_db::insert_node(&t.db, Some(org), "Avdelning", "avdelning")
            .await
            .unwrap();
        let unit = org_db::insert_node(&t.db, Some(dept), "Enhet", "enhet")
            .await
            .unwrap();
        let other = org_db::insert_node(&t.db, Some(dept), "Annan enhet", "enhet")
            .await
            .unwrap();

        let hash = password::hash_password("ett långt lösenord").unwrap();
        let id = auth_db::upsert_person(
            &t.db,
            "Test Person",
            "Test.Person@Example.se",
            None,
            Some(&hash),
        )
        .await
        .unwrap();
        auth_db::grant_role(&t.db, id, unit, Role::Medarbetare)
            .await
            .unwrap();
        auth_db::grant_role(&t.db, id, unit, Role::Medarbetare)
            .await
            .unwrap();

        let login = auth_db::find_login(&t.db, "test.person@example.se")
            .await
            .unwrap()
            .unwrap();
        assert!(login.active);
        assert!(password::verify_password(
            "ett långt lösenord",
            login.password_hash.as_ref().unwrap()
        ));
        assert!(auth_db::find_login(&t.db, "nobody@example.se")
            .await
            .unwrap()
            .is_none());

        let memberships = auth_db::memberships(&t.db, id).await.unwrap();
        assert_eq!(
            memberships.len(),
            1,
            "granting twice keeps one role ({})",
            t.engine
        );
        let tree = org_db::load_tree(&t.db).await.unwrap();
        assert_eq!(tree.tree.ancestry(unit), vec![unit, dept, org]);
        assert_eq!(
            access_to_unit(&memberships, &tree.tree.ancestry(unit)),
            Access::Read
        );
        assert_eq!(
            access_to_unit(&memberships, &tree.tree.ancestry(other)),
            Access::None
        );
        assert_eq!(tree.path_names(unit), vec!["Testkommun", "Avdelning"]);
    }
}
