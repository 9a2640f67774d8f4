//! Årshjul's server as a library: the configuration, the state made from it, and the router
//! with every route and layer. The binary (`main.rs`) reads the environment and serves it; tests
//! build the same router and drive it in-process.

pub mod access;
pub mod admin;
pub mod archive_routes;
pub mod attachment_routes;
pub mod audit_layer;
pub mod backup;
pub mod calendar_routes;
pub mod chart_style;
pub mod config;
pub mod coop_archive_route;
pub mod coop_bilaga_routes;
pub mod download;
pub mod env_report_chart;
pub mod env_report_routes;
pub mod executor;
pub mod export_routes;
pub mod export_tables;
pub mod frozen_bilaga;
pub mod health_chart;
pub mod health_routes;
pub mod import_routes;
pub mod offline;
pub mod oidc_routes;
pub mod pdf;
pub mod protocol_pdf_route;
pub mod request_limits;
pub mod router;
pub mod routes;
pub mod security;
pub mod unit_pdf_routes;

use axum::extract::FromRef;
use axum::Router;
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
    /// What lays out the PDF documents.
    pub pdf: pdf::PdfEngine,
}

/// The whole app on a migrated database: seeds the demo organisation in demo mode, starts the
/// background jobs (outbox, reminders, session clean-up) and builds the router.
pub async fn app(config: &Config, db: Db, leptos_options: LeptosOptions) -> anyhow::Result<Router> {
    executor::init();
    if config.clock.is_moved() {
        tracing::warn!(today = %config.clock.today(), "the clock is moved (ARSHJUL_TODAY)");
    }
    if config.demo && app::org::demo::seed_if_empty(&db, config.clock.year()).await? {
        tracing::info!("demo organisation seeded");
        if config.demo_city {
            let started = std::time::Instant::now();
            let city = app::org::demo::seed_city(&db, config.clock.today()).await?;
            tracing::info!(
                nodes = city.nodes,
                people = city.people,
                seconds = started.elapsed().as_secs(),
                "city demo seeded"
            );
        }
    }

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
        pdf: pdf::PdfEngine::new(&config.pdf_engine),
        leptos_options: leptos_options.clone(),
        app: AppState {
            db,
            demo: config.demo,
            mailer,
            outbox_wake,
            public_url: config.public_url.clone(),
            session_limits: config.session_limits,
            trust_proxy: config.trust_proxy,
            refusal_gate: std::sync::Arc::default(),
            org_tree: std::sync::Arc::default(),
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
            cookies: app::auth::cookies::SessionCookies::new(
                config.session_secret.as_deref(),
                config.secure_cookies,
                config.session_limits.absolute,
            ),
        },
    };
    app::auth::session::spawn_cleanup(&state.app);
    app::audit::spawn_refusal_flush(&state.app);
    Ok(router::build(state, config))
}
