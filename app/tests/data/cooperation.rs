//! Cooperation groups against real databases: a group gets the seed's standing agenda, a name once
//! per node, one chair and one secretary, the year's meetings, and the list of groups a person
//! sits in or keeps. Each on SQLite and PostgreSQL.

use crate::common;

use app::cooperation::db::{self, MemberSaved};
use app::domain::cooperation::{check_member, MeetingRule, MemberInput, STANDING_AGENDA};
use app::domain::CheckedMeeting;
use chrono::{NaiveDate, NaiveTime};
use common::{fixture, fresh_databases};

pub(crate) const RULE: MeetingRule = MeetingRule {
    min_meetings: 4,
    notice_days: 7,
    safety_committee: true,
};

pub(crate) fn member(
    side: &str,
    union: &str,
    role: &str,
) -> app::domain::cooperation::CheckedMember {
    check_member(&MemberInput {
        function_title: "Funktion".into(),
        side: side.into(),
        union_name: union.into(),
        role: role.into(),
    })
    .unwrap()
}

pub(crate) fn meeting(date: NaiveDate) -> CheckedMeeting {
    CheckedMeeting {
        date,
        start: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        location: "Askebykroken".into(),
        online_link: None,
    }
}

pub(crate) fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A group of the fixture's organisation with the fixture's person as its secretary and Ulla Ulf
/// (Vision) as a member of the employees' side: (group, Ulla).
pub(crate) async fn group_with_two_sides(
    db: &app::db::Db,
    f: &crate::common::Fixture,
    now: chrono::DateTime<chrono::Utc>,
) -> (i64, i64) {
    let group = db::create_group(db, f.org, "Förvaltningsgrupp", RULE, now)
        .await
        .unwrap()
        .unwrap();
    let union = app::auth::db::upsert_person(db, "Ulla Ulf", "ulla@example.se", None, None)
        .await
        .unwrap();
    db::save_member(db, group, f.person, &member("employer", "", "secretary"))
        .await
        .unwrap();
    db::save_member(db, group, union, &member("employees", "Vision", "member"))
        .await
        .unwrap();
    (group, union)
}

#[tokio::test]
async fn a_group_starts_with_the_seeds_standing_agenda_and_a_name_once_per_node() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let id = db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .expect("made");
        let items = db::standing_items(&t.db, id).await.unwrap();
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        let seed: Vec<&str> = STANDING_AGENDA.iter().map(|i| i.title).collect();
        assert_eq!(titles, seed, "{}", t.engine);
        assert!(items[9].per_unit, "{}: Samverkan per unit", t.engine);
        assert_eq!(
            db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
                .await
                .unwrap(),
            None,
            "{}: the same name twice at a node",
            t.engine
        );
        let other = db::create_group(&t.db, f.unit, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap();
        assert!(other.is_some(), "{}: the name at another node", t.engine);

        let group = db::group(&t.db, id).await.unwrap().unwrap();
        assert_eq!(group.rule(), RULE);
        let lighter = MeetingRule {
            min_meetings: 2,
            notice_days: 10,
            safety_committee: false,
        };
        assert!(
            db::save_settings(&t.db, &group, "Samverkansgrupp", lighter, true)
                .await
                .unwrap()
        );
        let saved = db::group(&t.db, id).await.unwrap().unwrap();
        assert_eq!(saved.rule(), lighter, "{}", t.engine);
        assert!(saved.publish_to_employees, "{}", t.engine);

        db::add_standing_item(&t.db, id, "Löneöversyn")
            .await
            .unwrap();
        let items = db::standing_items(&t.db, id).await.unwrap();
        assert_eq!(items.last().unwrap().title, "Löneöversyn");
        assert!(
            db::rename_standing_item(&t.db, id, items[6].id, "Information till och från CSG")
                .await
                .unwrap()
        );
        assert!(db::remove_standing_item(&t.db, id, items[0].id)
            .await
            .unwrap());
        assert!(
            !db::remove_standing_item(&t.db, other.unwrap(), items[1].id)
                .await
                .unwrap(),
            "{}: another group's item",
            t.engine
        );
        assert_eq!(db::standing_items(&t.db, id).await.unwrap().len(), 12);
    }
}

