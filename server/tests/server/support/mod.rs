//! The whole app in-process for tests: the real router on a fresh demo database (SQLite in a
//! temporary folder), driven with `tower::ServiceExt::oneshot`, and people signed in through the
//! real sign-in server function, each with their own cookie.

// Each test crate compiles this module and uses a part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

use server::config::Config;

/// The demo's password for every demo account.
pub const DEMO_PASSWORD: &str = "demo1234";

/// The app on its own demo database; the folder goes when this does.
pub struct TestApp {
    pub router: Router,
    /// The app's database, for what a test checks beyond the answers.
    pub db: app::db::Db,
    _folder: tempfile::TempDir,
}

impl TestApp {
    /// Migrates and seeds a fresh demo database and builds the router the binary serves.
    pub async fn demo() -> TestApp {
        TestApp::demo_with(&[]).await
    }

    /// The demo with more settings (`ARSHJUL_TRUST_PROXY`, …).
    pub async fn demo_with(settings: &[(&'static str, &str)]) -> TestApp {
        let folder = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}/arshjul.db", folder.path().display());
        let vars = BTreeMap::from([
            ("DATABASE_URL", url.clone()),
            ("ARSHJUL_DEMO", "1".to_string()),
            ("ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR", "1000000".to_string()),
            // The matrix sends hundreds of requests a second per session.
            ("ARSHJUL_REQUESTS_PER_MINUTE", "0".to_string()),
        ]);
        let mut vars = vars;
        vars.extend(settings.iter().map(|(k, v)| (*k, v.to_string())));
        let config = Config::from_vars(&|name| vars.get(name).cloned()).expect("demo config");
        config.prepare_sqlite_dir().expect("database folder");
        let db = app::db::Db::connect(&url).await.expect("database");
        db.migrate().await.expect("migrations");
        let options = leptos::prelude::LeptosOptions::builder()
            .output_name("arshjul")
            .build();
        let router = server::app(&config, db.clone(), options)
            .await
            .expect("the app starts")
            .layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        TestApp {
            router,
            db,
            _folder: folder,
        }
    }

    /// How many changes the audit trail holds (every row but refusals): a request that changed
    /// something adds one.
    pub async fn changes(&self) -> i64 {
        app::with_db!(&self.db, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('refused', 'refusals_held')",
            )
            .fetch_one(pool)
            .await
        })
        .expect("the audit trail")
    }

    /// Somebody with no session yet.
    pub fn visitor(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: BTreeMap::new(),
            forwarded_for: None,
        }
    }

    /// A demo person signed in through `/api/logga-in`.
    pub async fn signed_in(&self, email: &str) -> Client {
        let mut client = self.visitor();
        let (status, _) = client
            .post_form("logga-in", &[("email", email), ("password", DEMO_PASSWORD)])
            .await;
        assert!(status.as_u16() < 400, "sign-in as {email}: {status}");
        assert!(
            !client.cookies.is_empty(),
            "sign-in as {email} set a cookie"
        );
        client
    }
}

/// One person's way into the app: the router and the cookies it has set for them.
pub struct Client {
    router: Router,
    cookies: BTreeMap<String, String>,
    forwarded_for: Option<String>,
}

impl Client {
    /// The same browser, now behind a proxy that names `address` as the client
    /// (`X-Forwarded-For`, read with `ARSHJUL_TRUST_PROXY`).
    pub fn behind_proxy_as(mut self, address: &str) -> Client {
        self.forwarded_for = Some(address.to_string());
        self
    }

    /// Calls a server function (the path below `/api/`) with a form; the status and the body.
    pub async fn post_form(
        &mut self,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post_raw(endpoint, body).await
    }

    /// Calls a server function with a body sent as it is, malformed or not.
    pub async fn post_raw(&mut self, endpoint: &str, body: String) -> (StatusCode, String) {
        let request = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        let (status, _, body) = self.send(request, Body::from(body)).await;
        (status, body)
    }

    /// Fetches a plain route (a download, a calendar): the status, the headers and the body.
    pub async fn get(&mut self, path: &str) -> (StatusCode, HeaderMap, String) {
        self.send(Request::get(path), Body::empty()).await
    }

    /// Loads a page as a browser navigating to it does (`Accept: text/html`).
    pub async fn get_page(&mut self, path: &str) -> (StatusCode, HeaderMap, String) {
        self.send(
            Request::get(path).header(header::ACCEPT, "text/html,*/*;q=0.8"),
            Body::empty(),
        )
        .await
    }

    /// Posts `body` (of `content_type`) to `path` with extra `headers`: the status and the body.
    pub async fn post_with(
        &mut self,
        path: &str,
        headers: &[(&str, &str)],
        content_type: &str,
        body: &str,
    ) -> (StatusCode, String) {
        let mut request = Request::post(path).header(header::CONTENT_TYPE, content_type);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let (status, _, body) = self.send(request, Body::from(body.to_string())).await;
        (status, body)
    }

    /// Posts a multipart form to `path` as a browser's upload form does: the text `fields` and a
    /// file `fil` named `file_name` with `content` (text/plain); the status and the headers.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        content: &str,
    ) -> (StatusCode, HeaderMap) {
        const BOUNDARY: &str = "arshjul-test-boundary";
        let mut body = String::new();
        for (name, value) in fields {
            body.push_str(&format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/plain\r\n\r\n{content}\r\n--{BOUNDARY}--\r\n"
        ));
        let request = Request::post(path).header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
        let (status, headers, _) = self.send(request, Body::from(body)).await;
        (status, headers)
    }

    /// Posts to `path` as a page on another site would make the browser do: the status.
    pub async fn post_cross_site(&mut self, path: &str) -> StatusCode {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "cross-site");
        self.send(request, Body::from("a=1")).await.0
    }

    /// Posts a URL-encoded form to a plain route: the status, the headers and the body.
    pub async fn post_plain(&mut self, path: &str, body: &str) -> (StatusCode, HeaderMap, String) {
        let request =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(request, Body::from(body.to_string())).await
    }

    /// Fetches a plain route whose answer is binary (a PDF): the status, the headers and the bytes.
    pub async fn get_bytes(&mut self, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        self.send_bytes(Request::get(path), Body::empty()).await
    }

    /// Posts an empty form to a plain route whose answer is binary (a zip): the status, the
    /// headers and the bytes.
    pub async fn post_for_bytes(&mut self, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send_bytes(request, Body::empty()).await
    }

    async fn send(
        &mut self,
        request: axum::http::request::Builder,
        body: Body,
    ) -> (StatusCode, HeaderMap, String) {
        let (status, headers, bytes) = self.send_bytes(request, body).await;
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    async fn send_bytes(
        &mut self,
        mut request: axum::http::request::Builder,
        body: Body,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        if let Some(address) = &self.forwarded_for {
            request = request.header("x-forwarded-for", address.as_str());
        }
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request = request.header(header::COOKIE, cookie);
        }
        let request = request.body(body).expect("request");
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        for value in response.headers().get_all(header::SET_COOKIE) {
            let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) else {
                continue;
            };
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies
                    .insert(name.trim().to_string(), value.to_string());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
            .await
            .expect("body");
        (status, headers, bytes.to_vec())
    }

    /// Calls a server function that reads, and parses its JSON answer.
    pub async fn read_json(&mut self, endpoint: &str, form: &[(&str, &str)]) -> serde_json::Value {
        let (status, body) = self.post_form(endpoint, form).await;
        assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
        serde_json::from_str(&body).expect("JSON")
    }
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}
