//! A cooperation meeting's protocol against real databases: attendance replaced as a whole, an
//! item's text saved only over what the writer saw, the questions the employer takes with it
//! carried to later meetings until one answers them, and item 3's dates. Each on SQLite and
//! PostgreSQL, and nothing of one meeting or group reachable through another's ids.

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting, RULE};

use app::cooperation::db::{self, MinutesSave};
use app::domain::cooperation::protocol::{AdjustDates, Attendance};
use common::{fixture, fresh_databases};

#[tokio::test]
async fn attendance_and_item_text_are_kept_and_a_stale_save_is_refused() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        assert!(db::compose(&t.db, group, meeting_id, &[], now)
            .await
            .unwrap());

        let partly = Attendance::Present {
            items: Some((4, 12)),
        };
        db::save_attendance(
            &t.db,
            meeting_id,
            &[(f.person, partly), (union, Attendance::Absent)],
        )
        .await
        .unwrap();
        let marked = db::attendees(&t.db, group, meeting_id).await.unwrap();
        assert_eq!(marked.len(), 2, "{}", t.engine);
        assert_eq!(
            marked[0].person_id, f.person,
            "{}: employer first",
            t.engine
        );
        assert_eq!(marked[0].attendance(), Some(partly), "{}", t.engine);
        assert_eq!(
            marked[1].attendance(),
            Some(Attendance::Absent),
            "{}",
            t.engine
        );
        db::save_attendance(
            &t.db,
            meeting_id,
            &[(union, Attendance::Present { items: None })],
        )
        .await
        .unwrap();
        let marked = db::attendees(&t.db, group, meeting_id).await.unwrap();
        assert_eq!(
            marked[0].attendance(),
            None,
            "{}: replaced as a whole",
            t.engine
        );

        let items = db::items(&t.db, meeting_id).await.unwrap();
        assert_eq!(
            items[0].purpose.as_deref(),
            Some("previous"),
            "{}",
            t.engine
        );
        assert_eq!(items[2].purpose.as_deref(), Some("adjust"), "{}", t.engine);
        assert_eq!(items[11].purpose.as_deref(), Some("next"), "{}", t.engine);
        let agenda_item = items[1].id;
        let saved = db::save_item_minutes(
            &t.db,
            meeting_id,
            agenda_item,
            ("", ""),
            "Övriga frågor anmäldes.",
            "Dagordningen godkändes.",
        )
        .await
        .unwrap();
        assert_eq!(saved, MinutesSave::Saved, "{}", t.engine);
        let stale = db::save_item_minutes(
            &t.db,
            meeting_id,
            agenda_item,
            ("", ""),
            "Skrivet utan att se det förra.",
            "",
        )
        .await
        .unwrap();
        assert_eq!(stale, MinutesSave::Stale, "{}", t.engine);
        let other_meeting = db::add_meeting(&t.db, group, &meeting(day(9, 21)), now)
            .await
            .unwrap();
        let elsewhere = db::save_item_minutes(&t.db, other_meeting, agenda_item, ("", ""), "x", "")
            .await
            .unwrap();
        assert_eq!(elsewhere, MinutesSave::NotFound, "{}", t.engine);
        let items = db::items(&t.db, meeting_id).await.unwrap();
        assert_eq!(items[1].minutes, "Övriga frågor anmäldes.", "{}", t.engine);
        assert_eq!(items[1].decision, "Dagordningen godkändes.", "{}", t.engine);

        db::add_adjunct(&t.db, meeting_id, "Åsa Adjungerad", "Controller")
            .await
            .unwrap();
        let adjuncts = db::adjuncts(&t.db, meeting_id).await.unwrap();
        assert_eq!(adjuncts.len(), 1, "{}", t.engine);
        assert!(!db::remove_adjunct(&t.db, other_meeting, adjuncts[0].id)
            .await
            .unwrap());
        assert!(db::remove_adjunct(&t.db, meeting_id, adjuncts[0].id)
            .await
            .unwrap());

        let dates = AdjustDates {
            sent_on: day(6, 3),
            comments_due: day(6, 4).and_hms_opt(12, 0, 0).unwrap(),
            signed_on: day(6, 8),
        };
        assert_eq!(db::adjust_dates(&t.db, meeting_id).await.unwrap(), None);
        db::save_adjust_dates(&t.db, meeting_id, &dates)
            .await
            .unwrap();
        assert_eq!(
            db::adjust_dates(&t.db, meeting_id).await.unwrap(),
            Some(dates),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn a_question_the_employer_takes_with_it_comes_back_until_a_later_meeting_answers_it() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let group = db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let other_group = db::create_group(&t.db, f.unit, "Samverkansgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let june = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let september = db::add_meeting(&t.db, group, &meeting(day(9, 21)), now)
            .await
            .unwrap();
        let november = db::add_meeting(&t.db, group, &meeting(day(11, 30)), now)
            .await
            .unwrap();
        let foreign = db::add_meeting(&t.db, other_group, &meeting(day(9, 21)), now)
            .await
            .unwrap();
        for m in [june, september, november] {
            db::compose(&t.db, group, m, &[], now).await.unwrap();
        }
        let next = |date| db::next_meeting_after(&t.db, group, date);
        assert_eq!(
            next(day(6, 1)).await.unwrap().map(|m| m.id),
            Some(september)
        );
        assert!(db::set_cancelled(&t.db, group, september, true)
            .await
            .unwrap());
        assert_eq!(
            next(day(6, 1)).await.unwrap().map(|m| m.id),
            Some(november),
            "{}: a cancelled meeting is not the next",
            t.engine
        );
        assert!(db::set_cancelled(&t.db, group, september, false)
            .await
            .unwrap());
        assert_eq!(next(day(11, 30)).await.unwrap(), None, "{}", t.engine);
        let health = db::items(&t.db, june).await.unwrap()[3].id;
        assert!(db::add_follow_up(
            &t.db,
            group,
            june,
            health,
            "Saco och Vision",
            "statistik från samtliga leverantörer",
            now,
        )
        .await
        .unwrap());
        assert!(
            !db::add_follow_up(&t.db, group, september, health, "", "x", now)
                .await
                .unwrap(),
            "{}: an item of another meeting",
            t.engine
        );

        let in_june = db::follow_ups(&t.db, group, june, day(6, 1)).await.unwrap();
        assert_eq!(in_june.len(), 1, "{}: raised here", t.engine);
        assert_eq!(in_june[0].item_id, health);
        let open = db::follow_ups(&t.db, group, september, day(9, 21))
            .await
            .unwrap();
        assert_eq!(open.len(), 1, "{}: open in September", t.engine);
        assert_eq!(open[0].closed_meeting_id, None);
        assert!(db::follow_ups(&t.db, other_group, foreign, day(9, 21))
            .await
            .unwrap()
            .is_empty());

        let id = open[0].id;
        assert!(
            !db::answer_follow_up(&t.db, group, june, day(6, 1), id, "svar")
                .await
                .unwrap(),
            "{}: not at the meeting that raised it",
            t.engine
        );
        assert!(
            !db::answer_follow_up(&t.db, other_group, foreign, day(9, 21), id, "svar")
                .await
                .unwrap(),
            "{}: not by another group",
            t.engine
        );
        assert!(
            !db::remove_follow_up(&t.db, september, id).await.unwrap(),
            "{}: only the raising meeting removes it",
            t.engine
        );
        assert!(db::answer_follow_up(
            &t.db,
            group,
            september,
            day(9, 21),
            id,
            "Arbetsgivaren redovisade statistik från samtliga leverantörer.",
        )
        .await
        .unwrap());
        let answered = db::follow_ups(&t.db, group, september, day(9, 21))
            .await
            .unwrap();
        assert_eq!(
            answered[0].closed_meeting_id,
            Some(september),
            "{}",
            t.engine
        );
        assert!(
            db::follow_ups(&t.db, group, november, day(11, 30))
                .await
                .unwrap()
                .is_empty(),
            "{}: answered, it no longer comes back",
            t.engine
        );
        assert!(
            !db::answer_follow_up(&t.db, group, november, day(11, 30), id, "igen")
                .await
                .unwrap(),
            "{}: answered at September, not again in November",
            t.engine
        );
        assert!(
            !db::remove_follow_up(&t.db, june, id).await.unwrap(),
            "{}: an answered question stays",
            t.engine
        );
    }
}