#[tokio::test]
async fn a_group_has_one_chair_and_one_secretary() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let id = db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let other = app::auth::db::upsert_person(&t.db, "Bo Berg", "bo@example.se", None, None)
            .await
            .unwrap();
        let union = app::auth::db::upsert_person(&t.db, "Ulla Ulf", "ulla@example.se", None, None)
            .await
            .unwrap();
        assert_eq!(
            db::save_member(&t.db, id, f.person, &member("employer", "", "chair"))
                .await
                .unwrap(),
            MemberSaved::Added
        );
        assert_eq!(
            db::save_member(&t.db, id, other, &member("employer", "", "chair"))
                .await
                .unwrap(),
            MemberSaved::RoleHeldBy("Anna Andersson".into()),
            "{}",
            t.engine
        );
        assert_eq!(
            db::save_member(&t.db, id, other, &member("employer", "", "secretary"))
                .await
                .unwrap(),
            MemberSaved::Added
        );
        assert_eq!(
            db::save_member(&t.db, id, union, &member("employees", "Vision", "member"))
                .await
                .unwrap(),
            MemberSaved::Added
        );
        // The chair steps down to member, so the role is free.
        assert_eq!(
            db::save_member(&t.db, id, f.person, &member("employer", "", "member"))
                .await
                .unwrap(),
            MemberSaved::Changed
        );
        assert_eq!(
            db::save_member(&t.db, id, other, &member("employer", "", "chair"))
                .await
                .unwrap(),
            MemberSaved::Changed
        );
        let members = db::members(&t.db, id).await.unwrap();
        let order: Vec<(&str, &str)> = members
            .iter()
            .map(|m| (m.name.as_str(), m.role.as_str()))
            .collect();
        assert_eq!(
            order,
            vec![
                ("Bo Berg", "chair"),
                ("Anna Andersson", "member"),
                ("Ulla Ulf", "member")
            ],
            "{}",
            t.engine
        );
        assert_eq!(members[2].union_name.as_deref(), Some("Vision"));
        assert_eq!(
            db::member_role(&t.db, id, union).await.unwrap().as_deref(),
            Some("member")
        );
        assert!(db::remove_member(&t.db, id, union).await.unwrap());
        assert!(!db::remove_member(&t.db, id, union).await.unwrap());
        assert_eq!(db::member_role(&t.db, id, union).await.unwrap(), None);
    }
}

#[tokio::test]
async fn the_years_meetings_and_the_groups_a_person_sees() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        use app::org::db as org_db;
        let admin = org_db::insert_node(&t.db, Some(f.org), "Förvaltning", "förvaltning")
            .await
            .unwrap();
        let unit = org_db::insert_node(&t.db, Some(admin), "Enheten", "enhet")
            .await
            .unwrap();
        let top = db::create_group(&t.db, f.org, "Centrala samverkansgruppen", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let fvg = db::create_group(&t.db, admin, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        for date in [day(2, 9), day(6, 1), day(11, 30)] {
            db::add_meeting(&t.db, fvg, &meeting(date), now)
                .await
                .unwrap();
        }
        let next_year = NaiveDate::from_ymd_opt(2027, 2, 8).unwrap();
        db::add_meeting(&t.db, fvg, &meeting(next_year), now)
            .await
            .unwrap();
        let year = db::meetings(&t.db, fvg, 2026).await.unwrap();
        assert_eq!(
            year.iter().map(|m| m.meeting_date).collect::<Vec<_>>(),
            vec![day(2, 9), day(6, 1), day(11, 30)],
            "{}",
            t.engine
        );
        assert_eq!(
            year[0].start_time,
            NaiveTime::from_hms_opt(10, 30, 0).unwrap()
        );
        assert!(db::set_cancelled(&t.db, fvg, year[1].id, true)
            .await
            .unwrap());
        assert!(!db::set_cancelled(&t.db, top, year[1].id, true)
            .await
            .unwrap());
        assert!(db::meetings(&t.db, fvg, 2026).await.unwrap()[1].cancelled);

        // A member sees their own group only, with its next meeting that is not cancelled.
        db::save_member(&t.db, fvg, f.person, &member("employees", "DIK", "member"))
            .await
            .unwrap();
        let mine = db::groups_for(&t.db, f.person, &[], &[], day(3, 1))
            .await
            .unwrap();
        assert_eq!(mine.len(), 1, "{}", t.engine);
        assert_eq!(mine[0].group.id, fvg);
        assert_eq!(mine[0].my_role.as_deref(), Some("member"));
        assert_eq!(mine[0].next_meeting, Some(day(11, 30)), "{}", t.engine);
        // HR of the förvaltning keeps its group, not the one above; HR at the root keeps both;
        // a chef of the förvaltning keeps its group.
        let nobody = f.person + 1000;
        let kept = |subtrees: Vec<i64>, nodes: Vec<i64>| {
            let db = t.db.clone();
            async move {
                db::groups_for(&db, nobody, &subtrees, &nodes, day(3, 1))
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|g| g.group.id)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(kept(vec![admin], vec![]).await, vec![fvg], "{}", t.engine);
        assert_eq!(kept(vec![f.org], vec![]).await.len(), 2, "{}", t.engine);
        assert_eq!(kept(vec![], vec![admin]).await, vec![fvg], "{}", t.engine);
        assert!(kept(vec![unit], vec![unit]).await.is_empty());

        // Groups sit at nodes with nodes below them: the unit is no place for one.
        let places = db::group_nodes_below(&t.db, f.org).await.unwrap();
        let ids: Vec<i64> = places.iter().map(|n| n.id).collect();
        assert!(ids.contains(&f.org) && ids.contains(&admin), "{}", t.engine);
        assert!(
            !ids.contains(&unit) && !ids.contains(&f.unit),
            "{}",
            t.engine
        );
        assert_eq!(places[0].depth, 0);
        let own = db::group_node(&t.db, admin).await.unwrap().unwrap();
        assert_eq!(
            (own.name.as_str(), own.depth),
            ("Förvaltning", 0),
            "{}",
            t.engine
        );
        assert!(db::group_node(&t.db, nobody).await.unwrap().is_none());
    }
}
