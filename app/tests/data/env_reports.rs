//! The annual work environment report against real databases: figures rolled up over a
//! three-level tree (counts summed, a percent weighted by its hours, the year before beside
//! it), a report's sections saved against the fingerprint they were drawn on, its way through the
//! workflow with its history, the answers of the nodes below, and the organisation's own
//! template. Each on SQLite and PostgreSQL.

use std::collections::HashMap;

use crate::common::{fixture, fresh_databases};

use app::domain::env_report::{difference, roll_up, FigureKind};
use app::env_report::db::{self, NewFigure, SectionSave, Step};
use app::org::db as org_db;

fn values(pairs: &[(&str, i64)]) -> HashMap<String, i64> {
    pairs.iter().map(|(c, v)| (c.to_string(), *v)).collect()
}

#[tokio::test]
async fn figures_roll_up_summed_and_weighted_over_three_levels() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let engine = t.engine;
        let node = |parent, name: &'static str, kind: &'static str| {
            let db = t.db.clone();
            async move {
                org_db::insert_node(&db, Some(parent), name, kind)
                    .await
                    .unwrap()
            }
        };
        let admin = node(f.org, "Socialförvaltningen", "förvaltning").await;
        let first = node(admin, "Avdelning ett", "avdelning").await;
        let second = node(admin, "Avdelning två", "avdelning").await;
        let u1 = node(first, "Eken", "enhet").await;
        let u2 = node(first, "Björken", "enhet").await;
        let u3 = node(second, "Linden", "enhet").await;
        let template = db::template(&t.db, f.org).await.unwrap();
        let save = |unit, year, pairs: &'static [(&'static str, i64)]| {
            let (db, template) = (t.db.clone(), template.clone());
            async move {
                db::save_figures(&db, unit, year, &template, &values(pairs), f.person, now)
                    .await
                    .unwrap();
            }
        };
        // 10 % of 1 000 hours and 5 % of 9 000 hours: 5,5 % weighted, not 7,5 %.
        save(
            u1,
            2025,
            &[
                ("injuries", 1000),
                ("sick_total", 1000),
                ("hours_worked_total", 100_000),
                ("extra_hours", 10_000),
                ("overtime_hours", 5_000),
            ],
        )
        .await;
        save(
            u2,
            2025,
            &[
                ("injuries", 500),
                ("sick_total", 500),
                ("hours_worked_total", 900_000),
            ],
        )
        .await;
        // Linden gives its percent without its hours: left out of the weighted figure above it.
        save(u3, 2025, &[("injuries", 100), ("sick_total", 800)]).await;
        save(u1, 2024, &[("injuries", 800), ("sick_total", 900)]).await;

        // Over the years, only sick leave: the charts' query.
        let years = db::subtree_tallies_years(&t.db, first, 2021..=2025, "sick%")
            .await
            .unwrap();
        let mut found: Vec<(i32, usize)> = years.iter().map(|(y, t)| (*y, t.len())).collect();
        found.sort_unstable();
        assert_eq!(found, [(2024, 1), (2025, 1)], "{engine}");
        assert_eq!(years[&2024]["sick_total"].sum, 900, "{engine}");
        let (this, last) = db::subtree_tallies(&t.db, first, 2025).await.unwrap();
        let rolled = roll_up(&template, &this);
        assert_eq!(rolled["injuries"].value, Some(1500), "{engine}");
        assert_eq!(rolled["sick_total"].value, Some(550), "{engine}");
        assert_eq!(rolled["working_hours_sum"].value, Some(15_000), "{engine}");
        let before = roll_up(&template, &last);
        assert_eq!(before["injuries"].value, Some(800));
        assert_eq!(
            difference(
                rolled["injuries"].value,
                before["injuries"].value,
                &FigureKind::Count
            )
            .as_deref(),
            Some("7")
        );

        let (this, _) = db::subtree_tallies(&t.db, admin, 2025).await.unwrap();
        let rolled = roll_up(&template, &this);
        assert_eq!(rolled["injuries"].value, Some(1600), "{engine}");
        assert_eq!(rolled["sick_total"].value, Some(550), "{engine}");
        assert_eq!(rolled["sick_total"].left_out, 1, "{engine}: Linden");
        let (at_top, _) = db::subtree_tallies(&t.db, f.org, 2025).await.unwrap();
        assert_eq!(at_top["injuries"].sum, 1600, "{engine}");

        // A unit's own figures, as its form shows them; saving again replaces them whole.
        let own = db::own_figures(&t.db, u3, 2025).await.unwrap();
        assert_eq!(own, values(&[("injuries", 100), ("sick_total", 800)]));
        save(u3, 2025, &[("incidents", 300)]).await;
        let own = db::own_figures(&t.db, u3, 2025).await.unwrap();
        assert_eq!(own, values(&[("incidents", 300)]), "{engine}");
        let every = db::subtree_figures(&t.db, admin, 2025).await.unwrap();
        assert_eq!(
            every.len(),
            11,
            "{engine}: every node's own figures, both years"
        );
    }
}

