//! A cooperation group's archive export, in-process on a fresh demo database: the year's locked
//! protocols with their bilagor as one zip with an index, for those who keep the group only.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;

use axum::http::{header, StatusCode};

use crate::plain_routes::demo_september;
use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_groups_year_of_protocols_goes_to_the_archive_for_its_keepers_only() {
    let app = TestApp::demo().await;
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    let (group, _) = demo_september(&mut hr).await;
    let path = format!("/samverkan/{group}/arkiv/2026.zip");

    let (status, headers, body) = hr.post_for_bytes(&path).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(body)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    for expected in [
        "index.csv",
        "2026-09-21-v1/protokoll.pdf",
        "2026-09-21-v1/bilaga-1.pdf",
        "2026-09-21-v1/bilaga-1.xlsx",
        "2026-09-21-v1/bilaga-3.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    let mut protocol = Vec::new();
    zip.by_name("2026-09-21-v1/protokoll.pdf")
        .unwrap()
        .read_to_end(&mut protocol)
        .unwrap();
    assert!(protocol.starts_with(b"%PDF-"), "the protocol is a PDF");
    let mut index = String::new();
    zip.by_name("index.csv")
        .unwrap()
        .read_to_string(&mut index)
        .unwrap();
    assert!(
        index.contains("Fil;Handlingstyp;Grupp;Datum;Rubrik;Version;Justerat av"),
        "{index}"
    );
    assert!(
        index.contains("2026-09-21-v1/protokoll.pdf;Protokoll;Socialförvaltningens förvaltningsgrupp;2026-09-21;"),
        "{index}"
    );
    assert!(
        index.contains("Hanna Åberg 2026-"),
        "who approved, and when: {index}"
    );

    // A member who does not keep the group, a chef outside it, and nobody signed in get nothing;
    // a year outside the plans is not found.
    let mut approver = app.signed_in("hanna.aberg@exempelstad.se").await;
    let (status, _, _) = approver.post_for_bytes(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut outsider = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let (status, _, _) = outsider.post_for_bytes(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app.visitor().post_for_bytes(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = hr
        .post_for_bytes(&format!("/samverkan/{group}/arkiv/1999.zip"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A year without locked protocols is an export with only its index.
    let (status, _, body) = hr
        .post_for_bytes(&format!("/samverkan/{group}/arkiv/2027.zip"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let zip = zip::ZipArchive::new(std::io::Cursor::new(body)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    assert_eq!(names, vec!["index.csv"]);
}
