//! Settings from the environment, with safe defaults for the embedded (SQLite) mode.
//! Secrets are required outside demo mode and never defaulted.

use anyhow::{bail, Context};
use app::domain::SessionLimits;
use app::notices::mail::{SmtpSettings, SmtpTls};

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: a `postgres://` URL, or SQLite (default `sqlite://data/arshjul.db`).
    pub database_url: String,
    /// `ARSHJUL_DEMO=1`: seed the demo organisation and list its sign-ins.
    pub demo: bool,
    /// `ARSHJUL_SESSION_SECRET`: signs the session cookie; required outside demo mode.
    pub session_secret: Option<String>,
    /// `ARSHJUL_SECURE_COOKIES`: send the session cookie only over HTTPS (default on outside demo).
    pub secure_cookies: bool,
    /// `ARSHJUL_SMTP_HOST` and friends: where notices are mailed. Unset: they stay in the outbox.
    pub smtp: Option<SmtpSettings>,
    /// `ARSHJUL_PUBLIC_URL`: the address links in e-mail point to.
    pub public_url: Option<String>,
    /// `ARSHJUL_SESSION_IDLE_MINUTES` (30) and `ARSHJUL_SESSION_MAX_HOURS` (12): a signed-in
    /// session ends after that long unused, and that long after sign-in in any case.
    pub session_limits: SessionLimits,
    /// `ARSHJUL_TRUST_PROXY=1`: behind a reverse proxy, read the client's address from
    /// `X-Forwarded-For` (never trusted otherwise).
    pub trust_proxy: bool,
    /// `ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR` (300): sign-in attempts one client address may make.
    pub sign_in_attempts_per_hour: u32,
}

/// A whole number from the environment, in `range`, or the default when unset.
fn number(name: &str, default: u32, range: std::ops::RangeInclusive<u32>) -> anyhow::Result<u32> {
    let Some(value) = var(name) else {
        return Ok(default);
    };
    let n: u32 = value
        .parse()
        .with_context(|| format!("{name} must be a whole number"))?;
    if !range.contains(&n) {
        bail!(
            "{name} must be between {} and {}",
            range.start(),
            range.end()
        );
    }
    Ok(n)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The SMTP settings: `ARSHJUL_SMTP_HOST` (unset: no e-mail), `ARSHJUL_SMTP_TLS` (`starttls`,
/// the default, `tls` or `none`), `ARSHJUL_SMTP_PORT` (587, 465 or 25 by protection),
/// `ARSHJUL_SMTP_USER` with `ARSHJUL_SMTP_PASSWORD`, and `ARSHJUL_MAIL_FROM` (required).
fn smtp_from_env() -> anyhow::Result<Option<SmtpSettings>> {
    let Some(host) = var("ARSHJUL_SMTP_HOST") else {
        return Ok(None);
    };
    let tls = match var("ARSHJUL_SMTP_TLS").as_deref().unwrap_or("starttls") {
        "starttls" => SmtpTls::StartTls,
        "tls" => SmtpTls::Tls,
        "none" => SmtpTls::None,
        other => bail!("ARSHJUL_SMTP_TLS must be starttls, tls or none, not {other}"),
    };
    let default_port = match tls {
        SmtpTls::StartTls => 587,
        SmtpTls::Tls => 465,
        SmtpTls::None => 25,
    };
    let port = match var("ARSHJUL_SMTP_PORT") {
        Some(p) => p
            .parse()
            .context("ARSHJUL_SMTP_PORT must be a port number")?,
        None => default_port,
    };
    let credentials = match (var("ARSHJUL_SMTP_USER"), var("ARSHJUL_SMTP_PASSWORD")) {
        (Some(user), Some(password)) => Some((user, password)),
        (None, None) => None,
        _ => bail!("ARSHJUL_SMTP_USER and ARSHJUL_SMTP_PASSWORD go together"),
    };
    let from = var("ARSHJUL_MAIL_FROM")
        .context("ARSHJUL_MAIL_FROM is required when ARSHJUL_SMTP_HOST is set")?;
    Ok(Some(SmtpSettings {
        host,
        port,
        tls,
        credentials,
        from,
    }))
}

/// The embedded default database.
pub const DEFAULT_SQLITE_URL: &str = "sqlite://data/arshjul.db";

fn flag(name: &str) -> Option<bool> {
    std::env::var(name)
        .ok()
        .map(|v| matches!(v.trim(), "1" | "true" | "yes" | "on"))
}

impl Config {
    /// Reads the settings; an unusable combination is an error that stops the server.
    pub fn from_env() -> anyhow::Result<Config> {
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_SQLITE_URL.to_string());
        let demo = flag("ARSHJUL_DEMO").unwrap_or(false);
        let session_secret = std::env::var("ARSHJUL_SESSION_SECRET")
            .ok()
            .filter(|s| !s.is_empty());
        if let Some(secret) = &session_secret {
            if secret.len() < 32 {
                bail!("ARSHJUL_SESSION_SECRET must be at least 32 characters");
            }
        } else if !demo {
            bail!(
                "ARSHJUL_SESSION_SECRET is required outside demo mode \
                 (set ARSHJUL_DEMO=1 to try the demo)"
            );
        }
        let secure_cookies = flag("ARSHJUL_SECURE_COOKIES").unwrap_or(!demo);
        Ok(Config {
            database_url,
            demo,
            session_secret,
            secure_cookies,
            smtp: smtp_from_env()?,
            public_url: var("ARSHJUL_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_string()),
            session_limits: SessionLimits {
                idle: chrono::Duration::minutes(
                    number("ARSHJUL_SESSION_IDLE_MINUTES", 30, 1..=24 * 60)?.into(),
                ),
                absolute: chrono::Duration::hours(
                    number("ARSHJUL_SESSION_MAX_HOURS", 12, 1..=24 * 30)?.into(),
                ),
            },
            trust_proxy: flag("ARSHJUL_TRUST_PROXY").unwrap_or(false),
            sign_in_attempts_per_hour: number(
                "ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR",
                300,
                1..=1_000_000,
            )?,
        })
    }

    /// Creates the folder of a SQLite file so a fresh checkout starts without set-up.
    pub fn prepare_sqlite_dir(&self) -> anyhow::Result<()> {
        let Some(path) = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))
        else {
            return Ok(());
        };
        let path = path.split('?').next().unwrap_or(path);
        if path.is_empty() || path == ":memory:" {
            return Ok(());
        }
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating database folder {}", dir.display()))?;
            }
        }
        Ok(())
    }
}
