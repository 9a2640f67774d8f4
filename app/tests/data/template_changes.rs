//! HR's template changes against real databases: a change applies to plans made after it, an
//! existing plan keeps what it had and learns what is new (and takes it in as one versioned
//! change), and a topic pushed from a higher node reaches every plan of the year below it, as
//! required, and plans made later. Each on SQLite and PostgreSQL.

use crate::common;

use std::collections::HashSet;

use app::domain::{pending_topics, CheckedTopic, CheckedWheelTopic};
use app::org::db as org_db;
use app::plan::db::{self as plan_db, Change};
use app::template::db as template_db;
use common::{fixture, fresh_databases, Fixture};

fn topic(title: &str, month: u32) -> CheckedWheelTopic {
    CheckedWheelTopic {
        title: title.into(),
        month_start: month,
        month_end: month,
        kind: "dialogue",
        contact: "HR-avdelningen".into(),
        guidance: "Samtala om det.".into(),
        osa_tip: None,
        send_with_notice: false,
    }
}

async fn pending(t: &common::TestDb, org: i64, plan: i64) -> Vec<app::domain::PendingTopic> {
    let revisions = template_db::topic_revisions(&t.db, org).await.unwrap();
    let held: HashSet<i64> = plan_db::plan_topics(&t.db, plan)
        .await
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    pending_topics(&revisions, &held)
}

#[tokio::test]
async fn template_changes_do_not_rewrite_existing_plans() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let old_plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let before = plan_db::plan_topics(&t.db, old_plan).await.unwrap();
        let afa = before
            .iter()
            .find(|t| t.title == "Info om AFA försäkringar")
            .unwrap()
            .id;

        // HR adds a topic, changes one, retires a recurring point and adds another.
        let added = template_db::save_topic(&t.db, org, None, &topic("Info om friskvård", 4))
            .await
            .unwrap();
        let changed = template_db::save_topic(
            &t.db,
            org,
            Some(afa),
            &topic("Info om AFA-försäkringar och arbetsskador", 1),
        )
        .await
        .unwrap();
        let points = template_db::points_at(&t.db, org, 1).await.unwrap();
        template_db::change_point(&t.db, org, Some(points[4].id), None)
            .await
            .unwrap();
        template_db::change_point(&t.db, org, None, Some("Brandskydd"))
            .await
            .unwrap();
        // Changing an already replaced version is refused.
        assert!(
            template_db::save_topic(&t.db, org, Some(afa), &topic("x", 1))
                .await
                .is_err()
        );

        // The existing plan is untouched: same topics, the old points.
        let after = plan_db::plan_topics(&t.db, old_plan).await.unwrap();
        assert_eq!(before, after, "{}", t.engine);
        let old_revision = plan_db::plan_template_revision(&t.db, old_plan)
            .await
            .unwrap()
            .unwrap();
        let old_points = template_db::points_at(&t.db, org, old_revision)
            .await
            .unwrap();
        assert_eq!(old_points.len(), 5, "{}", t.engine);
        assert!(old_points.iter().all(|p| p.title != "Brandskydd"));

        // It learns what is new, and takes it in as one versioned change.
        let news = pending(&t, org, old_plan).await;
        assert_eq!(news.len(), 2, "{}", t.engine);
        assert!(news
            .iter()
            .any(|n| n.topic_id == added && n.replaces.is_none()));
        assert!(news
            .iter()
            .any(|n| n.topic_id == changed && n.replaces == Some(afa)));
        let change = Change {
            plan_id: old_plan,
            version: plan_db::plan_version(&t.db, old_plan)
                .await
                .unwrap()
                .unwrap(),
            person_id: person,
            note: "tog in ämnen",
            at: app::clock::Clock::system().now(),
        };
        plan_db::take_in_topics(&t.db, &change, &news)
            .await
            .unwrap();
        let taken = plan_db::plan_topics(&t.db, old_plan).await.unwrap();
        assert_eq!(taken.len(), 29, "{}", t.engine);
        assert!(taken.iter().all(|t| t.id != afa));
        assert!(pending(&t, org, old_plan).await.is_empty());

        // A plan made now has the changed template: the new topics and the new points.
        let other = org_db::insert_node(&t.db, Some(org), "Ny enhet", "enhet")
            .await
            .unwrap();
        let new_plan = plan_db::create_plan_from_template(&t.db, other, org, 2026)
            .await
            .unwrap();
        let fresh = plan_db::plan_topics(&t.db, new_plan).await.unwrap();
        assert_eq!(fresh.len(), 29, "{}", t.engine);
        assert!(fresh.iter().any(|t| t.title == "Info om friskvård"));
        let revision = plan_db::plan_template_revision(&t.db, new_plan)
            .await
            .unwrap()
            .unwrap();
        let new_points = template_db::points_at(&t.db, org, revision).await.unwrap();
        assert_eq!(new_points.len(), 5, "{}", t.engine);
        assert_eq!(new_points[4].title, "Brandskydd", "{}", t.engine);
        assert!(pending(&t, org, new_plan).await.is_empty());
    }
}

