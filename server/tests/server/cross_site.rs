//! Cross-site request forgery, on every route that changes something: each registered server
//! function and each plain route that takes a POST (the language, the archive export, the
//! multipart attachment upload, the HR import upload, the report's figures upload) is refused with 403 when the browser says
//! the request comes from another site (`Sec-Fetch-Site: cross-site`), and when only a foreign
//! `Origin` says so (older browsers), even for HR at the root with a live session; nothing is
//! changed (no change reaches the audit trail).

use axum::http::StatusCode;

use crate::support::TestApp;

/// The plain routes that take a POST, with a body of their kind.
const PLAIN_POSTS: [(&str, &str, &str); 5] = [
    (
        "/sprak",
        "application/x-www-form-urlencoded",
        "locale=en&tillbaka=/",
    ),
    ("/export/arkiv/1.zip", "application/x-www-form-urlencoded", ""),
    (
        "/enhet/1/mote/1/bilagor",
        "multipart/form-data; boundary=X",
        "--X\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.txt\"\r\n\r\nhej\r\n--X--\r\n",
    ),
    (
        "/enhet/1/arbetsmiljorapport/import",
        "multipart/form-data; boundary=X",
        "--X\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"\r\n\r\nhej\r\n--X--\r\n",
    ),
    (
        "/organisation/import/ladda-upp",
        "multipart/form-data; boundary=X",
        "--X\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"\r\n\r\nhej\r\n--X--\r\n",
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_changing_route_refuses_another_sites_request() {
    let app = TestApp::demo().await;
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    let before = app.changes().await;
    let foreign: [&[(&str, &str)]; 2] = [
        &[("sec-fetch-site", "cross-site")],
        &[("origin", "https://annan-webbplats.example")],
    ];
    let mut routes: Vec<(String, &str, &str)> = crate::matrix::registered()
        .into_iter()
        .map(|endpoint| {
            (
                format!("/api/{endpoint}"),
                "application/x-www-form-urlencoded",
                "unit_id=1",
            )
        })
        .collect();
    routes.extend(PLAIN_POSTS.iter().map(|(p, t, b)| (p.to_string(), *t, *b)));
    assert!(routes.len() > 80);
    let mut let_through = Vec::new();
    for (path, content_type, body) in &routes {
        for headers in foreign {
            let (status, answer) = hr.post_with(path, headers, content_type, body).await;
            if status != StatusCode::FORBIDDEN
                || !answer.starts_with("Begäran kom från en annan webbplats")
            {
                let_through.push(format!("{path} {headers:?}: {status}"));
            }
        }
    }
    assert!(let_through.is_empty(), "{}", let_through.join("\n"));
    assert_eq!(
        app.changes().await,
        before,
        "a refused request changed something"
    );
    eprintln!(
        "{} routes refused another site's POST both ways",
        routes.len()
    );
}
