//! The authorisation matrix (`authorisation.rs`) once more, for the people it does not play and
//! with the real ids of another unit:
//! - a chef of another avdelning, HR of another part of the tree, a safety representative held
//!   at the unit itself: each allowed exactly where their role reaches;
//! - a disabled account with a live cookie and an idled-out session: refused everywhere as
//!   nobody signed in (401);
//! - the unit's chef and employee with the real ids of a sibling unit (its meeting, its avdelning,
//!   its people): refused (403 or 404) wherever those ids are named, and nothing changes.

use axum::http::StatusCode;

use crate::matrix::{
    email, ids_of, matrix, Actor, Ids, OUR_UNIT, SIBLING_CHEF, SIBLING_MEMBER, SIBLING_UNIT,
};
use crate::support::{Client, TestApp};

/// Chef of Avdelningen för äldreomsorg (the other avdelning).
const OTHER_AVDELNING_CHEF: &str = "gunilla.dahlberg@exempelstad.se";
/// A medarbetare at Solgården, made HR of Avdelningen för äldreomsorg below.
const OTHER_PART_HR: &str = "tomasz.nowak@exempelstad.se";
/// A medarbetare of our unit, made its safety representative below.
const UNIT_SAFETY: &str = "oskar.lundgren@exempelstad.se";

/// Our unit's ids, and HR above it signed in.
async fn our_ids(app: &TestApp) -> (Ids, Client) {
    let mut chef = app.signed_in(email(Actor::Chef).unwrap_or_default()).await;
    let mut hr = app.signed_in(email(Actor::Hr).unwrap_or_default()).await;
    let emp = email(Actor::Emp).unwrap_or_default();
    let ids = ids_of(&mut chef, &mut hr, OUR_UNIT, emp).await;
    (ids, hr)
}

/// A node's id by the end of its label in HR's list of nodes.
async fn node(hr: &mut Client, name: &str) -> String {
    let nodes = hr.read_json("obligatoriska-amnen", &[]).await;
    nodes["nodes"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|n| n["label"].as_str().is_some_and(|l| l.ends_with(name)))
        })
        .unwrap_or_else(|| panic!("the node {name}"))["id"]
        .to_string()
}