#[tokio::test]
async fn a_report_is_saved_section_by_section_and_goes_up_with_its_history() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let engine = t.engine;
        let admin = org_db::insert_node(&t.db, Some(f.org), "Förvaltningen", "förvaltning")
            .await
            .unwrap();
        let unit = org_db::insert_node(&t.db, Some(admin), "Eken", "enhet")
            .await
            .unwrap();
        let quiet = org_db::insert_node(&t.db, Some(admin), "Aspen", "enhet")
            .await
            .unwrap();
        assert!(db::report(&t.db, unit, 2025).await.unwrap().is_none());
        let report = db::begin_report(&t.db, unit, 2025, f.person, now)
            .await
            .unwrap();
        assert_eq!(report.status, "draft");
        let again = db::begin_report(&t.db, unit, 2025, f.person, now)
            .await
            .unwrap();
        assert_eq!(
            again.id, report.id,
            "{engine}: one report per node and year"
        );

        let rounds = SectionSave {
            section: "rounds",
            assessment: "Ronderna genomfördes med skyddsombud.",
            answers: vec![
                ("rounds_done", Some("ja"), ""),
                (
                    "safety_representative",
                    Some("delvis"),
                    "Skyddsombudet var sjukt i maj.",
                ),
            ],
        };
        // Drawn blank, saved; a second save drawn on the blank section is stale.
        let untouched = db::section_fingerprint(
            "",
            &[
                ("rounds_done", None, ""),
                ("safety_representative", None, ""),
            ],
        );
        assert!(
            db::save_section(&t.db, report.id, &untouched, &rounds, f.person, now)
                .await
                .unwrap()
        );
        let saved = db::section_fingerprint(rounds.assessment, &rounds.answers);
        let stale = SectionSave {
            assessment: "Äldre text",
            ..rounds.clone()
        };
        assert!(
            !db::save_section(&t.db, report.id, &untouched, &stale, f.person, now)
                .await
                .unwrap(),
            "{engine}: a save over a section changed since it was drawn is refused"
        );
        let (assessments, answers) = db::contents(&t.db, report.id).await.unwrap();
        assert_eq!(assessments[0].body, "Ronderna genomfördes med skyddsombud.");
        assert_eq!(answers.len(), 2);
        let partly = answers
            .iter()
            .find(|a| a.question == "safety_representative")
            .unwrap();
        assert_eq!(partly.answer.as_deref(), Some("delvis"));
        assert_eq!(partly.reason, "Skyddsombudet var sjukt i maj.");

        // Submitted, it may not be written; returned with a comment, it may again.
        let submit = Step {
            from: "draft",
            to: "submitted",
            event: "submitted",
            by: f.person,
            at: now,
            comment: "",
            document: Some("{\"sections\":[]}"),
            mail: None,
        };
        assert!(db::take_step(&t.db, report.id, &submit).await.unwrap());
        assert!(
            !db::take_step(&t.db, report.id, &submit).await.unwrap(),
            "{engine}: submitted once"
        );
        let current = db::report(&t.db, unit, 2025).await.unwrap().unwrap();
        assert_eq!(current.status, "submitted");
        assert!(
            !db::save_section(&t.db, report.id, &saved, &rounds, f.person, now)
                .await
                .unwrap(),
            "{engine}: a submitted report is not written"
        );
        let give_back = Step {
            from: "submitted",
            to: "returned",
            event: "returned",
            comment: "Lägg till sjukfrånvaron.",
            document: None,
            ..submit.clone()
        };
        assert!(db::take_step(&t.db, report.id, &give_back).await.unwrap());
        assert!(
            db::save_section(&t.db, report.id, &saved, &rounds, f.person, now)
                .await
                .unwrap(),
            "{engine}: a returned report is written again"
        );
        let history = db::events(&t.db, report.id).await.unwrap();
        assert_eq!(
            history
                .iter()
                .map(|e| (e.step.as_str(), e.has_document))
                .collect::<Vec<_>>(),
            [("submitted", true), ("returned", false)],
            "{engine}"
        );
        assert_eq!(history[1].comment, "Lägg till sjukfrånvaron.");
        assert_eq!(history[0].name.as_deref(), Some("Anna Andersson"));
        assert_eq!(
            db::submitted_document(&t.db, report.id, history[0].id)
                .await
                .unwrap()
                .as_deref(),
            Some("{\"sections\":[]}")
        );
        assert!(db::submitted_document(&t.db, report.id + 1, history[0].id)
            .await
            .unwrap()
            .is_none());

        // The level above sees both units, one without a report, and the answers given.
        let (children, assessments, answers) =
            db::children_reports(&t.db, admin, 2025).await.unwrap();
        let names: Vec<(&str, Option<&str>)> = children
            .iter()
            .map(|c| (c.name.as_str(), c.status.as_deref()))
            .collect();
        assert_eq!(
            names,
            [("Aspen", None), ("Eken", Some("returned"))],
            "{engine}"
        );
        assert_eq!(children[0].node_id, quiet);
        assert_eq!(assessments.len(), 1);
        assert_eq!(answers.len(), 2, "{engine}");
    }
}

