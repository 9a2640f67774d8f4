//! The occupational health service's statistics, in-process on a fresh demo database: the
//! group's secretary enters a node's year (a bad box is refused beside its field and nothing is
//! saved), members read it with its chart, a member cannot enter it, a chef outside the group
//! reads nothing, and the figures freeze into a protocol's bilaga as PDF and XLSX.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::{header, StatusCode};

use crate::support::{Client, TestApp};

const SECRETARY: &str = "maja.lindgren@exempelstad.se";
const MEMBER: &str = "hanna.aberg@exempelstad.se";
const OUTSIDER: &str = "anna.lindqvist@exempelstad.se";
const KEEPER: &str = "elif.demir@exempelstad.se";

async fn save(
    client: &mut Client,
    group: &str,
    year: &str,
    amounts: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut form = vec![
        ("group_id", group),
        ("year", year),
        ("provider", "Feelgood"),
    ];
    form.extend_from_slice(amounts);
    client
        .post_form("samverkan/foretagshalsovard/spara", &form)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_statistics_are_entered_by_the_secretary_read_by_members_and_frozen_into_a_bilaga() {
    let app = TestApp::demo().await;
    let mut secretary = app.signed_in(SECRETARY).await;
    let groups = secretary.read_json("samverkan", &[]).await;
    let group = groups["groups"][0]["id"].to_string();
    let g = group.as_str();

    // A bad box is refused beside its field, and nothing of the year is saved.
    let (status, body) = save(
        &mut secretary,
        g,
        "2021",
        &[("amounts[m1]", "41,5"), ("amounts[m3]", "mycket")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("m3") && body.contains("tkr"), "{body}");
    let page = secretary
        .read_json(
            "samverkan/foretagshalsovard",
            &[("group_id", g), ("year", "2021")],
        )
        .await;
    assert!(page["figures"].is_null(), "{page}");
    assert_eq!(page["may_edit"], true);

    let (status, body) = save(
        &mut secretary,
        g,
        "2021",
        &[
            ("amounts[m1]", "41,5"),
            ("amounts[m2]", "63"),
            ("amounts[remedial_individual]", "293"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = save(&mut secretary, g, "2020", &[("amounts[m1]", "29")]).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // A member reads the year with the one before, and its chart; they cannot enter figures.
    let mut member = app.signed_in(MEMBER).await;
    let page = member
        .read_json(
            "samverkan/foretagshalsovard",
            &[("group_id", g), ("year", "2021")],
        )
        .await;
    assert_eq!(page["figures"]["months"][0], 41_500, "{page}");
    assert_eq!(page["figures"]["months"][2], serde_json::Value::Null);
    assert_eq!(page["last"]["year"], 2020);
    assert_eq!(page["may_edit"], false);
    let (status, _) = save(&mut member, g, "2021", &[("amounts[m1]", "1")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let chart = format!("/samverkan/{g}/foretagshalsovard/2021/diagram.svg");
    let (status, headers, body) = member.get(&chart).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("image/svg+xml"));
    assert!(
        body.starts_with("<svg") && body.contains("2021 och 2020"),
        "{body}"
    );
    let (status, _, _) = member
        .get(&format!(
            "/samverkan/{g}/foretagshalsovard/2019/diagram.svg"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a year without figures");

    // A chef outside the group reads nothing of it; nobody signed in is asked to sign in.
    let mut outsider = app.signed_in(OUTSIDER).await;
    let (status, _) = outsider
        .post_form(
            "samverkan/foretagshalsovard",
            &[("group_id", g), ("year", "2021")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = outsider.get(&chart).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app.visitor().get(&chart).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The secretary attaches the statistics to an open protocol: a year without figures is
    // refused beside the year, the year with them becomes a bilaga read as PDF and XLSX.
    let mut keeper = app.signed_in(KEEPER).await;
    let (status, body) = keeper
        .post_form(
            "samverkan/mote/ny",
            &[
                ("group_id", g),
                ("year", "2032"),
                ("meeting[date]", "2032-06-01"),
                ("meeting[start]", "10:30"),
                ("meeting[end]", "12:00"),
                ("meeting[location]", "Stadshuset"),
                ("meeting[online_link]", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let plan = keeper
        .read_json("samverkan/grupp", &[("group_id", g), ("year", "2032")])
        .await;
    let meeting = plan["meetings"][0]["id"].to_string();
    let m = [("group_id", g), ("meeting_id", meeting.as_str())];
    let (status, body) = secretary.post_form("samverkan/mote/dagordning", &m).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let protocol = secretary.read_json("samverkan/protokoll", &m).await;
    let item = protocol["items"][3]["id"].to_string();
    let attach =
        |year: &'static str| [&m[..], &[("item_id", item.as_str()), ("year", year)]].concat();
    let (status, body) = secretary
        .post_form("samverkan/protokoll/foretagshalsovard", &attach(""))
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "2031 has no figures: {body}"
    );
    assert!(body.contains("ingen statistik"), "{body}");
    let (status, body) = member
        .post_form("samverkan/protokoll/foretagshalsovard", &attach("2021"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = secretary
        .post_form("samverkan/protokoll/foretagshalsovard", &attach("2021"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let protocol = secretary.read_json("samverkan/protokoll", &m).await;
    let bilaga = &protocol["bilagor"][0];
    assert_eq!(bilaga["kind"], "HealthService", "{protocol}");
    assert_eq!(
        bilaga["title"],
        "Årsstatistik Feelgood 2021, Socialförvaltningen"
    );
    let base = format!("/samverkan/{g}/mote/{meeting}/bilaga/{}", bilaga["id"]);
    let (status, headers, pdf) = secretary.get_bytes(&format!("{base}/tabeller.pdf")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let (status, _, xlsx) = secretary.get_bytes(&format!("{base}/tabeller.xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(xlsx.starts_with(b"PK"), "an XLSX is a zip");
}
