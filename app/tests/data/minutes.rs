//! Minutes and the action plan against real databases: attendance, notes per item, actions
//! written down at the meeting, and published versions that later changes never alter. Each on
//! SQLite and PostgreSQL.

use crate::common;

use app::domain::{ActionStatus, CheckedAction, Role};
use app::meetings::db as agenda_db;
use app::minutes::db::ItemSave;
use app::minutes::{db, snapshot, Attendee, PublishedMinutes};
use chrono::NaiveDate;
use common::{fixture, fresh_databases, plan_with_meeting};

#[tokio::test]
async fn minutes_are_kept_published_as_versions_and_actions_planned() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let (_, meeting) = plan_with_meeting(&t.db, &f, day).await;
        let bo = app::auth::db::upsert_person(&t.db, "Bo Berg", "bo@example.se", None, None)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, f.person, f.unit, Role::Chef)
            .await
            .unwrap();
        app::auth::db::grant_role(&t.db, bo, f.unit, Role::Medarbetare)
            .await
            .unwrap();
        let section = agenda_db::add_section(&t.db, meeting, "Övrigt")
            .await
            .unwrap();
        let item = agenda_db::add_item(
            &t.db,
            f.unit,
            meeting,
            section,
            &app::domain::CheckedAgendaItem {
                title: "Belysningen".into(),
                description: String::new(),
                presenter: String::new(),
                minutes: 10,
                kind: app::domain::ItemKind::Dialogue,
            },
        )
        .await
        .unwrap();

        db::set_attendance(&t.db, meeting, &[(f.person, true), (bo, false)])
            .await
            .unwrap();
        db::set_attendance(&t.db, meeting, &[(f.person, true), (bo, true)])
            .await
            .unwrap();
        let mut recorded = db::attendance(&t.db, meeting).await.unwrap();
        recorded.sort();
        assert_eq!(
            recorded,
            [(f.person.min(bo), true), (f.person.max(bo), true)],
            "{}",
            t.engine
        );

        assert_eq!(
            db::save_item(
                &t.db,
                meeting,
                item,
                ("", ""),
                "Det är mörkt i korridoren.",
                "Byt armaturer.",
                true
            )
            .await
            .unwrap(),
            ItemSave::Saved
        );
        // A second editor who opened the item before that save is refused, and nothing of
        // theirs overwrites it; one who saw it (line ends as a form sends them) may go on.
        assert_eq!(
            db::save_item(&t.db, meeting, item, ("", ""), "Annat", "", true)
                .await
                .unwrap(),
            ItemSave::Stale,
            "{}",
            t.engine
        );
        assert_eq!(
            db::save_item(&t.db, meeting + 1000, item, ("", ""), "x", "", true)
                .await
                .unwrap(),
            ItemSave::NotFound,
            "{}",
            t.engine
        );
        let action = CheckedAction {
            title: "Beställ nya armaturer".into(),
            responsible: Some(bo),
            due: Some(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()),
        };
        let action_id = db::add_action(&t.db, f.unit, Some(meeting), Some(item), &action, f.person)
            .await
            .unwrap();
        let actions = db::meeting_actions(&t.db, meeting).await.unwrap();
        assert_eq!(actions.len(), 1, "{}", t.engine);
        assert_eq!(actions[0].responsible.as_deref(), Some("Bo Berg"));
        assert_eq!(actions[0].meeting, Some((meeting, day)));

        // Until the minutes are published, their action shows in the unit's plan to editors only.
        let plan_ids = |with_unpublished: bool| {
            let db = t.db.clone();
            let unit = f.unit;
            async move {
                let filter = app::actions::ActionFilter {
                    node_id: unit,
                    with_unpublished,
                    ..app::actions::ActionFilter::default()
                };
                app::actions::db::plan_actions(
                    &db,
                    &filter,
                    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                )
                .await
                .unwrap()
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<_>>()
            }
        };
        assert_eq!(
            plan_ids(true).await,
            vec![action_id],
            "{}: editors",
            t.engine
        );
        assert!(
            plan_ids(false).await.is_empty(),
            "{}: readers, before publishing",
            t.engine
        );

        // Publish version 1.
        let draft = agenda_db::agenda(&t.db, meeting).await.unwrap();
        let attendees = vec![
            Attendee {
                person_id: f.person,
                name: "Anna Andersson".into(),
                present: Some(true),
            },
            Attendee {
                person_id: bo,
                name: "Bo Berg".into(),
                present: None,
            },
        ];
        let first = snapshot(&draft, &attendees, &actions);
        assert_eq!(first.present, ["Anna Andersson"]);
        assert_eq!(first.absent, ["Bo Berg"]);
        assert_eq!(first.sections[0].items[0].decision, "Byt armaturer.");
        assert_eq!(first.actions[0].item.as_deref(), Some("Belysningen"));
        let text = serde_json::to_string(&first).unwrap();
        assert_eq!(
            db::publish(
                &t.db,
                meeting,
                &text,
                f.person,
                app::clock::Clock::system().now()
            )
            .await
            .unwrap(),
            1,
            "{}",
            t.engine
        );
        assert_eq!(
            plan_ids(false).await,
            vec![action_id],
            "{}: readers, once published",
            t.engine
        );

        // A later change is published as version 2; version 1 still reads as it was.
        assert_eq!(
            db::save_item(
                &t.db,
                meeting,
                item,
                ("Det är mörkt i korridoren.\r\n", "Byt armaturer."),
                "Det är mörkt i korridoren och trapphuset.",
                "Byt armaturer.",
                true,
            )
            .await
            .unwrap(),
            ItemSave::Saved
        );
        let draft = agenda_db::agenda(&t.db, meeting).await.unwrap();
        let second = snapshot(&draft, &attendees, &actions);
        assert_ne!(second, first);
        db::publish(
            &t.db,
            meeting,
            &serde_json::to_string(&second).unwrap(),
            f.person,
            app::clock::Clock::system().now(),
        )
        .await
        .unwrap();
        let versions = db::versions(&t.db, meeting).await.unwrap();
        let numbers: Vec<u32> = versions.iter().map(|v| v.version).collect();
        assert_eq!(numbers, [1, 2], "{}", t.engine);
        assert_eq!(versions[0].published_by, "Anna Andersson");
        let old: PublishedMinutes =
            serde_json::from_str(&db::content(&t.db, meeting, 1).await.unwrap().unwrap()).unwrap();
        assert_eq!(old, first, "{}: the published text is never lost", t.engine);
        let last = db::last_published(&t.db, f.unit).await.unwrap().unwrap();
        assert_eq!(
            (last.meeting_id, last.date, last.version),
            (meeting, day, 2)
        );
        let latest: PublishedMinutes = serde_json::from_str(&last.content).unwrap();
        assert_eq!(
            latest, second,
            "{}: the newest version is the one shown",
            t.engine
        );

        // The action plan: the action is there, and moves through its statuses.
        assert!(
            db::set_status(&t.db, f.unit, action_id, ActionStatus::InProgress)
                .await
                .unwrap()
        );
        assert!(
            !db::set_status(&t.db, f.unit + 1000, action_id, ActionStatus::Done)
                .await
                .unwrap()
        );
        let plan_actions = db::unit_actions(&t.db, f.unit).await.unwrap();
        assert_eq!(
            plan_actions[0].status,
            ActionStatus::InProgress,
            "{}",
            t.engine
        );
        assert!(db::remove_action(&t.db, meeting, action_id).await.unwrap());
        assert!(db::unit_actions(&t.db, f.unit).await.unwrap().is_empty());
    }
}