#[tokio::test]
async fn an_organisation_adds_figures_and_sets_its_deadlines() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let code = db::add_figure(
            &t.db,
            f.org,
            &NewFigure {
                section: "sick_leave",
                group: "Sjukfrånvaro 60 dagar eller mer",
                label: "Medarbetare 50 år eller äldre",
                kind: "percent",
                basis: "hours_worked_total",
            },
            f.person,
            now,
        )
        .await
        .unwrap();
        assert!(code.starts_with("added_"), "{code}");
        let template = db::template(&t.db, f.org).await.unwrap();
        let added = template.last().unwrap();
        assert_eq!(added.code, code);
        assert_eq!(
            added.kind,
            FigureKind::Percent {
                basis: "hours_worked_total".into()
            }
        );
        assert!(app::domain::env_report::figures::broken_references(&template).is_empty());

        let rules = db::deadlines(&t.db, f.org).await.unwrap();
        let units = rules.iter().find(|r| r.kind == "enhet").unwrap();
        assert_eq!((units.month, units.day), (1, 31));
        db::save_deadline(
            &t.db,
            f.org,
            &app::domain::env_report::DeadlineRule {
                kind: "enhet".into(),
                month: 2,
                day: 10,
            },
        )
        .await
        .unwrap();
        let rules = db::deadlines(&t.db, f.org).await.unwrap();
        let units = rules.iter().find(|r| r.kind == "enhet").unwrap();
        assert_eq!((units.month, units.day), (2, 10), "{}", t.engine);
    }
}

#[tokio::test]
async fn what_arshjul_knows_of_a_year_is_counted_over_the_subtree() {
    use app::actions::db::{self as actions_db, NewActionLink};
    use app::checklists::db as checklists_db;
    use app::domain::{ActionSource, CheckedPlanAction, ChecklistKind, Role};
    use chrono::Datelike;

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let engine = t.engine;
        // A fixed day, so the test means the same on New Year's Eve.
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let now = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        let so = app::auth::db::upsert_person(&t.db, "Sara Ombud", "so@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, so, f.unit, Role::Skyddsombud)
            .await
            .unwrap();
        let templates = checklists_db::make_year_templates(&t.db, f.org, 2026)
            .await
            .unwrap();
        let id_of = |kind| {
            templates
                .iter()
                .find(|t| t.kind == kind)
                .and_then(|t| t.id)
                .unwrap()
        };
        // One round done with the safety representative; the SAM follow-up done without.
        let round = checklists_db::open_checklist(
            &t.db,
            f.unit,
            id_of(ChecklistKind::RoundPhysical),
            2026,
            f.person,
        )
        .await
        .unwrap();
        checklists_db::save_participants(&t.db, round, &[so], "")
            .await
            .unwrap();
        checklists_db::set_done(&t.db, round, Some((f.person, now)))
            .await
            .unwrap();
        let sam = checklists_db::open_checklist(
            &t.db,
            f.unit,
            id_of(ChecklistKind::SamAnnual),
            2026,
            f.person,
        )
        .await
        .unwrap();
        checklists_db::set_done(&t.db, sam, Some((f.person, now)))
            .await
            .unwrap();

        let facts = db::checklist_facts(&t.db, f.org, f.org, 2026)
            .await
            .unwrap();
        assert_eq!(
            (
                facts.units,
                facts.round_kinds,
                facts.rounds_done,
                facts.done,
                facts.done_with_safety
            ),
            (1, 3, 1, 2, 1),
            "{engine}"
        );
        assert_eq!(facts.rounds_due(), 3);
        let other_year = db::checklist_facts(&t.db, f.org, f.org, 2025)
            .await
            .unwrap();
        assert_eq!(
            (other_year.done, other_year.round_kinds),
            (0, 0),
            "{engine}"
        );

        // Two actions this year, one of them past its end.
        let action = |title: &str, end| CheckedPlanAction {
            title: title.into(),
            description: String::new(),
            responsible: None,
            start: None,
            end,
            comment: String::new(),
        };
        for (title, end) in [
            ("Byt lysrör", today.pred_opt()),
            ("Ny rutin", today.succ_opt()),
        ] {
            actions_db::add_plan_action(
                &t.db,
                f.unit,
                ActionSource::Round,
                &NewActionLink::default(),
                &action(title, end),
                f.person,
            )
            .await
            .unwrap();
        }
        // Opened on the fixed day (the actions' own clock is the database's).
        let pinned = app::with_db!(&t.db, pool => {
            sqlx::query("UPDATE actions SET created_at = $1 WHERE unit_id = $2")
                .bind(now).bind(f.unit).execute(pool).await.map(|r| r.rows_affected())
        })
        .unwrap();
        assert_eq!(pinned, 2, "{engine}");
        let year = today.year();
        let actions = db::action_facts(&t.db, f.org, year, today).await.unwrap();
        assert_eq!(
            (
                actions.opened,
                actions.closed,
                actions.overdue,
                actions.earlier_open
            ),
            (2, 0, 1, 0),
            "{engine}"
        );
        let next = db::action_facts(&t.db, f.org, year + 1, today)
            .await
            .unwrap();
        assert_eq!((next.opened, next.earlier_open), (0, 2), "{engine}");
    }
}

