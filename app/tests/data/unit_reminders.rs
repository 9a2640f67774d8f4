//! A unit's reminders against real databases: reckoned from its APTs (a notice's deadline near,
//! minutes not published), its SAM follow-up in December and its report's deadline; listed for
//! its chef and nobody else, mailed once to its chefs through the outbox, gone once done; and the
//! mails of a report's steps. On SQLite and PostgreSQL.

use chrono::NaiveDate;

use crate::common::{fixture, fresh_databases, plan_with_meeting};

use app::compliance::reminders::{queue_unit_reminders, reminders_for};
use app::domain::env_report::DeadlineRule;
use app::domain::Role;
use app::env_report::db::{self as report_db, Step, StepMail};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

async fn outbox(db: &app::db::Db) -> Vec<(String, String, String)> {
    app::with_db!(db, pool => {
        sqlx::query_as("SELECT to_address, subject, status FROM outbox ORDER BY id")
            .fetch_all(pool).await
    })
    .unwrap()
}

#[tokio::test]
async fn a_chef_is_reminded_of_what_is_due_once_by_mail_and_while_it_holds_on_the_start_page() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let engine = t.engine;
        let chef = app::auth::db::upsert_person(&t.db, "Anna Chef", "anna@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, chef, f.unit, Role::Chef)
            .await
            .unwrap();
        let employee =
            app::auth::db::upsert_person(&t.db, "Erik Medarbetare", "erik@example.se", None, None)
                .await
                .unwrap();
        app::auth::db::grant_role(&t.db, employee, f.unit, Role::Medarbetare)
            .await
            .unwrap();
        // An APT on 10 December (notice due 3 December), one held on 20 November whose minutes
        // are not out; the units' report on 2025 is due on 10 December here.
        let (plan, coming) = plan_with_meeting(&t.db, &f, day(12, 10)).await;
        let held: i64 = app::with_db!(&t.db, pool => {
            sqlx::query_scalar(
                "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time)
                 VALUES ($1, $2, '13:00', '14:00') RETURNING id",
            )
            .bind(plan).bind(day(11, 20)).fetch_one(pool).await
        })
        .unwrap();
        let rule = DeadlineRule {
            kind: "enhet".into(),
            month: 12,
            day: 10,
        };
        report_db::save_deadline(&t.db, f.org, &rule).await.unwrap();

        let today = day(12, 1);
        let lines = reminders_for(&t.db, chef, today).await.unwrap();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Minnesanteckningarna från APT 20 november 2026 i Enhet är inte publicerade.",
                "Kallelsen till APT 10 december 2026 i Enhet ska skickas senast 3 december 2026.",
                "Den årliga uppföljningen av det systematiska arbetsmiljöarbetet 2026 i Enhet är \
                 inte klar.",
                "Arbetsmiljörapporten 2025 för Enhet ska lämnas senast 10 december 2026.",
            ],
            "{engine}: the urgent first"
        );
        assert_eq!(
            lines[0].href,
            format!("/enhet/{}/mote/{held}/minnesanteckningar", f.unit)
        );
        assert!(lines[0].urgent && !lines[1].urgent, "{engine}");
        assert!(
            reminders_for(&t.db, employee, today)
                .await
                .unwrap()
                .is_empty(),
            "{engine}: an employee is not reminded"
        );

        // Mailed once, to the chef only.
        let queued = queue_unit_reminders(&t.db, today, false, Some("https://a.example/"))
            .await
            .unwrap();
        assert_eq!(queued, 4, "{engine}");
        let mails = outbox(&t.db).await;
        assert_eq!(mails.len(), 4, "{engine}");
        assert!(mails
            .iter()
            .all(|(to, _, status)| to == "anna@example.se" && status == "stored"));
        assert!(
            mails.iter().any(|(_, subject, _)| {
                subject
                == "Påminnelse: Kallelsen till APT 10 december 2026 i Enhet ska skickas senast 3 december 2026"
            }),
            "{engine}: {mails:?}"
        );
        assert_eq!(
            queue_unit_reminders(&t.db, today, false, None)
                .await
                .unwrap(),
            0,
            "{engine}: each once"
        );

        // The day before the notice's deadline it is reminded once more; once the notice is
        // out, not at all.
        let tomorrow = day(12, 2);
        assert_eq!(
            queue_unit_reminders(&t.db, tomorrow, false, None)
                .await
                .unwrap(),
            1,
            "{engine}"
        );
        app::with_db!(&t.db, pool => {
            sqlx::query(
                "INSERT INTO notices (meeting_id, kind, agenda_version, sent_by, sent_at, sent_on)
                 VALUES ($1, 'notice', 1, $2, $3, $4)",
            )
            .bind(coming).bind(chef)
            .bind(tomorrow.and_hms_opt(9, 0, 0).unwrap().and_utc()).bind(tomorrow)
            .execute(pool).await.map(|_| ())
        })
        .unwrap();
        let lines = reminders_for(&t.db, chef, tomorrow).await.unwrap();
        assert!(
            lines.iter().all(|l| !l.text.starts_with("Kallelsen")),
            "{engine}: {lines:?}"
        );
        assert_eq!(lines.len(), 3, "{engine}");
    }
}

#[tokio::test]
async fn a_reports_steps_mail_the_level_above_and_back() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let engine = t.engine;
        let now = app::clock::Clock::system().now();
        let above = app::auth::db::upsert_person(&t.db, "Gun Chef", "gun@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, above, f.org, Role::Chef)
            .await
            .unwrap();
        let writer =
            app::auth::db::upsert_person(&t.db, "Anna Chef", "anna@example.se", None, None)
                .await
                .unwrap();
        app::auth::db::grant_role(&t.db, writer, f.unit, Role::Chef)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, writer, f.unit, Role::BitradandeChef)
            .await
            .unwrap();
        let report = report_db::begin_report(&t.db, f.unit, 2025, writer, now)
            .await
            .unwrap();
        let submit = Step {
            from: "draft",
            to: "submitted",
            event: "submitted",
            by: writer,
            at: now,
            comment: "",
            document: Some("{}"),
            mail: Some(StepMail {
                to_node: f.org,
                subject: "Arbetsmiljörapporten 2025 för Enhet är inskickad",
                body: "Hej!",
                status: "stored",
            }),
        };
        assert!(report_db::take_step(&t.db, report.id, &submit)
            .await
            .unwrap());
        // Out of turn: nothing moves and nothing is mailed.
        assert!(!report_db::take_step(&t.db, report.id, &submit)
            .await
            .unwrap());
        let accept = Step {
            from: "submitted",
            to: "accepted",
            event: "accepted",
            by: above,
            document: None,
            mail: Some(StepMail {
                to_node: f.unit,
                subject: "Arbetsmiljörapporten 2025 för Enhet är godkänd",
                ..submit.mail.clone().unwrap()
            }),
            ..submit.clone()
        };
        assert!(report_db::take_step(&t.db, report.id, &accept)
            .await
            .unwrap());
        let mails: Vec<(String, String)> = outbox(&t.db)
            .await
            .into_iter()
            .map(|(to, subject, _)| (to, subject))
            .collect();
        assert_eq!(
            mails,
            [
                (
                    "gun@example.se".to_string(),
                    "Arbetsmiljörapporten 2025 för Enhet är inskickad".to_string()
                ),
                (
                    "anna@example.se".to_string(),
                    "Arbetsmiljörapporten 2025 för Enhet är godkänd".to_string()
                ),
            ],
            "{engine}: once to each, a chef and deputy once"
        );
    }
}
