//! Server-side sessions in the product's own database (SQLite or PostgreSQL), behind a signed,
//! HttpOnly, SameSite=Lax cookie.

use async_trait::async_trait;
use sha2::{Digest, Sha512};
use tower_sessions::cookie::{Key, SameSite};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use app::db::Db;

use crate::config::Config;

/// The session store of whichever engine the product runs on.
#[derive(Clone, Debug)]
pub enum AnyStore {
    /// Sessions in the SQLite file.
    Sqlite(SqliteStore),
    /// Sessions in PostgreSQL.
    Postgres(PostgresStore),
}

impl AnyStore {
    /// Creates the store and its table.
    pub async fn new(db: &Db) -> anyhow::Result<AnyStore> {
        Ok(match db {
            Db::Sqlite(pool) => {
                let store = SqliteStore::new(pool.clone());
                store.migrate().await?;
                AnyStore::Sqlite(store)
            }
            Db::Postgres(pool) => {
                let store = PostgresStore::new(pool.clone());
                store.migrate().await?;
                AnyStore::Postgres(store)
            }
        })
    }

    /// Deletes expired sessions once a minute, for as long as the server runs.
    pub fn spawn_cleanup(&self) {
        let store = self.clone();
        tokio::spawn(async move {
            let period = tokio::time::Duration::from_secs(60);
            let result = match store {
                AnyStore::Sqlite(s) => s.continuously_delete_expired(period).await,
                AnyStore::Postgres(s) => s.continuously_delete_expired(period).await,
            };
            if let Err(err) = result {
                tracing::error!(%err, "session cleanup stopped");
            }
        });
    }
}

#[async_trait]
impl SessionStore for AnyStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.create(record).await,
            AnyStore::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.save(record).await,
            AnyStore::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            AnyStore::Sqlite(s) => s.load(id).await,
            AnyStore::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.delete(id).await,
            AnyStore::Postgres(s) => s.delete(id).await,
        }
    }
}

/// The cookie signing key: derived from the configured secret, or random per start in demo mode.
fn signing_key(config: &Config) -> Key {
    match &config.session_secret {
        Some(secret) => Key::from(&Sha512::digest(secret.as_bytes())),
        None => Key::generate(),
    }
}

/// The cookie's name: with the `__Host-` prefix whenever it is Secure, so the browser holds it to
/// this host and path `/` only (no subdomain can set or shadow it). A plain-HTTP demo cannot use
/// the prefix, which requires Secure.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-arshjul_session"
    } else {
        "arshjul_session"
    }
}

/// The session layer. The cookie record lives as long as a session may (the absolute limit);
/// the idle and absolute limits themselves are checked against `sign_in_sessions`.
pub fn layer(
    store: AnyStore,
    config: &Config,
) -> SessionManagerLayer<AnyStore, tower_sessions::service::SignedCookie> {
    let lifetime = time::Duration::seconds(config.session_limits.absolute.num_seconds());
    SessionManagerLayer::new(store)
        .with_name(cookie_name(config.secure_cookies))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(lifetime))
        .with_signed(signing_key(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secure_cookie_carries_the_host_prefix() {
        assert_eq!(cookie_name(true), "__Host-arshjul_session");
        assert_eq!(cookie_name(false), "arshjul_session");
    }
}
