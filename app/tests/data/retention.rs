//! Retention against real databases: a rule's preview names what culling would remove, a run
//! removes exactly the records of its kind older than the cutoff (the meeting stays in the
//! plan, newer records stay), records itself with a line per record, and the run's record and
//! the audit trail outside a culling run stay append-only. Each on SQLite and PostgreSQL.

use crate::common;

use app::audit::db::{append, NewEntry};
use app::db::Db;
use app::domain::{culling_cutoff, RecordKind};
use app::retention::db::{cull, preview, runs, Culling};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::{fixture, fresh_databases, plan_with_meeting};

/// Runs a statement with integer parameters and an optional instant last.
async fn exec(db: &Db, sql: &str, ints: &[i64], at: Option<DateTime<Utc>>) -> sqlx::Result<u64> {
    app::with_db!(db, pool => {
        let mut query = sqlx::query(sql);
        for i in ints {
            query = query.bind(*i);
        }
        if let Some(at) = at {
            query = query.bind(at);
        }
        query.execute(pool).await.map(|r| r.rows_affected())
    })
}

async fn count(db: &Db, sql: &str, id: i64) -> i64 {
    app::with_db!(db, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn culling_removes_old_records_of_its_kind_under_the_decision_and_records_the_run() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let old_day = NaiveDate::from_ymd_opt(2018, 3, 10).unwrap();
        let (_, old) = plan_with_meeting(&t.db, &f, old_day).await;
        let (_, new) =
            plan_with_meeting(&t.db, &f, NaiveDate::from_ymd_opt(2025, 3, 11).unwrap()).await;
        for meeting in [old, new] {
            exec(
                &t.db,
                "INSERT INTO agenda_items (unit_id, meeting_id, title, kind, source, notes)
                 VALUES ($1, $2, 'Arbetsmiljö', 'dialogue', 'chef', 'Vi pratade om det.')",
                &[f.unit, meeting],
                None,
            )
            .await
            .unwrap();
            app::minutes::db::publish(
                &t.db,
                meeting,
                "{}",
                f.person,
                app::clock::Clock::system().now(),
            )
            .await
            .unwrap();
        }
        let long_ago = app::clock::Clock::system().now() - Duration::days(365 * 9);
        for (title, status) in [("Gammal klar", "done"), ("Gammal öppen", "in_progress")] {
            exec(
                &t.db,
                &format!(
                    "INSERT INTO actions (unit_id, title, status, closed_at)
                     VALUES ($1, '{title}', '{status}', $2)"
                ),
                &[f.unit],
                Some(long_ago),
            )
            .await
            .unwrap();
        }
        let entry = NewEntry {
            actor: "Anna Andersson".into(),
            action: "plan/skapa".into(),
            node_id: Some(f.unit),
            ..NewEntry::default()
        };
        append(&t.db, &entry, long_ago).await.unwrap();
        append(&t.db, &entry, app::clock::Clock::system().now())
            .await
            .unwrap();

        let cutoff = culling_cutoff(today, 5);
        let run = |kind| Culling {
            org_id: f.org,
            kind,
            keep_years: 5,
            decision: "Dokumenthanteringsplan SN 2025-05-12 § 45",
            cutoff,
            run_by: f.person,
            run_by_name: "Anna Andersson",
        };

        // Minutes: the 2018 meeting's, not the 2025 one's; the agenda stays.
        let (found, lines) = preview(&t.db, f.org, RecordKind::Minutes, cutoff)
            .await
            .unwrap();
        assert_eq!(found, 1);
        assert_eq!(
            lines,
            ["Minnesanteckningar: Enhet, APT 2018-03-10"],
            "{}",
            t.engine
        );
        let (removed, _) = cull(
            &t.db,
            &run(RecordKind::Minutes),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(removed, 1);
        let versions = "SELECT COUNT(*) FROM minutes_versions WHERE meeting_id = $1";
        assert_eq!(count(&t.db, versions, old).await, 0);
        assert_eq!(count(&t.db, versions, new).await, 1);
        let notes = "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1 AND notes <> ''";
        assert_eq!(count(&t.db, notes, old).await, 0);
        assert_eq!(count(&t.db, notes, new).await, 1);
        let items = "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1";
        assert_eq!(
            count(&t.db, items, old).await,
            1,
            "the agenda is its own kind"
        );
        assert!(preview(&t.db, f.org, RecordKind::Minutes, cutoff)
            .await
            .unwrap()
            .1
            .is_empty());

        // Agendas: the old meeting's items go; the meeting stays in the plan.
        let (removed, _) = cull(
            &t.db,
            &run(RecordKind::Agendas),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(removed, 1);
        assert_eq!(count(&t.db, items, old).await, 0);
        assert_eq!(count(&t.db, items, new).await, 1);
        assert_eq!(
            count(&t.db, "SELECT COUNT(*) FROM meetings WHERE id = $1", old).await,
            1
        );

        // Action plans: only closed actions.
        let (_, lines) = preview(&t.db, f.org, RecordKind::ActionPlans, cutoff)
            .await
            .unwrap();
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].starts_with("Åtgärd: Enhet, Gammal klar"),
            "{lines:?}"
        );
        cull(
            &t.db,
            &run(RecordKind::ActionPlans),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        let actions = "SELECT COUNT(*) FROM actions WHERE unit_id = $1";
        assert_eq!(count(&t.db, actions, f.unit).await, 1);

        // The audit trail: only under the run's permit, and only the old entry.
        let (removed, lines) = cull(
            &t.db,
            &run(RecordKind::Audit),
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(removed, 1, "{}", t.engine);
        assert_eq!(lines.len(), 1);
        let entries = "SELECT COUNT(*) FROM audit_log WHERE node_id = $1";
        assert_eq!(count(&t.db, entries, f.unit).await, 1);
        assert!(
            exec(
                &t.db,
                "DELETE FROM audit_log WHERE node_id = $1",
                &[f.unit],
                None
            )
            .await
            .is_err(),
            "{}: outside a culling run the trail stays append-only",
            t.engine
        );

        // Every run is on record, newest first, and the record cannot be changed.
        let done = runs(&t.db, f.org).await.unwrap();
        let kinds: Vec<&str> = done.iter().map(|r| r.record_kind.as_str()).collect();
        assert_eq!(kinds, ["audit", "action_plans", "agendas", "minutes"]);
        assert_eq!(done[3].summary, "Minnesanteckningar: Enhet, APT 2018-03-10");
        assert_eq!(done[3].cutoff, cutoff);
        assert!(exec(
            &t.db,
            "DELETE FROM culling_runs WHERE org_id = $1",
            &[f.org],
            None
        )
        .await
        .is_err());
        assert!(exec(
            &t.db,
            "UPDATE culling_runs SET removed = 0 WHERE org_id = $1",
            &[f.org],
            None
        )
        .await
        .is_err());
    }
}

/// Runs a statement and returns the new row's id.
async fn insert_id(db: &Db, sql: &str, ints: &[i64]) -> i64 {
    app::with_db!(db, pool => {
        let mut query = sqlx::query_scalar(sql);
        for i in ints {
            query = query.bind(*i);
        }
        query.fetch_one(pool).await
    })
    .unwrap()
}

#[tokio::test]
async fn culling_checklists_removes_old_years_with_their_answers_and_keeps_linked_actions() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let mut lists = Vec::new();
        for year in [2019_i64, 2024] {
            let template = insert_id(
                &t.db,
                "INSERT INTO checklist_templates (org_id, year, kind, title)
                 VALUES ($1, $2, 'sam_annual', 'Årlig uppföljning av SAM') RETURNING id",
                &[f.org, year],
            )
            .await;
            let question = insert_id(
                &t.db,
                "INSERT INTO checklist_questions (template_id, area, sort_order, text, scale)
                 VALUES ($1, 'Policy', 1, 'Finns en policy?', 'yes_no') RETURNING id",
                &[template],
            )
            .await;
            let list = insert_id(
                &t.db,
                "INSERT INTO unit_checklists (unit_id, template_id, year)
                 VALUES ($1, $2, $3) RETURNING id",
                &[f.unit, template, year],
            )
            .await;
            exec(
                &t.db,
                "INSERT INTO checklist_answers (checklist_id, question_id, answer)
                 VALUES ($1, $2, 'no')",
                &[list, question],
                None,
            )
            .await
            .unwrap();
            exec(
                &t.db,
                "INSERT INTO actions (unit_id, title, status, source, checklist_id, question_id)
                 VALUES ($1, 'Skriv en policy', 'in_progress', 'checklist', $2, $3)",
                &[f.unit, list, question],
                None,
            )
            .await
            .unwrap();
            lists.push(list);
        }
        let cutoff = culling_cutoff(today, 5);
        let (found, lines) = preview(&t.db, f.org, RecordKind::Checklists, cutoff)
            .await
            .unwrap();
        assert_eq!(found, 1, "{}", t.engine);
        assert_eq!(lines, ["Checklista: Enhet, Årlig uppföljning av SAM 2019"]);
        let run = Culling {
            org_id: f.org,
            kind: RecordKind::Checklists,
            keep_years: 5,
            decision: "Dokumenthanteringsplan SN 2025-05-12 § 45",
            cutoff,
            run_by: f.person,
            run_by_name: "Anna Andersson",
        };
        let (removed, _) = cull(&t.db, &run, app::clock::Clock::system().now())
            .await
            .unwrap();
        assert_eq!(removed, 1);
        let answers = "SELECT COUNT(*) FROM checklist_answers WHERE checklist_id = $1";
        assert_eq!(count(&t.db, answers, lists[0]).await, 0, "{}", t.engine);
        assert_eq!(count(&t.db, answers, lists[1]).await, 1);
        let open = "SELECT COUNT(*) FROM actions WHERE unit_id = $1 AND checklist_id IS NULL";
        assert_eq!(
            count(&t.db, open, f.unit).await,
            1,
            "an open action outlives the culled checklist it came from"
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM actions WHERE unit_id = $1",
                f.unit
            )
            .await,
            2
        );
    }
}
