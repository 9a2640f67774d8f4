//! A cooperation group's people name their own group with the real objects of another group: its
//! meeting, agenda item, what was sent in, adjunct, follow-up, bilaga, standing item and member,
//! through the server functions and the plain routes (the protocol's PDF, a bilaga's download, an
//! upload under their item, the archive, the statistics' chart; `plain.rs`).
//! Every server function that takes such an id answers as it does for an id that exists nowhere
//! (403 or 404, never a success) and changes nothing of the other group; naming the other group
//! itself is refused. The same form with our own objects is then accepted, so each refusal is the
//! ownership check and never a form the server could not read.
//!
//! Our group is the demo's förvaltningsgrupp (its secretary writes the protocol, HR of the
//! administration keeps it); theirs is made here at the municipality, kept by HR at the root and
//! written by its own secretary, so neither of ours sits in it or keeps it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod making;
mod plain;

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{Client, TestApp};
use making::{furnish, Objects};

const OUR_SECRETARY: &str = "maja.lindgren@exempelstad.se";
const OUR_KEEPER: &str = "fredrik.holmqvist@exempelstad.se";
const ROOT_HR: &str = "elif.demir@exempelstad.se";
const THEIR_SECRETARY: &str = "johan.wikstrom@exempelstad.se";
const YEAR: &str = "2030";

/// Who calls an endpoint: the secretary (protocol and agenda) or the keeper (the group's own
/// settings and plan).
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    Secretary,
    Keeper,
}

