//! How the foreign-group test makes its two groups and furnishes each with the objects whose
//! ids the other group's people then try: our group is the demo's, theirs is made at the
//! municipality by HR at the root with its own secretary.

use axum::http::StatusCode;
use serde_json::Value;

use super::{THEIR_SECRETARY, YEAR};
use crate::support::Client;

/// One group's objects, as ids in text.
#[derive(Clone, Debug)]
pub(super) struct Objects {
    pub(super) group: String,
    pub(super) meeting: String,
    pub(super) item: String,
    pub(super) submission: String,
    pub(super) adjunct: String,
    pub(super) follow_up: String,
    pub(super) earlier_follow_up: String,
    pub(super) bilaga: String,
    pub(super) standing: String,
    /// A member of the group (their only member, or our first).
    pub(super) person: String,
}

pub(super) fn id(value: &Value) -> String {
    assert!(value.is_i64(), "an id: {value}");
    value.to_string()
}

pub(super) async fn ok(client: &mut Client, endpoint: &str, form: &[(&str, &str)]) -> String {
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
pub(super) async fn furnish(
    keeper: &mut Client,
    secretary: &mut Client,
    group: &str,
    date: &str,
) -> Objects {
    let (_, _, earlier_follow_up) =
        meeting_with_follow_up(keeper, secretary, group, &date.replace("-03-", "-02-")).await;
    let (meeting, item, follow_up) = meeting_with_follow_up(keeper, secretary, group, date).await;
    let page = keeper
        .read_json("samverkan/grupp", &[("group_id", group), ("year", YEAR)])
        .await;
    let standing = id(&page["standing"][10]["id"]);
    let person = id(&page["members"][0]["person_id"]);
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
        person,
    }
}

/// Our group (the demo's) and theirs, made now at the municipality with `THEIR_SECRETARY` as its
/// secretary: their ids.
pub(super) async fn groups(root_hr: &mut Client) -> (String, String) {
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
        root_hr,
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
        root_hr,
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

    (ours_id, theirs_id)
}
