//! A protocol's bilagor against real databases: the unit results frozen under a sub-item (the
//! SAM follow-up, Aktiva åtgärder and the action plan, as tables kept as JSON), a file under an
//! earlier item numbered before them, attaching again replacing the copies, and nothing of one
//! meeting reachable through another's ids. Each on SQLite and PostgreSQL.

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting};

use app::cooperation::db::{self, NewCoopFile};
use app::cooperation::{freeze_unit_results, ResultsAt};
use app::exports::tables::Table;
use common::{fixture, fresh_databases};

#[tokio::test]
async fn unit_results_freeze_under_their_item_and_files_number_in_the_protocols_order() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, _) = group_with_two_sides(&t.db, &f, now).await;
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let other = db::add_meeting(&t.db, group, &meeting(day(9, 1)), now)
            .await
            .unwrap();
        let units = db::units_below(&t.db, f.org).await.unwrap();
        db::compose(&t.db, group, meeting_id, &units, now)
            .await
            .unwrap();
        db::compose(&t.db, group, other, &units, now).await.unwrap();
        let items = db::items(&t.db, meeting_id).await.unwrap();
        let top: Vec<i64> = items
            .iter()
            .filter(|i| i.parent_id.is_none())
            .map(|i| i.id)
            .collect();
        let health = top[3];
        let sub = db::add_sub_item(
            &t.db,
            meeting_id,
            health,
            "Uppföljning av det systematiska arbetsmiljöarbetet",
            None,
            now,
        )
        .await
        .unwrap()
        .unwrap();
        let at = |item_id| ResultsAt {
            meeting_id,
            item_id,
            year: 2026,
            by: f.person,
            now,
            today: day(6, 1),
        };
        assert_eq!(
            freeze_unit_results(&t.db, f.org, &at(sub)).await.unwrap(),
            Some(3),
            "{}",
            t.engine
        );

        // A file under item 1 comes first: bilagor number in the order of the items.
        let file = NewCoopFile {
            file_name: "fhv.pdf",
            content_type: "application/pdf",
            content: b"%PDF-1.7 statistik",
            sha256: "abc",
        };
        let file_id = db::add_file(&t.db, meeting_id, top[0], &file, f.person, now)
            .await
            .unwrap()
            .unwrap();
        let listed = db::attachments(&t.db, meeting_id).await.unwrap();
        let kinds: Vec<&str> = listed.iter().map(|a| a.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["file", "sam", "active_measures", "actions"],
            "{}",
            t.engine
        );
        assert_eq!(listed[0].id, file_id);
        assert_eq!(listed[0].file_name.as_deref(), Some("fhv.pdf"));
        assert!(listed[1..].iter().all(|a| a.item_id == sub));
        assert_eq!(
            listed[1].title,
            "Uppföljning av det systematiska arbetsmiljöarbetet 2026, Kommun"
        );

        // The frozen copy is the roll-up's tables; the file is its bytes.
        let sam = db::attachment_content(&t.db, meeting_id, listed[1].id)
            .await
            .unwrap()
            .unwrap();
        let tables: Vec<Table> = serde_json::from_str(sam.tables.as_deref().unwrap()).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Analys", "Enheter", "Analys till rapport"]);
        assert!(
            tables[1].rows.iter().any(|r| r[0] == "Enhet"),
            "{}",
            t.engine
        );
        let kept = db::attachment_content(&t.db, meeting_id, file_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.content.as_deref(), Some(&b"%PDF-1.7 statistik"[..]));
        assert!(kept.tables.is_none());

        // Attaching again replaces the copies under that item; the file stays.
        freeze_unit_results(&t.db, f.org, &at(sub)).await.unwrap();
        let again = db::attachments(&t.db, meeting_id).await.unwrap();
        assert_eq!(again.len(), 4, "{}", t.engine);
        assert!(again[1].id > listed[3].id);

        // Another meeting's item and ids reach nothing here.
        let foreign = db::items(&t.db, other).await.unwrap()[0].id;
        assert_eq!(
            freeze_unit_results(&t.db, f.org, &at(foreign))
                .await
                .unwrap(),
            None
        );
        assert!(matches!(
            db::add_file(&t.db, meeting_id, foreign, &file, f.person, now).await,
            Err(sqlx::Error::RowNotFound)
        ));
        assert!(db::attachment_content(&t.db, other, file_id)
            .await
            .unwrap()
            .is_none());
        assert!(!db::remove_attachment(&t.db, other, file_id, now)
            .await
            .unwrap());
        assert!(db::remove_attachment(&t.db, meeting_id, file_id, now)
            .await
            .unwrap());
        assert_eq!(db::attachments(&t.db, meeting_id).await.unwrap().len(), 3);
    }
}
