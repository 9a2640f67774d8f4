//! Changing plans against real databases: the version check refuses a stale change and says who
//! changed what, and copying a plan to the next year moves every meeting to the same weekday and
//! ISO week (also across a year with week 53) with its topics. Each on SQLite and PostgreSQL.

use crate::common;

use app::domain::{iso_week, PlanRules};
use app::org::db as org_db;
use app::plan::db::{self as plan_db, Change, ChangeError, NewMeeting};
use app::plan::status_of;
use chrono::{Datelike, NaiveDate, NaiveTime};
use common::{fixture, fresh_databases, Fixture};

fn meeting(y: i32, m: u32, d: u32) -> NewMeeting {
    NewMeeting {
        date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        location: "Rum".into(),
        online_link: None,
    }
}

#[tokio::test]
async fn a_stale_change_is_refused_with_who_changed_what() {
    for t in fresh_databases().await {
        let Fixture {
            org,
            unit,
            person: anna,
        } = fixture(&t.db).await;
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2027)
            .await
            .unwrap();
        let v1 = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();

        let first = Change {
            plan_id: plan,
            version: v1,
            person_id: anna,
            note: "lade till APT",
            at: app::clock::Clock::system().now(),
        };
        let id = plan_db::add_meeting(&t.db, &first, &meeting(2027, 3, 9))
            .await
            .unwrap();
        let v2 = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        assert_eq!(v2, v1 + 1, "{}", t.engine);

        // A second change made on the old version is refused and writes nothing.
        let stale = Change {
            plan_id: plan,
            version: v1,
            person_id: anna,
            note: "ändrade APT",
            at: app::clock::Clock::system().now(),
        };
        match plan_db::update_meeting(&t.db, &stale, id, &meeting(2027, 3, 16)).await {
            Err(ChangeError::Stale(last)) => {
                assert_eq!(last.by.as_deref(), Some("Anna Andersson"), "{}", t.engine);
                assert_eq!(last.note.as_deref(), Some("lade till APT"), "{}", t.engine);
                assert!(last.at.is_some());
            }
            other => panic!("{}: expected a stale refusal, got {other:?}", t.engine),
        }
        let meetings = plan_db::meetings(&t.db, plan).await.unwrap();
        assert_eq!(
            meetings[0].date,
            NaiveDate::from_ymd_opt(2027, 3, 9).unwrap()
        );
        assert_eq!(plan_db::plan_version(&t.db, plan).await.unwrap(), Some(v2));

        // Made on the current version, the change goes through.
        let fresh = Change {
            plan_id: plan,
            version: v2,
            person_id: anna,
            note: "ändrade APT",
            at: app::clock::Clock::system().now(),
        };
        plan_db::update_meeting(&t.db, &fresh, id, &meeting(2027, 3, 16))
            .await
            .unwrap();
        let meetings = plan_db::meetings(&t.db, plan).await.unwrap();
        assert_eq!(
            meetings[0].date,
            NaiveDate::from_ymd_opt(2027, 3, 16).unwrap()
        );
    }
}

