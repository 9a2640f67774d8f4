//! The database handle: SQLite (embedded default) or PostgreSQL, chosen by `DATABASE_URL`.
//!
//! Each domain's `db.rs` writes its SQL once, in the dialect both engines accept (`$1`
//! placeholders, `RETURNING`, `WITH RECURSIVE`), and runs it on whichever pool is live through
//! [`with_db!`](crate::with_db). Typed columns (dates, times, booleans) decode on both engines.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

/// A connection pool to the product's database.
#[derive(Clone, Debug)]
pub enum Db {
    /// The embedded default: one file under `./data/`.
    Sqlite(SqlitePool),
    /// For deployments that outgrow one machine.
    Postgres(PgPool),
}

/// Runs the same query code against whichever pool `db` holds.
///
/// The body is compiled once per engine, so every query is type-checked for both.
#[macro_export]
macro_rules! with_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

impl Db {
    /// Opens a pool for `url`: `postgres://…` selects PostgreSQL, anything else is SQLite.
    ///
    /// SQLite runs with WAL, foreign keys on and a busy timeout, and the file is created if missing.
    #[tracing::instrument(skip_all)]
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            return Ok(Db::Postgres(pool));
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    /// Brings the schema up to date; the caller stops the server if this fails.
    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("../migrations/sqlite").run(pool).await,
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        }
    }

    /// Answers when the database answers: used by `/healthz`.
    #[tracing::instrument(skip_all, err)]
    pub async fn ping(&self) -> sqlx::Result<()> {
        with_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    /// True for the PostgreSQL engine (for the few places where the dialects differ).
    pub fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }
}

/// Begins a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`, taking the write
/// lock at the start: a deferred transaction that reads first and writes later cannot wait for
/// another writer (SQLite answers "database is locked" at once instead of using the busy
/// timeout). On PostgreSQL it is a plain `BEGIN`.
pub trait BeginWrite {
    /// The engine.
    type Engine: sqlx::Database;

    /// Begins the transaction.
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = sqlx::Result<sqlx::Transaction<'static, Self::Engine>>> + Send;
}

impl BeginWrite for SqlitePool {
    type Engine = sqlx::Sqlite;

    async fn begin_write(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Engine = sqlx::Postgres;

    async fn begin_write(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        self.begin().await
    }
}

/// `%text%` for `LIKE … ESCAPE '\'`, with the pattern characters in the text escaped: a search
/// field's words matched as they are.
pub fn like_contains(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
