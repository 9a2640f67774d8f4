//! `server set-password` on a real SQLite file: every named account gets the password or, when
//! one address is unknown or the password is weak, none does; the trail records each.

use std::process::Command;

use app::auth::db::{find_login, upsert_person};
use app::auth::password::verify_password;
use app::db::Db;

fn set_password(url: &str, password: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("set-password")
        .args(args)
        .env("DATABASE_URL", url)
        .env("ARSHJUL_ADMIN_PASSWORD", password)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs")
}

async fn has_password(db: &Db, email: &str, password: &str) -> bool {
    let found = find_login(db, email).await.unwrap().unwrap();
    found
        .password_hash
        .is_some_and(|h| verify_password(password, &h))
}

#[tokio::test]
async fn set_password_gives_every_named_account_the_password_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/arshjul.db", dir.path().display());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    upsert_person(&db, "Greta Gran", "greta@example.se", None, None)
        .await
        .unwrap();
    upsert_person(&db, "Hugo Hassel", "hugo@example.se", None, None)
        .await
        .unwrap();
    let list = dir.path().join("konton.txt");
    std::fs::write(&list, "# the load run's people\nhugo@example.se\n\n").unwrap();
    let good = "blå stolar vid älven";

    let typo = set_password(
        &url,
        good,
        &["--email", "greta@example.se", "--email", "ingen@example.se"],
    );
    assert!(!typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stderr).contains("ingen@example.se"));
    assert!(
        !has_password(&db, "greta@example.se", good).await,
        "a typo changes nothing"
    );

    let short = set_password(&url, "kort", &["--email", "greta@example.se"]);
    assert!(!short.status.success());
    let guessable = set_password(&url, "greta@example.se", &["--email", "greta@example.se"]);
    assert!(
        !guessable.status.success(),
        "one's own address is no password"
    );

    let out = set_password(
        &url,
        good,
        &[
            "--email",
            "Greta@Example.se",
            "--emails-from",
            list.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(has_password(&db, "greta@example.se", good).await);
    assert!(has_password(&db, "hugo@example.se", good).await);
    let recorded: i64 = app::with_db!(&db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'password_set'")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(recorded, 2);
}
