//! The client behind a request: its address (the connection's, or the first hop a trusted
//! reverse proxy names in `X-Forwarded-For`) and its browser.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;

use super::sessions_db::SignInOrigin;

/// The client's address. Behind a reverse proxy (`ARSHJUL_TRUST_PROXY=1`) the right-most entry
/// of `X-Forwarded-For` is the one the proxy saw; without one, the header is ignored, since
/// anyone can send it.
pub fn address_of(parts: &http::request::Parts, trust_proxy: bool) -> String {
    if trust_proxy {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty());
        if let Some(address) = forwarded {
            return address.to_string();
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_default()
}

/// The browser and address of a request.
pub fn origin_of(parts: &http::request::Parts, trust_proxy: bool) -> SignInOrigin {
    SignInOrigin {
        user_agent: parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
        address: address_of(parts, trust_proxy),
    }
}
