//! Agendas, proposals and the backlog against real databases: composing from the plan, the
//! chef's changes with their version check, the three decisions on a proposal, and carrying items
//! a meeting did not reach to the next APT. Each on SQLite and PostgreSQL.

use crate::common;

use app::domain::{CheckedAgendaItem, ItemKind};
use app::meetings::db::{self, AgendaError, Decision, PlanContent};
use app::meetings::{ItemSource, ProposalStatus};
use app::plan::db::{self as plan_db, Change, NewMeeting};
use chrono::{NaiveDate, NaiveTime};
use common::{fixture, fresh_databases, Fixture, TestDb};

fn at(m: u32, d: u32) -> NewMeeting {
    NewMeeting {
        date: NaiveDate::from_ymd_opt(2026, m, d).unwrap(),
        start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        location: "Eken".into(),
        online_link: None,
    }
}

fn item(title: &str, minutes: u32) -> CheckedAgendaItem {
    CheckedAgendaItem {
        title: title.into(),
        description: String::new(),
        presenter: "Anna".into(),
        minutes,
        kind: ItemKind::Information,
    }
}

/// A plan with two APTs (March and April); the first has the wheel's first two topics placed.
async fn plan_with_meetings(t: &TestDb, f: &Fixture) -> (i64, i64, i64, PlanContent) {
    let plan = plan_db::create_plan_from_template(&t.db, f.unit, f.org, 2026)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for day in [at(3, 10), at(4, 14)] {
        let version = plan_db::plan_version(&t.db, plan).await.unwrap().unwrap();
        let change = Change {
            plan_id: plan,
            version,
            person_id: f.person,
            note: "lade till APT",
            at: app::clock::Clock::system().now(),
        };
        ids.push(plan_db::add_meeting(&t.db, &change, &day).await.unwrap());
    }
    let topics = plan_db::plan_topics(&t.db, plan).await.unwrap();
    for topic in topics.iter().take(2) {
        plan_db::place_topic(&t.db, plan, topic.id, Some(ids[0]))
            .await
            .unwrap();
    }
    let points = app::template::db::points_at(&t.db, f.org, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let content = PlanContent {
        points,
        topics: topics
            .iter()
            .take(2)
            .map(|t| (t.id, t.title.clone(), ItemKind::Dialogue))
            .collect(),
    };
    (plan, ids[0], ids[1], content)
}

#[tokio::test]
async fn composing_takes_points_and_planned_topics_once() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (_, march, _, content) = plan_with_meetings(&t, &f).await;

        let added = db::compose(&t.db, f.unit, march, &content).await.unwrap();
        assert_eq!(added, 7, "{}: five points and two topics", t.engine);
        let agenda = db::agenda(&t.db, march).await.unwrap();
        let titles: Vec<&str> = agenda.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Löpande punkter",
                "Årshjulets ämnen",
                "Förslag och övriga frågor"
            ],
            "{}",
            t.engine
        );
        assert_eq!(
            agenda[0].items[0].title,
            "Stäm av arbetssituation/arbetsbelastning"
        );
        assert_eq!(agenda[0].items[0].source, ItemSource::Recurring);
        assert_eq!(agenda[1].items.len(), 2, "{}", t.engine);
        assert!(agenda[1].items.iter().all(|i| i.topic_id.is_some()));

        let help = db::topic_help(&t.db, march).await.unwrap();
        assert_eq!(help.len(), 2, "{}: guidance of both topics", t.engine);
        assert!(help.iter().all(|h| !h.guidance.is_empty()), "{}", t.engine);

        let version = db::agenda_version(&t.db, march).await.unwrap();
        let again = db::compose(&t.db, f.unit, march, &content).await.unwrap();
        assert_eq!(again, 0, "{}: nothing twice", t.engine);
        assert_eq!(db::agenda(&t.db, march).await.unwrap(), agenda);
        assert!(db::agenda_version(&t.db, march).await.unwrap() > version);
    }
}

