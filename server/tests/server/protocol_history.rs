//! A locked protocol is kept with its history, in-process on a fresh demo database: once a
//! correction takes a bilaga out, the protocol as it stands no longer lists it, but the locked
//! version still reads as it was approved (its page data, its PDF, its bilaga's downloads) and
//! the archive export keeps it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::StatusCode;

use crate::plain_routes::demo_september;
use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_correction_takes_a_bilaga_out_and_the_locked_version_keeps_it() {
    let app = TestApp::demo().await;
    let mut secretary = app.signed_in("maja.lindgren@exempelstad.se").await;
    let (group, september) = demo_september(&mut secretary).await;
    let ids = [
        ("group_id", group.as_str()),
        ("meeting_id", september.as_str()),
    ];
    let locked = secretary.read_json("samverkan/protokoll", &ids).await;
    assert_eq!(locked["locked"]["version"], 1, "{locked}");
    let bilagor = locked["bilagor"].as_array().expect("bilagor");
    assert_eq!(bilagor.len(), 3, "{locked}");
    let third = bilagor[2]["id"].to_string();
    let base = format!("/samverkan/{group}/mote/{september}");

    // A correction opens version 2, and the secretary takes bilaga 3 out of it.
    let (status, body) = secretary
        .post_form(
            "samverkan/protokoll/rattelse",
            &[&ids[..], &[("reason", "Fel handlingsplan bifogad")]].concat(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = secretary
        .post_form(
            "samverkan/protokoll/bilaga/ta-bort",
            &[&ids[..], &[("bilaga_id", third.as_str())]].concat(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let draft = secretary.read_json("samverkan/protokoll", &ids).await;
    assert!(
        draft["locked"].is_null(),
        "the correction is a draft: {draft}"
    );
    assert_eq!(draft["bilagor"].as_array().unwrap().len(), 2, "{draft}");
    let versions = &draft["adjusting"]["versions"];
    assert_eq!(
        versions[1]["reason"], "Fel handlingsplan bifogad",
        "{versions}"
    );

    // A member reads version 1 as it was approved, with bilaga 3 and its downloads.
    let mut member = app.signed_in("hanna.aberg@exempelstad.se").await;
    let first = member
        .read_json(
            "samverkan/protokoll",
            &[&ids[..], &[("version", "1")]].concat(),
        )
        .await;
    assert_eq!(first["locked"]["version"], 1, "{first}");
    assert_eq!(first["bilagor"].as_array().unwrap().len(), 3, "{first}");
    assert!(
        first["adjusting"].is_null(),
        "an earlier version is only read"
    );
    let xlsx = format!("{base}/bilaga/{third}/tabeller.xlsx");
    let (status, _, bytes) = member.get_bytes(&format!("{xlsx}?version=1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"PK"), "an XLSX");
    let (status, _, _) = member.get_bytes(&xlsx).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the correction has no bilaga 3"
    );
    let (status, _, pdf) = member
        .get_bytes(&format!("{base}/protokoll.pdf?version=1"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with(b"%PDF-"), "version 1's PDF");

    // Version 2 is not locked, so there is no such kept version; one outside the group reads
    // none; those who keep the group read version 1 too.
    let (status, body) = member
        .post_form(
            "samverkan/protokoll",
            &[&ids[..], &[("version", "2")]].concat(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let mut outsider = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let (status, _, _) = outsider
        .get_bytes(&format!("{base}/protokoll.pdf?version=1"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = outsider.get_bytes(&format!("{xlsx}?version=1")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    let (status, body) = hr
        .post_form(
            "samverkan/protokoll",
            &[&ids[..], &[("version", "1")]].concat(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let kept = hr.read_json("samverkan/protokoll", &ids).await;
    assert_eq!(
        (
            kept["locked"]["version"].as_u64(),
            kept["bilagor"].as_array().map(Vec::len)
        ),
        (Some(1), Some(3)),
        "while the correction is open, one who keeps the group reads what was approved"
    );

    // The archive keeps version 1 with every bilaga it listed.
    let (status, _, zip) = hr
        .post_for_bytes(&format!("/samverkan/{group}/arkiv/2026.zip"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    for expected in ["2026-09-21-v1/bilaga-3.pdf", "2026-09-21-v1/bilaga-3.xlsx"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
}
