//! A member's own subscription address for a cooperation group's meetings, in-process on a fresh
//! demo database: made on the group's page, it serves the group's meetings of last, this and next
//! year as iCalendar without a session; renewing stops the old address, and it stops by itself
//! when the person no longer sits in the group.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::{header, StatusCode};

use crate::support::{Client, TestApp};

const MEMBER: &str = "hanna.aberg@exempelstad.se";
const KEEPER: &str = "elif.demir@exempelstad.se";

/// The member's address as the group's page gives it, without the host.
async fn address(member: &mut Client, group: &str) -> Option<String> {
    let page = member
        .read_json("samverkan/grupp", &[("group_id", group)])
        .await;
    page["feed_url"].as_str().map(|url| {
        let path = url.split_once("://").map_or(url, |(_, rest)| rest);
        path[path.find('/').unwrap_or(0)..].to_string()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_follows_the_groups_meetings_while_they_sit_in_it() {
    let app = TestApp::demo().await;
    let mut member = app.signed_in(MEMBER).await;
    let groups = member.read_json("samverkan", &[]).await;
    let group = groups["groups"][0]["id"].to_string();
    assert_eq!(address(&mut member, &group).await, None, "none until made");

    let (status, body) = member
        .post_form("samverkan/kalender/fornya", &[("group_id", &group)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let first = address(&mut member, &group).await.expect("an address");
    assert!(first.starts_with("/samverkan/kalender/") && first.ends_with(".ics"));
    let (status, headers, body) = app.visitor().get(&first).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(body.contains("BEGIN:VCALENDAR"), "{body}");
    assert!(
        body.contains("SUMMARY:Socialförvaltningens förvaltningsgrupp"),
        "{body}"
    );
    assert!(
        body.contains("0921T"),
        "the demo's September meeting: {body}"
    );

    // Renewing stops the old address; a token of nothing is not found.
    let (status, _) = member
        .post_form("samverkan/kalender/fornya", &[("group_id", &group)])
        .await;
    assert_eq!(status, StatusCode::OK);
    let second = address(&mut member, &group).await.expect("a new address");
    assert_ne!(first, second);
    let (status, _, _) = app.visitor().get(&first).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the old address");
    let (status, _, _) = app.visitor().get(&second).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = app
        .visitor()
        .get(&format!("/samverkan/kalender/{}.ics", "0".repeat(64)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A chef outside the group may not make one.
    let mut outsider = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let (status, _) = outsider
        .post_form("samverkan/kalender/fornya", &[("group_id", &group)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Taken out of the group, the member's address stops.
    let mut keeper = app.signed_in(KEEPER).await;
    let page = keeper
        .read_json("samverkan/grupp", &[("group_id", &group)])
        .await;
    let hanna = page["members"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["name"] == "Hanna Åberg"))
        .map(|m| m["person_id"].to_string())
        .expect("the member");
    let (status, body) = keeper
        .post_form(
            "samverkan/ledamot/ta-bort",
            &[("group_id", &group), ("person_id", &hanna)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, _) = app.visitor().get(&second).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no longer in the group");
}
