//! Requests per client, limited in memory (governor's GCRA) before any other work: a signed-in
//! session gets `per_minute` requests a minute, anonymous requests share their address's larger
//! allowance (an office behind one address signs in together in the morning). Over it, the answer
//! is 429 with `Retry-After`: a short Swedish page for a page load, the app's error for a server
//! function. The site's hashed files and the health check are not counted.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use app::error::AppError;
use app::state::AppState;

/// How many more requests an anonymous address may make than one session.
const ANONYMOUS_FACTOR: u32 = 4;

/// Keys kept before the limiter forgets those that are full again.
const MAX_KEYS: usize = 50_000;

/// The limiters of signed-in sessions and of anonymous addresses.
#[derive(Debug)]
pub struct RequestLimits {
    sessions: DefaultKeyedRateLimiter<String>,
    addresses: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

/// A quota of `per_minute` a minute in bursts of half that.
fn quota(per_minute: u32) -> Quota {
    let per_minute = per_minute.max(1);
    let burst = NonZeroU32::new((per_minute / 2).max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(Duration::from_secs(60) / per_minute)
        .unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN))
        .allow_burst(burst)
}

impl RequestLimits {
    /// `per_minute` requests a minute per session; `None` (no limit) when it is 0.
    pub fn new(per_minute: u32) -> Option<RequestLimits> {
        (per_minute > 0).then(|| RequestLimits {
            sessions: DefaultKeyedRateLimiter::keyed(quota(per_minute)),
            addresses: DefaultKeyedRateLimiter::keyed(quota(
                per_minute.saturating_mul(ANONYMOUS_FACTOR),
            )),
            clock: DefaultClock::default(),
        })
    }

    /// Takes one request from the session (when the browser has one of ours) or the address;
    /// `Err` with how long to wait when none is left.
    pub fn check(&self, session: Option<String>, address: &str) -> Result<(), Duration> {
        let (limiter, key) = match session {
            Some(key) => (&self.sessions, key),
            None => (&self.addresses, address.to_string()),
        };
        if limiter.len() > MAX_KEYS {
            limiter.retain_recent();
        }
        limiter
            .check_key(&key)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}

/// The middleware's state: the limits (none when switched off) and the app (cookies, whether to
/// trust the proxy).
pub type LimitState = (Option<Arc<RequestLimits>>, AppState);

/// Answers 429 to a client over its limit; lets every other request through.
pub async fn limit_requests(
    State((limits, state)): State<LimitState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let Some(limits) = limits.filter(|_| !path.starts_with("/pkg/") && path != "/healthz") else {
        return next.run(request).await;
    };
    let session = state.cookies.session_key(request.headers());
    let (parts, body) = request.into_parts();
    let address = app::auth::client::address_of(&parts, state.trust_proxy);
    let Err(wait) = limits.check(session, &address) else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    let seconds = u32::try_from(wait.as_secs() + 1).unwrap_or(u32::MAX);
    tracing::warn!(path = %parts.uri.path(), %address, seconds, "request limit reached");
    let mut response = if parts.uri.path().starts_with("/api/") {
        // The app's own error, so the page shows its sentence where the action was.
        let error = AppError::TooManyRequests { seconds };
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::to_string(&error).unwrap_or_default(),
        )
            .into_response()
    } else {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            page(seconds),
        )
            .into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// The page a browser shows for a page load over the limit: what happened and what to do.
fn page(seconds: u32) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>För många förfrågningar – Årshjul</title></head><body><main>\
         <h1>För många förfrågningar</h1>\
         <p>Den här webbläsaren (eller någon på samma nätverk) har gjort väldigt många \
         förfrågningar på kort tid. Vänta {seconds} sekunder och försök sedan igen.</p>\
         <p><a href=\"/\">Till startsidan</a></p></main></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_gets_its_burst_then_waits_while_others_go_on() {
        let limits = RequestLimits::new(60).expect("a limit");
        for _ in 0..30 {
            assert!(limits.check(Some("s1".into()), "10.0.0.1").is_ok());
        }
        let wait = limits.check(Some("s1".into()), "10.0.0.1").unwrap_err();
        assert!(wait <= Duration::from_secs(2), "{wait:?}");
        // Another session at the same address, and the address's anonymous requests, go on.
        assert!(limits.check(Some("s2".into()), "10.0.0.1").is_ok());
        for _ in 0..120 {
            assert!(limits.check(None, "10.0.0.1").is_ok());
        }
        assert!(limits.check(None, "10.0.0.1").is_err());
        assert!(limits.check(None, "10.0.0.2").is_ok());
    }

    #[test]
    fn zero_means_no_limit() {
        assert!(RequestLimits::new(0).is_none());
    }
}
