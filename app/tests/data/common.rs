//! A fresh database per test, on every engine: a new SQLite file, and a new PostgreSQL database
//! when `ARSHJUL_TEST_PG_URL` points at a server (the test command starts one). In CI the
//! PostgreSQL URL is required, so a missing server fails instead of silently skipping.

use std::sync::atomic::{AtomicU32, Ordering};

use app::db::Db;

/// One engine's fresh, migrated database. Keeps its temporary folder alive.
pub struct TestDb {
    /// Which engine, for assertion messages.
    pub engine: &'static str,
    /// The pool.
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "arshjul_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

/// Fresh databases on SQLite and (when configured) PostgreSQL.
pub async fn fresh_databases() -> Vec<TestDb> {
    let mut dbs = Vec::new();

    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}/test.db", dir.path().display());
    let db = Db::connect(&url).await.expect("sqlite connects");
    db.migrate().await.expect("sqlite migrates");
    dbs.push(TestDb {
        engine: "sqlite",
        db,
        _dir: Some(dir),
    });

    if let Some(url) = fresh_postgres_url().await {
        let db = Db::connect(&url).await.expect("postgres connects");
        db.migrate().await.expect("postgres migrates");
        dbs.push(TestDb {
            engine: "postgres",
            db,
            _dir: None,
        });
    }
    dbs
}

/// The URL of a new, empty PostgreSQL database on the server `ARSHJUL_TEST_PG_URL` names;
/// `None` locally without one (in CI that is an error).
pub async fn fresh_postgres_url() -> Option<String> {
    match std::env::var("ARSHJUL_TEST_PG_URL") {
        Ok(base) => {
            let admin = Db::connect(&base).await.expect("postgres admin connects");
            let name = unique_name();
            if let Db::Postgres(pool) = &admin {
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(pool)
                    .await
                    .expect("create test database");
            }
            let (prefix, _) = base.rsplit_once('/').expect("URL with a database name");
            Some(format!("{prefix}/{name}"))
        }
        Err(_) if std::env::var("CI").is_ok() => {
            panic!("ARSHJUL_TEST_PG_URL must point at PostgreSQL in CI");
        }
        Err(_) => {
            eprintln!("ARSHJUL_TEST_PG_URL not set: PostgreSQL tests skipped locally");
            None
        }
    }
}

/// An organisation with the default wheel, one unit and one person: what most tests start from.
pub struct Fixture {
    /// The organisation's root node.
    pub org: i64,
    /// A unit under it.
    pub unit: i64,
    /// A person (no role) who makes changes.
    pub person: i64,
}

/// Creates the fixture in `db`.
pub async fn fixture(db: &Db) -> Fixture {
    use app::auth::db as auth_db;
    use app::org::db as org_db;
    let org = org_db::insert_node(db, None, "Kommun", "kommun")
        .await
        .unwrap();
    app::plan::template::install_default_wheel(db, org)
        .await
        .unwrap();
    let unit = org_db::insert_node(db, Some(org), "Enhet", "enhet")
        .await
        .unwrap();
    let person = auth_db::upsert_person(db, "Anna Andersson", "anna@example.se", None, None)
        .await
        .unwrap();
    Fixture { org, unit, person }
}

/// The unit's plan for `date`'s year with one APT that day (13–14 in "Eken"): (plan, meeting).
pub async fn plan_with_meeting(db: &Db, f: &Fixture, date: chrono::NaiveDate) -> (i64, i64) {
    use app::plan::db::{self as plan_db, Change, NewMeeting};
    use chrono::{Datelike, NaiveTime};
    let plan = plan_db::create_plan_from_template(db, f.unit, f.org, date.year())
        .await
        .unwrap();
    let change = Change {
        plan_id: plan,
        version: plan_db::plan_version(db, plan).await.unwrap().unwrap(),
        person_id: f.person,
        note: "lade till APT",
        at: app::clock::Clock::system().now(),
    };
    let meeting = NewMeeting {
        date,
        start: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        location: "Eken".into(),
        online_link: None,
    };
    let meeting = plan_db::add_meeting(db, &change, &meeting).await.unwrap();
    (plan, meeting)
}
