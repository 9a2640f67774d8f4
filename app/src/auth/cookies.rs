//! The browser's two cookies, and the only session state it holds: the key of its
//! `sign_in_sessions` row once someone signs in, and a provider sign-in under way (state, nonce,
//! PKCE verifier) for the few minutes until the provider sends the browser back.
//!
//! Both are private cookies (the `cookie` crate: encrypted and authenticated with a key derived
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
}
