//! Application state handed to every server function and page through Leptos context.

use std::sync::Arc;

use crate::auth::cookies::SessionCookies;
use crate::auth::oidc::provider::OidcProvider;
use crate::auth::throttle::SignInThrottle;
use crate::clock::Clock;
use crate::db::Db;
use crate::domain::SessionLimits;
use crate::error::AppError;
use crate::notices::mail::Mailer;

/// What the server shares with every request: the database, the mode it runs in, and how mail
/// goes out.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The connection pool.
    pub db: Db,
    /// Demo mode: the demo organisation and its sign-ins are offered on the sign-in page.
    pub demo: bool,
    /// The SMTP transport, when configured; without it notices stay in the outbox.
    pub mailer: Option<Arc<Mailer>>,
    /// Wakes the outbox worker when a notice is queued.
    pub outbox_wake: Arc<tokio::sync::Notify>,
    /// The address links in e-mail and calendar addresses point to (`ARSHJUL_PUBLIC_URL`,
    /// required outside demo mode); read it through [`AppState::link_origin`].
    pub public_url: Option<String>,
    /// How long a signed-in session lives idle and in all.
    pub session_limits: SessionLimits,
    /// Behind a reverse proxy: the client's address is read from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// Sign-in attempts per client address.
    pub sign_in_throttle: Arc<SignInThrottle>,
    /// How many refusals per client the audit trail takes one by one.
    pub refusal_gate: Arc<crate::audit::refusal_gate::RefusalGate>,
    /// The ways people may sign in.
    pub sign_in: SignInSettings,
    /// The one clock every "today" and "now" comes from (moved by `ARSHJUL_TODAY` in demo mode).
    pub clock: Clock,
    /// The browser's session cookies: their key and attributes.
    pub cookies: SessionCookies,
    /// The organisation tree kept between requests, read again only after it changed; read it
    /// through [`AppState::org_tree`].
    pub org_tree: Arc<crate::org::tree_cache::TreeCache>,
}

impl AppState {
    /// The whole organisation tree, for pages that list or roll up units across it: one small
    /// query per call while the tree is unchanged (see [`crate::org::tree_cache`]).
    pub async fn org_tree(&self) -> sqlx::Result<Arc<crate::org::db::LoadedTree>> {
        self.org_tree.tree(&self.db).await
    }

    /// Where links made for people point: the public address, or in the demo (which may run
    /// without one) the address the request came to.
    pub fn link_origin(&self) -> String {
        self.public_url.clone().unwrap_or_else(request_origin)
    }
}

/// The address this request came to (`http://host`), for links in the demo.
fn request_origin() -> String {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let header = |name: &str| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name))
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let host = header("host").unwrap_or_else(|| "127.0.0.1:3000".to_string());
    let scheme = header("x-forwarded-proto").unwrap_or_else(|| "http".to_string());
    format!("{scheme}://{host}")
}

/// The ways people may sign in (`ARSHJUL_LOCAL_ACCOUNTS`, `ARSHJUL_OIDC_*`).
#[derive(Clone, Debug)]
pub struct SignInSettings {
    /// E-mail and password; off when the organisation signs in through its provider only.
    pub local_accounts: bool,
    /// The organisation's OpenID Connect provider, when configured.
    pub oidc: Option<Arc<OidcProvider>>,
}

impl Default for SignInSettings {
    /// Local accounts only: the embedded default.
    fn default() -> SignInSettings {
        SignInSettings {
            local_accounts: true,
            oidc: None,
        }
    }
}

/// The state of the running server; a missing state is a wiring bug, logged and reported plainly.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context", "no state"))
}
