//! The ways to sign in, as configured, against the real server binary: with local accounts off
//! the password sign-in is refused and not offered, a provider that does not answer sends the
//! browser back with a plain reason, and turning local accounts off without a provider is a
//! configuration error that stops the server. (The whole flow through a real OpenID provider is
//! in end2end/tests/oidc.spec.ts.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

use std::io::Read;
use std::process::Command;
use std::time::Duration;

use crate::running_server::{self, free_port, start};

/// The server in demo mode on a fresh SQLite file, with extra settings.
fn command(dir: &std::path::Path, port: u16, settings: &[(&str, String)]) -> Command {
    let url = format!("sqlite://{}/inloggning.db", dir.display());
    let mut command = running_server::demo_command(&url, port, dir);
    for (name, value) in settings {
        command.env(name, value);
    }
    command
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

fn body_of(mut response: ureq::http::Response<ureq::Body>) -> String {
    let mut body = String::new();
    response
        .body_mut()
        .as_reader()
        .read_to_string(&mut body)
        .expect("a readable body");
    body
}

#[test]
fn with_local_accounts_off_only_the_provider_signs_people_in() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    // A provider address where nothing answers: discovery fails at sign-in, not at start.
    let provider = format!("http://127.0.0.1:{}", free_port());
    let settings = [
        ("ARSHJUL_LOCAL_ACCOUNTS", "off".to_string()),
        ("ARSHJUL_OIDC_ISSUER", provider),
        ("ARSHJUL_OIDC_CLIENT_ID", "arshjul".to_string()),
        (
            "ARSHJUL_OIDC_CLIENT_SECRET",
            "hemligt-for-testet".to_string(),
        ),
        ("ARSHJUL_OIDC_NAME", "Exempelstads konto".to_string()),
        ("ARSHJUL_PUBLIC_URL", base.clone()),
        // A burst of ten attempts per address.
        ("ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR", "10".to_string()),
    ];
    let mut server = start(command(dir.path(), port, &settings), port);
    let agent = agent();

    // The sign-in page is told to offer the provider alone, and no demo passwords.
    let offered = agent
        .post(format!("{base}/api/inloggningssatt"))
        .header("Origin", &base)
        .send_form(std::iter::empty::<(&str, &str)>())
        .expect("the options answer");
    assert_eq!(offered.status(), 200);
    let offered: serde_json::Value = serde_json::from_str(&body_of(offered)).expect("JSON options");
    assert_eq!(offered["local_accounts"], false);
    assert_eq!(offered["provider"], "Exempelstads konto");
    assert!(offered["demo"].is_null(), "{offered}");

    // A password sign-in is refused outright, even with the demo's right password.
    let refused = agent
        .post(format!("{base}/api/logga-in"))
        .header("Origin", &base)
        .send_form([
            ("email", "anna.lindqvist@exempelstad.se"),
            ("password", "demo1234"),
        ])
        .expect("the sign-in answers");
    assert_eq!(refused.status(), 403);

    // The provider does not answer: back to the sign-in page with the reason.
    let begin = agent
        .get(format!("{base}/logga-in/oidc"))
        .call()
        .expect("the provider route answers");
    assert_eq!(begin.status(), 303);
    assert_eq!(
        begin
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/logga-in?fel=tjansten")
    );

    // A way back whose query does not parse is refused in Swedish terms, not with a bare 400.
    let broken = agent
        .get(format!("{base}/oidc/callback?state=a&state=b&code=c"))
        .call()
        .expect("the way back answers");
    assert_eq!(
        broken
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/logga-in?fel=utgangen")
    );

    // A flood of starts from one address is stopped, with its own reason.
    let mut last = None;
    for _ in 0..12 {
        let response = agent
            .get(format!("{base}/logga-in/oidc"))
            .call()
            .expect("the provider route answers");
        last = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok().map(str::to_string));
    }
    assert_eq!(last.as_deref(), Some("/logga-in?fel=for-manga-forsok"));

    server.kill().expect("stop");
    let _ = server.wait();
}

#[test]
fn local_accounts_off_without_a_provider_stops_the_server() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let port = free_port();
    let output = command(
        dir.path(),
        port,
        &[("ARSHJUL_LOCAL_ACCOUNTS", "off".to_string())],
    )
    .output()
    .expect("the server binary runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ARSHJUL_LOCAL_ACCOUNTS=off needs ARSHJUL_OIDC_ISSUER"),
        "{stderr}"
    );
}
