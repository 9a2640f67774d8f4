//! Årshjul's server: reads the configuration, opens and migrates the database, seeds the demo
//! organisation in demo mode, and serves the Leptos app with sessions and compression.

use std::process::ExitCode;

use axum::serve::ListenerExt;
use leptos::prelude::*;

use app::db::Db;
use server::config::{self, Config};
use server::{admin, backup};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
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
    let is_admin_command = matches!(
        args.first().map(String::as_str),
        Some("create-admin" | "import" | "set-password")
    );

    // The admin command needs only the database, not a session secret.
    let database_url = match &config {
        Ok(c) => c.database_url.clone(),
        Err(_) if is_admin_command => {
            std::env::var("DATABASE_URL").unwrap_or_else(|_| config::DEFAULT_SQLITE_URL.to_string())
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
        return match args.first().map(String::as_str) {
            Some("import") => admin::import(&db, &args).await,
            Some("set-password") => admin::set_password(&db, &args).await,
            _ => admin::create_admin(&db, &args).await,
        };
    }
    let config = config?;

    let conf = get_configuration(None)?;
    let mut leptos_options = conf.leptos_options;
    if std::env::var("LEPTOS_HASH_FILES").is_err() {
        // The build always hashes asset names (Cargo.toml: hash-files = true).
        leptos_options.hash_files = true;
    }
    let addr = leptos_options.site_addr;
    let router = server::app(&config, db, leptos_options).await?;

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
