//! The browser's cookies, and the only session state it holds: the key of its
//! `sign_in_sessions` row once someone signs in, a provider sign-in under way (state, nonce,
//! PKCE verifier) for the few minutes until the provider sends the browser back, and which
//! accounts have signed in on this browser before (a known device passes the sign-in ceiling
//! that guessing from many addresses meets, `domain::sign_in_limits`).
//!
//! All are private cookies (the `cookie` crate: encrypted and authenticated with a key derived
//! from `ARSHJUL_SESSION_SECRET`), HttpOnly, SameSite=Lax (the provider's top-level redirect back
//! brings them along) and, over HTTPS, Secure with the `__Host-` prefix, so no subdomain can set
//! or shadow them. Everything else about a session (who, since when, whether it still lives) is
//! the row in the database, so there is one session table and one clean-up.

use cookie::time::Duration;
use cookie::{Cookie, CookieJar, Key, SameSite};
use http::header::COOKIE;
use http::{HeaderMap, HeaderValue};
use sha2::{Digest, Sha512};

/// How long a provider sign-in may take between leaving for the provider and coming back.
const PENDING_LIFETIME: Duration = Duration::minutes(10);

/// How long a browser stays known to the accounts that signed in on it.
const DEVICE_LIFETIME: Duration = Duration::days(365);

/// How many accounts a browser is known to (a shared phone: the last few people).
const DEVICE_ACCOUNTS: usize = 5;

/// The cookies' key and attributes, made once at start.
#[derive(Clone)]
pub struct SessionCookies {
    key: Key,
    secure: bool,
    session_lifetime: Duration,
}

impl std::fmt::Debug for SessionCookies {
    /// Never prints the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionCookies")
            .field("secure", &self.secure)
            .field("session_lifetime", &self.session_lifetime)
            .finish_non_exhaustive()
    }
}

impl SessionCookies {
    /// Cookies keyed by `secret` (a random key per start when there is none: demo mode, where a
    /// restart signs everyone out), Secure when `secure`, the session cookie kept for
    /// `session_lifetime` (the absolute limit: no session lives longer).
    pub fn new(secret: Option<&str>, secure: bool, session_lifetime: chrono::TimeDelta) -> Self {
        let key = match secret {
            Some(secret) => Key::from(&Sha512::digest(secret.as_bytes())),
            None => Key::generate(),
        };
        SessionCookies {
            key,
            secure,
            session_lifetime: Duration::seconds(session_lifetime.num_seconds()),
        }
    }

