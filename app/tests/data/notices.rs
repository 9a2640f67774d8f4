//! Notices and the outbox against real databases: a sending records one message per member,
//! refuses an agenda that moved on, reports how delivery fared, and gives the plan the day each
//! meeting's notice first went out. Each on SQLite and PostgreSQL.

use crate::common;

use app::domain::Role;
use app::meetings::db as agenda_db;
use app::notices::db::{self, NewMessage, NewNotice};
use chrono::NaiveDate;
use common::{fixture, fresh_databases, plan_with_meeting};

#[tokio::test]
async fn a_notice_is_recorded_per_member_and_its_delivery_followed() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (plan, meeting) =
            plan_with_meeting(&t.db, &f, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()).await;
        // Members: the chef and two employees; one person holds two roles and gets one message.
        let auth = |name: &'static str, email: &'static str| {
            let db = t.db.clone();
            async move {
                app::auth::db::upsert_person(&db, name, email, None, None)
                    .await
                    .unwrap()
            }
        };
        let bo = auth("Bo Berg", "bo@example.se").await;
        let cia = auth("Cia Ceder", "cia@example.se").await;
        for (person, role) in [
            (f.person, Role::Chef),
            (bo, Role::Medarbetare),
            (cia, Role::Medarbetare),
            (cia, Role::Skyddsombud),
        ] {
            app::auth::db::grant_role(&t.db, person, f.unit, role)
                .await
                .unwrap();
        }
        let recipients = db::recipients(&t.db, f.unit).await.unwrap();
        let names: Vec<&str> = recipients.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["Anna Andersson", "Bo Berg", "Cia Ceder"],
            "{}",
            t.engine
        );

        let version = agenda_db::agenda_version(&t.db, meeting).await.unwrap();
        let messages: Vec<NewMessage> = recipients
            .iter()
            .map(|r| NewMessage {
                person_id: r.id,
                to: r.email.clone(),
                subject: "Kallelse: APT Enhet".into(),
                body: "Dagordning".into(),
                ics: "BEGIN:VCALENDAR".into(),
            })
            .collect();
        let notice = |update: bool, agenda_version: i64, status: &'static str| NewNotice {
            meeting_id: meeting,
            update,
            agenda_version,
            sent_by: f.person,
            sent_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            sent_at: app::clock::Clock::system().now(),
            messages: &messages,
            status,
        };
        // An agenda that moved on since the chef looked is not sent.
        assert_eq!(
            db::record(&t.db, &notice(false, version + 1, "queued"))
                .await
                .unwrap(),
            None
        );
        let first = db::record(&t.db, &notice(false, version, "queued"))
            .await
            .unwrap();
        assert!(first.is_some(), "{}", t.engine);

        let (sent, last_version) = db::notices(&t.db, meeting).await.unwrap();
        assert_eq!(sent.len(), 1, "{}", t.engine);
        assert_eq!(sent[0].recipients, 3);
        assert!(!sent[0].update);
        assert_eq!(sent[0].sent_by, "Anna Andersson");
        assert_eq!(last_version, Some(version));
        assert_eq!(
            app::plan::db::meetings_with_notices(&t.db, plan)
                .await
                .unwrap()
                .1,
            [(meeting, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())],
            "{}",
            t.engine
        );

        // The worker's view: three queued; one sent, one retried, one failed for good.
        let queued = db::queued(&t.db, 10).await.unwrap();
        assert_eq!(queued.len(), 3, "{}", t.engine);
        db::mark(
            &t.db,
            queued[0].id,
            "sent",
            None,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        db::mark(
            &t.db,
            queued[1].id,
            "queued",
            Some("421 try later"),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        db::mark(
            &t.db,
            queued[2].id,
            "failed",
            Some("550 no such user"),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        let delivery = db::delivery(&t.db, meeting).await.unwrap();
        assert_eq!(
            (delivery.sent, delivery.queued, delivery.failed),
            (1, 1, 1),
            "{}",
            t.engine
        );
        let again = db::queued(&t.db, 10).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].attempts, 1, "{}: the retry counts", t.engine);

        // An update after a change; without SMTP the messages stay in the outbox.
        let agenda = agenda_db::agenda(&t.db, meeting).await.unwrap();
        assert!(agenda.is_empty());
        agenda_db::add_section(&t.db, meeting, "Övrigt")
            .await
            .unwrap();
        let version = agenda_db::agenda_version(&t.db, meeting).await.unwrap();
        db::record(&t.db, &notice(true, version, "stored"))
            .await
            .unwrap()
            .unwrap();
        let (sent, last_version) = db::notices(&t.db, meeting).await.unwrap();
        assert!(sent[1].update, "{}", t.engine);
        assert_eq!(last_version, Some(version));
        assert_eq!(
            db::delivery(&t.db, meeting).await.unwrap().stored,
            3,
            "{}: the latest sending",
            t.engine
        );
        let outbox = db::outbox(&t.db, &[f.unit], 100).await.unwrap();
        assert_eq!(outbox.len(), 6, "{}", t.engine);
        assert_eq!(outbox[0].status, "stored", "{}: newest first", t.engine);
        assert!(outbox
            .iter()
            .any(|m| m.error.as_deref() == Some("550 no such user")));
        assert!(db::outbox(&t.db, &[f.unit + 1000], 100)
            .await
            .unwrap()
            .is_empty());
    }
}
