//! A protocol's justering against real databases: the draft sent once with its messages, the
//! approvals of one wording, the lock that comes with the last approval (once, keeping the
//! document and publishing it), a correction as the next version, and nothing of one meeting
//! reachable through another's ids. Each on SQLite and PostgreSQL.

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting};

use app::cooperation::db::{self, AdjustMessage, Approval, Lock};
use chrono::Datelike;
use common::{fixture, fresh_databases};

#[tokio::test]
async fn the_last_approval_of_the_wording_locks_once_and_a_correction_opens_the_next_version() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let other = db::add_meeting(&t.db, group, &meeting(day(9, 1)), now)
            .await
            .unwrap();

        db::save_approvers(&t.db, meeting_id, &[union])
            .await
            .unwrap();
        assert_eq!(db::approvers(&t.db, meeting_id).await.unwrap(), vec![union]);
        assert!(db::approvers(&t.db, other).await.unwrap().is_empty());
        assert!(!db::protocol_locked(&t.db, meeting_id).await.unwrap());

        let message = [AdjustMessage {
            person_id: union,
            to: "ulla@example.se",
            subject: "Protokoll för justering",
            body: "Läs och tyck till.",
        }];
        assert!(
            db::send_draft(&t.db, meeting_id, 1, f.person, now, &message, "stored")
                .await
                .unwrap(),
            "{}",
            t.engine
        );
        assert!(
            !db::send_draft(&t.db, meeting_id, 1, f.person, now, &message, "stored")
                .await
                .unwrap(),
            "{}: sent once",
            t.engine
        );
        let versions = db::versions(&t.db, meeting_id).await.unwrap();
        assert_eq!(versions.len(), 1, "{}", t.engine);
        let v1 = versions[0].id;
        assert!(versions[0].sent_at.is_some());
        assert!(db::versions(&t.db, other).await.unwrap().is_empty());

        db::add_comment(&t.db, v1, union, "Vision, inte Saco.", now)
            .await
            .unwrap();
        let comments = db::comments(&t.db, v1).await.unwrap();
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[0].name, "Ulla Ulf");

        let signers = [f.person, union];
        let approval = |person, wording| Approval {
            version_id: v1,
            person_id: person,
            at: now,
            fingerprint: wording,
            method: "password",
        };
        let lock = Lock {
            signers: &signers,
            document: "{\"kept\":true}",
            messages: &message,
            status: "stored",
        };
        // One approves the first wording; the text changes; the other approves the new one: not
        // all approved the same wording, so nothing locks until the first approves again.
        assert_eq!(
            db::approve(&t.db, &approval(union, "first"), &lock)
                .await
                .unwrap(),
            Some(false)
        );
        assert_eq!(
            db::approve(&t.db, &approval(f.person, "second"), &lock)
                .await
                .unwrap(),
            Some(false),
            "{}: an approval of an earlier wording counts for nothing",
            t.engine
        );
        assert_eq!(db::approvals(&t.db, v1).await.unwrap().len(), 2);
        assert_eq!(
            db::approve(&t.db, &approval(union, "second"), &lock)
                .await
                .unwrap(),
            Some(true),
            "{}: the last approval locks",
            t.engine
        );
        assert_eq!(
            db::approvals(&t.db, v1).await.unwrap().len(),
            2,
            "{}: replaced, not doubled",
            t.engine
        );
        assert!(db::protocol_locked(&t.db, meeting_id).await.unwrap());
        assert_eq!(
            db::approve(&t.db, &approval(union, "second"), &lock)
                .await
                .unwrap(),
            None,
            "{}: a locked version takes no approval",
            t.engine
        );
        let kept = db::locked_document(&t.db, meeting_id, None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (kept.version, kept.document.as_str()),
            (1, "{\"kept\":true}")
        );
        assert!(db::locked_document(&t.db, other, None)
            .await
            .unwrap()
            .is_none());

        // A correction opens version 2, once; the last locked document stays readable.
        assert!(
            !db::open_correction(&t.db, other, "Fel", f.person, now)
                .await
                .unwrap(),
            "{}: nothing to correct in an unlocked protocol",
            t.engine
        );
        assert!(
            db::open_correction(&t.db, meeting_id, "Fel namn", f.person, now)
                .await
                .unwrap()
        );
        assert!(
            !db::open_correction(&t.db, meeting_id, "Igen", f.person, now)
                .await
                .unwrap()
        );
        let versions = db::versions(&t.db, meeting_id).await.unwrap();
        assert_eq!(versions.len(), 2, "{}", t.engine);
        assert_eq!(versions[1].reason, "Fel namn");
        assert!(!db::protocol_locked(&t.db, meeting_id).await.unwrap());
        assert_eq!(
            db::locked_document(&t.db, meeting_id, None)
                .await
                .unwrap()
                .map(|d| d.version),
            Some(1)
        );
        assert_eq!(
            db::locked_document(&t.db, meeting_id, Some(1))
                .await
                .unwrap()
                .map(|d| d.document),
            Some("{\"kept\":true}".to_string()),
            "{}: an earlier version by its number",
            t.engine
        );
        assert!(
            db::locked_document(&t.db, meeting_id, Some(2))
                .await
                .unwrap()
                .is_none(),
            "{}: the correction is not locked",
            t.engine
        );
        assert!(
            db::send_draft(&t.db, meeting_id, 2, f.person, now, &[], "stored")
                .await
                .unwrap()
        );
        assert!(
            !db::send_draft(&t.db, meeting_id, 1, f.person, now, &[], "stored")
                .await
                .unwrap(),
            "{}: only the last version is sent",
            t.engine
        );

        // The archive export reads the year's locked versions with who approved them, and
        // nothing of another group or year.
        let (from, to) = (day(1, 1), day(12, 31));
        let kept = db::locked_versions(&t.db, group, from, to).await.unwrap();
        assert_eq!(kept.len(), 1, "{}: version 2 is not locked", t.engine);
        assert_eq!(
            (kept[0].id, kept[0].meeting_id, kept[0].version),
            (v1, meeting_id, 1)
        );
        assert_eq!(kept[0].document, "{\"kept\":true}");
        let approvals = db::version_approvals(&t.db, group, from, to).await.unwrap();
        assert_eq!(approvals.len(), 2, "{}", t.engine);
        assert!(approvals.iter().all(|a| a.version_id == v1));
        assert!(approvals.iter().any(|a| a.name == "Ulla Ulf"));
        assert!(db::archived_attachments(&t.db, group, from, to)
            .await
            .unwrap()
            .is_empty());
        assert!(db::locked_versions(&t.db, group + 1000, from, to)
            .await
            .unwrap()
            .is_empty());
        let next_year = (
            from.with_year(from.year() + 1).unwrap(),
            to.with_year(to.year() + 1).unwrap(),
        );
        assert!(db::locked_versions(&t.db, group, next_year.0, next_year.1)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn a_published_protocol_reaches_the_employees_under_the_node_only() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        app::auth::db::grant_role(&t.db, f.person, f.unit, app::domain::Role::Medarbetare)
            .await
            .unwrap();
        assert!(
            db::works_under(&t.db, f.person, f.org).await.unwrap(),
            "{}: a role below the node",
            t.engine
        );
        let outsider =
            app::auth::db::upsert_person(&t.db, "Otto Ute", "otto@example.se", None, None)
                .await
                .unwrap();
        assert!(!db::works_under(&t.db, outsider, f.org).await.unwrap());
        let under = db::employees_under(&t.db, f.org).await.unwrap();
        assert!(under.iter().any(|p| p.id == f.person), "{}", t.engine);
        assert!(!under.iter().any(|p| p.id == outsider));
    }
}