#[tokio::test]
async fn a_pushed_topic_reaches_every_plan_of_the_year_below_the_node_as_required() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        // org › department › (unit, second); outside: a unit straight under org.
        let department = org_db::insert_node(&t.db, Some(org), "Avdelning", "avdelning")
            .await
            .unwrap();
        let below = org_db::insert_node(&t.db, Some(department), "Enhet under", "enhet")
            .await
            .unwrap();
        let later = org_db::insert_node(&t.db, Some(department), "Senare enhet", "enhet")
            .await
            .unwrap();
        let below_plan = plan_db::create_plan_from_template(&t.db, below, org, 2027)
            .await
            .unwrap();
        let other_year = plan_db::create_plan_from_template(&t.db, below, org, 2026)
            .await
            .unwrap();
        let outside_plan = plan_db::create_plan_from_template(&t.db, unit, org, 2027)
            .await
            .unwrap();
        let version = plan_db::plan_version(&t.db, below_plan)
            .await
            .unwrap()
            .unwrap();

        let pushed = CheckedTopic {
            title: "Info om nytt verksamhetssystem".into(),
            month: 2,
            guidance: String::new(),
        };
        let (topic_id, plans) = template_db::push_topic(
            &t.db,
            org,
            department,
            2027,
            person,
            &pushed,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(
            plans, 1,
            "{}: only the plan of that year below the node",
            t.engine
        );
        let required = plan_db::plan_topics(&t.db, below_plan).await.unwrap();
        let got = required.iter().find(|t| t.id == topic_id).unwrap();
        assert_eq!(
            got.required_by.as_deref(),
            Some("Avdelning"),
            "{}",
            t.engine
        );
        assert_eq!(
            plan_db::plan_version(&t.db, below_plan).await.unwrap(),
            Some(version + 1),
            "{}: the plan changed, so a stale edit is refused",
            t.engine
        );
        for plan in [other_year, outside_plan] {
            let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
            assert!(topics.iter().all(|t| t.id != topic_id), "{}", t.engine);
        }
        // Not a template topic: not offered as news, not in other years' new plans.
        assert!(pending(&t, org, outside_plan).await.is_empty());

        // A plan made later for that year below the node gets it; a copy into 2028 does not.
        let later_plan = plan_db::create_plan_from_template(&t.db, later, org, 2027)
            .await
            .unwrap();
        let topics = plan_db::plan_topics(&t.db, later_plan).await.unwrap();
        assert!(topics.iter().any(|t| t.id == topic_id), "{}", t.engine);
        let copy = plan_db::copy_plan(&t.db, below_plan, below, org, 2028)
            .await
            .unwrap();
        let copied = plan_db::plan_topics(&t.db, copy).await.unwrap();
        assert!(copied.iter().all(|t| t.id != topic_id), "{}", t.engine);
        assert_eq!(copied.len(), 28, "{}", t.engine);
    }
}
