//! Settings from the environment, with safe defaults for the embedded (SQLite) mode.
//! Secrets are required outside demo mode and never defaulted.

use anyhow::{bail, Context};
use app::auth::oidc::OidcSettings;
use app::clock::Clock;
use app::domain::SessionLimits;
use app::notices::mail::{SmtpSettings, SmtpTls};

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: a `postgres://` URL, or SQLite (default `sqlite://data/arshjul.db`).
    pub database_url: String,
    /// `ARSHJUL_DEMO=1`: seed the demo organisation and list its sign-ins.
    pub demo: bool,
    /// `ARSHJUL_DEMO=city`: the demo, and beside it the city of 4,000 units and 50,000 people
    /// with five years of records, for measuring pages at scale.
    pub demo_city: bool,
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
    /// `ARSHJUL_REQUESTS_PER_MINUTE` (600; 0: no limit): requests one signed-in browser may make
    /// a minute (anonymous ones: four times that per address).
    pub requests_per_minute: u32,
    /// `ARSHJUL_OIDC_ISSUER` and friends: the organisation's OpenID Connect provider.
    pub oidc: Option<OidcSettings>,
    /// `ARSHJUL_LOCAL_ACCOUNTS=off`: no e-mail and password sign-in (the provider only).
    pub local_accounts: bool,
    /// `ARSHJUL_TODAY=YYYY-MM-DD` (demo mode only): the app's clock shows that day.
    pub clock: Clock,
    /// `ARSHJUL_WEASYPRINT` (default `weasyprint`, found on `PATH`): the program that lays out
    /// the PDF documents.
    pub pdf_engine: String,
}

/// The app's clock: the system's, or moved to `ARSHJUL_TODAY` (`get` reads a variable), which
/// only demo mode accepts: a production server never runs on another day than the real one.
pub fn clock_from(get: Get, demo: bool) -> anyhow::Result<Clock> {
    let Some(today) = get("ARSHJUL_TODAY") else {
        return Ok(Clock::system());
    };
    if !demo {
        bail!("ARSHJUL_TODAY is for demo and test mode only (ARSHJUL_DEMO=1)");
    }
    let day = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d")
        .with_context(|| format!("ARSHJUL_TODAY must be a date like 2027-12-31, not {today}"))?;
    Ok(Clock::on(day))
}

/// The provider's settings from the environment (`get` reads a variable): `ARSHJUL_OIDC_ISSUER`
/// (unset: no provider), `ARSHJUL_OIDC_CLIENT_ID` and `ARSHJUL_OIDC_CLIENT_SECRET` (required
/// with it), `ARSHJUL_OIDC_NAME` (the button's name for it), `ARSHJUL_OIDC_ACCEPT_UNVERIFIED_EMAIL`
/// (off: an address without `email_verified` matches nobody). The way back is
/// `{ARSHJUL_PUBLIC_URL}/oidc/callback`, so the public address is required too. The issuer is
/// HTTPS, except on this machine (a provider started for tests).
pub fn oidc_from(get: Get, public_url: Option<&str>) -> anyhow::Result<Option<OidcSettings>> {
    let Some(issuer) = get("ARSHJUL_OIDC_ISSUER") else {
        if get("ARSHJUL_OIDC_CLIENT_ID").is_some() {
            bail!("ARSHJUL_OIDC_CLIENT_ID is set but ARSHJUL_OIDC_ISSUER is not");
        }
        return Ok(None);
    };
    let loopback = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"]
        .iter()
        .any(|prefix| issuer.starts_with(prefix));
    if !issuer.starts_with("https://") && !loopback {
        bail!("ARSHJUL_OIDC_ISSUER must be an https:// address");
    }
    let client_id = get("ARSHJUL_OIDC_CLIENT_ID")
        .context("ARSHJUL_OIDC_CLIENT_ID is required with ARSHJUL_OIDC_ISSUER")?;
    let client_secret = get("ARSHJUL_OIDC_CLIENT_SECRET")
        .context("ARSHJUL_OIDC_CLIENT_SECRET is required with ARSHJUL_OIDC_ISSUER")?;
    let public_url = public_url.context(
        "ARSHJUL_PUBLIC_URL is required with ARSHJUL_OIDC_ISSUER (the provider sends people back there)",
    )?;
    Ok(Some(OidcSettings {
        issuer,
        client_id,
        client_secret,
        display_name: get("ARSHJUL_OIDC_NAME")
            .unwrap_or_else(|| "organisationens konto".to_string()),
        redirect_url: format!("{public_url}/oidc/callback"),
        accept_unverified_email: flag(get, "ARSHJUL_OIDC_ACCEPT_UNVERIFIED_EMAIL").unwrap_or(false),
    }))
}

