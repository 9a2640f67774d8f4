//! Sign-in limits that a stranger cannot turn into a lockout: wrong passwords from one address
//! stop only that address on the account; guessing spread over many addresses stops new browsers
//! but not a browser the owner has signed in on before. Through the router, with the client's
//! address named by a trusted proxy (`ARSHJUL_TRUST_PROXY`).

use axum::http::StatusCode;

use crate::support::{TestApp, DEMO_PASSWORD};

const OWNER: &str = "anna.lindqvist@exempelstad.se";

/// One sign-in attempt from `address` in a fresh browser: the status and the body.
async fn attempt(app: &TestApp, address: &str, password: &str) -> (StatusCode, String) {
    app.visitor()
        .behind_proxy_as(address)
        .post_form("logga-in", &[("email", OWNER), ("password", password)])
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_lock_the_owner_out_and_a_known_device_passes_the_ceiling() {
    let app = TestApp::demo_with(&[("ARSHJUL_TRUST_PROXY", "1")]).await;

    // The owner's phone has signed in before, then signed out: it is a known device.
    let mut phone = app.visitor().behind_proxy_as("10.0.0.1");
    let (status, body) = phone
        .post_form("logga-in", &[("email", OWNER), ("password", DEMO_PASSWORD)])
        .await;
    assert!(status.as_u16() < 400, "{status}: {body}");
    let (status, _) = phone.post_form("logga-ut", &[]).await;
    assert!(status.as_u16() < 400);

    // A stranger guesses ten times from one address and is stopped there…
    for n in 0..10 {
        let (status, _) = attempt(&app, "203.0.113.5", &format!("gissning-{n}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, body) = attempt(&app, "203.0.113.5", DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(body.contains("TooManyAttempts"), "{body}");
    // …while the owner, in a new browser elsewhere, signs in as usual.
    let (status, body) = attempt(&app, "10.0.0.2", DEMO_PASSWORD).await;
    assert!(status.as_u16() < 400, "{status}: {body}");

    // Guessing spread over many addresses reaches the account's ceiling: a new browser is
    // stopped, the owner's known phone is not.
    for n in 0..40 {
        let address = format!("198.51.100.{}", n % 8);
        let (status, _) = attempt(&app, &address, &format!("spridd-{n}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = attempt(&app, "10.0.0.3", DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, body) = phone
        .post_form("logga-in", &[("email", OWNER), ("password", DEMO_PASSWORD)])
        .await;
    assert!(status.as_u16() < 400, "the known phone: {status}: {body}");
}
