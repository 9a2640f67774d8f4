//! The plain routes outside Leptos, in-process on a fresh demo database: a download goes to the
//! person who may read it as a file the browser saves and never runs, and a refusal is the
//! shared error's status with its Swedish sentence as plain text.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::{header, StatusCode};

use crate::support::TestApp;

/// Hemtjänst Norr's id, as its chef's list of units names it.
pub(crate) async fn unit_id(app: &TestApp) -> String {
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let units = chef.read_json("mina-enheter", &[]).await;
    units["units"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["name"] == "Hemtjänst Norr"))
        .expect("the unit")["id"]
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calendar_downloads_for_readers_and_is_refused_in_swedish_to_others() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let path = format!("/enhet/{unit}/kalender.ics?ar=2026");

    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, headers, body) = member.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("BEGIN:VCALENDAR"), "{body}");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\"apt-2026.ics\""));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.starts_with("sandbox") && policy.contains("default-src 'none'"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");

    let mut other = app.signed_in("ingrid.astrom@exempelstad.se").await;
    let (status, headers, body) = other.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body, "Du har inte behörighet till det här.");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));

    let (status, _, body) = app.visitor().get(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, "Du behöver logga in.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_files_are_not_found_never_a_server_error() {
    let app = TestApp::demo().await;
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    for path in [
        "/kalender/inte-en-token.ics",
        &format!("/kalender/{}.ics", "a".repeat(64)),
        "/export/okand.xlsx",
        "/export/uppfoljning.pdf",
        "/bilagor/999999",
    ] {
        let (status, _, body) = hr.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert_eq!(body, "Det du söker finns inte.", "{path}");
    }
    let (status, _, body) = hr.post_plain("/export/arkiv/inte-ett-tal.zip", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_to_an_archive_export_runs_none_and_records_nothing() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let path = format!("/export/arkiv/{unit}.zip");
    let exports = || async {
        app::with_db!(&app.db, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'export/arkiv'",
            )
            .fetch_one(pool)
            .await
        })
        .unwrap()
    };
    let (status, _, _) = chef.get(&path).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(exports().await, 0, "a GET exports nothing");
    let (status, headers, _) = chef.post_plain(&path, "").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    assert_eq!(exports().await, 1, "the export is on record");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_is_its_persons_and_ends_when_their_role_is_taken_away() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, body) = member
        .post_form("plan/kalender/fornya", &[("unit_id", &unit)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let plan = member.read_json("plan", &[("unit_id", &unit)]).await;
    let url = plan["feed_url"]
        .as_str()
        .expect("his own address")
        .to_string();
    let path = &url[url.find("/kalender/").expect("a feed path")..];
    let calendar_program = || app.visitor();
    let (status, _, body) = calendar_program().get(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("BEGIN:VCALENDAR"));

    // The chef has no address of their own yet: Mehmet's is not the unit's.
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let chefs = chef.read_json("plan", &[("unit_id", &unit)]).await;
    assert!(chefs["feed_url"].is_null());

    // HR takes Mehmet's role in the unit away: his subscription ends at once.
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    let accounts = hr
        .read_json("konton", &[("search", "mehmet.yilmaz@exempelstad.se")])
        .await;
    let mehmet = accounts["rows"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|a| a["email"] == "mehmet.yilmaz@exempelstad.se")
        })
        .expect("Mehmet")["id"]
        .to_string();
    let (status, body) = hr
        .post_form(
            "organisation/ta-bort-roll",
            &[
                ("node_id", &unit),
                ("person_id", &mehmet),
                ("role", "medarbetare"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, _) = calendar_program().get(path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_a_language_returns_only_to_a_page_of_this_site() {
    let app = TestApp::demo().await;
    let mut visitor = app.visitor();
    for (back, expected) in [
        ("%2Fenhet%2F12%3Far%3D2027", "/enhet/12?ar=2027"),
        ("%2F%09%2Fevil.example", "/"),
        ("%2F%5Cevil.example", "/"),
        ("%2F%2Fevil.example", "/"),
        ("https%3A%2F%2Fevil.example", "/"),
    ] {
        let (status, headers, _) = visitor
            .post_plain("/sprak", &format!("locale=en&tillbaka={back}"))
            .await;
        assert!(status.is_redirection(), "{back}: {status}");
        assert_eq!(headers[header::LOCATION], expected, "{back}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_took_part_in_a_checklist_marked_done_stays_as_it_was() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let lists = chef
        .read_json("checklistor", &[("unit_id", &unit), ("year", "2026")])
        .await;
    let done = lists["checklists"]
        .as_array()
        .and_then(|all| all.iter().find(|c| !c["done_on"].is_null()))
        .expect("the demo's SAM follow-up 2026, marked done")["id"]
        .to_string();
    let (status, body) = chef
        .post_form(
            "checklista/deltagare",
            &[
                ("unit_id", &unit),
                ("checklist_id", &done),
                ("others", "Någon annan"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("markerad som klar"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reading_a_years_checklists_or_roll_up_makes_no_templates() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let templates = || async {
        app::with_db!(&app.db, pool => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM checklist_templates")
                .fetch_one(pool)
                .await
        })
        .unwrap()
    };
    let before = templates().await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let page = chef
        .read_json("checklistor", &[("unit_id", &unit), ("year", "2090")])
        .await;
    assert!(page["checklists"].as_array().is_some_and(|c| !c.is_empty()));
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    hr.read_json("uppfoljning", &[("year", "2090")]).await;
    hr.read_json("mall/checklistor", &[("year", "2090")]).await;
    assert_eq!(templates().await, before, "a read made templates");

    // Opening a checklist of the year makes them.
    let (status, body) = chef
        .post_form(
            "checklistor/oppna",
            &[("unit_id", &unit), ("year", "2090"), ("kind", "sam_annual")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(templates().await > before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_over_its_request_limit_gets_a_plain_429_and_others_go_on() {
    let app = TestApp::demo_with(&[("ARSHJUL_REQUESTS_PER_MINUTE", "20")]).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let mut last = StatusCode::OK;
    for _ in 0..30 {
        (last, _) = chef.post_form("mina-enheter", &[]).await;
        if last == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
    }
    assert_eq!(
        last,
        StatusCode::TOO_MANY_REQUESTS,
        "a session's burst is 10"
    );
    let (_, body) = chef.post_form("mina-enheter", &[]).await;
    assert!(
        body.contains("TooManyRequests"),
        "the app's own error: {body}"
    );
    let (status, headers, page) = chef.get("/").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.contains_key(header::RETRY_AFTER));
    assert!(page.contains("<h1>För många förfrågningar</h1>"), "{page}");
    // Another person's browser at the same address is not held up.
    let mut hr = app.signed_in("elif.demir@exempelstad.se").await;
    let (status, _) = hr.post_form("mina-enheter", &[]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_refused_requests_adds_a_few_bounded_rows_to_the_trail() {
    let app = TestApp::demo().await;
    let rows = || async {
        app::with_db!(&app.db, pool => {
            sqlx::query_as::<_, (i64, i64)>(
                "SELECT COUNT(*), COALESCE(MAX(LENGTH(detail)), 0) FROM audit_log
                 WHERE action IN ('refused', 'refusals_held')",
            )
            .fetch_one(pool)
            .await
        })
        .unwrap()
    };
    let (before, _) = rows().await;
    let long = format!("/api/plan/ny/{}", "x".repeat(20_000));
    let mut stranger = app.visitor();
    for _ in 0..200 {
        assert_eq!(stranger.post_cross_site(&long).await, StatusCode::FORBIDDEN);
    }
    let (after, longest) = rows().await;
    assert_eq!(after - before, 5, "the first five, one by one");
    assert!(longest <= 500, "a refusal's detail is bounded: {longest}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_name_their_viewer_and_the_next_apt_until_when_its_copy_may_be_read() {
    let app = TestApp::demo().await;
    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, headers, _) = member.get_page("/nasta-apt").await;
    assert_eq!(status, StatusCode::OK);
    let viewer = headers["x-arshjul-viewer"].to_str().unwrap().to_string();
    assert!(viewer.parse::<i64>().is_ok(), "{viewer}");
    let until: i64 = headers["x-arshjul-copy-until"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let now = app::clock::Clock::system().now().timestamp_millis();
    let twelve_hours = 12 * 3600 * 1000;
    assert!((until - (now + twelve_hours)).abs() < 60_000, "{until}");
    // Any other page names the viewer only; a browser without a session, nobody.
    let (_, headers, _) = member.get_page("/").await;
    assert_eq!(headers["x-arshjul-viewer"].to_str().unwrap(), viewer);
    assert!(!headers.contains_key("x-arshjul-copy-until"));
    let (_, headers, _) = app.visitor().get_page("/logga-in").await;
    assert_eq!(headers["x-arshjul-viewer"].to_str().unwrap(), "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employee_with_ten_proposals_waiting_is_told_to_wait_for_the_chef() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let mut refused = None;
    for n in 0..=10 {
        let title = format!("Fråga {n}");
        let (status, body) = member
            .post_form(
                "forslag/nytt",
                &[
                    ("unit_id", &unit),
                    ("meeting_id", ""),
                    ("title", &title),
                    ("description", ""),
                ],
            )
            .await;
        if status != StatusCode::OK {
            refused = Some((status, body));
            break;
        }
    }
    let (status, body) = refused.expect("the eleventh at the latest is refused");
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("10 förslag som chefen inte har tagit ställning till"),
        "{body}"
    );
}

/// The demo group (the first the client sits in or keeps) and its September 2026 meeting, as
/// ids in text.
pub(crate) async fn demo_september(client: &mut crate::support::Client) -> (String, String) {
    let groups = client.read_json("samverkan", &[]).await;
    let group = groups["groups"][0]["id"].to_string();
    let plan = client
        .read_json("samverkan/grupp", &[("group_id", &group), ("year", "2026")])
        .await;
    let september = plan["meetings"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["date"] == "2026-09-21"))
        .expect("the demo's September meeting")["id"]
        .to_string();
    (group, september)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protocol_downloads_as_pdf_for_its_readers_only() {
    let app = TestApp::demo().await;
    let mut approver = app.signed_in("hanna.aberg@exempelstad.se").await;
    let (group, september) = demo_september(&mut approver).await;
    let path = format!("/samverkan/{group}/mote/{september}/protokoll.pdf");

    let (status, headers, body) = approver.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.starts_with("%PDF-"), "a PDF");
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"Protokoll Socialf_rvaltningens")
            && disposition.contains("2026-09-21.pdf\""),
        "{disposition}"
    );

    // A chef outside the group, and nobody signed in, get no protocol.
    let mut outsider = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let (status, _, body) = outsider.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body, "Du har inte behörighet till det här.");
    let (status, _, _) = app.visitor().get(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = approver
        .get(&format!("/samverkan/{group}/mote/999999/protokoll.pdf"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_groups_meetings_are_in_its_own_calendar_and_in_its_nodes() {
    let app = TestApp::demo().await;
    let mut hr = app.signed_in("fredrik.holmqvist@exempelstad.se").await;
    let groups = hr.read_json("samverkan", &[]).await;
    let group = groups["groups"][0]["id"].to_string();
    let node = groups["nodes"]
        .as_array()
        .and_then(|all| all.iter().find(|n| n["name"] == "Socialförvaltningen"))
        .expect("the group's node")["id"]
        .to_string();
    let (_, september) = demo_september(&mut hr).await;
    let uid = format!("UID:samverkan-{september}@arshjul");

    // The group's own file, for its members and keepers.
    let path = format!("/samverkan/{group}/kalender.ics?ar=2026");
    let (status, headers, body) = hr.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.starts_with("BEGIN:VCALENDAR"), "{body}");
    assert!(body.contains(&uid), "{body}");
    assert!(body.contains("SUMMARY:Socialförvaltningens förvaltningsgrupp"));
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\"samverkan-2026.ics\""));
    let mut outsider = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let (status, _, _) = outsider.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The node's calendar carries them beside its APTs; a unit below it does not.
    let (status, _, body) = hr.get(&format!("/enhet/{node}/kalender.ics?ar=2026")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains(&uid), "{body}");
    let unit = unit_id(&app).await;
    let (_, _, body) = hr.get(&format!("/enhet/{unit}/kalender.ics?ar=2026")).await;
    assert!(!body.contains("UID:samverkan-"), "{body}");
}