#[tokio::test]
async fn the_chef_edits_moves_and_takes_off_items() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (_, march, april, content) = plan_with_meetings(&t, &f).await;
        db::compose(&t.db, f.unit, march, &content).await.unwrap();
        let agenda = db::agenda(&t.db, march).await.unwrap();
        let other = agenda[2].id;

        let budget = db::add_item(&t.db, f.unit, march, other, &item("Budget", 20))
            .await
            .unwrap();
        let party = db::add_item(&t.db, f.unit, march, other, &item("Julfest", 5))
            .await
            .unwrap();
        assert!(
            matches!(
                db::add_item(
                    &t.db,
                    f.unit,
                    march,
                    db::agenda(&t.db, april)
                        .await
                        .unwrap()
                        .first()
                        .map_or(-1, |s| s.id),
                    &item("X", 1)
                )
                .await,
                Err(AgendaError::NotFound)
            ),
            "{}: a section of another meeting is refused",
            t.engine
        );

        db::move_item(&t.db, march, party, true).await.unwrap();
        let order: Vec<i64> = db::agenda(&t.db, march).await.unwrap()[2]
            .items
            .iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(order, [party, budget], "{}", t.engine);

        // An edit on an old version is refused; on the current one it goes through.
        let version = db::agenda_version(&t.db, march).await.unwrap();
        let topics_section = agenda[1].id;
        assert!(matches!(
            db::update_item(
                &t.db,
                march,
                budget,
                version - 1,
                other,
                &item("Budget 2027", 30)
            )
            .await,
            Err(AgendaError::Stale)
        ));
        db::update_item(
            &t.db,
            march,
            budget,
            version,
            topics_section,
            &item("Budget 2027", 30),
        )
        .await
        .unwrap();
        let moved = db::agenda(&t.db, march).await.unwrap();
        let last = moved[1].items.last().unwrap();
        assert_eq!(
            (last.id, last.title.as_str(), last.minutes),
            (budget, "Budget 2027", 30)
        );

        // A section with items is not removed; an empty one is.
        assert!(matches!(
            db::change_section(&t.db, march, other, None).await,
            Err(AgendaError::SectionNotEmpty)
        ));
        db::take_off_item(&t.db, march, party, true).await.unwrap();
        db::change_section(&t.db, march, other, None).await.unwrap();
        let backlog = db::backlog(&t.db, f.unit).await.unwrap();
        assert_eq!(backlog.len(), 1, "{}", t.engine);
        assert_eq!(backlog[0].title, "Julfest");

        // The backlog item goes to April's agenda (its "other" section is made for it).
        db::schedule(&t.db, f.unit, party, april).await.unwrap();
        let april_agenda = db::agenda(&t.db, april).await.unwrap();
        assert_eq!(april_agenda.len(), 1, "{}", t.engine);
        assert_eq!(april_agenda[0].items[0].id, party);
        assert!(db::backlog(&t.db, f.unit).await.unwrap().is_empty());
        db::take_off_item(&t.db, april, party, false).await.unwrap();
        assert!(
            db::item(&t.db, party).await.unwrap().is_none(),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn proposals_are_accepted_deferred_or_declined_once() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (_, march, april, _) = plan_with_meetings(&t, &f).await;
        let employee =
            app::auth::db::upsert_person(&t.db, "Mehmet Yilmaz", "m@example.se", None, None)
                .await
                .unwrap();
        let first = db::propose(
            &t.db,
            f.unit,
            employee,
            Some(march),
            "Parkeringen",
            "Ont om platser",
        )
        .await
        .unwrap()
        .expect("room");
        let second = db::propose(&t.db, f.unit, employee, None, "Nya skåp", "")
            .await
            .unwrap()
            .expect("room");
        let third = db::propose(&t.db, f.unit, employee, None, "Fredagsfika", "")
            .await
            .unwrap()
            .expect("room");
        let waiting = db::proposals(&t.db, f.unit, None).await.unwrap();
        let ids: Vec<i64> = waiting.iter().map(|p| p.id).collect();
        assert_eq!(ids, [first, second, third], "{}: oldest first", t.engine);
        assert_eq!(waiting[0].wanted.as_ref().map(|m| m.id), Some(march));
        assert_eq!(waiting[0].proposer, "Mehmet Yilmaz");

        db::decide(
            &t.db,
            f.unit,
            first,
            f.person,
            Decision::Accept { meeting_id: april },
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        db::decide(
            &t.db,
            f.unit,
            second,
            f.person,
            Decision::Defer,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        db::decide(
            &t.db,
            f.unit,
            third,
            f.person,
            Decision::Decline {
                reason: "Tas upp på LSG",
            },
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert!(
            matches!(
                db::decide(
                    &t.db,
                    f.unit,
                    third,
                    f.person,
                    Decision::Defer,
                    app::clock::Clock::system().now()
                )
                .await,
                Err(AgendaError::Stale)
            ),
            "{}: decided once",
            t.engine
        );
        assert!(
            matches!(
                db::decide(
                    &t.db,
                    f.unit + 1000,
                    first,
                    f.person,
                    Decision::Defer,
                    app::clock::Clock::system().now()
                )
                .await,
                Err(AgendaError::NotFound)
            ),
            "{}: another unit's proposal",
            t.engine
        );

        let mine = db::proposals(&t.db, f.unit, Some(employee)).await.unwrap();
        let by_id = |id: i64| mine.iter().find(|p| p.id == id).unwrap();
        assert_eq!(by_id(first).status, ProposalStatus::Accepted);
        assert_eq!(by_id(first).placed_in.as_ref().map(|m| m.id), Some(april));
        assert_eq!(by_id(second).status, ProposalStatus::Deferred);
        assert_eq!(by_id(third).status, ProposalStatus::Declined);
        assert_eq!(by_id(third).reason.as_deref(), Some("Tas upp på LSG"));
        assert_eq!(
            mine[0].id, third,
            "{}: own proposals newest first",
            t.engine
        );
        assert!(db::proposals(&t.db, f.unit, None).await.unwrap().is_empty());

        let april_agenda = db::agenda(&t.db, april).await.unwrap();
        assert_eq!(april_agenda[0].title, "Förslag och övriga frågor");
        assert_eq!(april_agenda[0].items[0].title, "Parkeringen");
        assert_eq!(april_agenda[0].items[0].source, ItemSource::Proposal);
        let backlog = db::backlog(&t.db, f.unit).await.unwrap();
        assert_eq!(backlog.len(), 1);
        assert_eq!(backlog[0].title, "Nya skåp");

        // Scheduling the deferred proposal's item accepts it.
        db::schedule(&t.db, f.unit, backlog[0].id, march)
            .await
            .unwrap();
        let mine = db::proposals(&t.db, f.unit, Some(employee)).await.unwrap();
        let second = mine.iter().find(|p| p.id == second).unwrap();
        assert_eq!(second.status, ProposalStatus::Accepted, "{}", t.engine);
        assert_eq!(second.placed_in.as_ref().map(|m| m.id), Some(march));
    }
}

#[tokio::test]
async fn items_not_reached_are_carried_to_the_next_apt_once() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (_, march, april, content) = plan_with_meetings(&t, &f).await;
        db::compose(&t.db, f.unit, march, &content).await.unwrap();
        let agenda = db::agenda(&t.db, march).await.unwrap();
        let topic = &agenda[1].items[1];
        db::set_reached(&t.db, march, topic.id, false)
            .await
            .unwrap();
        assert_eq!(db::agenda_counts(&t.db, f.unit, march).await.unwrap().1, 1);
        assert_eq!(
            db::next_meeting(&t.db, march).await.unwrap().map(|m| m.id),
            Some(april),
            "{}",
            t.engine
        );

        assert_eq!(
            db::carry_over(&t.db, f.unit, march, april).await.unwrap(),
            1
        );
        assert_eq!(
            db::carry_over(&t.db, f.unit, march, april).await.unwrap(),
            0,
            "{}: once",
            t.engine
        );
        let april_agenda = db::agenda(&t.db, april).await.unwrap();
        let carried = &april_agenda[0].items[0];
        assert_eq!(carried.title, topic.title, "{}", t.engine);
        assert_eq!(carried.source, ItemSource::Carried);
        assert_eq!(carried.topic_id, topic.topic_id);
        let still = db::agenda(&t.db, march).await.unwrap();
        assert!(
            !still[1].items[1].reached,
            "{}: the minutes keep what happened",
            t.engine
        );
    }
}

