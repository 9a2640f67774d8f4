//! A cooperation group's people name their own group with the real objects of another group: its
//! meeting, agenda item, what was sent in, adjunct, follow-up, bilaga, standing item and member.
//! Every server function that takes such an id answers as it does for an id that exists nowhere
//! (403 or 404, never a success) and changes nothing of the other group; naming the other group
//! itself is refused. The same form with our own objects is then accepted, so each refusal is the
//! ownership check and never a form the server could not read.
//!
//! Our group is the demo's förvaltningsgrupp (its secretary writes the protocol, HR of the
//! administration keeps it); theirs is made here at the municipality, kept by HR at the root and
//! written by its own secretary, so neither of ours sits in it or keeps it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{Client, TestApp};

const OUR_SECRETARY: &str = "maja.lindgren@exempelstad.se";
const OUR_KEEPER: &str = "fredrik.holmqvist@exempelstad.se";
const ROOT_HR: &str = "elif.demir@exempelstad.se";
const THEIR_SECRETARY: &str = "johan.wikstrom@exempelstad.se";
const YEAR: &str = "2030";

/// One group's objects, as ids in text.
#[derive(Clone, Debug)]
struct Objects {
    group: String,
    meeting: String,
    item: String,
    submission: String,
    adjunct: String,
    follow_up: String,
    earlier_follow_up: String,
    bilaga: String,
    standing: String,
}

fn id(value: &Value) -> String {
    assert!(value.is_i64(), "an id: {value}");
    value.to_string()
}

async fn ok(client: &mut Client, endpoint: &str, form: &[(&str, &str)]) -> String {
    let (status, body) = client.post_form(endpoint, form).await;
    assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
    body
}

/// A meeting of `group` on `date` with its agenda and a follow-up raised under item 4: its
/// (meeting, item, follow-up).
async fn meeting_with_follow_up(
    keeper: &mut Client,
    secretary: &mut Client,
    group: &str,
    date: &str,
) -> (String, String, String) {
    ok(
        keeper,
        "samverkan/mote/ny",
        &[
            ("group_id", group),
            ("year", YEAR),
            ("meeting[date]", date),
            ("meeting[start]", "10:30"),
            ("meeting[end]", "12:00"),
            ("meeting[location]", "Stadshuset"),
            ("meeting[online_link]", ""),
        ],
    )
    .await;
    let page = keeper
        .read_json("samverkan/grupp", &[("group_id", group), ("year", YEAR)])
        .await;
    let meeting = page["meetings"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["date"] == date))
        .map(|m| id(&m["id"]))
        .expect("the meeting");
    let m = [("group_id", group), ("meeting_id", meeting.as_str())];
    ok(secretary, "samverkan/mote/dagordning", &m).await;
    let protocol = secretary.read_json("samverkan/protokoll", &m).await;
    let item = id(&protocol["items"][3]["id"]);
    ok(
        secretary,
        "samverkan/protokoll/uppfoljning",
        &[
            &m[..],
            &[("item_id", item.as_str()), ("question", "Hur går det?")],
        ]
        .concat(),
    )
    .await;
    let protocol = secretary.read_json("samverkan/protokoll", &m).await;
    let follow_up = id(&protocol["items"][3]["text"]["follow_ups"][0]["id"]);
    (meeting, item, follow_up)
}

/// Two meetings of `group`, in February and on `date`: the second with its agenda, a question
/// sent in, an adjunct, a follow-up and the unit results attached under item 4, and the first's
/// follow-up to answer; made by its keeper and its secretary.
async fn furnish(keeper: &mut Client, secretary: &mut Client, group: &str, date: &str) -> Objects {
    let (_, _, earlier_follow_up) =
        meeting_with_follow_up(keeper, secretary, group, &date.replace("-03-", "-02-")).await;
    let (meeting, item, follow_up) = meeting_with_follow_up(keeper, secretary, group, date).await;
    let page = keeper
        .read_json("samverkan/grupp", &[("group_id", group), ("year", YEAR)])
        .await;
    let standing = id(&page["standing"][10]["id"]);
    let m = [("group_id", group), ("meeting_id", meeting.as_str())];
    ok(
        secretary,
        "samverkan/mote/anmal",
        &[
            &m[..],
            &[("kind", "question"), ("title", "Fråga om lokaler")],
        ]
        .concat(),
    )
    .await;
    ok(
        secretary,
        "samverkan/protokoll/adjungerad",
        &[&m[..], &[("name", "Gäst Gästsson")]].concat(),
    )
    .await;
    ok(
        secretary,
        "samverkan/protokoll/enheternas-resultat",
        &[&m[..], &[("item_id", item.as_str()), ("year", "2026")]].concat(),
    )
    .await;
    let protocol = secretary.read_json("samverkan/protokoll", &m).await;
    let plan = secretary.read_json("samverkan/mote", &m).await;
    Objects {
        group: group.to_string(),
        meeting: meeting.clone(),
        item,
        submission: id(&plan["submissions"][0]["id"]),
        adjunct: id(&protocol["adjuncts"][0]["id"]),
        follow_up,
        earlier_follow_up,
        bilaga: id(&protocol["bilagor"][0]["id"]),
        standing,
    }
}

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

    // Their group, at the municipality: HR at the root keeps it, its own secretary writes it.
    let groups = root_hr.read_json("samverkan", &[]).await;
    let ours_id = groups["groups"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|g| g["name"] == "Socialförvaltningens förvaltningsgrupp")
        })
        .map(|g| id(&g["id"]))
        .expect("our group");
    let root = groups["nodes"]
        .as_array()
        .and_then(|all| all.iter().find(|n| n["name"] == "Exempelstad"))
        .map(|n| id(&n["id"]))
        .expect("the municipality");
    let theirs_id = ok(
        &mut root_hr,
        "samverkan/ny",
        &[
            ("node_id", &root),
            ("name", "Centrala samverkansgruppen"),
            ("min_meetings", "4"),
            ("notice_days", "7"),
        ],
    )
    .await
    .trim()
    .to_string();
    ok(
        &mut root_hr,
        "samverkan/ledamot",
        &[
            ("group_id", &theirs_id),
            ("email", THEIR_SECRETARY),
            ("member[function_title]", "Sekreterare"),
            ("member[side]", "employer"),
            ("member[union_name]", ""),
            ("member[role]", "secretary"),
        ],
    )
    .await;

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
            assert!(
                !status.is_success(),
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
