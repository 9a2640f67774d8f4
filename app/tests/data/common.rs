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
    /// Declared after the pool, so it is dropped after it.
    _database: Option<PgDatabase>,
}

/// A test's own PostgreSQL database, dropped when the test is done with it (its connections are
/// ended first), so test runs leave no databases behind on the server.
pub struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop cannot await, and may run inside the test's runtime: a thread of its own runs a
        // small runtime for the one statement.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let admin = Db::connect(&admin_url).await?;
                if let Db::Postgres(pool) = &admin {
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(pool)
                        .await?;
                    pool.close().await;
                }
                anyhow::Ok(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("test database {} was not dropped", self.name);
        }
    }
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
        _database: None,
    });

    if let Some((url, database)) = fresh_postgres().await {
        let db = Db::connect(&url).await.expect("postgres connects");
        db.migrate().await.expect("postgres migrates");
        dbs.push(TestDb {
            engine: "postgres",
            db,
            _dir: None,
            _database: Some(database),
        });
    }
    dbs
}

/// The URL of a new, empty PostgreSQL database on the server `ARSHJUL_TEST_PG_URL` names, and
/// the guard that drops it; `None` locally without one (in CI that is an error).
pub async fn fresh_postgres() -> Option<(String, PgDatabase)> {
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
            let url = format!("{prefix}/{name}");
            Some((
                url,
                PgDatabase {
                    admin_url: base,
                    name,
                },
            ))
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
