//! Follow-up checklists and the action plan against real databases: templates made per year and
//! versioned when used, a unit's checklist from opening to done, actions followed to their effect,
//! and the roll-up over a three-level tree. Each on SQLite and PostgreSQL.

use crate::common;

use app::actions::db::{self as actions_db, ActionChange, NewActionLink};
use app::actions::ActionFilter;
use app::checklists::db::{self, AnswerSave, QuestionEdit};
use app::domain::{
    ActionSource, ActionStatus, AfterEffect, Answer, AnswerScale, CheckedEffect, CheckedPlanAction,
    ChecklistKind, Effect, Role,
};
use app::org::db as org_db;
use chrono::NaiveDate;
use common::{fixture, fresh_databases};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn plan_action(title: &str, responsible: Option<i64>, end: Option<NaiveDate>) -> CheckedPlanAction {
    CheckedPlanAction {
        title: title.into(),
        description: String::new(),
        responsible,
        start: NaiveDate::from_ymd_opt(2026, 11, 1),
        end,
        comment: String::new(),
    }
}

#[tokio::test]
async fn a_checklist_goes_from_template_to_done_and_templates_version_when_used() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let e = t.engine;
        let so = app::auth::db::upsert_person(&t.db, "Sara Ombud", "so@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, f.person, f.unit, Role::Chef)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, so, f.unit, Role::Skyddsombud)
            .await
            .unwrap();

        // Reading a year makes nothing: the page shows the bundled defaults it would get.
        let before = db::year_templates(&t.db, f.org, 2026).await.unwrap();
        assert!(before.iter().all(|t| t.id.is_none() && !t.made), "{e}");
        assert!(before[0].questions >= 20, "{e}");
        let stored: i64 = app::with_db!(&t.db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM checklist_templates").fetch_one(pool).await
        })
        .unwrap();
        assert_eq!(stored, 0, "{e}: a read made templates");

        let templates = db::make_year_templates(&t.db, f.org, 2026).await.unwrap();
        assert!(
            templates
                .iter()
                .all(|t| t.made && t.from_year == Some(2026)),
            "{e}"
        );
        assert_eq!(
            db::year_templates(&t.db, f.org, 2026).await.unwrap(),
            templates,
            "{e}"
        );
        // A later year nobody has opened shows this year's as what it would copy, used by none.
        let later = db::year_templates(&t.db, f.org, 2031).await.unwrap();
        assert_eq!(later[0].id, templates[0].id, "{e}");
        assert_eq!(
            (later[0].made, later[0].from_year),
            (false, Some(2026)),
            "{e}"
        );
        let kinds: Vec<_> = templates.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, ChecklistKind::ALL.to_vec(), "{e}");
        let sam = templates[0].clone();
        assert_eq!(sam.version, 1, "{e}");
        assert!(sam.questions >= 20, "{e}: {} questions", sam.questions);
        // Asking again makes nothing new.
        assert_eq!(
            db::make_year_templates(&t.db, f.org, 2026).await.unwrap(),
            templates,
            "{e}"
        );

        let id = db::open_checklist(&t.db, f.unit, sam.id.unwrap(), 2026, f.person)
            .await
            .unwrap();
        assert_eq!(
            db::open_checklist(&t.db, f.unit, sam.id.unwrap(), 2026, f.person)
                .await
                .unwrap(),
            id
        );
        let head = db::checklist_head(&t.db, f.unit, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((head.kind.as_str(), head.year), ("sam_annual", 2026), "{e}");
        assert!(db::checklist_head(&t.db, f.unit + 999, id)
            .await
            .unwrap()
            .is_none());

        let who = db::participants(&t.db, f.unit, id).await.unwrap();
        assert_eq!(who.len(), 2, "{e}");
        assert!(who
            .iter()
            .any(|p| p.person_id == so && p.safety_representative && !p.took_part));
        db::save_participants(&t.db, id, &[f.person, so], "Huvudskyddsombud Kim")
            .await
            .unwrap();
        let who = db::participants(&t.db, f.unit, id).await.unwrap();
        assert!(who.iter().all(|p| p.took_part), "{e}");

        let questions = db::template_questions(&t.db, sam.id.unwrap())
            .await
            .unwrap();
        let (q1, q2) = (questions[0].id, questions[1].id);
        assert_eq!(
            questions[0].text,
            "Är stadens Arbetsmiljöpolicy (tillika Personalpolicyn) känd på arbetsplatsen?"
        );
        let saved = db::save_answer(
            &t.db,
            id,
            q1,
            Answer::PartlyAgree,
            "Gås igenom på APT",
            (None, ""),
            (f.person, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        assert_eq!(saved, AnswerSave::Saved, "{e}");
        // A second writer who opened the question unanswered is refused; the first text stays.
        let stale = db::save_answer(
            &t.db,
            id,
            q1,
            Answer::FullyAgree,
            "",
            (None, ""),
            (so, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        assert_eq!(stale, AnswerSave::Stale, "{e}");
        let again = db::save_answer(
            &t.db,
            id,
            q1,
            Answer::PartlyAgree,
            "Gås igenom på APT i maj",
            (Some("partly_agree"), "Gås igenom på APT"),
            (so, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        assert_eq!(again, AnswerSave::Saved, "{e}");
        assert!(!db::set_no_action_reason(&t.db, id, q2, Some("x"))
            .await
            .unwrap());
        db::save_answer(
            &t.db,
            id,
            q2,
            Answer::FullyAgree,
            "",
            (None, ""),
            (so, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        let answered = db::answered_questions(&t.db, sam.id.unwrap(), id)
            .await
            .unwrap();
        assert_eq!(answered[0].answer, Some(Answer::PartlyAgree), "{e}");
        assert_eq!(answered[0].analysis, "Gås igenom på APT i maj", "{e}");
        assert_eq!(answered[2].answer, None, "{e}");
        let list = db::unit_checklists(&t.db, f.unit, 2026).await.unwrap();
        assert_eq!((list[0].answered, list[0].total), (2, sam.questions), "{e}");

        // HR edits the template now that a unit uses it: a new version, the unit keeps its own.
        let edit = QuestionEdit {
            area: "Arbetsmiljöpolicy".into(),
            text: "Är Arbetsmiljöpolicyn känd?".into(),
            help: String::new(),
            scale: AnswerScale::Agreement,
        };
        let edited = db::edit_template_question(&t.db, sam.id.unwrap(), Some(q1), &edit)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(edited.version, 2, "{e}");
        assert_ne!(edited.template_id, sam.id.unwrap(), "{e}");
        let old = db::template_questions(&t.db, sam.id.unwrap())
            .await
            .unwrap();
        assert_eq!(
            old[0].text, questions[0].text,
            "{e}: the used version is unchanged"
        );
        let new = db::template_questions(&t.db, edited.template_id)
            .await
            .unwrap();
        assert_eq!(
            (new[0].text.as_str(), new[0].key),
            ("Är Arbetsmiljöpolicyn känd?", q1)
        );
        // Editing the unused new version changes it in place.
        let in_place = db::edit_template_question(&t.db, edited.template_id, None, &edit)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            in_place,
            app::checklists::db::EditedTemplate {
                template_id: edited.template_id,
                version: 2
            }
        );
        assert!(
            db::edit_template_question(&t.db, sam.id.unwrap(), None, &edit)
                .await
                .unwrap()
                .is_none()
        );
        // Opening again still finds the unit's checklist on version 1.
        assert_eq!(
            db::open_checklist(&t.db, f.unit, edited.template_id, 2026, f.person)
                .await
                .unwrap(),
            id
        );
        // Next year starts from this year's current version, questions tied to their origin.
        let next = db::make_year_templates(&t.db, f.org, 2027).await.unwrap();
        let next_q = db::template_questions(&t.db, next[0].id.unwrap())
            .await
            .unwrap();
        assert_eq!(
            (next_q[0].text.as_str(), next_q[0].key),
            ("Är Arbetsmiljöpolicyn känd?", q1)
        );
        assert_eq!(
            next_q.len(),
            new.len() + 1,
            "{e}: with the question added in place"
        );

        db::set_done(
            &t.db,
            id,
            Some((f.person, app::clock::Clock::system().now())),
        )
        .await
        .unwrap();
        let done = db::save_answer(
            &t.db,
            id,
            q2,
            Answer::PartlyAgree,
            "",
            (Some("fully_agree"), ""),
            (so, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        assert_eq!(done, AnswerSave::Done, "{e}");
        let head = db::checklist_head(&t.db, f.unit, id)
            .await
            .unwrap()
            .unwrap();
        assert!(head.done_at.is_some() && head.done_by.as_deref() == Some("Anna Andersson"));
        db::set_done(&t.db, id, None).await.unwrap();
        assert!(db::checklist_head(&t.db, f.unit, id)
            .await
            .unwrap()
            .unwrap()
            .done_at
            .is_none());
    }
}

#[tokio::test]
async fn actions_are_followed_to_their_effect_and_filtered() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let e = t.engine;
        let sam = db::make_year_templates(&t.db, f.org, 2026).await.unwrap()[0].clone();
        let checklist = db::open_checklist(&t.db, f.unit, sam.id.unwrap(), 2026, f.person)
            .await
            .unwrap();
        let q = db::template_questions(&t.db, sam.id.unwrap())
            .await
            .unwrap()[0]
            .id;
        db::save_answer(
            &t.db,
            checklist,
            q,
            Answer::PartlyAgree,
            "",
            (None, ""),
            (f.person, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        let link = NewActionLink {
            checklist: Some((checklist, q)),
            answer: Some(Answer::PartlyAgree),
            ..NewActionLink::default()
        };
        let end = NaiveDate::from_ymd_opt(2026, 11, 20);
        let a = actions_db::add_plan_action(
            &t.db,
            f.unit,
            ActionSource::Checklist,
            &link,
            &plan_action("Gå igenom policyn på APT", Some(f.person), end),
            f.person,
        )
        .await
        .unwrap();
        let other = actions_db::add_plan_action(
            &t.db,
            f.unit,
            ActionSource::Incident,
            &NewActionLink {
                note: "Tillbud 3 nov".into(),
                ..NewActionLink::default()
            },
            &plan_action("Sätt upp halkskydd", None, None),
            f.person,
        )
        .await
        .unwrap();
        let linked = db::linked_actions(&t.db, checklist).await.unwrap();
        assert_eq!(linked.len(), 1, "{e}");
        assert_eq!(linked[0].0, q, "{e}");

        let action = actions_db::unit_action(&t.db, f.unit, a, today())
            .await
            .unwrap()
            .unwrap();
        assert!(action.overdue(), "{e}");
        assert_eq!(action.answer, Some(Answer::PartlyAgree), "{e}");
        match &action.origin {
            app::actions::ActionOrigin::Checklist {
                checklist: name, ..
            } => {
                assert_eq!(name, &format!("{} 2026", sam.title))
            }
            o => panic!("{e}: {o:?}"),
        }
        let v = action.version;
        let moved = actions_db::update_plan_action(
            &t.db,
            f.unit,
            a,
            v,
            &plan_action("Gå igenom policyn på APT", Some(f.person), end),
            ActionStatus::InProgress,
        )
        .await
        .unwrap();
        assert_eq!(moved, ActionChange::Saved(v + 1), "{e}");
        let stale = actions_db::update_plan_action(
            &t.db,
            f.unit,
            a,
            v,
            &plan_action("X", None, None),
            ActionStatus::NotStarted,
        )
        .await
        .unwrap();
        assert_eq!(stale, ActionChange::Stale, "{e}");
        assert_eq!(
            actions_db::update_plan_action(
                &t.db,
                f.unit + 99,
                a,
                v + 1,
                &plan_action("X", None, None),
                ActionStatus::NotStarted
            )
            .await
            .unwrap(),
            ActionChange::NotFound
        );

        // "Nej" reopens the action, counted; "ja" closes it.
        let no = CheckedEffect {
            effect: Effect::No,
            comment: "Inte känd ändå".into(),
        };
        let reopened = actions_db::close_action(
            &t.db,
            f.unit,
            a,
            v + 1,
            &no,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(
            reopened,
            ActionChange::Closed(AfterEffect::Reopened, v + 2),
            "{e}"
        );
        let action = actions_db::unit_action(&t.db, f.unit, a, today())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (action.status, action.reopened, action.effect),
            (ActionStatus::InProgress, 1, Some(Effect::No))
        );
        let yes = CheckedEffect {
            effect: Effect::Yes,
            comment: String::new(),
        };
        let closed = actions_db::close_action(
            &t.db,
            f.unit,
            a,
            v + 2,
            &yes,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        assert_eq!(
            closed,
            ActionChange::Closed(AfterEffect::Closed, v + 3),
            "{e}"
        );
        let action = actions_db::unit_action(&t.db, f.unit, a, today())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (action.status, action.overdue()),
            (ActionStatus::Done, false),
            "{e}"
        );

        let all = ActionFilter {
            node_id: f.org,
            ..ActionFilter::default()
        };
        let ids =
            |v: Vec<app::actions::PlanAction>| v.into_iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(
            ids(actions_db::plan_actions(&t.db, &all, today())
                .await
                .unwrap()),
            [other, a],
            "{e}"
        );
        let done = ActionFilter {
            status: Some(ActionStatus::Done),
            ..all.clone()
        };
        assert_eq!(
            ids(actions_db::plan_actions(&t.db, &done, today())
                .await
                .unwrap()),
            [a],
            "{e}"
        );
        let mine = ActionFilter {
            responsible: Some(f.person),
            ..all.clone()
        };
        assert_eq!(
            ids(actions_db::plan_actions(&t.db, &mine, today())
                .await
                .unwrap()),
            [a],
            "{e}"
        );
        let later = ActionFilter {
            year: Some(2027),
            ..all.clone()
        };
        assert_eq!(
            ids(actions_db::plan_actions(&t.db, &later, today())
                .await
                .unwrap()),
            [other],
            "{e}: only the open one runs into 2027"
        );
        let earlier = ActionFilter {
            year: Some(2025),
            ..all.clone()
        };
        assert!(
            actions_db::plan_actions(&t.db, &earlier, today())
                .await
                .unwrap()
                .is_empty(),
            "{e}"
        );
        let resp = actions_db::responsible_actions(&t.db, f.person, today())
            .await
            .unwrap();
        assert_eq!(ids(resp), [a], "{e}");
    }
}

#[tokio::test]
async fn the_roll_up_covers_exactly_the_units_below_a_node() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let e = t.engine;
        // Kommun > Förvaltning > {Avdelning A > {A1, A2}, Avdelning B > {B1}}, plus the fixture's unit.
        let adm = org_db::insert_node(&t.db, Some(f.org), "Förvaltning", "forvaltning")
            .await
            .unwrap();
        let dept_a = org_db::insert_node(&t.db, Some(adm), "Avdelning A", "avdelning")
            .await
            .unwrap();
        let dept_b = org_db::insert_node(&t.db, Some(adm), "Avdelning B", "avdelning")
            .await
            .unwrap();
        let a1 = org_db::insert_node(&t.db, Some(dept_a), "Enhet A1", "enhet")
            .await
            .unwrap();
        let a2 = org_db::insert_node(&t.db, Some(dept_a), "Enhet A2", "enhet")
            .await
            .unwrap();
        let b1 = org_db::insert_node(&t.db, Some(dept_b), "Enhet B1", "enhet")
            .await
            .unwrap();
        let sam = db::make_year_templates(&t.db, f.org, 2026).await.unwrap()[0].clone();
        let q = db::template_questions(&t.db, sam.id.unwrap())
            .await
            .unwrap();
        let mut ids = std::collections::HashMap::new();
        for (unit, answer, analysis) in [
            (a1, Answer::FullyAgree, "Känd av alla"),
            (a2, Answer::PartlyAgree, "Tas upp i maj"),
            (b1, Answer::Disagree, "Okänd"),
        ] {
            let c = db::open_checklist(&t.db, unit, sam.id.unwrap(), 2026, f.person)
                .await
                .unwrap();
            db::save_answer(
                &t.db,
                c,
                q[0].id,
                answer,
                analysis,
                (None, ""),
                (f.person, app::clock::Clock::system().now()),
            )
            .await
            .unwrap();
            ids.insert(unit, c);
        }
        db::set_done(
            &t.db,
            ids[&a1],
            Some((f.person, app::clock::Clock::system().now())),
        )
        .await
        .unwrap();
        // Another year's answers stay out.
        let later = db::make_year_templates(&t.db, f.org, 2027).await.unwrap()[0].clone();
        let c = db::open_checklist(&t.db, a1, later.id.unwrap(), 2027, f.person)
            .await
            .unwrap();
        let lq = db::template_questions(&t.db, later.id.unwrap())
            .await
            .unwrap();
        db::save_answer(
            &t.db,
            c,
            lq[0].id,
            Answer::Disagree,
            "2027",
            (None, ""),
            (f.person, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();

        let rolled = db::rolled_answers(&t.db, dept_a, ChecklistKind::SamAnnual, 2026)
            .await
            .unwrap();
        let seen: Vec<_> = rolled
            .iter()
            .map(|r| (r.unit_name.as_str(), r.answer, r.analysis.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("Enhet A1", Answer::FullyAgree, "Känd av alla"),
                ("Enhet A2", Answer::PartlyAgree, "Tas upp i maj")
            ],
            "{e}"
        );
        assert!(rolled.iter().all(|r| r.question_key == q[0].key), "{e}");
        let all = db::rolled_answers(&t.db, f.org, ChecklistKind::SamAnnual, 2026)
            .await
            .unwrap();
        assert_eq!(all.len(), 3, "{e}");
        let next = db::rolled_answers(&t.db, adm, ChecklistKind::SamAnnual, 2027)
            .await
            .unwrap();
        assert_eq!(
            (next.len(), next[0].question_key),
            (1, q[0].key),
            "{e}: lined up across years"
        );
        let unit_only = db::rolled_answers(&t.db, b1, ChecklistKind::SamAnnual, 2026)
            .await
            .unwrap();
        assert_eq!(unit_only.len(), 1, "{e}");

        let standings = db::unit_standings(&t.db, adm, ChecklistKind::SamAnnual, 2026)
            .await
            .unwrap();
        assert_eq!(standings.len(), 3, "{e}");
        let a1s = standings.iter().find(|s| s.unit_id == a1).unwrap();
        assert!(a1s.done_at.is_some() && a1s.answered == 1, "{e}");
        assert!(
            standings
                .iter()
                .filter(|s| s.unit_id != a1)
                .all(|s| s.done_at.is_none()),
            "{e}"
        );
        assert!(
            db::unit_standings(&t.db, dept_b, ChecklistKind::ActiveMeasures, 2026)
                .await
                .unwrap()
                .is_empty()
        );

        // Counted per part of the administration: its departments, and its own checklist.
        let own = db::open_checklist(&t.db, adm, sam.id.unwrap(), 2026, f.person)
            .await
            .unwrap();
        db::save_answer(
            &t.db,
            own,
            q[0].id,
            Answer::FullyAgree,
            "Eget",
            (None, ""),
            (f.person, app::clock::Clock::system().now()),
        )
        .await
        .unwrap();
        let mut counted: Vec<_> =
            db::part_answer_counts(&t.db, adm, ChecklistKind::SamAnnual, 2026)
                .await
                .unwrap()
                .into_iter()
                .map(|c| (c.part_id, c.question_key, c.answer, c.count))
                .collect();
        counted.sort_by_key(|c| (c.0, c.2 as u8));
        let mut expected = vec![
            (dept_a, q[0].key, Answer::FullyAgree, 1),
            (dept_a, q[0].key, Answer::PartlyAgree, 1),
            (dept_b, q[0].key, Answer::Disagree, 1),
            (adm, q[0].key, Answer::FullyAgree, 1),
        ];
        expected.sort_by_key(|c| (c.0, c.2 as u8));
        assert_eq!(counted, expected, "{e}");

        // The page's roll-up by parts: each department with its units, then the node's own.
        let tree = org_db::load_tree(&t.db).await.unwrap();
        let view = app::checklists::rollup_parts::parts_rollup_at(
            &t.db,
            &tree,
            adm,
            ChecklistKind::SamAnnual,
            2026,
        )
        .await
        .unwrap();
        let parts: Vec<_> = view
            .parts
            .iter()
            .map(|p| (p.name.as_str(), p.node_id, p.units, p.done, p.in_progress))
            .collect();
        assert_eq!(
            parts,
            [
                ("Avdelning A", dept_a, 2, 1, 1),
                ("Avdelning B", dept_b, 1, 0, 1),
                ("Förvaltning (Eget)", adm, 1, 0, 1),
            ],
            "{e}"
        );
        assert!(view.units.is_empty(), "{e}: no unit listed one by one");
        let first = &view.questions[0];
        assert!(first.answers.is_empty(), "{e}");
        let total: Vec<_> = first.counts.iter().map(|c| (c.answer, c.count)).collect();
        assert_eq!(
            total,
            [
                (Answer::FullyAgree, 2),
                (Answer::PartlyAgree, 1),
                (Answer::Disagree, 1)
            ],
            "{e}"
        );
        let per_part: Vec<_> = first
            .by_part
            .iter()
            .map(|p| {
                let c: Vec<_> = p.counts.iter().map(|c| (c.answer, c.count)).collect();
                (p.name.as_str(), c)
            })
            .collect();
        assert_eq!(
            per_part,
            [
                (
                    "Avdelning A",
                    vec![(Answer::FullyAgree, 1), (Answer::PartlyAgree, 1)]
                ),
                ("Avdelning B", vec![(Answer::Disagree, 1)]),
                ("Förvaltning (Eget)", vec![(Answer::FullyAgree, 1)]),
            ],
            "{e}"
        );
        assert_eq!(
            view.questions.len(),
            q.len(),
            "{e}: every question, answered or not"
        );
    }
}

#[tokio::test]
async fn an_action_is_put_on_a_coming_apt_once_and_the_meeting_links_back() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let e = t.engine;
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let (_, meeting) = common::plan_with_meeting(&t.db, &f, day).await;
        let a = actions_db::add_plan_action(
            &t.db,
            f.unit,
            ActionSource::RiskAssessment,
            &NewActionLink {
                note: "Riskbedömning hemtjänstbil".into(),
                ..NewActionLink::default()
            },
            &plan_action("Vinterdäck i tid", None, None),
            f.person,
        )
        .await
        .unwrap();
        let coming = actions_db::coming_meetings(&t.db, f.unit, today())
            .await
            .unwrap();
        assert_eq!(coming, [(meeting, day)], "{e}");
        assert!(
            actions_db::coming_meetings(&t.db, f.unit, day.succ_opt().unwrap())
                .await
                .unwrap()
                .is_empty()
        );

        let first = actions_db::put_on_agenda(&t.db, f.unit, a, meeting)
            .await
            .unwrap();
        let again = actions_db::put_on_agenda(&t.db, f.unit, a, meeting)
            .await
            .unwrap();
        assert_eq!(first, again, "{e}: once per meeting");
        assert_eq!(
            actions_db::put_on_agenda(&t.db, f.unit + 99, a, meeting)
                .await
                .unwrap(),
            actions_db::Feedback::NotFound
        );
        assert_eq!(
            actions_db::feedback_meetings(&t.db, f.unit).await.unwrap(),
            [(a, meeting, day)],
            "{e}"
        );
        let sections = app::meetings::db::agenda(&t.db, meeting).await.unwrap();
        let section = sections
            .iter()
            .find(|s| s.title == actions_db::FEEDBACK_SECTION)
            .expect("the feedback section");
        assert_eq!(
            section.items[0].title, "Återkoppling: Vinterdäck i tid",
            "{e}"
        );
        assert_eq!(section.items[0].action_id, Some(a), "{e}");
    }
}

#[tokio::test]
async fn reminders_go_to_the_outbox_once_per_kind() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let e = t.engine;
        app::auth::db::grant_role(&t.db, f.person, f.unit, Role::Chef)
            .await
            .unwrap();
        let end = NaiveDate::from_ymd_opt(2026, 11, 30);
        let a = actions_db::add_plan_action(
            &t.db,
            f.unit,
            ActionSource::Other,
            &NewActionLink::default(),
            &plan_action("Ny stol till receptionen", Some(f.person), end),
            f.person,
        )
        .await
        .unwrap();
        // No end date, or no one responsible: nothing to remind.
        actions_db::add_plan_action(
            &t.db,
            f.unit,
            ActionSource::Other,
            &NewActionLink::default(),
            &plan_action("Utan slutdatum", Some(f.person), None),
            f.person,
        )
        .await
        .unwrap();
        use app::actions::reminders::queue_reminders;
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(
            queue_reminders(&t.db, day(20), false, None).await.unwrap(),
            0,
            "{e}"
        );
        assert_eq!(
            queue_reminders(&t.db, day(23), false, None).await.unwrap(),
            1,
            "{e}"
        );
        assert_eq!(
            queue_reminders(&t.db, day(24), false, None).await.unwrap(),
            0,
            "{e}: once"
        );
        assert_eq!(
            queue_reminders(&t.db, day(29), false, None).await.unwrap(),
            1,
            "{e}"
        );
        let later = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(
            queue_reminders(&t.db, later, true, Some("https://a.example/"))
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            queue_reminders(&t.db, later, true, None).await.unwrap(),
            0,
            "{e}"
        );
        let outbox = app::notices::db::outbox(&t.db, &[f.unit], 10)
            .await
            .unwrap();
        let subjects: Vec<_> = outbox.iter().map(|m| m.subject.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "Försenad åtgärd: ”Ny stol till receptionen” (slutdatum 2026-11-30)",
                "Påminnelse: åtgärden ”Ny stol till receptionen” ska vara klar i morgon",
                "Påminnelse: åtgärden ”Ny stol till receptionen” ska vara klar 2026-11-30",
            ],
            "{e}"
        );
        assert_eq!(
            (outbox[0].status.as_str(), outbox[1].status.as_str()),
            ("queued", "stored")
        );
        assert!(outbox[0].body.contains(&format!(
            "https://a.example/enhet/{}/atgarder#atgard-{a}",
            f.unit
        )));
        // A closed action is not reminded of.
        let v = actions_db::unit_action(&t.db, f.unit, a, today())
            .await
            .unwrap()
            .unwrap()
            .version;
        let yes = CheckedEffect {
            effect: Effect::Yes,
            comment: String::new(),
        };
        actions_db::close_action(&t.db, f.unit, a, v, &yes, app::clock::Clock::system().now())
            .await
            .unwrap();
        assert_eq!(
            queue_reminders(&t.db, later, true, None).await.unwrap(),
            0,
            "{e}"
        );
    }
}

#[tokio::test]
async fn a_nodes_analysis_is_saved_only_over_what_the_form_showed() {
    use app::checklists::db::{analysis, save_analysis, AnalysisTexts};
    use app::domain::ChecklistKind::SamAnnual;

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let at = (f.org, SamAnnual, 2031);
        assert!(analysis(&t.db, f.org, SamAnnual, 2031)
            .await
            .unwrap()
            .is_none());
        let first = AnalysisTexts {
            improvements: "Rutiner för riskbedömning".into(),
            success_factors: "Fungerande APT".into(),
            previous_year: String::new(),
        };
        let empty = AnalysisTexts::default();
        assert!(save_analysis(&t.db, at, &first, &empty, (f.person, now))
            .await
            .unwrap());
        let stored = analysis(&t.db, f.org, SamAnnual, 2031)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.texts, first, "{}", t.engine);
        assert_eq!(stored.updated_by.as_deref(), Some("Anna Andersson"));

        // A second writer who opened the empty form loses nothing of the first's: refused.
        let other = AnalysisTexts {
            improvements: "Annat".into(),
            ..AnalysisTexts::default()
        };
        assert!(!save_analysis(&t.db, at, &other, &empty, (f.person, now))
            .await
            .unwrap());
        // Over what was stored it saves; another year or checklist is another analysis.
        assert!(save_analysis(&t.db, at, &other, &first, (f.person, now))
            .await
            .unwrap());
        assert!(analysis(&t.db, f.org, SamAnnual, 2032)
            .await
            .unwrap()
            .is_none());
    }
}

#[tokio::test]
async fn an_action_at_a_node_may_go_to_its_people_the_managers_below_and_the_hr_serving_it() {
    use app::actions::db::responsible_candidates;
    use app::domain::Role;
    use app::org::keeping_db::{add_person, add_role};

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let dept = app::org::db::insert_node(&t.db, Some(f.org), "Avdelning", "avdelning")
            .await
            .unwrap();
        let below = app::org::db::insert_node(&t.db, Some(dept), "Enhet B", "enhet")
            .await
            .unwrap();
        let person = |name: &'static str| {
            let db = t.db.clone();
            let org = f.org;
            async move {
                let email = format!("{}@kommun.se", name.to_lowercase());
                add_person(&db, org, name, &email, None).await.unwrap()
            }
        };
        let (hr, head, chef, staff, other) = (
            person("Hr").await,
            person("Avdelningschef").await,
            person("Enhetschef").await,
            person("Medarbetare").await,
            person("Annan").await,
        );
        for (who, node, role) in [
            (hr, f.org, Role::Hr),
            (head, dept, Role::Chef),
            (chef, below, Role::Chef),
            (staff, below, Role::Medarbetare),
            (other, f.unit, Role::Chef),
        ] {
            add_role(&t.db, who, node, role, "").await.unwrap();
        }
        let ids = |list: Vec<(i64, String)>| list.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
        let mut expected = vec![head, chef, hr];
        expected.sort_unstable();
        let mut got = ids(responsible_candidates(&t.db, dept).await.unwrap());
        got.sort_unstable();
        assert_eq!(
            got, expected,
            "{}: the department's own, its managers below, HR",
            t.engine
        );
        let mut unit = ids(responsible_candidates(&t.db, below).await.unwrap());
        unit.sort_unstable();
        let mut expected = vec![chef, staff, hr];
        expected.sort_unstable();
        assert_eq!(unit, expected, "{}: a unit's own people and HR", t.engine);
    }
}
