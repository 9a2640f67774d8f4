//! Culling cooperation protocols against real databases: a rule of the kind removes, of the
//! meetings before its cutoff, the agenda, the protocol in every version with its approvals and
//! bilagor, and the messages lose their link but stay; the meeting stays in the group's plan and
//! a newer meeting keeps everything. Each on SQLite and PostgreSQL.

use chrono::NaiveDate;

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting};

use app::cooperation::db::{self, AdjustMessage, Approval, Lock, NewCoopFile};
use app::domain::RecordKind;
use app::retention::db::{cull, preview, Culling};
use common::{fixture, fresh_databases};

async fn count(db: &app::db::Db, sql: &str, id: i64) -> i64 {
    app::with_db!(db, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn culling_protocols_removes_old_meetings_records_and_keeps_the_meeting_and_newer_ones() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let old_day = NaiveDate::from_ymd_opt(2018, 5, 2).unwrap();
        let mut meetings = Vec::new();
        for date in [old_day, day(6, 1)] {
            let id = db::add_meeting(&t.db, group, &meeting(date), now)
                .await
                .unwrap();
            assert!(db::compose(&t.db, group, id, &[], now).await.unwrap());
            let item = count(
                &t.db,
                "SELECT MIN(id) FROM coop_items WHERE meeting_id = $1",
                id,
            )
            .await;
            let file = NewCoopFile {
                file_name: "fhv.pdf",
                content_type: "application/pdf",
                content: b"%PDF-1.4 fhv",
                sha256: "00",
            };
            db::add_file(&t.db, id, item, &file, f.person, now)
                .await
                .unwrap()
                .unwrap();
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
            db::add_comment(&t.db, version, union, "Vision, inte Saco.", now)
                .await
                .unwrap();
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
            assert!(
                db::protocol_locked(&t.db, id).await.unwrap(),
                "{}",
                t.engine
            );
            meetings.push(id);
        }
        let [old, new] = [meetings[0], meetings[1]];
        let outbox = count(
            &t.db,
            "SELECT COUNT(*) FROM outbox WHERE person_id = $1",
            union,
        )
        .await;

        let cutoff = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        let (found, lines) = preview(&t.db, f.org, RecordKind::Protocols, cutoff)
            .await
            .unwrap();
        assert_eq!(found, 1, "{}", t.engine);
        assert_eq!(
            lines,
            ["Samverkansprotokoll: Förvaltningsgrupp, 2018-05-02"]
        );
        let run = Culling {
            org_id: f.org,
            kind: RecordKind::Protocols,
            keep_years: 5,
            decision: "Dokumenthanteringsplan § 12",
            cutoff,
            run_by: f.person,
            run_by_name: "Testperson",
        };
        let (removed, _) = cull(&t.db, &run, now).await.unwrap();
        assert_eq!(removed, 1, "{}", t.engine);

        for (table, column) in [
            ("coop_items", "meeting_id"),
            ("coop_protocol_versions", "meeting_id"),
            ("coop_attachments", "meeting_id"),
            ("coop_approvers", "meeting_id"),
        ] {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
            assert_eq!(count(&t.db, &sql, old).await, 0, "{}: {table}", t.engine);
            assert!(
                count(&t.db, &sql, new).await > 0,
                "{}: {table} kept",
                t.engine
            );
        }
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM coop_meetings WHERE id = $1",
                old
            )
            .await,
            1,
            "{}: the meeting stays in the plan",
            t.engine
        );
        assert!(db::protocol_locked(&t.db, new).await.unwrap());
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM outbox WHERE person_id = $1",
                union
            )
            .await,
            outbox,
            "{}: the messages stay",
            t.engine
        );
        let (found, _) = preview(&t.db, f.org, RecordKind::Protocols, cutoff)
            .await
            .unwrap();
        assert_eq!(found, 0, "{}: nothing left to cull", t.engine);
    }
}
