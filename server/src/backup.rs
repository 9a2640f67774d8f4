//! Backup and restore of the embedded SQLite database from the command line.
//!
//! `server backup <file>` takes an online, consistent copy while the server runs (SQLite's
//! `VACUUM INTO`: one read transaction, so writers carry on) and checks it. `server restore <file>`
//! checks a backup and puts it in place of the database; the server must be stopped, and the
//! database it replaces is kept beside it as `<name>.before-restore`. PostgreSQL deployments back
//! up with `pg_dump` and replication instead (docs/OPERATIONS.md).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

/// The file of a `sqlite://` database URL; an error for PostgreSQL or an in-memory database.
pub fn sqlite_file(database_url: &str) -> anyhow::Result<PathBuf> {
    if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
        bail!(
            "backup and restore here are for the embedded SQLite database; \
             back up PostgreSQL with pg_dump (see docs/OPERATIONS.md)"
        );
    }
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .unwrap_or(database_url);
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        bail!("an in-memory database has nothing to back up");
    }
    Ok(PathBuf::from(path))
}

/// Opens a SQLite file as it is (no migration, not created when missing).
async fn open(path: &Path, read_only: bool) -> anyhow::Result<sqlx::SqliteConnection> {
    SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .read_only(read_only)
        .create_if_missing(false)
        .connect()
        .await
        .with_context(|| format!("opening {}", path.display()))
}

/// `PRAGMA integrity_check` and the schema's migration count, or why the file is not usable.
async fn check(path: &Path) -> anyhow::Result<i64> {
    let mut conn = open(path, true).await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?;
    if integrity != "ok" {
        bail!("{} fails the integrity check: {integrity}", path.display());
    }
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is not an Årshjul database", path.display()))?;
    conn.close().await?;
    Ok(migrations)
}

/// Writes a consistent copy of the database to `target` (which must not exist) and checks it.
pub async fn backup(database_url: &str, target: &Path) -> anyhow::Result<()> {
    let source = sqlite_file(database_url)?;
    if target.exists() {
        bail!(
            "{} already exists; choose a new file name",
            target.display()
        );
    }
    let mut conn = open(&source, false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(target.to_string_lossy().as_ref())
        .execute(&mut conn)
        .await
        .with_context(|| format!("writing the backup to {}", target.display()))?;
    conn.close().await?;
    let migrations = check(target).await?;
    println!(
        "Säkerhetskopian är sparad i {} (kontrollerad, schemaversion {migrations}).",
        target.display()
    );
    Ok(())
}

/// Puts the backup at `source` in place of the database. The server must be stopped.
pub async fn restore(database_url: &str, source: &Path) -> anyhow::Result<()> {
    let target = sqlite_file(database_url)?;
    let migrations = check(source).await?;
    let mut staged = target.clone().into_os_string();
    staged.push(".restoring");
    let staged = PathBuf::from(staged);
    std::fs::copy(source, &staged)
        .with_context(|| format!("copying {} beside the database", source.display()))?;
    if target.exists() {
        // Fold the old database's write-ahead log in and keep it beside the restored one.
        let mut old = open(&target, false).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut old)
            .await?;
        old.close().await?;
        let mut kept = target.clone().into_os_string();
        kept.push(".before-restore");
        std::fs::rename(&target, &kept).context("keeping the replaced database")?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    std::fs::rename(&staged, &target).context("putting the backup in place")?;
    println!(
        "Databasen {} är återställd från {} (schemaversion {migrations}). Den ersatta finns kvar som {}.before-restore.",
        target.display(),
        source.display(),
        target.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(
            sqlite_file("sqlite://data/arshjul.db?mode=rwc").unwrap(),
            PathBuf::from("data/arshjul.db")
        );
        assert!(sqlite_file("postgres://u@h/db").is_err());
        assert!(sqlite_file("sqlite::memory:").is_err());
    }
}
