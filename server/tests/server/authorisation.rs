//! The authorisation matrix, in-process against the real router on a fresh demo database: every
//! server function, called by every kind of person (nobody signed in, an employee, the deputy and
//! the chef of the unit, the safety representative above it, a chef of another unit, HR above it,
//! HR at the root), is allowed or refused as the role rights say. Allowed means "past the check":
//! the answer may still be 400, 404 or 409, since changes are sent with input that cannot be
//! saved, and that itself shows the check comes before the input is looked at. Refused means 401
//! without a session and 403 with one. Nothing may answer 5xx, and no server function may be
//! missing from the matrix. Also: malformed input gets a refusal, never a server error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::StatusCode;

use crate::matrix::*;
use crate::support::{Client, TestApp};

async fn clients(app: &TestApp) -> Vec<(Actor, Client)> {
    let mut clients = Vec::new();
    for &actor in ALL {
        let client = match email(actor) {
            Some(email) => app.signed_in(email).await,
            None => app.visitor(),
        };
        clients.push((actor, client));
    }
    clients
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_allows_exactly_the_roles_it_should() {
    let app = TestApp::demo().await;
    let mut clients = clients(&app).await;
    let ids = {
        let mut chef = app.signed_in(email(Chef).unwrap_or_default()).await;
        let mut hr = app.signed_in(email(Hr).unwrap_or_default()).await;
        ids(&mut chef, &mut hr).await
    };
    let rows = matrix(&ids);
    let mut problems = Vec::new();
    for (endpoint, form, allowed) in &rows {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        for (actor, client) in &mut clients {
            let (status, body) = client.post_form(endpoint, &pairs).await;
            let expect_allowed = allowed.contains(actor);
            let refused = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
            let expected_refusal = if *actor == Anon {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            let problem = if status.is_server_error() {
                format!(
                    "answered {status}: {}",
                    body.chars().take(120).collect::<String>()
                )
            } else if expect_allowed && refused {
                format!("refused ({status}) but should be allowed")
            } else if !expect_allowed && !refused {
                format!("allowed ({status}) but should be refused")
            } else if !expect_allowed && status != expected_refusal {
                format!("refused with {status}, expected {expected_refusal}")
            } else {
                continue;
            };
            problems.push(format!("{endpoint} as {actor:?}: {problem}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Every server function is in the matrix or left out with a reason.
    let missing: Vec<String> = registered()
        .into_iter()
        .filter(|e| !rows.iter().any(|(r, ..)| r == e) && !LEFT_OUT.iter().any(|(l, _)| l == e))
        .collect();
    assert!(registered().len() > 80, "server functions are registered");
    assert!(missing.is_empty(), "not in the matrix: {missing:?}");
}

/// HR at the root of the demo's other organisation (Norrvik): the widest rights there, none here.
const OTHER_ORGANISATION_HR: &str = "sara.lindahl@norrvik.se";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisations_hr_reaches_nothing_of_this_one() {
    let app = TestApp::demo().await;
    let ids = {
        let mut chef = app.signed_in(email(Chef).unwrap_or_default()).await;
        let mut hr = app.signed_in(email(Hr).unwrap_or_default()).await;
        ids(&mut chef, &mut hr).await
    };
    let ours = [&ids.unit, &ids.meeting, &ids.parent, &ids.person, &ids.root];
    let mut stranger = app.signed_in(OTHER_ORGANISATION_HR).await;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (endpoint, form, _) in matrix(&ids) {
        // Only the calls that name something of Exempelstad; the rest act on the caller's own.
        if !form.iter().any(|(_, v)| ours.contains(&v)) {
            continue;
        }
        checked += 1;
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let (status, body) = stranger.post_form(endpoint, &pairs).await;
        if status != StatusCode::FORBIDDEN && status != StatusCode::NOT_FOUND {
            problems.push(format!(
                "{endpoint}: answered {status}: {}",
                body.chars().take(120).collect::<String>()
            ));
        }
    }
    assert!(checked > 40, "the matrix names this organisation's ids");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Lists of the caller's own hold nothing of this organisation either.
    let units = stranger.read_json("mina-enheter", &[]).await.to_string();
    assert!(units.contains("Stadsbiblioteket"), "{units}");
    assert!(!units.contains("Hemtjänst Norr"), "{units}");
    let accounts = stranger.read_json("konton", &[]).await.to_string();
    assert!(accounts.contains("norrvik.se"), "{accounts}");
    assert!(!accounts.contains("exempelstad.se"), "{accounts}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_input_gets_a_refusal_never_a_server_error() {
    let app = TestApp::demo().await;
    // The widest rights, so every body reaches the parsing and the checks behind the access check.
    let mut client = app.signed_in(email(RootHr).unwrap_or_default()).await;
    let bodies = [
        String::new(),
        "unit_id=inte-ett-tal&meeting_id=-1&year=99999999999999999999".to_string(),
        format!(
            "unit_id=1&%%%=%ZZ&meeting[date]=\u{0}&item[title]={}",
            "å".repeat(20_000)
        ),
        "unit_id=1&unit_id=2&meeting_id[]=3&version=1e9&done=kanske&active=ja".to_string(),
    ];
    let mut problems = Vec::new();
    for endpoint in registered() {
        if LEFT_OUT.iter().any(|(l, _)| *l == endpoint) {
            continue;
        }
        for body in &bodies {
            let (status, answer) = client.post_raw(&endpoint, body.clone()).await;
            if status.is_server_error() {
                problems.push(format!(
                    "{endpoint} <- {}: {status} {}",
                    body.chars().take(60).collect::<String>(),
                    answer.chars().take(100).collect::<String>()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_allowed_read_with_the_units_own_ids_answers_with_that_unit() {
    use app::audit::catalogue::{endpoint_kind, EndpointKind};

    let app = TestApp::demo().await;
    let mut chef = app.signed_in(email(Chef).unwrap_or_default()).await;
    let mut hr = app.signed_in(email(Hr).unwrap_or_default()).await;
    let ids = ids(&mut chef, &mut hr).await;
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (endpoint, form, allowed) in matrix(&ids) {
        let names_unit = form.iter().any(|(k, v)| k == "unit_id" && *v == ids.unit);
        if !names_unit || !allowed.contains(&Chef) || endpoint_kind(endpoint) != EndpointKind::Read
        {
            continue;
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let (status, body) = chef.post_form(endpoint, &pairs).await;
        if status != StatusCode::OK || body == "[]" {
            // A read of something the form does not name (an id of 999999): 404; an empty list
            // names no unit.
            continue;
        }
        checked += 1;
        let ours = body.contains(&format!("\"unit_id\":{}", ids.unit))
            || body.contains("Enheten för ekonomiskt bistånd");
        if !ours {
            wrong.push(format!(
                "{endpoint}: {}",
                body.chars().take(120).collect::<String>()
            ));
        }
    }
    assert!(checked >= 8, "reads of the unit answered ({checked})");
    assert!(
        wrong.is_empty(),
        "not the unit asked for:\n{}",
        wrong.join("\n")
    );
}
