//! The backup command's round trip on a real SQLite file: an online backup taken while the
//! database is open, more writes after it, a restore, and the database reads exactly as it was
//! at the backup (the replaced one kept beside it).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

use std::process::Command;

use app::auth::db::{find_login, upsert_person};
use app::db::Db;

fn server(args: &[&str], url: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs")
}

async fn close(db: Db) {
    app::with_db!(&db, pool => pool.close().await);
}

#[tokio::test]
async fn a_backup_restores_the_database_as_it_was_when_taken() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/live.db", dir.path().display());
    let backup = dir.path().join("kopia.db");
    let backup_arg = backup.to_str().unwrap();

    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    upsert_person(&db, "Före Kopian", "fore@example.se", None, None)
        .await
        .unwrap();

    // Online: the pool stays open while the copy is taken.
    let out = server(&["backup", backup_arg], &url);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("kontrollerad"));
    let again = server(&["backup", backup_arg], &url);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );

    upsert_person(&db, "Efter Kopian", "efter@example.se", None, None)
        .await
        .unwrap();
    close(db).await;

    let out = server(&["restore", backup_arg], &url);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    assert!(find_login(&db, "fore@example.se").await.unwrap().is_some());
    assert!(find_login(&db, "efter@example.se").await.unwrap().is_none());
    let integrity: String = app::with_db!(&db, pool => {
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await
    })
    .unwrap();
    assert_eq!(integrity, "ok");
    close(db).await;

    let kept = format!("sqlite://{}/live.db.before-restore", dir.path().display());
    let kept = Db::connect(&kept).await.unwrap();
    assert!(find_login(&kept, "efter@example.se")
        .await
        .unwrap()
        .is_some());
    close(kept).await;

    // A file that is not a database is refused, and the database is left as it was.
    let junk = dir.path().join("skräp.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let out = server(&["restore", junk.to_str().unwrap()], &url);
    assert!(!out.status.success());
}
