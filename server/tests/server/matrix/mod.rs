//! The authorisation matrix's table: who plays each part around the unit "Enheten för
//! ekonomiskt bistånd", every server function with the form it is sent and who may call it
//! (`unit_rows.rs`: the unit's own work; `organisation_rows.rs`: HR's and the organisation's),
//! and the real ids the forms name. `authorisation.rs` and `more_actors.rs` run it.

mod organisation_rows;
mod unit_rows;

use crate::support::Client;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Actor {
    Anon,
    Emp,
    Deputy,
    Chef,
    Safety,
    OtherChef,
    Hr,
    RootHr,
}
pub(crate) use Actor::*;

/// Who plays each part, around the unit "Enheten för ekonomiskt bistånd".
pub(crate) fn email(actor: Actor) -> Option<&'static str> {
    Some(match actor {
        Anon => return None,
        Emp => "linnea.sjoberg@exempelstad.se", // medarbetare in the unit
        Deputy => "helena.nystrom@exempelstad.se", // biträdande chef in the unit
        Chef => "johan.wikstrom@exempelstad.se", // chef of the unit
        Safety => "elin.forsberg@exempelstad.se", // skyddsombud for the avdelning above it
        OtherChef => "ingrid.astrom@exempelstad.se", // chef of a sibling unit
        Hr => "fredrik.holmqvist@exempelstad.se", // HR at the förvaltning above
        RootHr => "elif.demir@exempelstad.se",  // HR at the organisation's root
    })
}

pub(crate) const ALL: &[Actor] = &[Anon, Emp, Deputy, Chef, Safety, OtherChef, Hr, RootHr];
pub(crate) const SIGNED_IN: &[Actor] = &[Emp, Deputy, Chef, Safety, OtherChef, Hr, RootHr];
pub(crate) const READERS: &[Actor] = &[Emp, Deputy, Chef, Safety, Hr, RootHr];
pub(crate) const EDITORS: &[Actor] = &[Deputy, Chef, Hr, RootHr];
pub(crate) const FILLERS: &[Actor] = &[Deputy, Chef, Safety, Hr, RootHr];
pub(crate) const MEMBERS: &[Actor] = &[Emp, Deputy, Chef];
pub(crate) const ROLLUP: &[Actor] = &[Deputy, Chef, Safety, Hr, RootHr];
pub(crate) const HR: &[Actor] = &[Hr, RootHr];
pub(crate) const ROOT: &[Actor] = &[RootHr];
/// For what only a role no actor of the matrix has may do (a cooperation group's secretary).
pub(crate) const NOBODY: &[Actor] = &[];

/// Our unit, and a sibling unit under the same avdelning with its chef and a member.
pub(crate) const OUR_UNIT: &str = "Enheten för ekonomiskt bistånd";
pub(crate) const SIBLING_UNIT: &str = "Barn- och ungdomsenheten";
pub(crate) const SIBLING_CHEF: &str = "ingrid.astrom@exempelstad.se";
pub(crate) const SIBLING_MEMBER: &str = "gabriel.mendoza@exempelstad.se";

/// An id that exists nowhere.
pub(crate) const X: &str = "999999";

/// Server functions the matrix leaves out on purpose, each with why.
pub(crate) const LEFT_OUT: &[(&str, &str)] = &[
    (
        "logga-in",
        "open to all by design; the sign-in tests cover wrong passwords",
    ),
    (
        "logga-ut",
        "signs the caller out (the sign-in flow covers it)",
    ),
    (
        "konto/avsluta-andra",
        "ends the caller's other sessions (security.spec covers it)",
    ),
];

pub(crate) type Form = Vec<(String, String)>;

pub(crate) fn f(pairs: &[(&str, &str)]) -> Form {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

pub(crate) fn meeting() -> Form {
    f(&[
        ("meeting[date]", "inget datum"),
        ("meeting[start]", ""),
        ("meeting[end]", ""),
        ("meeting[location]", ""),
        ("meeting[online_link]", ""),
    ])
}

pub(crate) fn plan_action() -> Form {
    f(&[
        ("action[title]", ""),
        ("action[description]", ""),
        ("action[responsible]", ""),
    ])
}

pub(crate) fn agenda_item() -> Form {
    f(&[
        ("item[title]", ""),
        ("item[description]", ""),
        ("item[presenter]", ""),
        ("item[minutes]", ""),
        ("item[kind]", ""),
    ])
}

pub(crate) fn topic() -> Form {
    f(&[
        ("topic[title]", ""),
        ("topic[month]", ""),
        ("topic[guidance]", ""),
    ])
}

/// Ids the calls name: the unit, one of its meetings, its avdelning and a person in it.
pub(crate) struct Ids {
    pub unit: String,
    pub meeting: String,
    pub parent: String,
    pub person: String,
    pub root: String,
    /// The förvaltning's cooperation group (HR above the unit sits in it).
    pub group: String,
    /// One of the group's meetings this year.
    pub group_meeting: String,
}

/// One row: the server function, the form it is sent, and who may call it.
pub(crate) type Row = (&'static str, Form, &'static [Actor]);

/// Each server function: the form it is sent and who may call it.
pub(crate) fn matrix(ids: &Ids) -> Vec<Row> {
    let mut rows = unit_rows::rows(ids);
    rows.extend(organisation_rows::rows(ids));
    rows
}

/// Every registered server function, as the path below `/api/`.
pub(crate) fn registered() -> Vec<String> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect()
}

/// The unit, its avdelning, one of its meetings and a person in it, as the chef and HR see them.
pub(crate) async fn ids(chef: &mut Client, hr: &mut Client) -> Ids {
    ids_of(
        chef,
        hr,
        "Enheten för ekonomiskt bistånd",
        email(Emp).unwrap_or_default(),
    )
    .await
}

/// The same ids for `unit_name` (the chef's unit) and the person with `person_email`.
pub(crate) async fn ids_of(
    chef: &mut Client,
    hr: &mut Client,
    unit_name: &str,
    person_email: &str,
) -> Ids {
    let units = chef.read_json("mina-enheter", &[]).await;
    let unit = units["units"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["name"] == unit_name))
        .expect("the unit")["id"]
        .to_string();
    let plan = chef.read_json("plan", &[("unit_id", &unit)]).await;
    let meeting = plan["meetings"][0]["id"].to_string();
    let accounts = hr.read_json("konton", &[("search", person_email)]).await;
    let person = accounts["rows"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|a| a["email"].as_str().unwrap_or_default() == person_email)
        })
        .expect("the employee")["id"]
        .to_string();
    let push = hr.read_json("obligatoriska-amnen", &[]).await;
    let parent = push["nodes"]
        .as_array()
        .and_then(|all| {
            all.iter().find(|n| {
                n["label"]
                    .as_str()
                    .is_some_and(|l| l.ends_with("Avdelningen för individ- och familjeomsorg"))
            })
        })
        .expect("the avdelning")["id"]
        .to_string();
    let kept = hr.read_json("organisation", &[("node_id", &parent)]).await;
    let root = kept["path"][0]["id"].to_string();
    let groups = hr.read_json("samverkan", &[]).await;
    let group = groups["groups"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|g| g["name"] == "Socialförvaltningens förvaltningsgrupp")
        })
        .expect("the demo's cooperation group")["id"]
        .to_string();
    let group_page = hr
        .read_json("samverkan/grupp", &[("group_id", &group)])
        .await;
    let group_meeting = group_page["meetings"][0]["id"].to_string();
    Ids {
        unit,
        meeting,
        parent,
        person,
        root,
        group,
        group_meeting,
    }
}
