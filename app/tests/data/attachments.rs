//! Agenda attachments against real databases: stored bytes come back unchanged, a list carries no
//! bytes, adding and removing raise the agenda version (so a sent notice knows the agenda
//! changed), the access facts say whose unit it is and whether the notice has gone out, and an
//! attachment is removed only through its own meeting. Each on SQLite and PostgreSQL.

use crate::common;

use app::meetings::db::{self as agenda_db, NewAttachment};
use app::notices::db::{self as notice_db, NewNotice};
use chrono::NaiveDate;
use common::{fixture, fresh_databases, plan_with_meeting};

#[tokio::test]
async fn attachments_are_kept_exactly_and_change_the_agenda_version() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let (_, meeting) = plan_with_meeting(&t.db, &f, day).await;
        let (_, other_meeting) =
            plan_with_meeting(&t.db, &f, NaiveDate::from_ymd_opt(2027, 3, 9).unwrap()).await;
        let before = agenda_db::agenda_version(&t.db, meeting).await.unwrap();

        // Binary content with every byte value, NULs included.
        let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
        let file = NewAttachment {
            file_name: "Policy mot kränkande särbehandling.pdf",
            content_type: "application/pdf",
            content: &bytes,
            sha256: "00ff",
            uploaded_by: f.person,
            uploaded_at: app::clock::Clock::system().now(),
        };
        let id = agenda_db::add_attachment(&t.db, meeting, &file)
            .await
            .unwrap()
            .expect("room for the first");
        let after_add = agenda_db::agenda_version(&t.db, meeting).await.unwrap();
        assert_eq!(after_add, before + 1, "{}", t.engine);

        let listed = agenda_db::attachments(&t.db, meeting).await.unwrap();
        assert_eq!(listed.len(), 1, "{}", t.engine);
        assert_eq!(
            listed[0].file_name,
            "Policy mot kränkande särbehandling.pdf"
        );
        assert_eq!(listed[0].size_bytes, 70_000);
        assert_eq!(listed[0].href(), format!("/bilagor/{id}"));

        let meta = agenda_db::attachment_meta(&t.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((meta.meeting_id, meta.unit_id), (meeting, f.unit));
        assert!(!meta.sent, "{}: no notice yet", t.engine);
        assert_eq!(meta.content_type, "application/pdf");
        let stored = agenda_db::attachment_content(&t.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored, bytes, "{}: the bytes come back unchanged", t.engine);

        // Once the notice has gone out, members may read it.
        notice_db::record(
            &t.db,
            &NewNotice {
                meeting_id: meeting,
                update: false,
                agenda_version: after_add,
                sent_by: f.person,
                sent_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                sent_at: app::clock::Clock::system().now(),
                messages: &[],
                status: "stored",
            },
        )
        .await
        .unwrap()
        .unwrap();
        let meta = agenda_db::attachment_meta(&t.db, id)
            .await
            .unwrap()
            .unwrap();
        assert!(meta.sent, "{}", t.engine);

        // Only through its own meeting; then it is gone and the version moved on.
        assert!(!agenda_db::remove_attachment(&t.db, other_meeting, id)
            .await
            .unwrap());
        assert_eq!(
            agenda_db::agenda_version(&t.db, meeting).await.unwrap(),
            after_add
        );
        assert!(agenda_db::remove_attachment(&t.db, meeting, id)
            .await
            .unwrap());
        assert_eq!(
            agenda_db::agenda_version(&t.db, meeting).await.unwrap(),
            after_add + 1
        );
        assert!(agenda_db::attachment_meta(&t.db, id)
            .await
            .unwrap()
            .is_none());
        assert!(agenda_db::attachments(&t.db, meeting)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn a_meeting_keeps_at_most_twenty_attachments() {
    use app::domain::attachment::MAX_ATTACHMENTS_PER_MEETING;
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let (_, meeting) = plan_with_meeting(&t.db, &f, day).await;
        let bytes = b"%PDF-1.4 liten".to_vec();
        let file = NewAttachment {
            file_name: "underlag.pdf",
            content_type: "application/pdf",
            content: &bytes,
            sha256: "00ff",
            uploaded_by: f.person,
            uploaded_at: app::clock::Clock::system().now(),
        };
        for _ in 0..MAX_ATTACHMENTS_PER_MEETING {
            let stored = agenda_db::add_attachment(&t.db, meeting, &file)
                .await
                .unwrap();
            assert!(stored.is_some(), "{}", t.engine);
        }
        let over = agenda_db::add_attachment(&t.db, meeting, &file)
            .await
            .unwrap();
        assert_eq!(over, None, "{}: the twenty-first is refused", t.engine);
    }
}
