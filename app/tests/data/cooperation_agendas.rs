//! A cooperation meeting's agenda against real databases: written once from the standing agenda
//! with a sub-item per unit under "Samverkan", sub-items only under the meeting's own numbered
//! items, and what members send in placed once. Each on SQLite and PostgreSQL.

use crate::common;
use crate::cooperation::{day, meeting, member, RULE};

use app::cooperation::db;
use common::{fixture, fresh_databases};

#[tokio::test]
async fn a_meetings_agenda_is_written_once_and_what_members_send_in_is_placed_once() {
    use app::domain::cooperation::agenda::CoopItemKind;
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        use app::org::db as org_db;
        let staff = org_db::insert_node(&t.db, Some(f.org), "Administrativa staben", "stab")
            .await
            .unwrap();
        let group = db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let other_meeting = db::add_meeting(&t.db, group, &meeting(day(9, 21)), now)
            .await
            .unwrap();
        assert!(db::group_meeting(&t.db, group, meeting_id)
            .await
            .unwrap()
            .is_some());
        assert!(db::group_meeting(&t.db, group + 1, meeting_id)
            .await
            .unwrap()
            .is_none());

        let units = db::units_below(&t.db, f.org).await.unwrap();
        assert_eq!(
            units.iter().map(|u| u.1.as_str()).collect::<Vec<_>>(),
            vec!["Administrativa staben", "Enhet"],
            "{}",
            t.engine
        );
        assert!(db::compose(&t.db, group, meeting_id, &units, now)
            .await
            .unwrap());
        assert!(
            !db::compose(&t.db, group, meeting_id, &units, now)
                .await
                .unwrap(),
            "{}: once",
            t.engine
        );
        let items = db::items(&t.db, meeting_id).await.unwrap();
        let top: Vec<&db::ItemRow> = items.iter().filter(|i| i.parent_id.is_none()).collect();
        assert_eq!(top.len(), 12, "{}", t.engine);
        let samverkan = top[9];
        assert_eq!(samverkan.title, "Samverkan");
        let subs: Vec<&str> = items
            .iter()
            .filter(|i| i.parent_id == Some(samverkan.id))
            .map(|i| i.title.as_str())
            .collect();
        assert_eq!(subs, vec!["Administrativa staben", "Enhet"], "{}", t.engine);
        let _ = staff;

        let health = top[3].id;
        let sub = db::add_sub_item(
            &t.db,
            meeting_id,
            health,
            "Uppföljning av företagshälsovård",
            Some(CoopItemKind::Information),
            now,
        )
        .await
        .unwrap();
        assert!(sub.is_some());
        assert_eq!(
            db::add_sub_item(&t.db, other_meeting, health, "Fel möte", None, now)
                .await
                .unwrap(),
            None,
            "{}: an item of another meeting",
            t.engine
        );
        assert_eq!(
            db::add_sub_item(
                &t.db,
                meeting_id,
                sub.unwrap(),
                "Under en underpunkt",
                None,
                now
            )
            .await
            .unwrap(),
            None,
            "{}: sub-items have no sub-items",
            t.engine
        );

        db::save_member(
            &t.db,
            group,
            f.person,
            &member("employees", "DIK", "member"),
        )
        .await
        .unwrap();
        let sent = db::submit(
            &t.db,
            meeting_id,
            f.person,
            "question",
            "Sociala medier",
            "Vem?",
            now,
        )
        .await
        .unwrap();
        let listed = db::submissions(&t.db, group, meeting_id).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].union_name.as_deref(), Some("DIK"), "{}", t.engine);
        assert!(db::submissions(&t.db, group, other_meeting)
            .await
            .unwrap()
            .is_empty());
        let other = top[10].id;
        assert!(
            !db::place_submission(&t.db, other_meeting, sent, other, "X", now)
                .await
                .unwrap(),
            "{}: placed from another meeting",
            t.engine
        );
        assert!(db::place_submission(
            &t.db,
            meeting_id,
            sent,
            other,
            "Anmäld fråga från DIK: Sociala medier",
            now
        )
        .await
        .unwrap());
        assert!(
            !db::place_submission(&t.db, meeting_id, sent, other, "Igen", now)
                .await
                .unwrap()
        );
        let placed = db::submissions(&t.db, group, meeting_id).await.unwrap();
        let item = placed[0].item_id.expect("placed");
        let items = db::items(&t.db, meeting_id).await.unwrap();
        let row = items.iter().find(|i| i.id == item).unwrap();
        assert_eq!(row.parent_id, Some(other));
        assert_eq!(
            row.title, "Anmäld fråga från DIK: Sociala medier",
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn a_notice_goes_to_every_active_member_with_an_address_through_the_outbox() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let group = db::create_group(&t.db, f.org, "Förvaltningsgrupp", RULE, now)
            .await
            .unwrap()
            .unwrap();
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let union = app::auth::db::upsert_person(&t.db, "Ulla Ulf", "ulla@example.se", None, None)
            .await
            .unwrap();
        db::save_member(&t.db, group, f.person, &member("employer", "", "secretary"))
            .await
            .unwrap();
        db::save_member(
            &t.db,
            group,
            union,
            &member("employees", "Vision", "member"),
        )
        .await
        .unwrap();
        app::org::people_db::set_active(&t.db, union, false)
            .await
            .unwrap();
        let to = db::notice_recipients(&t.db, group).await.unwrap();
        assert_eq!(
            to.iter().map(|r| r.email.as_str()).collect::<Vec<_>>(),
            vec!["anna@example.se"],
            "{}: the disabled member gets none",
            t.engine
        );
        assert_eq!(db::notice_sent(&t.db, meeting_id).await.unwrap(), (None, 0));
        let id = db::record_notice(
            &t.db,
            &db::CoopNotice {
                meeting_id,
                sent_by: f.person,
                sent_at: now,
                sent_on: day(5, 20),
                subject: "Kallelse: Förvaltningsgrupp 2026-06-01",
                body: "Dagordning",
                to: &to,
                status: "stored",
            },
        )
        .await
        .unwrap();
        assert_eq!(
            db::notice_sent(&t.db, meeting_id).await.unwrap(),
            (Some(day(5, 20)), 1),
            "{}",
            t.engine
        );
        let stored: i64 = app::with_db!(&t.db, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE coop_notice_id = $1 AND status = 'stored'",
            )
            .bind(id)
            .fetch_one(pool)
            .await
        })
        .unwrap();
        assert_eq!(stored, 1, "{}", t.engine);
    }
}
