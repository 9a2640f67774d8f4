//! The plain routes with another group's real ids: the protocol's PDF of their meeting, their
//! bilaga's download under our meeting, an upload under their item, their archive and their
//! statistics' chart. Each answers as for an id of nothing (or refuses their group outright),
//! and the same routes with our own ids answer.

use axum::http::{header, StatusCode};

use super::making::Objects;
use crate::support::Client;

/// Where an upload under `item` of our meeting sends the browser back to, and how many bilagor
/// our protocol then lists.
async fn upload_under(secretary: &mut Client, ours: &Objects, item: &str) -> (String, usize) {
    let path = format!("/samverkan/{}/mote/{}/bilagor", ours.group, ours.meeting);
    let (status, headers) = secretary
        .post_multipart(&path, &[("item_id", item)], "fhv.txt", "Statistik")
        .await;
    assert!(
        status.is_redirection(),
        "an upload answers with a redirect: {status}"
    );
    let back = headers[header::LOCATION]
        .to_str()
        .unwrap_or_default()
        .to_string();
    let protocol = secretary
        .read_json(
            "samverkan/protokoll",
            &[("group_id", &ours.group), ("meeting_id", &ours.meeting)],
        )
        .await;
    let count = protocol["bilagor"].as_array().map_or(0, Vec::len);
    (back, count)
}

/// Our secretary and keeper try their ids through every plain route.
pub(super) async fn their_files_are_out_of_reach(
    ours: &Objects,
    theirs: &Objects,
    secretary: &mut Client,
    keeper: &mut Client,
) {
    let (g, m) = (&ours.group, &ours.meeting);
    // Their meeting's protocol under our group is as a meeting of nothing; under their group
    // it is refused.
    let (status, _, _) = secretary
        .get_bytes(&format!(
            "/samverkan/{g}/mote/{}/protokoll.pdf",
            theirs.meeting
        ))
        .await;
    let (nothing, _, _) = secretary
        .get_bytes(&format!("/samverkan/{g}/mote/999999/protokoll.pdf"))
        .await;
    assert_eq!(status, nothing, "their meeting's protocol under our group");
    assert!(!status.is_success());
    let theirs_pdf = format!(
        "/samverkan/{}/mote/{}/protokoll.pdf",
        theirs.group, theirs.meeting
    );
    let (status, _, _) = secretary.get_bytes(&theirs_pdf).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "their group's protocol");

    // Their bilaga under our meeting is a bilaga of nothing; under their meeting it is refused.
    for file in ["tabeller.pdf", "tabeller.xlsx"] {
        let (status, _, _) = secretary
            .get_bytes(&format!(
                "/samverkan/{g}/mote/{m}/bilaga/{}/{file}",
                theirs.bilaga
            ))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "their bilaga as {file}");
        let (status, _, _) = secretary
            .get_bytes(&format!(
                "/samverkan/{}/mote/{}/bilaga/{}/{file}",
                theirs.group, theirs.meeting, theirs.bilaga
            ))
            .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "their group's bilaga as {file}"
        );
    }

    // An upload under their item goes back as one under an item of nothing, and adds nothing.
    let (under_theirs, after_theirs) = upload_under(secretary, ours, &theirs.item).await;
    let (under_nothing, after_nothing) = upload_under(secretary, ours, "999999").await;
    assert_eq!(under_theirs, under_nothing, "an upload under their item");
    assert_eq!(after_theirs, after_nothing, "nothing was added");
    let (status, _) = secretary
        .post_multipart(
            &format!(
                "/samverkan/{}/mote/{}/bilagor",
                theirs.group, theirs.meeting
            ),
            &[("item_id", &theirs.item)],
            "fhv.txt",
            "Statistik",
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an upload into their protocol"
    );

    // Their archive and their statistics are refused.
    let (status, _, _) = keeper
        .post_for_bytes(&format!("/samverkan/{}/arkiv/2030.zip", theirs.group))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "their archive");
    let (status, _, _) = secretary
        .get_bytes(&format!(
            "/samverkan/{}/foretagshalsovard/2025/diagram.svg",
            theirs.group
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "their statistics' chart");

    // Our own ids answer.
    let (status, _, _) = secretary
        .get_bytes(&format!("/samverkan/{g}/mote/{m}/protokoll.pdf"))
        .await;
    assert_eq!(status, StatusCode::OK, "our protocol");
    let (status, _, _) = secretary
        .get_bytes(&format!(
            "/samverkan/{g}/mote/{m}/bilaga/{}/tabeller.xlsx",
            ours.bilaga
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "our bilaga");
    let (status, _, _) = keeper
        .post_for_bytes(&format!("/samverkan/{g}/arkiv/2030.zip"))
        .await;
    assert_eq!(status, StatusCode::OK, "our archive");
    let (status, _, _) = secretary
        .get_bytes(&format!(
            "/samverkan/{g}/foretagshalsovard/2025/diagram.svg"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "our statistics' chart");
}
