//! The workload check against real databases: one vote per person, counted without who chose
//! what, the method locked once votes are in, and the year's figures for the trend. Each on
//! SQLite and PostgreSQL.

use crate::common;

use app::domain::{tally, WorkloadMethod};
use app::workload::db::{self, VotingChange};
use chrono::NaiveDate;
use common::{fixture, fresh_databases, plan_with_meeting};

#[tokio::test]
async fn votes_are_counted_once_and_never_per_person() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (plan, meeting) =
            plan_with_meeting(&t.db, &f, NaiveDate::from_ymd_opt(2026, 5, 5).unwrap()).await;
        assert_eq!(
            db::set_voting(&t.db, meeting, WorkloadMethod::TrafficLight, true, 5)
                .await
                .unwrap(),
            VotingChange::Done
        );
        let mut people = vec![f.person];
        for i in 0..4 {
            let email = format!("p{i}@example.se");
            people.push(
                app::auth::db::upsert_person(&t.db, "Person", &email, None, None)
                    .await
                    .unwrap(),
            );
        }
        for (person, choice) in people
            .iter()
            .zip(["red", "green", "green", "yellow", "green"])
        {
            assert!(
                db::vote(&t.db, meeting, *person, choice).await.unwrap(),
                "{}",
                t.engine
            );
        }
        assert!(
            !db::vote(&t.db, meeting, f.person, "red").await.unwrap(),
            "{}: once",
            t.engine
        );
        assert_eq!(
            db::voters(&t.db, meeting, f.person).await.unwrap(),
            (5, true)
        );
        assert_eq!(
            db::voters(&t.db, meeting, f.person + 1000).await.unwrap(),
            (5, false)
        );
        let counted = tally(&db::tallies(&t.db, meeting).await.unwrap());
        assert_eq!(
            (counted.red, counted.yellow, counted.green),
            (1, 1, 3),
            "{}",
            t.engine
        );

        // The method is fixed once votes are in; voting can still close, and once closed over
        // five votes (a result people saw) it never opens again.
        assert_eq!(
            db::set_voting(&t.db, meeting, WorkloadMethod::Quadrant, true, 5)
                .await
                .unwrap(),
            VotingChange::MethodLocked
        );
        assert_eq!(
            db::set_voting(&t.db, meeting, WorkloadMethod::TrafficLight, false, 5)
                .await
                .unwrap(),
            VotingChange::Done
        );
        assert_eq!(
            db::set_voting(&t.db, meeting, WorkloadMethod::TrafficLight, true, 5)
                .await
                .unwrap(),
            VotingChange::ClosedForGood,
            "{}",
            t.engine
        );
        assert_eq!(
            db::set_voting(&t.db, meeting, WorkloadMethod::TrafficLight, true, 6)
                .await
                .unwrap(),
            VotingChange::Done,
            "{}: under a higher threshold nobody saw a result",
            t.engine
        );
        db::set_voting(&t.db, meeting, WorkloadMethod::TrafficLight, false, 6)
            .await
            .unwrap();
        let check = db::check(&t.db, meeting).await.unwrap().unwrap();
        assert_eq!(
            (check.0.as_str(), check.1),
            ("traffic_light", false),
            "{}",
            t.engine
        );

        db::save_record(&t.db, meeting, [Some(2), None, Some(6)], "Handuppräckning")
            .await
            .unwrap();
        let year = db::plan_workload(&t.db, plan, f.person).await.unwrap();
        assert_eq!(year.len(), 1, "{}", t.engine);
        assert_eq!(year[0].votes, 5);
        assert!(year[0].voted && !year[0].voting_open, "{}", t.engine);
        assert_eq!(year[0].record, Some([Some(2), None, Some(6)]));
        let mut tallies = db::tallies(&t.db, meeting).await.unwrap();
        tallies.sort();
        assert!(!tallies.is_empty(), "{}", t.engine);
        assert_eq!(year[0].tallies, tallies, "{}: the same counts", t.engine);
        let rules = app::org::db::rules(&t.db, f.org).await.unwrap();
        assert_eq!(rules.vote_threshold, 5, "{}: five unless raised", t.engine);
    }
}
