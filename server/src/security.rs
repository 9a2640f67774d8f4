//! Request hygiene for every response: cross-site posts are refused (Leptos server functions have
//! no CSRF protection of their own), and every answer carries the security headers. Pages get a
//! Content-Security-Policy with the render's nonce from `app::security`; everything else gets a
//! policy that allows nothing.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What the security middleware needs to know of the deployment.
#[derive(Clone, Debug, Default)]
pub struct SecurityPolicy {
    /// The public address's origin (`https://arshjul.exempelstad.se`), when configured.
    pub public_origin: Option<String>,
    /// Served over TLS (the public address is `https://`): send Strict-Transport-Security.
    pub tls: bool,
}

impl SecurityPolicy {
    /// The policy for a configured public address (`ARSHJUL_PUBLIC_URL`), if any.
    pub fn new(public_url: Option<&str>) -> SecurityPolicy {
        let public_origin = public_url.and_then(origin_of);
        SecurityPolicy {
            tls: public_origin
                .as_deref()
                .is_some_and(|o| o.starts_with("https://")),
            public_origin,
        }
    }
}

/// `scheme://host[:port]` of a URL, lower-cased; `None` when it is not an http(s) URL.
fn origin_of(url: &str) -> Option<String> {
    let url = url.trim().to_ascii_lowercase();
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// Why a request that changes something was judged to come from another site, if it was.
///
/// Browsers say where a request comes from in `Sec-Fetch-Site` (all current ones) or, failing
/// that, `Origin`. Only `same-origin` and `none` (typed by the person) are accepted; a request
/// with neither header is not a browser's cross-site form, and the session cookie is
/// `SameSite=Lax` besides.
pub fn cross_site_reason(
    method: &Method,
    headers: &HeaderMap,
    public_origin: Option<&str>,
) -> Option<String> {
    if matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return None;
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return match site {
            "same-origin" | "none" => None,
            other => Some(format!("Sec-Fetch-Site: {other}")),
        };
    }
    let origin = header("origin")?;
    let Some(seen) = origin_of(origin) else {
        return Some(format!("Origin: {origin}"));
    };
    let seen_host = seen.split_once("://").map(|(_, h)| h).unwrap_or_default();
    let host_matches = header("host").is_some_and(|h| h.eq_ignore_ascii_case(seen_host));
    let public_matches = public_origin.is_some_and(|p| p == seen);
    (!host_matches && !public_matches).then(|| format!("Origin: {origin}"))
}

/// Refuses a cross-site request that would change something, with a plain Swedish answer.
pub async fn reject_cross_site(
    State(policy): State<SecurityPolicy>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(reason) = cross_site_reason(
        request.method(),
        request.headers(),
        policy.public_origin.as_deref(),
    ) {
        tracing::warn!(
            method = %request.method(),
            path = request.uri().path(),
            %reason,
            "cross-site request refused"
        );
        let mut response = (
            StatusCode::FORBIDDEN,
            "Begäran kom från en annan webbplats och stoppades. Gå till Årshjul och försök igen därifrån.",
        )
            .into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        return response;
    }
    next.run(request).await
}

/// The policy of answers that are not pages (files, downloads, server functions' data): nothing
/// may load or run from them.
const LOCKED_DOWN_CSP: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The service worker fetches the site's own files and the next APT's page.
const SERVICE_WORKER_CSP: &str = "default-src 'self'; frame-ancestors 'none'";

/// The nonce of one request's page: made by [`security_headers`], put on the render's scripts (the
/// server's Leptos context hands it to the render as its `Nonce`) and named in the page's policy.
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

impl PageNonce {
    /// 256 random bits as hex (hex is within the base64 characters a CSP nonce allows).
    fn new() -> PageNonce {
        PageNonce(app::tokens::random_token())
    }
}

/// Adds the security headers to every response. An HTML page gets the page policy with the nonce
/// made for this request; any other answer gets a policy that allows nothing.
pub async fn security_headers(
    State(policy): State<SecurityPolicy>,
    mut request: Request,
    next: Next,
) -> Response {
    let service_worker = request.uri().path() == "/sw.js";
    let nonce = PageNonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let csp = if html {
            HeaderValue::from_str(&app::security::page_policy(&nonce.0))
                .unwrap_or(HeaderValue::from_static(LOCKED_DOWN_CSP))
        } else if service_worker {
            HeaderValue::from_static(SERVICE_WORKER_CSP)
        } else {
            HeaderValue::from_static(LOCKED_DOWN_CSP)
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if policy.tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn reads_are_never_refused() {
        let h = headers(&[("sec-fetch-site", "cross-site")]);
        assert_eq!(cross_site_reason(&Method::GET, &h, None), None);
    }

    #[test]
    fn a_post_from_the_same_origin_passes_and_from_another_site_is_refused() {
        let same = headers(&[("sec-fetch-site", "same-origin"), ("host", "a.se")]);
        assert_eq!(cross_site_reason(&Method::POST, &same, None), None);
        for site in ["cross-site", "same-site"] {
            let h = headers(&[("sec-fetch-site", site)]);
            assert!(
                cross_site_reason(&Method::POST, &h, None).is_some(),
                "{site}"
            );
        }
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_match_the_host_or_public_address() {
        let own = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert_eq!(cross_site_reason(&Method::POST, &own, None), None);
        let other = headers(&[("origin", "https://evil.example"), ("host", "arshjul.se")]);
        assert!(cross_site_reason(&Method::POST, &other, None).is_some());
        let null = headers(&[("origin", "null"), ("host", "arshjul.se")]);
        assert!(cross_site_reason(&Method::DELETE, &null, None).is_some());
        let proxied = headers(&[("origin", "https://arshjul.se"), ("host", "10.0.0.5:3000")]);
        assert_eq!(
            cross_site_reason(&Method::POST, &proxied, Some("https://arshjul.se")),
            None
        );
    }

    #[test]
    fn a_request_without_browser_headers_is_not_a_cross_site_form() {
        assert_eq!(
            cross_site_reason(&Method::POST, &HeaderMap::new(), None),
            None
        );
    }

    #[test]
    fn the_public_address_gives_the_origin_and_tls() {
        let p = SecurityPolicy::new(Some("https://Arshjul.Exempelstad.se/"));
        assert_eq!(
            p.public_origin.as_deref(),
            Some("https://arshjul.exempelstad.se")
        );
        assert!(p.tls);
        assert!(!SecurityPolicy::new(Some("http://localhost:3000")).tls);
        assert!(SecurityPolicy::new(None).public_origin.is_none());
    }
}