#[tokio::test]
async fn a_file_of_figures_is_kept_for_its_preview_and_applied_once_whole() {
    use app::domain::hr_import::SheetRow;
    use std::collections::BTreeMap;

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let engine = t.engine;
        let at = chrono::NaiveDate::from_ymd_opt(2026, 2, 3)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
            .and_utc();
        let below = org_db::insert_node(&t.db, Some(f.unit), "Köket", "enhet")
            .await
            .unwrap();
        let template = db::template(&t.db, f.org).await.unwrap();
        db::save_figures(
            &t.db,
            below,
            2025,
            &template,
            &values(&[("injuries", 300), ("hours_worked_total", 200_000)]),
            f.person,
            at,
        )
        .await
        .unwrap();
        db::begin_report(&t.db, below, 2025, f.person, at)
            .await
            .unwrap();

        let nodes = db::subtree_nodes(&t.db, f.unit, 2025).await.unwrap();
        let seen: Vec<(&str, Option<&str>)> = nodes
            .iter()
            .map(|n| (n.name.as_str(), n.status.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [("Enhet", None), ("Köket", Some("draft"))],
            "{engine}"
        );

        let row = SheetRow {
            line: 2,
            cells: BTreeMap::from([("Kod".to_string(), "sick_total".to_string())]),
        };
        let id = db::store_import(
            &t.db,
            f.unit,
            2025,
            f.person,
            "fil.csv",
            std::slice::from_ref(&row),
            at,
        )
        .await
        .unwrap();
        let kept = db::stored_import(&t.db, f.unit, id).await.unwrap().unwrap();
        assert_eq!(
            (
                kept.year,
                kept.file_name.as_str(),
                kept.rows,
                kept.applied_at
            ),
            (2025, "fil.csv", vec![row], None),
            "{engine}"
        );
        assert!(
            db::stored_import(&t.db, below, id).await.unwrap().is_none(),
            "{engine}: another node's file is not found"
        );

        // Köket had 3 injuries and 2 000 hours; the file sets its sick leave to 4,5 %.
        let after = HashMap::from([(
            below,
            values(&[
                ("injuries", 300),
                ("hours_worked_total", 200_000),
                ("sick_total", 450),
            ]),
        )]);
        assert!(
            db::apply_import(&t.db, id, 2025, &template, &after, f.person, at)
                .await
                .unwrap(),
            "{engine}"
        );
        let own = db::own_figures(&t.db, below, 2025).await.unwrap();
        assert_eq!((own["injuries"], own["sick_total"]), (300, 450), "{engine}");
        let (tallies, _) = db::subtree_tallies(&t.db, f.unit, 2025).await.unwrap();
        assert_eq!(
            (
                tallies["sick_total"].weight,
                tallies["sick_total"].unweighted
            ),
            (2000, 0),
            "{engine}: the percent keeps its basis"
        );
        let again = HashMap::from([(below, values(&[("injuries", 900)]))]);
        assert!(
            !db::apply_import(&t.db, id, 2025, &template, &again, f.person, at)
                .await
                .unwrap(),
            "{engine}: a file is applied once"
        );
        let own = db::own_figures(&t.db, below, 2025).await.unwrap();
        assert_eq!(own["injuries"], 300, "{engine}: nothing of the second try");
        let kept = db::stored_import(&t.db, f.unit, id).await.unwrap().unwrap();
        assert_eq!(kept.applied_at, Some(at), "{engine}");
    }
}
