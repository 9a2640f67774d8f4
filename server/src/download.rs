//! One shape for every file the server hands out (exports, archive, calendars, attachments): a
//! download the browser saves, never shows inline or runs.

use axum::body::Body;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// A download of `body` as `file_name` (ASCII for old clients, exact per RFC 6266/8187), typed
/// `content_type`, never sniffed or run (`nosniff`, a sandboxing policy that loads nothing and
/// may not be framed), kept as `cache` says.
pub fn download(
    body: impl Into<Body>,
    content_type: &str,
    file_name: &str,
    cache: &'static str,
) -> Response {
    let mut response = body.into().into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&content_disposition(file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'; frame-ancestors 'none'"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// `attachment` with an ASCII name for old clients and the exact name (RFC 6266/8187).
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(name, NON_ALPHANUMERIC)
    )
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn names_the_download_in_ascii_and_exactly() {
        assert_eq!(
            content_disposition("Årsplan \"ny\".pdf"),
            "attachment; filename=\"_rsplan _ny_.pdf\"; filename*=UTF-8''%C3%85rsplan%20%22ny%22%2Epdf"
        );
    }
}