#[tokio::test]
async fn the_reminders_go_out_once_the_day_before_the_deadline_and_on_the_signing_day() {
    use app::cooperation::adjusting_reminders::queue_adjust_reminders;
    use app::domain::cooperation::protocol::AdjustDates;

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let meeting_id = db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        let dates = AdjustDates {
            sent_on: day(6, 3),
            comments_due: day(6, 4).and_hms_opt(12, 0, 0).unwrap(),
            signed_on: day(6, 8),
        };
        db::save_adjust_dates(&t.db, meeting_id, &dates)
            .await
            .unwrap();
        db::save_approvers(&t.db, meeting_id, &[union])
            .await
            .unwrap();
        let at = |d: u32, h: u32| day(6, d).and_hms_opt(h, 0, 0).unwrap();
        let run = |moment| queue_adjust_reminders(&t.db, moment, "stored", None);
        assert_eq!(
            run(at(3, 10)).await.unwrap(),
            0,
            "{}: not sent yet",
            t.engine
        );
        assert!(
            db::send_draft(&t.db, meeting_id, 1, f.person, now, &[], "stored")
                .await
                .unwrap()
        );
        assert_eq!(run(at(2, 10)).await.unwrap(), 0, "{}: too early", t.engine);
        assert_eq!(
            run(at(3, 10)).await.unwrap(),
            2,
            "{}: both members, the day before the deadline",
            t.engine
        );
        assert_eq!(run(at(3, 11)).await.unwrap(), 0, "{}: once", t.engine);
        assert_eq!(
            run(at(7, 10)).await.unwrap(),
            0,
            "{}: before signing",
            t.engine
        );
        assert_eq!(
            run(at(8, 10)).await.unwrap(),
            2,
            "{}: the secretary and the approver, on the signing day",
            t.engine
        );
        assert_eq!(run(at(9, 10)).await.unwrap(), 0, "{}: once", t.engine);
    }
}
