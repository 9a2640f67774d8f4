//! Årshjul's server: reads the configuration, opens and migrates the database, seeds the demo
//! organisation in demo mode, and serves the Leptos app with sessions and compression.

mod access;
mod admin;
mod archive_routes;
mod attachment_routes;
mod audit_layer;
mod backup;
mod calendar_routes;
mod config;
mod export_routes;
mod export_tables;
mod offline;
mod oidc_routes;
mod router;
mod routes;
mod security;
mod sessions;

use std::process::ExitCode;

use axum::extract::FromRef;
use axum::serve::ListenerExt;
use leptos::prelude::*;

use app::db::Db;
use app::state::AppState;

use crate::config::Config;

/// The largest request body outside attachment uploads: a form or a server function's
/// arguments (the longest minutes fit many times over).
pub const BODY_LIMIT: usize = 1024 * 1024;

/// The axum state: Leptos options for rendering and the app state for server functions.
#[derive(Clone, FromRef)]
pub struct ServerState {
    /// Leptos' settings (site root, address, hashed file names).
    pub leptos_options: LeptosOptions,
    /// Database and mode.
    pub app: AppState,
    /// The service worker made for this build (`/sw.js`).
    pub service_worker: offline::ServiceWorker,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err:#}");
            eprintln!("Årshjul kunde inte starta: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Backup and restore work on the database file alone: no configuration, no migration.
    if let Some(command @ ("backup" | "restore")) = args.first().map(String::as_str) {
        let url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| config::DEFAULT_SQLITE_URL.into());
        let Some(file) = args.get(1) else {
            anyhow::bail!("usage: server {command} <file>");
        };
        let file = std::path::Path::new(file);
        return if command == "backup" {
            backup::backup(&url, file).await
        } else {
            backup::restore(&url, file).await
        };
    }
    let config = Config::from_env();
    let is_admin_command = args.first().map(String::as_str) == Some("create-admin");

    // The admin command needs only the database, not a session secret.
    let database_url = match &config {
        Ok(c) => c.database_url.clone(),
        Err(_) if is_admin_command => {
            std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/arshjul.db".to_string())
        }
        Err(e) => anyhow::bail!("{e:#}"),
    };
    if let Ok(c) = &config {
        c.prepare_sqlite_dir()?;
    } else {
        std::fs::create_dir_all("data").ok();
    }
    let db = Db::connect(&database_url).await?;
    db.migrate()
        .await
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;

    if is_admin_command {
        return admin::create_admin(&db, &args).await;
    }
    let config = config?;

    if config.clock.is_moved() {
        tracing::warn!(today = %config.clock.today(), "the clock is moved (ARSHJUL_TODAY)");
    }
    if config.demo && app::org::demo::seed_if_empty(&db, config.clock.year()).await? {
        tracing::info!("demo organisation seeded");
    }

    let store = sessions::AnyStore::new(&db).await?;
    store.spawn_cleanup();

    let conf = get_configuration(None)?;
    let mut leptos_options = conf.leptos_options;
    if std::env::var("LEPTOS_HASH_FILES").is_err() {
        // The build always hashes asset names (Cargo.toml: hash-files = true).
        leptos_options.hash_files = true;
    }
    let addr = leptos_options.site_addr;
    let mailer = match &config.smtp {
        Some(settings) => {
            let mailer = std::sync::Arc::new(app::notices::mail::Mailer::new(settings)?);
            tracing::info!(host = %settings.host, port = settings.port, "notices are mailed over SMTP");
            Some(mailer)
        }
        None => {
            tracing::info!("no SMTP server configured: notices stay in the outbox");
            None
        }
    };
    let outbox_wake = std::sync::Arc::new(tokio::sync::Notify::new());
    if let Some(mailer) = &mailer {
        app::notices::worker::spawn(
            db.clone(),
            mailer.clone(),
            outbox_wake.clone(),
            config.clock,
        );
    }
    app::actions::reminders::spawn(
        db.clone(),
        mailer.is_some(),
        config.public_url.clone(),
        outbox_wake.clone(),
        config.clock,
    );
    let state = ServerState {
        service_worker: offline::ServiceWorker::for_build(&leptos_options),
        leptos_options: leptos_options.clone(),
        app: AppState {
            db,
            demo: config.demo,
            mailer,
            outbox_wake,
            public_url: config.public_url.clone(),
            session_limits: config.session_limits,
            trust_proxy: config.trust_proxy,
            sign_in_throttle: std::sync::Arc::new(app::auth::throttle::SignInThrottle::new(
                config.sign_in_attempts_per_hour,
            )),
            sign_in: app::state::SignInSettings {
                local_accounts: config.local_accounts,
                oidc: config
                    .oidc
                    .clone()
                    .map(app::auth::oidc::OidcProvider::new)
                    .transpose()?
                    .map(std::sync::Arc::new),
            },
            clock: config.clock,
        },
    };
    let router = router::build(state, store, &config);

    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("Årshjul körs på http://{addr}");
    if config.demo {
        println!("Demoläge: logga in med ett av demokontona som listas på inloggningssidan.");
    }
    axum::serve(
        listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        }),
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
