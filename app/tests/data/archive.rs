//! The archive export against real databases: the demo's archived year comes out as minutes of
//! every published version, agendas and the action plan, each with its index line; an employee
//! is refused before anything is read. On SQLite and PostgreSQL.

use std::sync::Arc;

use crate::common::fresh_databases;

use app::auth::db as auth_db;
use app::auth::session::Viewer;
use app::auth::throttle::SignInThrottle;
use app::db::Db;
use app::error::AppError;
use app::org::{db as org_db, demo};
use app::retention::archive::unit_archive;
use app::state::AppState;

fn state(db: &Db) -> AppState {
    AppState {
        db: db.clone(),
        demo: true,
        mailer: None,
        outbox_wake: Arc::new(tokio::sync::Notify::new()),
        public_url: None,
        session_limits: Default::default(),
        trust_proxy: false,
        sign_in_throttle: Arc::new(SignInThrottle::new(100)),
        refusal_gate: Arc::default(),
        org_tree: Arc::default(),
        sign_in: Default::default(),
        clock: app::clock::Clock::system(),
        cookies: app::auth::cookies::SessionCookies::new(None, false, chrono::TimeDelta::hours(1)),
    }
}

async fn viewer(db: &Db, email: &str) -> Viewer {
    let user = auth_db::find_login(db, email).await.unwrap().unwrap().user;
    let memberships = auth_db::memberships(db, user.id).await.unwrap();
    Viewer { user, memberships }
}

#[tokio::test]
async fn a_units_records_are_gathered_for_the_archive_by_those_who_keep_them() {
    for t in fresh_databases().await {
        demo::seed_if_empty(&t.db, 2026).await.unwrap();
        let tree = org_db::load_tree(&t.db).await.unwrap();
        let unit = tree
            .nodes
            .values()
            .find(|n| n.name == "Barn- och ungdomsenheten")
            .unwrap()
            .id;
        let state = state(&t.db);

        let chef = viewer(&t.db, "ingrid.astrom@exempelstad.se").await;
        let archive = unit_archive(&state, &chef, unit).await.unwrap();
        assert_eq!(archive.unit_name, "Barn- och ungdomsenheten");
        let minutes: Vec<_> = archive
            .files
            .iter()
            .filter(|f| f.kind == "Minnesanteckningar")
            .collect();
        assert_eq!(minutes.len(), 2, "{}", t.engine);
        assert_eq!(minutes[0].date, "2019-01-08");
        assert_eq!(minutes[0].version, "1");
        assert_eq!(minutes[0].by, "Ingrid Åström");
        assert!(minutes[0]
            .path
            .starts_with("minnesanteckningar/2019-01-08_apt_"));
        assert!(minutes[0]
            .text
            .contains("Anteckningar: Genomgång av föregående minnesanteckningar."));
        let agendas = archive
            .files
            .iter()
            .filter(|f| f.kind == "Dagordning")
            .count();
        assert_eq!(agendas, 2, "{}", t.engine);

        let hr_above = viewer(&t.db, "fredrik.holmqvist@exempelstad.se").await;
        assert!(unit_archive(&state, &hr_above, unit).await.is_ok());

        let employee = viewer(&t.db, "gabriel.mendoza@exempelstad.se").await;
        assert!(matches!(
            unit_archive(&state, &employee, unit).await,
            Err(AppError::Forbidden)
        ));
    }
}