/// A whole number from the environment, in `range`, or the default when unset.
fn number(
    get: Get,
    name: &str,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
) -> anyhow::Result<u32> {
    let Some(value) = get(name) else {
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

/// Reads one setting by name: the environment in the server, a table in tests.
pub type Get<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A variable of the process environment, trimmed; empty counts as unset.
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The SMTP settings: `ARSHJUL_SMTP_HOST` (unset: no e-mail), `ARSHJUL_SMTP_TLS` (`starttls`,
/// the default, `tls` or `none`), `ARSHJUL_SMTP_PORT` (587, 465 or 25 by protection),
/// `ARSHJUL_SMTP_USER` with `ARSHJUL_SMTP_PASSWORD`, and `ARSHJUL_MAIL_FROM` (required).
fn smtp_from(get: Get) -> anyhow::Result<Option<SmtpSettings>> {
    let Some(host) = get("ARSHJUL_SMTP_HOST") else {
        return Ok(None);
    };
    let tls = match get("ARSHJUL_SMTP_TLS").as_deref().unwrap_or("starttls") {
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
    let port = match get("ARSHJUL_SMTP_PORT") {
        Some(p) => p
            .parse()
            .context("ARSHJUL_SMTP_PORT must be a port number")?,
        None => default_port,
    };
    let credentials = match (get("ARSHJUL_SMTP_USER"), get("ARSHJUL_SMTP_PASSWORD")) {
        (Some(user), Some(password)) => Some((user, password)),
        (None, None) => None,
        _ => bail!("ARSHJUL_SMTP_USER and ARSHJUL_SMTP_PASSWORD go together"),
    };
    let from = get("ARSHJUL_MAIL_FROM")
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

fn flag(get: Get, name: &str) -> Option<bool> {
    get(name).map(|v| matches!(v.as_str(), "1" | "true" | "yes" | "on"))
}

impl Config {
    /// Reads the settings from the environment; an unusable combination is an error that stops
    /// the server.
    pub fn from_env() -> anyhow::Result<Config> {
        Self::from_vars(&env_var)
    }

    /// Reads the settings through `get` (the environment, or a test's table).
    pub fn from_vars(get: Get) -> anyhow::Result<Config> {
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_SQLITE_URL.to_string());
        let demo_city = get("ARSHJUL_DEMO").is_some_and(|v| v == "city");
        let demo = demo_city || flag(get, "ARSHJUL_DEMO").unwrap_or(false);
        let session_secret = get("ARSHJUL_SESSION_SECRET");
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
        let secure_cookies = flag(get, "ARSHJUL_SECURE_COOKIES").unwrap_or(!demo);
        let public_url = get("ARSHJUL_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_string());
        // Links in mail and calendar addresses are made from it: without it they would follow
        // whatever Host a request named. Only the demo may fall back to the request's own.
        match &public_url {
            None if !demo => bail!(
                "ARSHJUL_PUBLIC_URL is required outside demo mode: the address people reach \
                 Årshjul at, such as https://arshjul.exempelstad.se (links in e-mail point there)"
            ),
            Some(url) if origin_only(url).is_none() => bail!(
                "ARSHJUL_PUBLIC_URL must be an http(s) address such as \
                 https://arshjul.exempelstad.se, not {url:?}"
            ),
            _ => {}
        }
        let oidc = oidc_from(get, public_url.as_deref())?;
        let local_accounts = flag(get, "ARSHJUL_LOCAL_ACCOUNTS").unwrap_or(true);
        if !local_accounts && oidc.is_none() {
            bail!(
                "ARSHJUL_LOCAL_ACCOUNTS=off needs ARSHJUL_OIDC_ISSUER: otherwise nobody can sign in"
            );
        }
        Ok(Config {
            database_url,
            demo,
            demo_city,
            session_secret,
            secure_cookies,
            smtp: smtp_from(get)?,
            public_url,
            session_limits: SessionLimits {
                idle: chrono::Duration::minutes(
                    number(get, "ARSHJUL_SESSION_IDLE_MINUTES", 30, 1..=24 * 60)?.into(),
                ),
                absolute: chrono::Duration::hours(
                    number(get, "ARSHJUL_SESSION_MAX_HOURS", 12, 1..=24 * 30)?.into(),
                ),
            },
            trust_proxy: flag(get, "ARSHJUL_TRUST_PROXY").unwrap_or(false),
            sign_in_attempts_per_hour: number(
                get,
                "ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR",
                300,
                1..=1_000_000,
            )?,
            requests_per_minute: number(get, "ARSHJUL_REQUESTS_PER_MINUTE", 600, 0..=1_000_000)?,
            oidc,
            local_accounts,
            clock: clock_from(get, demo)?,
            pdf_engine: get("ARSHJUL_WEASYPRINT").unwrap_or_else(|| "weasyprint".to_string()),
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

/// The scheme and host (and port) of an http(s) address with nothing after them, or `None`.
fn origin_only(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let clean = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    clean.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_is_required_outside_demo_mode() {
        let secret = (
            "ARSHJUL_SESSION_SECRET",
            "a secret of at least thirty-two characters",
        );
        let without = Config::from_vars(&env(&[secret])).unwrap_err();
        assert!(without
            .to_string()
            .contains("ARSHJUL_PUBLIC_URL is required"));
        assert!(
            Config::from_vars(&env(&[("ARSHJUL_DEMO", "1")])).is_ok(),
            "the demo may omit it"
        );
        let with = |url| {
            Config::from_vars(&env(&[secret, ("ARSHJUL_PUBLIC_URL", url)])).map(|c| c.public_url)
        };
        assert_eq!(
            with("https://arshjul.exempelstad.se/").unwrap().as_deref(),
            Some("https://arshjul.exempelstad.se")
        );
        assert!(with("http://127.0.0.1:3101").is_ok());
        assert!(
            with("arshjul.exempelstad.se").is_err(),
            "a scheme is needed"
        );
        assert!(
            with("https://arshjul.exempelstad.se/app?x=1").is_err(),
            "no path or query"
        );
        assert!(with("https://evil.example\r\nX: y").is_err());
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    const PUBLIC: Option<&str> = Some("https://arshjul.exempelstad.se");

    #[test]
    fn no_issuer_means_no_provider() {
        assert!(oidc_from(&env(&[]), PUBLIC).unwrap().is_none());
        assert!(oidc_from(&env(&[("ARSHJUL_OIDC_CLIENT_ID", "x")]), PUBLIC).is_err());
    }

    #[test]
    fn a_provider_needs_its_client_and_the_public_address() {
        let full = [
            ("ARSHJUL_OIDC_ISSUER", "https://login.exempelstad.se"),
            ("ARSHJUL_OIDC_CLIENT_ID", "arshjul"),
            ("ARSHJUL_OIDC_CLIENT_SECRET", "hemligt"),
            ("ARSHJUL_OIDC_NAME", "Exempelstads konto"),
        ];
        let settings = oidc_from(&env(&full), PUBLIC).unwrap().unwrap();
        assert_eq!(
            settings.redirect_url,
            "https://arshjul.exempelstad.se/oidc/callback"
        );
        assert_eq!(settings.display_name, "Exempelstads konto");
        assert!(oidc_from(&env(&full), None).is_err());
        assert!(oidc_from(&env(&full[..2]), PUBLIC).is_err());
        assert!(oidc_from(&env(&[full[0], full[2]]), PUBLIC).is_err());
    }

    #[test]
    fn only_demo_mode_moves_the_clock() {
        let eve = [("ARSHJUL_TODAY", "2027-12-31")];
        let moved = clock_from(&env(&eve), true).unwrap();
        assert_eq!(
            moved.today(),
            chrono::NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()
        );
        assert!(clock_from(&env(&eve), false).is_err());
        assert!(clock_from(&env(&[("ARSHJUL_TODAY", "31/12")]), true).is_err());
        assert_eq!(clock_from(&env(&[]), false).unwrap(), Clock::system());
    }

    #[test]
    fn the_issuer_is_https_except_on_this_machine() {
        let with = |issuer: &'static str| {
            let pairs = [
                ("ARSHJUL_OIDC_ISSUER", issuer),
                ("ARSHJUL_OIDC_CLIENT_ID", "arshjul"),
                ("ARSHJUL_OIDC_CLIENT_SECRET", "hemligt"),
            ];
            let found = oidc_from(&env(&pairs), PUBLIC);
            found.map(|s| s.is_some())
        };
        assert!(with("http://login.exempelstad.se").is_err());
        assert!(with("http://127.0.0.1:3190").unwrap());
        assert!(with("https://login.exempelstad.se").unwrap());
    }
}
