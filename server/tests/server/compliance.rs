//! The compliance overview's exports, in-process on a fresh demo database: the CSV holds the
//! page's rows under its headings, sorted as asked, and goes only to whoever reads the node's
//! report drafts.

use axum::http::{header, StatusCode};

use crate::plain_routes::unit_id;
use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_exports_as_the_page_shows_it_for_its_readers_only() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let page = chef
        .read_json(
            "efterlevnad",
            &[("node_id", &unit), ("year", "2026"), ("sort", "atgarder")],
        )
        .await;
    assert_eq!(page["units"], 1, "{page}");
    assert_eq!(page["sort"], "atgarder");
    assert_eq!(page["rows"][0]["unit"]["name"], "Hemtjänst Norr");

    let path = format!("/enhet/{unit}/efterlevnad/efterlevnad.csv?ar=2026&sortera=atgarder");
    let (status, headers, body) = chef.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains(&format!("efterlevnad-{unit}-2026.csv")));
    let mut lines = body.trim_start_matches('\u{feff}').lines();
    let heading = lines.next().unwrap();
    assert!(
        heading.starts_with("Enhet;APT planerade (minst 8);APT hållna;"),
        "{heading}"
    );
    let row = lines.next().unwrap();
    let planned = page["rows"][0]["unit"]["planned"].to_string();
    assert!(
        row.starts_with(&format!("Hemtjänst Norr;{planned};")),
        "{row}"
    );
    let (status, _, bytes) = chef
        .get_bytes(&format!(
            "/enhet/{unit}/efterlevnad/efterlevnad.xlsx?ar=2026"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&bytes[..2], b"PK", "a workbook");
    let (status, _, _) = chef
        .get(&format!("/enhet/{unit}/efterlevnad/annat.pdf"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let mut employee = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, _, _) = employee.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
