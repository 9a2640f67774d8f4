//! A locked protocol keeps its bilagor through a correction, against real databases: removed
//! or replaced in the correction, they leave the protocol being corrected (its list, its
//! numbering, its room for files) but their content stays for the locked version that lists them;
//! before any version is locked, a removed bilaga is deleted outright. Each on SQLite and
//! PostgreSQL.

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting};

use app::cooperation::db::{self, AdjustMessage, Approval, FrozenRollup, Lock, NewCoopFile};
use common::{fixture, fresh_databases};

#[tokio::test]
async fn a_correction_takes_bilagor_out_but_the_locked_version_keeps_them() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let engine = t.engine;
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        db::compose(&t.db, group, id, &[], now).await.unwrap();
        let item = db::items(&t.db, id).await.unwrap()[3].id;
        let file = NewCoopFile {
            file_name: "fhv.pdf",
            content_type: "application/pdf",
            content: b"%PDF-1.7 statistik",
            sha256: "abc",
        };
        let rollup = |tables: &'static str| FrozenRollup {
            kind: "sam",
            title: "Uppföljning av det systematiska arbetsmiljöarbetet 2026, Kommun",
            tables,
        };

        // Before a version is locked, a removed file is gone for good.
        let draft_file = db::add_file(&t.db, id, item, &file, f.person, now)
            .await
            .unwrap()
            .unwrap();
        assert!(db::remove_attachment(&t.db, id, draft_file, now)
            .await
            .unwrap());
        assert!(db::attachment_content(&t.db, id, draft_file)
            .await
            .unwrap()
            .is_none());

        let kept_file = db::add_file(&t.db, id, item, &file, f.person, now)
            .await
            .unwrap()
            .unwrap();
        db::freeze_rollups(&t.db, id, item, &[rollup("[1]")], f.person, now)
            .await
            .unwrap();
        let frozen = db::attachments(&t.db, id).await.unwrap()[1].id;

        // Version 1 is sent and approved by both signers: locked.
        db::save_approvers(&t.db, id, &[union]).await.unwrap();
        let message = [AdjustMessage {
            person_id: union,
            to: "ulla@example.se",
            subject: "Protokoll för justering",
            body: "Läs och tyck till.",
        }];
        assert!(
            db::send_draft(&t.db, id, 1, f.person, now, &message, "stored")
                .await
                .unwrap()
        );
        let version = db::versions(&t.db, id).await.unwrap()[0].id;
        let signers = [f.person, union];
        let lock = Lock {
            signers: &signers,
            document: "{}",
            messages: &message,
            status: "stored",
        };
        for person in signers {
            let approval = Approval {
                version_id: version,
                person_id: person,
                at: now,
                fingerprint: "same",
                method: "password",
            };
            db::approve(&t.db, &approval, &lock).await.unwrap();
        }
        assert!(db::protocol_locked(&t.db, id).await.unwrap(), "{engine}");

        // The correction removes the file and replaces the roll-up.
        assert!(db::open_correction(&t.db, id, "Fel bilaga", f.person, now)
            .await
            .unwrap());
        assert!(db::remove_attachment(&t.db, id, kept_file, now)
            .await
            .unwrap());
        assert!(
            !db::remove_attachment(&t.db, id, kept_file, now)
                .await
                .unwrap(),
            "removed once"
        );
        db::freeze_rollups(&t.db, id, item, &[rollup("[2]")], f.person, now)
            .await
            .unwrap();
        let listed = db::attachments(&t.db, id).await.unwrap();
        assert_eq!(listed.len(), 1, "{engine}");
        assert_ne!(listed[0].id, frozen, "the roll-up is a new copy");

        // What version 1 listed is still there for it.
        let old_file = db::attachment_content(&t.db, id, kept_file)
            .await
            .unwrap()
            .expect("the locked version's file");
        assert_eq!(
            old_file.content.as_deref(),
            Some(&b"%PDF-1.7 statistik"[..])
        );
        let old_rollup = db::attachment_content(&t.db, id, frozen)
            .await
            .unwrap()
            .expect("the locked version's roll-up");
        assert_eq!(old_rollup.tables.as_deref(), Some("[1]"), "{engine}");
    }
}
