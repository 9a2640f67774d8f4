//! HR's audit log against real databases: a page reads exactly the subtree asked for (and the
//! entries of no node only at a root), filters on category, person and period, and pages by id.
//! Also: the audit catalogue names every registered server function, so a new one is classed as
//! a read or a change on purpose. Each on SQLite and PostgreSQL.

use crate::common;

use app::audit::catalogue::{catalogued_endpoints, EntryCategory};
use app::audit::db::{append, log_page, LogQuery, NewEntry};
use chrono::Duration;
use common::{fixture, fresh_databases};

fn entry(action: &str, actor: &str, node_id: Option<i64>) -> NewEntry {
    NewEntry {
        actor_id: None,
        actor: actor.into(),
        action: action.into(),
        node_id,
        subject: "meeting_id=1".into(),
        detail: String::new(),
        address: "10.0.0.1".into(),
    }
}

#[tokio::test]
async fn a_log_page_reads_its_subtree_filtered_and_paged() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let other_unit = app::org::db::insert_node(&t.db, Some(f.org), "Annan", "annan")
            .await
            .unwrap();
        let now = app::clock::Clock::system().now();
        let long_ago = now - Duration::days(40);
        append(
            &t.db,
            &entry("plan/mote/ny", "Åsa Öberg", Some(f.unit)),
            long_ago,
        )
        .await
        .unwrap();
        append(&t.db, &entry("sign_in", "Åsa Öberg", Some(f.unit)), now)
            .await
            .unwrap();
        append(&t.db, &entry("refused", "", Some(other_unit)), now)
            .await
            .unwrap();
        append(&t.db, &entry("mall/regler", "Hanna HR", None), now)
            .await
            .unwrap();
        append(
            &t.db,
            &entry("dagordning/punkt/ny", "Bo 100%_sant", Some(f.unit)),
            now,
        )
        .await
        .unwrap();
        let base = LogQuery {
            node_id: f.unit,
            limit: 50,
            ..LogQuery::default()
        };
        let actions = |rows: Vec<app::audit::db::LogRow>| {
            rows.into_iter().map(|r| r.action).collect::<Vec<_>>()
        };

        // The unit's own entries, newest first; not the other unit's, not the unplaced one.
        let unit = log_page(&t.db, &base).await.unwrap();
        assert_eq!(
            actions(unit.clone()),
            ["dagordning/punkt/ny", "sign_in", "plan/mote/ny"],
            "{}",
            t.engine
        );
        assert_eq!(unit[0].node_name.as_deref(), Some("Enhet"));

        // The root with the unplaced entries: everything.
        let root = LogQuery {
            node_id: f.org,
            unplaced: true,
            ..base.clone()
        };
        assert_eq!(
            log_page(&t.db, &root).await.unwrap().len(),
            5,
            "{}",
            t.engine
        );

        // Categories.
        let only = |category| LogQuery {
            category: Some(category),
            ..root.clone()
        };
        assert_eq!(
            actions(
                log_page(&t.db, &only(EntryCategory::Refused))
                    .await
                    .unwrap()
            ),
            ["refused"]
        );
        assert_eq!(
            actions(
                log_page(&t.db, &only(EntryCategory::SignIns))
                    .await
                    .unwrap()
            ),
            ["sign_in"]
        );
        assert_eq!(
            log_page(&t.db, &only(EntryCategory::Changes))
                .await
                .unwrap()
                .len(),
            3
        );

        // Person, whatever the case (and LIKE's own characters taken literally).
        let person = |text: &str| LogQuery {
            person: Some(text.into()),
            ..root.clone()
        };
        assert_eq!(log_page(&t.db, &person("Åsa")).await.unwrap().len(), 2);
        assert_eq!(
            log_page(&t.db, &person("öberg")).await.unwrap().len(),
            2,
            "{}",
            t.engine
        );
        assert_eq!(log_page(&t.db, &person("100%_")).await.unwrap().len(), 1);
        assert_eq!(log_page(&t.db, &person("1%0")).await.unwrap().len(), 0);

        // Period: the old entry only before the last month.
        let recent = LogQuery {
            from: Some(now - Duration::days(1)),
            ..root.clone()
        };
        assert_eq!(log_page(&t.db, &recent).await.unwrap().len(), 4);
        let old = LogQuery {
            until: Some(now - Duration::days(1)),
            ..root.clone()
        };
        assert_eq!(
            actions(log_page(&t.db, &old).await.unwrap()),
            ["plan/mote/ny"]
        );

        // Paging by id.
        let first = log_page(
            &t.db,
            &LogQuery {
                limit: 2,
                ..root.clone()
            },
        )
        .await
        .unwrap();
        assert_eq!(first.len(), 2);
        let rest = log_page(
            &t.db,
            &LogQuery {
                before: Some(first[1].id),
                ..root.clone()
            },
        )
        .await
        .unwrap();
        assert_eq!(rest.len(), 3);
        assert!(rest.iter().all(|r| r.id < first[1].id));
    }
}

#[test]
fn the_audit_catalogue_names_every_server_function() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    assert!(registered.len() > 50, "server functions are registered");
    for path in &registered {
        assert!(
            catalogued_endpoints().any(|e| e == path),
            "{path} is not in app/src/audit/endpoints.rs: class it as a read or a change"
        );
    }
    for endpoint in catalogued_endpoints() {
        assert!(
            registered.iter().any(|p| p == endpoint),
            "{endpoint} is catalogued but no server function answers there"
        );
    }
}
