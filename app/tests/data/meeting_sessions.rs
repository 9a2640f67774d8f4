//! Further sessions of an APT against real databases: added and removed as versioned changes,
//! only for meetings of the same plan, loaded with their meeting, and carried along when the plan
//! is copied to the next year. Each on SQLite and PostgreSQL.

use crate::common;

use app::plan::db::{self as plan_db, Change, ChangeError, NewMeeting};
use chrono::{NaiveDate, NaiveTime};
use common::{fixture, fresh_databases, Fixture};

fn at(y: i32, m: u32, d: u32, hour: u32, place: &str) -> NewMeeting {
    NewMeeting {
        date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        start: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(hour + 1, 0, 0).unwrap(),
        location: place.into(),
        online_link: None,
    }
}

async fn change<'a>(t: &common::TestDb, plan: i64, person: i64, note: &'a str) -> Change<'a> {
    Change {
        plan_id: plan,
        version: plan_db::plan_version(&t.db, plan).await.unwrap().unwrap(),
        person_id: person,
        note,
        at: app::clock::Clock::system().now(),
    }
}

#[tokio::test]
async fn sessions_are_added_removed_and_copied_with_their_meeting() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let c = change(&t, plan, person, "lade till APT").await;
        let meeting = plan_db::add_meeting(&t.db, &c, &at(2026, 3, 10, 13, "Eken"))
            .await
            .unwrap();

        let c = change(&t, plan, person, "lade till ett tillfälle").await;
        let evening =
            plan_db::add_session(&t.db, &c, meeting, &at(2026, 3, 11, 7, "Personalrummet"))
                .await
                .unwrap();
        let c = change(&t, plan, person, "lade till ett tillfälle").await;
        plan_db::add_session(&t.db, &c, meeting, &at(2026, 3, 9, 15, "Lönnen"))
            .await
            .unwrap();

        let loaded = plan_db::meetings(&t.db, plan).await.unwrap();
        assert_eq!(loaded.len(), 1, "{}: sessions are not meetings", t.engine);
        let places: Vec<&str> = loaded[0]
            .sessions
            .iter()
            .map(|s| s.location.as_str())
            .collect();
        assert_eq!(
            places,
            ["Lönnen", "Personalrummet"],
            "{}: by date",
            t.engine
        );
        assert_eq!(
            loaded[0].first_date(),
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            "{}: the notice counts from the earliest session",
            t.engine
        );
        let one = plan_db::meeting(&t.db, meeting).await.unwrap().unwrap();
        assert_eq!(one.sessions, loaded[0].sessions, "{}", t.engine);
        let versions = plan_db::meeting_versions(&t.db, plan).await.unwrap();
        assert_eq!(versions.sessions.get(&evening), Some(&1), "{}", t.engine);

        // A stale removal is refused; a current one goes through.
        let stale = Change {
            version: c.version,
            ..c.clone()
        };
        assert!(matches!(
            plan_db::remove_session(&t.db, &stale, meeting, evening).await,
            Err(ChangeError::Stale(_))
        ));
        let c = change(&t, plan, person, "tog bort ett tillfälle").await;
        plan_db::remove_session(&t.db, &c, meeting, evening)
            .await
            .unwrap();
        let left = plan_db::meeting(&t.db, meeting).await.unwrap().unwrap();
        assert_eq!(left.sessions.len(), 1, "{}", t.engine);

        // Copied to next year, the session keeps weekday and ISO week (Monday of week 11).
        let next = plan_db::copy_plan(&t.db, plan, unit, org, 2027)
            .await
            .unwrap();
        let copied = plan_db::meetings(&t.db, next).await.unwrap();
        assert_eq!(
            copied[0].sessions[0].date,
            NaiveDate::from_ymd_opt(2027, 3, 15).unwrap(),
            "{}",
            t.engine
        );
        assert_eq!(copied[0].sessions[0].location, "Lönnen", "{}", t.engine);
    }
}

#[tokio::test]
async fn a_session_only_goes_to_a_meeting_of_the_same_plan() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let other_unit = app::org::db::insert_node(&t.db, Some(org), "Annan enhet", "enhet")
            .await
            .unwrap();
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let other = plan_db::create_plan_from_template(&t.db, other_unit, org, 2026)
            .await
            .unwrap();
        let c = change(&t, other, person, "lade till APT").await;
        let foreign = plan_db::add_meeting(&t.db, &c, &at(2026, 4, 7, 13, "Eken"))
            .await
            .unwrap();

        let c = change(&t, plan, person, "lade till ett tillfälle").await;
        assert!(matches!(
            plan_db::add_session(&t.db, &c, foreign, &at(2026, 4, 8, 13, "Eken")).await,
            Err(ChangeError::NotInPlan)
        ));
        assert_eq!(
            plan_db::plan_version(&t.db, plan).await.unwrap(),
            Some(c.version),
            "{}: a refused change does not move the version",
            t.engine
        );
        let untouched = plan_db::meeting(&t.db, foreign).await.unwrap().unwrap();
        assert!(untouched.sessions.is_empty(), "{}", t.engine);
    }
}