/// An endpoint, who calls it, and its form.
type Attempt = (&'static str, By, Vec<(String, String)>);

/// The endpoints that take an object's id, each with a valid form for objects `o` (on the meeting
/// `o.meeting` of group `o.group`), in an order in which our own forms all succeed (the bilaga
/// goes before attaching the results again, which replaces it).
fn forms(o: &Objects) -> Vec<Attempt> {
    let base = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        [
            ("group_id", o.group.as_str()),
            ("meeting_id", o.meeting.as_str()),
        ]
        .iter()
        .chain(extra.iter())
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
    };
    let group_only = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        [("group_id", o.group.as_str())]
            .iter()
            .chain(extra.iter())
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    };
    vec![
        ("samverkan/mote", By::Secretary, base(&[])),
        ("samverkan/protokoll", By::Secretary, base(&[])),
        (
            "samverkan/mote/underpunkt",
            By::Secretary,
            base(&[
                ("parent_id", &o.item),
                ("title", "Underpunkt"),
                ("kind", "information"),
            ]),
        ),
        (
            "samverkan/mote/placera",
            By::Secretary,
            base(&[("submission_id", &o.submission), ("parent_id", &o.item)]),
        ),
        (
            "samverkan/protokoll/punkt",
            By::Secretary,
            base(&[
                ("item_id", &o.item),
                ("text[minutes]", "Arbetsgivaren informerade."),
                ("text[decision]", ""),
                ("text[minutes_before]", ""),
                ("text[decision_before]", ""),
            ]),
        ),
        (
            "samverkan/protokoll/uppfoljning",
            By::Secretary,
            base(&[("item_id", &o.item), ("question", "En fråga till")]),
        ),
        (
            "samverkan/protokoll/uppfoljning/svar",
            By::Secretary,
            base(&[("follow_up_id", &o.earlier_follow_up), ("answer", "Klart.")]),
        ),
        (
            "samverkan/protokoll/bilaga/ta-bort",
            By::Secretary,
            base(&[("bilaga_id", &o.bilaga)]),
        ),
        (
            "samverkan/protokoll/enheternas-resultat",
            By::Secretary,
            base(&[("item_id", &o.item), ("year", "2026")]),
        ),
        (
            "samverkan/protokoll/narvaro",
            By::Secretary,
            base(&[(format!("status[{}]", o.person).as_str(), "present")]),
        ),
        (
            "samverkan/protokoll/justerare",
            By::Secretary,
            base(&[(format!("approver[{}]", o.person).as_str(), "on")]),
        ),
        (
            "samverkan/protokoll/adjungerad/ta-bort",
            By::Secretary,
            base(&[("adjunct_id", &o.adjunct)]),
        ),
        (
            "samverkan/protokoll/uppfoljning/ta-bort",
            By::Secretary,
            base(&[("follow_up_id", &o.follow_up)]),
        ),
        (
            "samverkan/punkt/byt-namn",
            By::Keeper,
            group_only(&[("item_id", &o.standing), ("title", "Övriga frågor")]),
        ),
        (
            "samverkan/mote/installt",
            By::Keeper,
            base(&[("cancelled", "true")]),
        ),
        (
            "samverkan/punkt/ta-bort",
            By::Keeper,
            group_only(&[("item_id", &o.standing)]),
        ),
    ]
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Everything of their group a change could reach, as its secretary and keeper read it.
async fn snapshot(theirs: &Objects, secretary: &mut Client, keeper: &mut Client) -> Vec<Value> {
    let m = [
        ("group_id", theirs.group.as_str()),
        ("meeting_id", theirs.meeting.as_str()),
    ];
    vec![
        secretary.read_json("samverkan/protokoll", &m).await,
        secretary.read_json("samverkan/mote", &m).await,
        keeper
            .read_json(
                "samverkan/grupp",
                &[("group_id", theirs.group.as_str()), ("year", YEAR)],
            )
            .await,
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_groups_objects_are_out_of_reach_of_our_group() {
    let app = TestApp::demo().await;
    let mut root_hr = app.signed_in(ROOT_HR).await;
    let mut our_keeper = app.signed_in(OUR_KEEPER).await;
    let mut our_secretary = app.signed_in(OUR_SECRETARY).await;
    let mut their_secretary = app.signed_in(THEIR_SECRETARY).await;

    let (ours_id, theirs_id) = making::groups(&mut root_hr).await;

    let theirs = furnish(&mut root_hr, &mut their_secretary, &theirs_id, "2030-03-11").await;
    let ours = furnish(&mut our_keeper, &mut our_secretary, &ours_id, "2030-03-12").await;
    let before = snapshot(&theirs, &mut their_secretary, &mut root_hr).await;

    // Their objects under our group and meeting; our objects under their meeting; their group.
    let mixed = Objects {
        group: ours.group.clone(),
        meeting: ours.meeting.clone(),
        ..theirs.clone()
    };
    let their_meeting = Objects {
        meeting: theirs.meeting.clone(),
        ..ours.clone()
    };
    let nowhere = Objects {
        item: "999999".into(),
        submission: "999999".into(),
        adjunct: "999999".into(),
        follow_up: "999999".into(),
        earlier_follow_up: "999999".into(),
        bilaga: "999999".into(),
        standing: "999999".into(),
        person: "999999".into(),
        ..ours.clone()
    };
    let attempts = [
        ("their objects", forms(&mixed), Some(forms(&nowhere))),
        ("their meeting", forms(&their_meeting), None),
        ("their group", forms(&theirs), None),
    ];
    // The reads and the meeting's cancelling name no object beyond the meeting; the standing
    // agenda's endpoints name no meeting.
    let meeting_only = [
        "samverkan/mote",
        "samverkan/protokoll",
        "samverkan/mote/installt",
    ];
    for (what, tried, like) in attempts {
        for (i, (endpoint, by, form)) in tried.iter().enumerate() {
            let group_only = endpoint.starts_with("samverkan/punkt/");
            if (like.is_some() && meeting_only.contains(endpoint))
                || (what == "their meeting" && group_only)
            {
                continue;
            }
            let client = match by {
                By::Secretary => &mut our_secretary,
                By::Keeper => &mut our_keeper,
            };
            let (status, body) = client.post_form(endpoint, &pairs(form)).await;
            // The attendance is read for our members only: any other person's mark is left out,
            // theirs as an id of nothing (checked below: it never reaches our protocol).
            let ignored = like.is_some() && *endpoint == "samverkan/protokoll/narvaro";
            assert!(
                ignored || !status.is_success(),
                "{endpoint} with {what}: {status} {body}"
            );
            match &like {
                // An object named under our meeting: as an id of nothing (a choice from a list
                // answers beside its field, 422, for both).
                Some(like) => {
                    let (_, _, nowhere_form) = &like[i];
                    let (expected, _) = client.post_form(endpoint, &pairs(nowhere_form)).await;
                    assert_eq!(
                        status, expected,
                        "{endpoint} with {what}: as an id of nothing"
                    );
                }
                None => assert!(
                    matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                    "{endpoint} with {what}: {status} {body}"
                ),
            }
        }
    }
    assert_eq!(
        snapshot(&theirs, &mut their_secretary, &mut root_hr).await,
        before,
        "nothing of their group changed"
    );

    let our_protocol = our_secretary
        .read_json(
            "samverkan/protokoll",
            &[("group_id", &ours.group), ("meeting_id", &ours.meeting)],
        )
        .await;
    assert!(
        !our_protocol.to_string().contains("Wikström"),
        "their secretary was marked in nothing of ours: {our_protocol}"
    );
    plain::their_files_are_out_of_reach(&ours, &theirs, &mut our_secretary, &mut our_keeper).await;
    assert_eq!(
        snapshot(&theirs, &mut their_secretary, &mut root_hr).await,
        before,
        "nothing of their group changed through the plain routes"
    );

    // Our own objects: every form is accepted.
    for (endpoint, by, form) in forms(&ours) {
        let client = match by {
            By::Secretary => &mut our_secretary,
            By::Keeper => &mut our_keeper,
        };
        let (status, body) = client.post_form(endpoint, &pairs(&form)).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{endpoint} with our objects: {body}"
        );
    }
}
