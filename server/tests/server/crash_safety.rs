//! Crash safety, on SQLite and (when configured) PostgreSQL: the real server is killed with
//! SIGKILL in the middle of a burst of writes, started again on the same database, and then
//! the database is consistent (SQLite's integrity and foreign-key checks; the server migrates
//! and answers) and every write the server acknowledged before it died is there.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

use std::collections::HashSet;
use std::io::Read;
use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::db::Db;

use crate::common;
use crate::running_server::{self, free_port};

/// Starts the server in demo mode on `url` and waits until it answers.
fn start(url: &str, port: u16, site: &std::path::Path) -> Child {
    let mut command = running_server::demo_command(url, port, site);
    command.env("ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR", "100000");
    // Writes as fast as four threads can: the per-browser request limit is not what is tested.
    command.env("ARSHJUL_REQUESTS_PER_MINUTE", "0");
    running_server::start(command, port)
}

/// A signed-in client: the base URL and the session cookie.
#[derive(Clone)]
struct Client {
    base: String,
    cookie: String,
    agent: ureq::Agent,
}

impl Client {
    fn sign_in(port: u16, email: &str) -> Client {
        let base = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        let response = agent
            .post(format!("{base}/api/logga-in"))
            .header("Origin", &base)
            .send_form([("email", email), ("password", "demo1234")])
            .expect("sign-in answers");
        assert!(response.status().is_success(), "signed in as {email}");
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .map(str::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        Client {
            base,
            cookie,
            agent,
        }
    }

    /// Posts a server function's form; the status and body, or `None` when the server is gone.
    fn post(&self, endpoint: &str, form: &[(&str, &str)]) -> Option<(u16, String)> {
        let mut response = self
            .agent
            .post(format!("{}/api/{endpoint}", self.base))
            .header("Origin", &self.base)
            .header("Cookie", &self.cookie)
            .send_form(form.iter().copied())
            .ok()?;
        let mut body = String::new();
        response
            .body_mut()
            .as_reader()
            .read_to_string(&mut body)
            .ok()?;
        Some((response.status().as_u16(), body))
    }
}

/// The chef's unit (Hemtjänst Norr) in the demo.
fn unit_of(client: &Client) -> String {
    let (status, body) = client.post("mina-enheter", &[]).expect("units answer");
    assert_eq!(status, 200, "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    page["units"][0]["id"].to_string()
}

/// Proposals from several threads until the server dies; the titles it acknowledged.
fn burst_until_killed(client: &Client, unit: &str, server: &mut Child) -> HashSet<String> {
    let acknowledged = Arc::new(Mutex::new(HashSet::new()));
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let client = client.clone();
            let unit = unit.to_string();
            let acknowledged = acknowledged.clone();
            std::thread::spawn(move || {
                for n in 0.. {
                    let title = format!("Krasch {t}-{n}");
                    let form = action_form(&unit, &title);
                    match client.post("handlingsplan/ny", &form) {
                        Some((status, _)) if (200..300).contains(&status) => {
                            acknowledged.lock().unwrap().insert(title);
                        }
                        Some((status, body)) => panic!("write refused: {status} {body}"),
                        None => break,
                    }
                }
            })
        })
        .collect();
    // Let the burst run, then kill the server without warning.
    std::thread::sleep(Duration::from_millis(1500));
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    for thread in threads {
        thread.join().expect("a writer thread");
    }
    let titles = acknowledged.lock().unwrap().clone();
    titles
}

/// A new action of the unit's action plan (writes without a cap, unlike proposals).
fn action_form<'a>(unit: &'a str, title: &'a str) -> [(&'static str, &'a str); 6] {
    [
        ("unit_id", unit),
        ("source", "round"),
        ("action[title]", title),
        ("action[description]", "Skrivet under ett krasch-test."),
        ("action[responsible]", ""),
        ("action[comment]", ""),
    ]
}

/// Every action title in the database.
async fn stored_titles(db: &Db) -> HashSet<String> {
    let titles: Vec<String> = app::with_db!(db, pool => {
        sqlx::query_scalar("SELECT title FROM actions").fetch_all(pool).await
    })
    .expect("actions read");
    titles.into_iter().collect()
}

async fn crash_and_check(url: &str, engine: &str) {
    let site = tempfile::tempdir().expect("site folder");
    let port = free_port();
    let mut server = start(url, port, site.path());
    let client = Client::sign_in(port, "anna.lindqvist@exempelstad.se");
    let unit = unit_of(&client);

    let acknowledged = burst_until_killed(&client, &unit, &mut server);
    assert!(
        acknowledged.len() >= 5,
        "{engine}: the burst wrote something before the kill ({})",
        acknowledged.len()
    );

    // Started again on the same database: it migrates, answers, and takes writes.
    let port = free_port();
    let mut server = start(url, port, site.path());
    let client = Client::sign_in(port, "anna.lindqvist@exempelstad.se");
    let after = client.post("handlingsplan/ny", &action_form(&unit, "Efter kraschen"));
    assert!(matches!(after, Some((200..=299, _))), "{engine}: {after:?}");
    server.kill().expect("stop");
    let _ = server.wait();

    let db = Db::connect(url).await.expect("the database opens");
    if let Db::Sqlite(pool) = &db {
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(pool)
            .await
            .expect("integrity check");
        assert_eq!(integrity, "ok");
        let broken: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
            .fetch_all(pool)
            .await
            .expect("foreign key check");
        assert!(broken.is_empty(), "dangling references: {broken:?}");
    }
    let stored = stored_titles(&db).await;
    let lost: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{engine}: acknowledged writes lost in the crash: {lost:?}"
    );
    assert!(stored.contains("Efter kraschen"));
    eprintln!(
        "{engine}: {} writes acknowledged before SIGKILL, all present after the restart",
        acknowledged.len()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_server_loses_no_acknowledged_write_and_leaves_a_consistent_database() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}/krasch.db", dir.path().display());
    crash_and_check(&url, "sqlite").await;

    if let Some((url, _database)) = common::fresh_postgres().await {
        crash_and_check(&url, "postgres").await;
    }
}