    /// The session cookie's name.
    pub fn session_name(&self) -> &'static str {
        if self.secure {
            "__Host-arshjul_session"
        } else {
            "arshjul_session"
        }
    }

    fn pending_name(&self) -> &'static str {
        if self.secure {
            "__Host-arshjul_oidc"
        } else {
            "arshjul_oidc"
        }
    }

    fn device_name(&self) -> &'static str {
        if self.secure {
            "__Host-arshjul_device"
        } else {
            "arshjul_device"
        }
    }

    /// The accounts that have signed in on the request's browser before (newest first).
    pub fn known_accounts(&self, headers: &HeaderMap) -> Vec<i64> {
        self.read(headers, self.device_name())
            .map(|text| text.split(',').filter_map(|id| id.parse().ok()).collect())
            .unwrap_or_default()
    }

    /// The `Set-Cookie` value that adds `person_id` to the accounts the browser is known to
    /// (`known`: those it was known to before), keeping the newest few.
    pub fn device_cookie(&self, known: &[i64], person_id: i64) -> Option<HeaderValue> {
        let ids: Vec<String> = std::iter::once(person_id)
            .chain(known.iter().copied().filter(|id| *id != person_id))
            .take(DEVICE_ACCOUNTS)
            .map(|id| id.to_string())
            .collect();
        self.write(self.device_name(), &ids.join(","), DEVICE_LIFETIME)
    }

    /// The key of the request's signed-in session, when its cookie is one of ours.
    pub fn session_key(&self, headers: &HeaderMap) -> Option<String> {
        self.read(headers, self.session_name())
    }

    /// The provider sign-in under way, as the text [`SessionCookies::pending_cookie`] was given.
    pub fn pending(&self, headers: &HeaderMap) -> Option<String> {
        self.read(headers, self.pending_name())
    }

    /// The `Set-Cookie` value that gives the browser a session's key.
    pub fn session_cookie(&self, session_key: &str) -> Option<HeaderValue> {
        self.write(self.session_name(), session_key, self.session_lifetime)
    }

    /// The `Set-Cookie` value that keeps a provider sign-in under way for ten minutes.
    pub fn pending_cookie(&self, pending: &str) -> Option<HeaderValue> {
        self.write(self.pending_name(), pending, PENDING_LIFETIME)
    }

    /// The `Set-Cookie` value that makes the browser forget its session.
    pub fn session_removal(&self) -> Option<HeaderValue> {
        self.write(self.session_name(), "", Duration::ZERO)
    }

    /// The `Set-Cookie` value that makes the browser forget a provider sign-in.
    pub fn pending_removal(&self) -> Option<HeaderValue> {
        self.write(self.pending_name(), "", Duration::ZERO)
    }

    fn read(&self, headers: &HeaderMap, name: &str) -> Option<String> {
        let mut jar = CookieJar::new();
        for header in headers.get_all(COOKIE) {
            let Ok(text) = header.to_str() else { continue };
            for cookie in Cookie::split_parse(text).flatten() {
                if cookie.name() == name {
                    jar.add_original(cookie.into_owned());
                }
            }
        }
        jar.private(&self.key)
            .get(name)
            .map(|c| c.value().to_string())
    }

    fn write(&self, name: &'static str, value: &str, max_age: Duration) -> Option<HeaderValue> {
        let cookie = Cookie::build((name, value.to_string()))
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .path("/")
            .max_age(max_age)
            .build();
        let text = if max_age.is_zero() {
            cookie.to_string()
        } else {
            let mut jar = CookieJar::new();
            jar.private_mut(&self.key).add(cookie);
            jar.get(name)?.to_string()
        };
        HeaderValue::from_str(&text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_with(set_cookie: &HeaderValue) -> HeaderMap {
        let pair = set_cookie
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(&pair).unwrap());
        headers
    }

    #[test]
    fn a_session_key_comes_back_only_from_a_cookie_of_ours() {
        let cookies = SessionCookies::new(Some("hemlig"), true, chrono::TimeDelta::hours(10));
        let set = cookies.session_cookie("abc123").unwrap();
        let text = set.to_str().unwrap();
        assert!(text.starts_with("__Host-arshjul_session="));
        assert!(!text.contains("abc123"), "the key is encrypted: {text}");
        for attribute in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=36000",
        ] {
            assert!(text.contains(attribute), "{attribute} in {text}");
        }
        assert_eq!(
            cookies.session_key(&request_with(&set)).as_deref(),
            Some("abc123")
        );

        let other = SessionCookies::new(Some("annan"), true, chrono::TimeDelta::hours(10));
        assert_eq!(other.session_key(&request_with(&set)), None, "another key");
        let forged = HeaderValue::from_static("__Host-arshjul_session=abc123");
        assert_eq!(cookies.session_key(&request_with(&forged)), None);
    }

    #[test]
    fn a_plain_http_demo_uses_names_without_the_host_prefix() {
        let cookies = SessionCookies::new(None, false, chrono::TimeDelta::hours(1));
        let set = cookies.pending_cookie("{}").unwrap();
        let text = set.to_str().unwrap();
        assert!(text.starts_with("arshjul_oidc="));
        assert!(!text.contains("Secure"));
        assert!(text.contains("Max-Age=600"));
        assert_eq!(cookies.pending(&request_with(&set)).as_deref(), Some("{}"));
        let removal = cookies.session_removal().unwrap();
        assert!(removal.to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn a_browser_is_known_to_the_last_few_accounts_that_signed_in_on_it() {
        let cookies = SessionCookies::new(Some("hemlig"), true, chrono::TimeDelta::hours(1));
        assert!(cookies.known_accounts(&HeaderMap::new()).is_empty());
        let mut known = Vec::new();
        for id in [1, 2, 3, 2, 4, 5, 6] {
            let set = cookies.device_cookie(&known, id).unwrap();
            assert!(set.to_str().unwrap().contains("Max-Age=31536000"));
            known = cookies.known_accounts(&request_with(&set));
        }
        assert_eq!(known, vec![6, 5, 4, 2, 3]);
        let forged = HeaderValue::from_static("__Host-arshjul_device=1,2");
        assert!(cookies.known_accounts(&request_with(&forged)).is_empty());
    }
}
