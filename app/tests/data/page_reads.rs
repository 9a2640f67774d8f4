//! The reads that keep pages a handful of queries at city scale, against real databases: the
//! organisation tree kept in memory is read again exactly when a node changed, and the plan
//! page's combined reads say what the separate ones say. Each on SQLite and PostgreSQL.

use std::sync::Arc;

use crate::common;

use app::org::keeping_db as kdb;
use app::org::tree_cache::TreeCache;
use app::plan::db as plan_db;
use chrono::{NaiveDate, NaiveTime};
use common::{fixture, fresh_databases, plan_with_meeting};

#[tokio::test]
async fn the_kept_tree_is_read_again_only_after_a_node_changed() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let cache = TreeCache::default();
        let first = cache.tree(&t.db).await.unwrap();
        let again = cache.tree(&t.db).await.unwrap();
        assert!(Arc::ptr_eq(&first, &again), "{}: unchanged, kept", t.engine);
        assert!(first.tree.contains(f.unit));

        let added = kdb::add_node(&t.db, Some(f.org), "Ny enhet", "enhet", None)
            .await
            .unwrap();
        let after_add = cache.tree(&t.db).await.unwrap();
        assert!(after_add.tree.contains(added), "{}: a new node", t.engine);

        kdb::edit_node(&t.db, added, "Omdöpt enhet", "enhet", None)
            .await
            .unwrap();
        let renamed = cache.tree(&t.db).await.unwrap();
        assert_eq!(
            renamed.name(added),
            "Omdöpt enhet",
            "{}: a new name",
            t.engine
        );

        kdb::set_closed(&t.db, added, Some(app::clock::Clock::system().now()))
            .await
            .unwrap();
        let closed = cache.tree(&t.db).await.unwrap();
        assert!(closed.nodes[&added].closed, "{}: a closed node", t.engine);
        let kept = cache.tree(&t.db).await.unwrap();
        assert!(Arc::ptr_eq(&closed, &kept), "{}: kept again", t.engine);

        // Another server process (here: another cache) sees the same tree.
        let other = TreeCache::default().tree(&t.db).await.unwrap();
        assert_eq!(other.name(added), "Omdöpt enhet", "{}", t.engine);
    }
}

#[tokio::test]
async fn the_plan_page_head_and_meetings_match_their_separate_reads() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();

        // No plan yet: the organisation's revision and rules, nothing else.
        let empty = plan_db::plan_head(&t.db, f.unit, 2026, f.org, f.person)
            .await
            .unwrap();
        assert_eq!(empty.plan_id, None, "{}", t.engine);
        assert_eq!(empty.version, 0);
        assert_eq!(
            empty.template_revision,
            app::template::db::revision(&t.db, f.org).await.unwrap()
        );
        assert_eq!(
            empty.rules,
            app::org::db::rules(&t.db, f.org).await.unwrap()
        );
        assert!(!empty.previous_year_has_plan && !empty.has_groups && empty.feed_token.is_none());

        let (plan, meeting) = plan_with_meeting(&t.db, &f, day).await;
        let version = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        let change = plan_db::Change {
            plan_id: plan,
            version,
            person_id: f.person,
            note: "lade till tillfälle",
            at: app::clock::Clock::system().now(),
        };
        let later = plan_db::NewMeeting {
            date: day.succ_opt().unwrap(),
            start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            location: "Björken".into(),
            online_link: Some("https://example.se/m".into()),
        };
        plan_db::add_session(&t.db, &change, meeting, &later)
            .await
            .unwrap();
        plan_db::renew_feed_token(&t.db, f.person, f.unit, "hemligt")
            .await
            .unwrap();
        let messages = [app::notices::db::NewMessage {
            person_id: f.person,
            to: "anna@example.se".into(),
            subject: "Kallelse".into(),
            body: "Dagordning".into(),
            ics: "BEGIN:VCALENDAR".into(),
        }];
        app::notices::db::record(
            &t.db,
            &app::notices::db::NewNotice {
                meeting_id: meeting,
                update: false,
                agenda_version: app::meetings::db::agenda_version(&t.db, meeting)
                    .await
                    .unwrap(),
                sent_by: f.person,
                sent_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                sent_at: app::clock::Clock::system().now(),
                messages: &messages,
                status: "queued",
            },
        )
        .await
        .unwrap()
        .unwrap();
        plan_db::create_plan_from_template(&t.db, f.unit, f.org, 2027)
            .await
            .unwrap();

        let head = plan_db::plan_head(&t.db, f.unit, 2027, f.org, f.person)
            .await
            .unwrap();
        assert!(head.previous_year_has_plan, "{}: 2026 has a plan", t.engine);
        let head = plan_db::plan_head(&t.db, f.unit, 2026, f.org, f.person)
            .await
            .unwrap();
        assert_eq!(head.plan_id, Some(plan), "{}", t.engine);
        assert_eq!(
            Some(head.version),
            plan_db::plan_version(&t.db, plan).await.unwrap()
        );
        assert_eq!(
            Some(head.template_revision),
            plan_db::plan_template_revision(&t.db, plan).await.unwrap()
        );
        assert!(!head.previous_year_has_plan, "{}: 2025 has none", t.engine);
        assert_eq!(head.feed_token.as_deref(), Some("hemligt"), "{}", t.engine);

        let (meetings, notices) = plan_db::meetings_with_notices(&t.db, plan).await.unwrap();
        assert_eq!(
            meetings,
            plan_db::meetings(&t.db, plan).await.unwrap(),
            "{}",
            t.engine
        );
        assert_eq!(meetings[0].sessions.len(), 1, "{}", t.engine);
        assert_eq!(
            notices,
            [(meeting, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())]
        );
    }
}
