//! The compliance overview's counts against real databases: a unit's APTs planned and held, the
//! notices out in time, the minutes published within the organisation's days, workload checks,
//! the wheel's topics reached, the SAM follow-up with the safety representative and overdue
//! actions, each counted by the engine's own date arithmetic; a unit with nothing is listed with
//! zeros. On SQLite and PostgreSQL.

use chrono::{NaiveDate, NaiveTime};

use crate::common::{fixture, fresh_databases, plan_with_meeting};

use app::compliance::db;
use app::domain::compliance::{shortfalls, Shortfall};
use app::org::db as org_db;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

#[tokio::test]
async fn a_units_year_is_counted_by_the_rules() {
    use app::checklists::db as checklists_db;
    use app::domain::{ChecklistKind, Role};

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let engine = t.engine;
        let today = day(6, 15);
        let at = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        let quiet = org_db::insert_node(&t.db, Some(f.org), "Aspen", "enhet")
            .await
            .unwrap();
        // Four APTs: three held (one cancelled besides), one to come.
        let (plan, first) = plan_with_meeting(&t.db, &f, day(2, 10)).await;
        let mut meetings = vec![first];
        for (date, cancelled) in [
            (day(3, 10), false),
            (day(4, 14), false),
            (day(5, 5), true),
            (day(9, 8), false),
        ] {
            let id: i64 = app::with_db!(&t.db, pool => {
                sqlx::query_scalar(
                    "INSERT INTO meetings (plan_id, meeting_date, start_time, end_time, cancelled)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(plan).bind(date)
                .bind(NaiveTime::from_hms_opt(13, 0, 0).unwrap())
                .bind(NaiveTime::from_hms_opt(14, 0, 0).unwrap())
                .bind(cancelled)
                .fetch_one(pool).await
            })
            .unwrap();
            meetings.push(id);
        }
        // Notices: 8 days before (in time), 7 days before (in time), 3 days before (late).
        // Minutes: 2 days after, 20 days after (late); the third has none.
        for (meeting, notice_on, minutes_on) in [
            (meetings[0], day(2, 2), Some(day(2, 12))),
            (meetings[1], day(3, 3), Some(day(3, 30))),
            (meetings[2], day(4, 11), None),
        ] {
            app::with_db!(&t.db, pool => {
                sqlx::query(
                    "INSERT INTO notices (meeting_id, kind, agenda_version, sent_by, sent_at, sent_on)
                     VALUES ($1, 'notice', 1, $2, $3, $4)",
                )
                .bind(meeting).bind(f.person).bind(at).bind(notice_on)
                .execute(pool).await.map(|_| ())
            })
            .unwrap();
            if let Some(on) = minutes_on {
                app::with_db!(&t.db, pool => {
                    sqlx::query(
                        "INSERT INTO minutes_versions
                             (meeting_id, version, content, published_by, published_at)
                         VALUES ($1, 1, 'Anteckningar', $2, $3)",
                    )
                    .bind(meeting).bind(f.person)
                    .bind(on.and_hms_opt(15, 0, 0).unwrap().and_utc())
                    .execute(pool).await.map(|_| ())
                })
                .unwrap();
            }
        }
        app::with_db!(&t.db, pool => {
            sqlx::query("INSERT INTO workload_checks (meeting_id, method) VALUES ($1, 'traffic_light')")
                .bind(meetings[1]).execute(pool).await.map(|_| ())
        })
        .unwrap();
        // One topic placed at a held APT.
        app::with_db!(&t.db, pool => {
            sqlx::query(
                "UPDATE plan_topics SET meeting_id = $2
                 WHERE plan_id = $1 AND topic_id = (SELECT MIN(topic_id) FROM plan_topics
                                                    WHERE plan_id = $1)",
            )
            .bind(plan).bind(meetings[0]).execute(pool).await.map(|_| ())
        })
        .unwrap();
        // The SAM follow-up done with the safety representative.
        let so = app::auth::db::upsert_person(&t.db, "Sara Ombud", "so@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, so, f.unit, Role::Skyddsombud)
            .await
            .unwrap();
        let templates = checklists_db::make_year_templates(&t.db, f.org, 2026)
            .await
            .unwrap();
        let sam_template = templates
            .iter()
            .find(|t| t.kind == ChecklistKind::SamAnnual)
            .and_then(|t| t.id)
            .unwrap();
        let sam = checklists_db::open_checklist(&t.db, f.unit, sam_template, 2026, f.person)
            .await
            .unwrap();
        checklists_db::save_participants(&t.db, sam, &[so], "")
            .await
            .unwrap();
        checklists_db::set_done(&t.db, sam, Some((f.person, at)))
            .await
            .unwrap();
        // An action past its end date.
        app::with_db!(&t.db, pool => {
            sqlx::query(
                "INSERT INTO actions (unit_id, source, title, status, due_date)
                 VALUES ($1, 'round', 'Byt lysrör', 'not_started', $2)",
            )
            .bind(f.unit).bind(day(6, 1)).execute(pool).await.map(|_| ())
        })
        .unwrap();

        let rules = db::rules(&t.db, f.org).await.unwrap();
        assert_eq!(
            (rules.min_apts, rules.notice_days, rules.minutes_days),
            (8, 7, 14)
        );
        let mut units = db::unit_compliance(&t.db, f.org, 2026, today, rules)
            .await
            .unwrap();
        units.sort_by_key(|u| u.node_id);
        assert_eq!(units.len(), 2, "{engine}: {units:?}");
        let ours = units.iter().find(|u| u.node_id == f.unit).unwrap();
        assert_eq!(
            (
                ours.planned,
                ours.held,
                ours.notices_on_time,
                ours.minutes_in_time,
                ours.workload_checks
            ),
            (4, 3, 2, 1, 1),
            "{engine}"
        );
        assert!(
            ours.topics > 1,
            "{engine}: the wheel's topics are in the plan"
        );
        assert_eq!(ours.topics_covered, 1, "{engine}");
        assert_eq!(
            (ours.sam_done, ours.sam_with_safety, ours.overdue_actions),
            (true, true, 1),
            "{engine}"
        );
        assert_eq!(
            shortfalls(ours, rules, false),
            vec![
                Shortfall::TooFewPlanned,
                Shortfall::LateNotice,
                Shortfall::LateMinutes,
                Shortfall::OverdueActions
            ],
            "{engine}"
        );
        // HR holds the organisation to 21 days: the minutes 20 days after are in time.
        let kept = app::org::db::rules(&t.db, f.org).await.unwrap();
        app::org::db::save_rules(
            &t.db,
            f.org,
            app::domain::PlanRules {
                minutes_days: 21,
                ..kept
            },
        )
        .await
        .unwrap();
        let rules = db::rules(&t.db, f.org).await.unwrap();
        assert_eq!(rules.minutes_days, 21, "{engine}");
        let units = db::unit_compliance(&t.db, f.org, 2026, today, rules)
            .await
            .unwrap();
        let ours = units.iter().find(|u| u.node_id == f.unit).unwrap();
        assert_eq!(ours.minutes_in_time, 2, "{engine}");
        let aspen = units.iter().find(|u| u.node_id == quiet).unwrap();
        assert_eq!(
            (aspen.name.as_str(), aspen.planned, aspen.sam_done),
            ("Aspen", 0, false),
            "{engine}"
        );
    }
}