#[tokio::test]
async fn a_person_has_at_most_ten_proposals_waiting_in_a_unit() {
    use app::domain::agenda::MAX_OPEN_PROPOSALS;
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let employee = app::auth::db::upsert_person(&t.db, "Ali", "ali@example.se", None, None)
            .await
            .unwrap();
        let mut ids = Vec::new();
        for n in 0..MAX_OPEN_PROPOSALS {
            let id = db::propose(&t.db, f.unit, employee, None, &format!("Fråga {n}"), "")
                .await
                .unwrap();
            ids.push(id.expect("room"));
        }
        let over = db::propose(&t.db, f.unit, employee, None, "En till", "")
            .await
            .unwrap();
        assert_eq!(over, None, "{}: the eleventh waits", t.engine);
        // Another person is not held back by Ali's.
        assert!(db::propose(&t.db, f.unit, f.person, None, "Min fråga", "")
            .await
            .unwrap()
            .is_some());
        // Once the chef has decided on one, there is room again.
        db::decide(
            &t.db,
            f.unit,
            ids[0],
            f.person,
            Decision::Decline {
                reason: "Tas upp i ledningsgruppen.",
            },
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert!(
            db::propose(&t.db, f.unit, employee, None, "En till", "")
                .await
                .unwrap()
                .is_some(),
            "{}",
            t.engine
        );
    }
}