#[tokio::test]
async fn cancelling_keeps_the_meeting_but_stops_it_counting_and_topics_only_go_to_own_meetings() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let other = org_db::insert_node(&t.db, Some(org), "Annan", "enhet")
            .await
            .unwrap();
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2027)
            .await
            .unwrap();
        let other_plan = plan_db::create_plan_from_template(&t.db, other, org, 2027)
            .await
            .unwrap();
        let change = |version| Change {
            plan_id: plan,
            version,
            person_id: person,
            note: "x",
            at: app::clock::Clock::system().now(),
        };

        let v = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        let id = plan_db::add_meeting(&t.db, &change(v), &meeting(2027, 1, 12))
            .await
            .unwrap();
        let topic = plan_db::plan_topics(&t.db, plan).await.unwrap()[0].id;
        plan_db::set_topic_meeting(&t.db, &change(v + 1), topic, Some(id))
            .await
            .unwrap();
        plan_db::set_cancelled(&t.db, &change(v + 2), id, true)
            .await
            .unwrap();

        let meetings = plan_db::meetings(&t.db, plan).await.unwrap();
        assert!(meetings[0].cancelled, "{}", t.engine);
        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        let status = status_of(PlanRules::default(), &meetings, &topics);
        assert_eq!(status.meetings_planned, 0, "{}", t.engine);
        assert_eq!(
            status.unplaced_topics, 28,
            "a topic in a cancelled meeting is not covered"
        );

        // A meeting of another unit's plan cannot receive this plan's topic.
        let ov = plan_db::plan_version(&t.db, other_plan)
            .await
            .unwrap()
            .unwrap();
        let foreign = plan_db::add_meeting(
            &t.db,
            &Change {
                plan_id: other_plan,
                version: ov,
                person_id: person,
                note: "x",
                at: app::clock::Clock::system().now(),
            },
            &meeting(2027, 1, 13),
        )
        .await
        .unwrap();
        let result = plan_db::set_topic_meeting(&t.db, &change(v + 3), topic, Some(foreign)).await;
        assert!(
            matches!(result, Err(ChangeError::NotInPlan)),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn copying_a_plan_across_week_53_keeps_weekday_week_and_topics() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2026)
            .await
            .unwrap();
        let v = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        let change = |version| Change {
            plan_id: plan,
            version,
            person_id: person,
            note: "x",
            at: app::clock::Clock::system().now(),
        };
        let january = plan_db::add_meeting(&t.db, &change(v), &meeting(2026, 1, 13))
            .await
            .unwrap();
        let last = plan_db::add_meeting(&t.db, &change(v + 1), &meeting(2026, 12, 31))
            .await
            .unwrap();
        let cancelled = plan_db::add_meeting(&t.db, &change(v + 2), &meeting(2026, 6, 9))
            .await
            .unwrap();
        plan_db::set_cancelled(&t.db, &change(v + 3), cancelled, true)
            .await
            .unwrap();
        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        plan_db::set_topic_meeting(&t.db, &change(v + 4), topics[0].id, Some(january))
            .await
            .unwrap();
        plan_db::set_topic_meeting(&t.db, &change(v + 5), topics[1].id, Some(last))
            .await
            .unwrap();

        let copy = plan_db::copy_plan(&t.db, plan, unit, org, 2027)
            .await
            .unwrap();
        let moved = plan_db::meetings(&t.db, copy).await.unwrap();
        let dates: Vec<NaiveDate> = moved.iter().map(|m| m.date).collect();
        // Week 3 Tuesday stays week 3 Tuesday; Thursday of week 53 goes to week 52; the cancelled
        // meeting is not copied.
        assert_eq!(
            dates,
            vec![
                NaiveDate::from_ymd_opt(2027, 1, 19).unwrap(),
                NaiveDate::from_ymd_opt(2027, 12, 30).unwrap()
            ],
            "{}",
            t.engine
        );
        assert_eq!(iso_week(dates[0]), 3);
        assert_eq!(dates[1].weekday(), chrono::Weekday::Thu);

        let copied = plan_db::plan_topics(&t.db, copy).await.unwrap();
        assert_eq!(copied.len(), 28, "{}", t.engine);
        let placed: Vec<_> = copied.iter().filter(|t| t.meeting_id.is_some()).collect();
        assert_eq!(placed.len(), 2, "{}", t.engine);
        assert_eq!(
            copied
                .iter()
                .find(|c| c.id == topics[0].id)
                .unwrap()
                .meeting_id,
            Some(moved[0].id)
        );
    }
}

#[tokio::test]
async fn an_own_topic_joins_the_units_plan_but_not_the_organisations_wheel() {
    for t in fresh_databases().await {
        let Fixture { org, unit, person } = fixture(&t.db).await;
        let other = org_db::insert_node(&t.db, Some(org), "Annan", "enhet")
            .await
            .unwrap();
        let plan = plan_db::create_plan_from_template(&t.db, unit, org, 2027)
            .await
            .unwrap();
        let version = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        let change = Change {
            plan_id: plan,
            version,
            person_id: person,
            note: "eget ämne",
            at: app::clock::Clock::system().now(),
        };
        let topic = app::domain::CheckedTopic {
            title: "Brandövning".into(),
            month: 9,
            guidance: "Utrymning.".into(),
        };
        let id = plan_db::add_own_topic(&t.db, &change, org, unit, &topic)
            .await
            .unwrap();

        let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
        assert_eq!(topics.len(), 29, "{}", t.engine);
        let own = topics.iter().find(|t| t.id == id).unwrap();
        assert_eq!((own.month_start, own.month_end), (9, 9));
        let text = plan_db::topic_text(&t.db, id).await.unwrap().unwrap();
        assert_eq!(text.owner_node_id, unit, "{}", t.engine);

        // Another unit's plan made from the wheel does not get it.
        let other_plan = plan_db::create_plan_from_template(&t.db, other, org, 2027)
            .await
            .unwrap();
        assert_eq!(
            plan_db::plan_topics(&t.db, other_plan).await.unwrap().len(),
            28,
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn a_second_plan_for_the_same_year_is_a_unique_violation_not_a_second_plan() {
    // create_plan answers the loser of two simultaneous creations with "there is already a
    // plan" by this error, on both engines.
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        plan_db::create_plan_from_template(&t.db, f.unit, f.org, 2027)
            .await
            .unwrap();
        let again = plan_db::create_plan_from_template(&t.db, f.unit, f.org, 2027).await;
        assert!(
            matches!(&again, Err(sqlx::Error::Database(e)) if e.is_unique_violation()),
            "{}: {again:?}",
            t.engine
        );
    }
}