/// HR at the root gives `email` the `role` at `node`.
async fn grant(root_hr: &mut Client, node: &str, email: &str, role: &str) {
    let (status, body) = root_hr
        .post_form(
            "organisation/roll",
            &[
                ("node_id", node),
                ("email", email),
                ("name", ""),
                ("title", ""),
                ("role", role),
                ("union_name", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{role} for {email}: {body}");
}

/// Whether any of `ids` is named in the form.
fn names_any(form: &[(String, String)], ids: &Ids) -> bool {
    let all = [
        &ids.unit,
        &ids.meeting,
        &ids.parent,
        &ids.person,
        &ids.root,
        &ids.group,
        &ids.group_meeting,
    ];
    form.iter().any(|(_, v)| all.contains(&v))
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_actors_the_matrix_leaves_out_reach_exactly_what_their_role_does() {
    let app = TestApp::demo().await;
    let (ids, mut hr) = our_ids(&app).await;
    let mut root_hr = app
        .signed_in(email(Actor::RootHr).unwrap_or_default())
        .await;
    let elderly_care = node(&mut hr, "Avdelningen för äldreomsorg").await;
    grant(&mut root_hr, &elderly_care, OTHER_PART_HR, "hr").await;
    grant(&mut root_hr, &ids.unit, UNIT_SAFETY, "skyddsombud").await;

    // Each new actor: who, and which of the matrix's actors they must answer like.
    type Rule = fn(&str, &[Actor], bool) -> bool;
    let like: [(&str, Rule); 3] = [
        // A chef above units also keeps the mandatory topics of their own avdelning.
        (OTHER_AVDELNING_CHEF, |endpoint, allowed, names_ours| {
            allowed.contains(&Actor::OtherChef)
                || (!names_ours && endpoint == "obligatoriska-amnen")
        }),
        (OTHER_PART_HR, |_, allowed, names_ours| {
            allowed.contains(&Actor::OtherChef) || (!names_ours && allowed.contains(&Actor::Hr))
        }),
        (UNIT_SAFETY, |_, allowed, _| {
            allowed.contains(&Actor::Safety) || allowed.contains(&Actor::Emp)
        }),
    ];
    let rows = matrix(&ids);
    let mut problems = Vec::new();
    for (who, rule) in like {
        let mut client = app.signed_in(who).await;
        for (endpoint, form, allowed) in &rows {
            let (status, body) = client.post_form(endpoint, &pairs(form)).await;
            let refused = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
            let expected = rule(endpoint, allowed, names_any(form, &ids));
            if status.is_server_error() || expected == refused {
                problems.push(format!(
                    "{endpoint} as {who}: {status} (should be {}): {}",
                    if expected { "allowed" } else { "refused" },
                    body.chars().take(100).collect::<String>()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_account_or_an_idled_out_session_is_nobody() {
    let app = TestApp::demo().await;
    let (ids, mut hr) = our_ids(&app).await;
    // The employee's browser keeps its cookie while HR turns the account off.
    let mut disabled = app.signed_in(email(Actor::Emp).unwrap_or_default()).await;
    let (status, body) = hr
        .post_form(
            "konton/aktiv",
            &[("person_id", &ids.person), ("active", "false")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The deputy's session was last used two hours ago (the idle limit is 30 minutes).
    let mut idle = app
        .signed_in(email(Actor::Deputy).unwrap_or_default())
        .await;
    let two_hours_ago = app::clock::Clock::system().now() - chrono::Duration::hours(2);
    app::with_db!(&app.db, pool => {
        sqlx::query(
            "UPDATE sign_in_sessions SET last_seen_at = $1
             WHERE person_id = (SELECT id FROM people WHERE email = $2) AND ended_at IS NULL",
        )
        .bind(two_hours_ago)
        .bind(email(Actor::Deputy).unwrap_or_default())
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();

    let before = app.changes().await;
    let mut problems = Vec::new();
    for (endpoint, form, allowed) in matrix(&ids) {
        if allowed.contains(&Actor::Anon) {
            continue;
        }
        for (who, client) in [("disabled", &mut disabled), ("idled out", &mut idle)] {
            let (status, _) = client.post_form(endpoint, &pairs(&form)).await;
            if status != StatusCode::UNAUTHORIZED {
                problems.push(format!("{endpoint} as the {who}: {status}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        app.changes().await,
        before,
        "a lost session changed something"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_ids_of_a_sibling_unit_are_refused_and_change_nothing() {
    let app = TestApp::demo().await;
    let mut sibling_chef = app.signed_in(SIBLING_CHEF).await;
    let mut hr = app.signed_in(email(Actor::Hr).unwrap_or_default()).await;
    let theirs = ids_of(&mut sibling_chef, &mut hr, SIBLING_UNIT, SIBLING_MEMBER).await;
    assert!(
        theirs.meeting.parse::<i64>().is_ok(),
        "the sibling unit has a meeting this year: {}",
        theirs.meeting
    );
    let mut clients = Vec::new();
    for actor in [Actor::Chef, Actor::Emp, Actor::Deputy] {
        clients.push((actor, app.signed_in(email(actor).unwrap_or_default()).await));
    }
    let before = app.changes().await;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (actor, client) in &mut clients {
        for (endpoint, form, allowed) in matrix(&theirs) {
            // Rows open to a chef of another unit act on the caller's own (their lists).
            if allowed.contains(&Actor::OtherChef) || !names_any(&form, &theirs) {
                continue;
            }
            checked += 1;
            let (status, body) = client.post_form(endpoint, &pairs(&form)).await;
            if status != StatusCode::FORBIDDEN && status != StatusCode::NOT_FOUND {
                problems.push(format!(
                    "{endpoint} as {actor:?} with the sibling's ids: {status}: {}",
                    body.chars().take(100).collect::<String>()
                ));
            }
        }
    }
    assert!(checked > 150, "the sibling's ids were named ({checked})");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        app.changes().await,
        before,
        "another unit's ids changed something"
    );
}
