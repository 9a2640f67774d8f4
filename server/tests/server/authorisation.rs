//! The authorisation matrix, in-process against the real router on a fresh demo database: every
//! server function, called by every kind of person (nobody signed in, an employee, the deputy and
//! the chef of the unit, the safety representative above it, a chef of another unit, HR above it,
//! HR at the root), is allowed or refused as the role rights say. Allowed means "past the check":
//! the answer may still be 400, 404 or 409, since changes are sent with input that cannot be
//! saved, and that itself shows the check comes before the input is looked at. Refused means 401
//! without a session and 403 with one. Nothing may answer 5xx, and no server function may be
//! missing from the matrix. Also: malformed input gets a refusal, never a server error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::http::StatusCode;

use crate::support::{Client, TestApp};

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
use Actor::*;

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

const ALL: &[Actor] = &[Anon, Emp, Deputy, Chef, Safety, OtherChef, Hr, RootHr];
const SIGNED_IN: &[Actor] = &[Emp, Deputy, Chef, Safety, OtherChef, Hr, RootHr];
const READERS: &[Actor] = &[Emp, Deputy, Chef, Safety, Hr, RootHr];
const EDITORS: &[Actor] = &[Deputy, Chef, Hr, RootHr];
const FILLERS: &[Actor] = &[Deputy, Chef, Safety, Hr, RootHr];
const MEMBERS: &[Actor] = &[Emp, Deputy, Chef];
const ROLLUP: &[Actor] = &[Deputy, Chef, Safety, Hr, RootHr];
const HR: &[Actor] = &[Hr, RootHr];
const ROOT: &[Actor] = &[RootHr];

/// An id that exists nowhere.
const X: &str = "999999";

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

type Form = Vec<(String, String)>;

fn f(pairs: &[(&str, &str)]) -> Form {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

fn meeting() -> Form {
    f(&[
        ("meeting[date]", "inget datum"),
        ("meeting[start]", ""),
        ("meeting[end]", ""),
        ("meeting[location]", ""),
        ("meeting[online_link]", ""),
    ])
}

fn plan_action() -> Form {
    f(&[
        ("action[title]", ""),
        ("action[description]", ""),
        ("action[responsible]", ""),
    ])
}

fn agenda_item() -> Form {
    f(&[
        ("item[title]", ""),
        ("item[description]", ""),
        ("item[presenter]", ""),
        ("item[minutes]", ""),
        ("item[kind]", ""),
    ])
}

fn topic() -> Form {
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
}

/// Each server function: the form it is sent and who may call it.
pub(crate) fn matrix(ids: &Ids) -> Vec<(&'static str, Form, &'static [Actor])> {
    let u = f(&[("unit_id", &ids.unit)]);
    let um = f(&[("unit_id", &ids.unit), ("meeting_id", &ids.meeting)]);
    vec![
        // Public, and the person's own.
        ("inloggningssatt", vec![], ALL),
        ("jag", vec![], ALL),
        ("mina-enheter", vec![], SIGNED_IN),
        ("nasta-apt", vec![], SIGNED_IN),
        ("konto/sessioner", vec![], SIGNED_IN),
        ("konto/avsluta-session", f(&[("session_id", X)]), SIGNED_IN),
        // A one-time link and "Glömt lösenordet?" are open to all: the token or the address is
        // the key (an unknown token and an empty address are refused as input).
        ("konto/lank", f(&[("token", X)]), ALL),
        (
            "konto/valj-losenord",
            f(&[("token", X), ("password", ""), ("repeated", "")]),
            ALL,
        ),
        ("konto/glomt-losenord", f(&[("email", "")]), ALL),
        // The unit's plan.
        ("plan", u.clone(), READERS),
        ("mote", um.clone(), READERS),
        ("amne", [u.clone(), f(&[("topic_id", X)])].concat(), READERS),
        (
            "plan/skapa",
            [u.clone(), f(&[("year", "2031"), ("source", "ogiltig")])].concat(),
            EDITORS,
        ),
        (
            "plan/mote/ny",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0")]),
                meeting(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/mote/andra",
            [um.clone(), f(&[("plan_version", "0")]), meeting()].concat(),
            EDITORS,
        ),
        (
            "plan/mote/installt",
            [
                u.clone(),
                f(&[
                    ("meeting_id", X),
                    ("plan_version", "0"),
                    ("cancelled", "true"),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/placera",
            [
                u.clone(),
                f(&[
                    ("topic_id", X),
                    ("year", "2031"),
                    ("plan_version", "0"),
                    ("meeting_id", ""),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/placera-alla",
            [u.clone(), f(&[("year", "2031"), ("plan_version", "0")])].concat(),
            EDITORS,
        ),
        (
            "plan/amne/eget",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0")]),
                topic(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/ta-in",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0"), ("topic_id", "x")]),
            ]
            .concat(),
            EDITORS,
        ),
        // Renews the unit's calendar address for real: no other flow subscribes to this unit.
        ("plan/kalender/fornya", u.clone(), READERS),
        (
            "plan/mote/tillfalle/ny",
            [um.clone(), f(&[("plan_version", "0")]), meeting()].concat(),
            EDITORS,
        ),
        (
            "plan/mote/tillfalle/ta-bort",
            [um.clone(), f(&[("session_id", X), ("plan_version", "0")])].concat(),
            EDITORS,
        ),
        // Agendas and proposals.
        ("dagordning", um.clone(), READERS),
        (
            "dagordning/fran-planen",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/ny",
            [um.clone(), f(&[("section_id", "x")]), agenda_item()].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/andra",
            [
                um.clone(),
                f(&[("item_id", X), ("agenda_version", "0"), ("section_id", "")]),
                agenda_item(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "dagordning/flytta",
            [
                um.clone(),
                f(&[("what", "x"), ("id", X), ("direction", "x")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/ta-bort",
            [um.clone(), f(&[("item_id", X), ("to", "x")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/vagledning",
            [um.clone(), f(&[("item_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/hanns",
            [um.clone(), f(&[("item_id", X), ("reached", "true")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/flytta-ej-hunna",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/bilaga/ta-bort",
            [um.clone(), f(&[("attachment_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/nytt",
            [um.clone(), f(&[("title", "")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/byt-namn",
            [um.clone(), f(&[("section_id", X), ("title", "")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/ta-bort",
            [um.clone(), f(&[("section_id", X)])].concat(),
            EDITORS,
        ),
        ("forslag", u.clone(), READERS),
        (
            "forslag/nytt",
            [
                u.clone(),
                f(&[("meeting_id", ""), ("title", ""), ("description", "")]),
            ]
            .concat(),
            READERS,
        ),
        (
            "forslag/godta",
            [u.clone(), f(&[("proposal_id", X), ("meeting_id", "")])].concat(),
            EDITORS,
        ),
        (
            "forslag/skjut-upp",
            [u.clone(), f(&[("proposal_id", X)])].concat(),
            EDITORS,
        ),
        (
            "forslag/avsla",
            [u.clone(), f(&[("proposal_id", X), ("reason", "")])].concat(),
            EDITORS,
        ),
        (
            "backlog/planera",
            [u.clone(), f(&[("item_id", X), ("meeting_id", "")])].concat(),
            EDITORS,
        ),
        ("backlog/ny", [u.clone(), agenda_item()].concat(), EDITORS),
        (
            "backlog/ta-bort",
            [u.clone(), f(&[("item_id", X)])].concat(),
            EDITORS,
        ),
        (
            "kallelse/skicka",
            [u.clone(), f(&[("meeting_id", X), ("agenda_version", "0")])].concat(),
            EDITORS,
        ),
        // Minutes and the workload check.
        ("minnesanteckningar", um.clone(), READERS),
        ("minnesanteckningar/atgarder", um.clone(), READERS),
        (
            "minnesanteckningar/narvaro",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/punkt",
            [
                um.clone(),
                f(&[("item_id", X)]),
                f(&[("text[notes]", "")]),
                f(&[("text[decision]", "")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/atgard",
            [
                um.clone(),
                f(&[("action[title]", "")]),
                f(&[("action[responsible]", "")]),
                f(&[("action[due]", "")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/atgard/ta-bort",
            [um.clone(), f(&[("action_id", X)])].concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/publicera",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        ("avstamning", um.clone(), READERS),
        (
            "avstamning/rostning",
            [
                u.clone(),
                f(&[("meeting_id", X), ("method", "x"), ("open", "false")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "avstamning/rosta",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            MEMBERS,
        ),
        (
            "avstamning/anteckna",
            [
                u.clone(),
                f(&[
                    ("meeting_id", X),
                    ("red", "x"),
                    ("yellow", ""),
                    ("green", ""),
                    ("note", ""),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        // Action plan and checklists.
        ("handlingsplan", u.clone(), READERS),
        (
            "handlingsplan/ny",
            [u.clone(), f(&[("source", "x")]), plan_action()].concat(),
            EDITORS,
        ),
        (
            "handlingsplan/andra",
            [
                u.clone(),
                f(&[("action_id", X), ("version", "0"), ("status", "x")]),
                plan_action(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "handlingsplan/avsluta",
            [u.clone(), f(&[("action_id", X), ("version", "0")])].concat(),
            EDITORS,
        ),
        (
            "handlingsplan/aterkoppling",
            [u.clone(), f(&[("action_id", X)])].concat(),
            EDITORS,
        ),
        ("checklistor", u.clone(), READERS),
        (
            "checklistor/oppna",
            [u.clone(), f(&[("year", "2031"), ("kind", "ogiltig")])].concat(),
            EDITORS,
        ),
        (
            "checklista",
            [u.clone(), f(&[("checklist_id", X)])].concat(),
            READERS,
        ),
        (
            "checklista/svar",
            [u.clone(), f(&[("checklist_id", X), ("question_id", X)])].concat(),
            FILLERS,
        ),
        (
            "checklista/deltagare",
            [u.clone(), f(&[("checklist_id", X)])].concat(),
            EDITORS,
        ),
        (
            "checklista/klar",
            [u.clone(), f(&[("checklist_id", X), ("done", "true")])].concat(),
            EDITORS,
        ),
        (
            "checklista/ingen-atgard",
            [u.clone(), f(&[("checklist_id", X), ("question_id", X)])].concat(),
            FILLERS,
        ),
        (
            "checklista/atgard",
            [
                u.clone(),
                f(&[("checklist_id", X), ("question_id", X)]),
                plan_action(),
            ]
            .concat(),
            FILLERS,
        ),
        // Roll-ups over the unit.
        ("uppfoljning", f(&[("node", &ids.unit)]), ROLLUP),
        (
            "uppfoljning/analys",
            f(&[("node_id", &ids.unit), ("kind", "x"), ("year", "2031")]),
            FILLERS,
        ),
        ("uppfoljning/atgarder", f(&[("node", &ids.unit)]), ROLLUP),
        // HR.
        ("konton", vec![], HR),
        (
            "konton/aktiv",
            [f(&[("person_id", &ids.person), ("active", "true")])].concat(),
            HR,
        ),
        ("konton/koppla-loss", f(&[("person_id", &ids.person)]), HR),
        ("logg", f(&[("node", &ids.unit)]), HR),
        // Keeping the tree: HR at the avdelning or above it (the input cannot be saved, and
        // closing an avdelning with open units is refused, so nothing changes).
        ("organisation", f(&[("node_id", &ids.parent)]), HR),
        (
            "organisation/ny",
            f(&[
                ("parent_id", &ids.parent),
                ("name", ""),
                ("kind", ""),
                ("code", ""),
            ]),
            HR,
        ),
        (
            "organisation/andra",
            f(&[
                ("node_id", &ids.parent),
                ("name", ""),
                ("kind", ""),
                ("code", ""),
            ]),
            HR,
        ),
        (
            "organisation/flytta",
            f(&[("node_id", &ids.parent), ("place", "")]),
            HR,
        ),
        (
            "organisation/stang",
            f(&[("node_id", &ids.parent), ("close", "true")]),
            HR,
        ),
        (
            "organisation/roll",
            f(&[
                ("node_id", &ids.parent),
                ("email", ""),
                ("name", ""),
                ("title", ""),
                ("role", ""),
                ("union_name", ""),
            ]),
            HR,
        ),
        (
            "organisation/bjud-in",
            f(&[("node_id", &ids.parent), ("person_id", &ids.person)]),
            HR,
        ),
        // The kinds are the organisation's: its administrator's.
        (
            "organisation/typ",
            f(&[("node_id", &ids.root), ("label", ""), ("chef_label", "")]),
            ROOT,
        ),
        (
            "organisation/person",
            f(&[
                ("node_id", &ids.parent),
                ("person_id", X),
                ("name", ""),
                ("email", ""),
                ("title", ""),
            ]),
            HR,
        ),
        (
            "organisation/ta-bort-roll",
            f(&[
                ("node_id", &ids.parent),
                ("person_id", &ids.person),
                ("role", "ingen"),
            ]),
            HR,
        ),
        ("utkorg", vec![], HR),
        ("obligatoriska-amnen", vec![], HR),
        (
            "obligatoriska-amnen/ny",
            [f(&[("node_id", &ids.parent), ("year", "2031")]), topic()].concat(),
            HR,
        ),
        // The organisation's template: HR at the root.
        ("mall", vec![], ROOT),
        ("mall/amne", f(&[("topic_id", X)]), ROOT),
        (
            "mall/regler",
            [
                f(&[("rules[min_apts_per_year]", "x")]),
                f(&[("rules[notice_days]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        (
            "mall/amne/spara",
            [
                f(&[("topic_id", X)]),
                f(&[("topic[title]", "")]),
                f(&[("topic[month_start]", "")]),
                f(&[("topic[kind]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        ("mall/amne/ta-bort", f(&[("topic_id", X)]), ROOT),
        ("mall/punkt/ny", f(&[("title", "")]), ROOT),
        (
            "mall/punkt/byt-namn",
            [f(&[("point_id", X), ("title", "")])].concat(),
            ROOT,
        ),
        ("mall/punkt/ta-bort", f(&[("point_id", X)]), ROOT),
        ("mall/checklistor", vec![], ROOT),
        ("mall/checklistor/gor", f(&[("year", "1999")]), ROOT),
        (
            "mall/checklistor/fraga",
            [
                f(&[("template_id", X)]),
                f(&[("question[area]", "")]),
                f(&[("question[text]", "")]),
                f(&[("question[scale]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        (
            "mall/checklistor/ta-bort",
            [f(&[("template_id", X), ("question_id", X)])].concat(),
            ROOT,
        ),
        ("gallring", vec![], ROOT),
        // The HR import speaks for the whole organisation: HR at the root only.
        ("organisation/import", f(&[("import_id", X)]), ROOT),
        (
            "organisation/import/genomfor",
            f(&[("import_id", X), ("fingerprint", "")]),
            ROOT,
        ),
        (
            "gallring/regel",
            [
                f(&[("kind", "x")]),
                f(&[("rule[keep_years]", "")]),
                f(&[("rule[decision]", "")]),
                f(&[("rule[decided_on]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        ("gallring/kor", f(&[("kind", "x")]), ROOT),
        // Starting the organisation: its administrator (HR at the root). Saying it is ready
        // changes nothing in the demo, which is ready from the start.
        ("kom-igang", vec![], ROOT),
        ("kom-igang/klar", vec![], ROOT),
        (
            "kom-igang/inloggning",
            f(&[("email_domains", "inte en domän"), ("whom_to_ask", "")]),
            ROOT,
        ),
    ]
}

/// Every registered server function, as the path below `/api/`.
pub(crate) fn registered() -> Vec<String> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect()
}

async fn clients(app: &TestApp) -> Vec<(Actor, Client)> {
    let mut clients = Vec::new();
    for &actor in ALL {
        let client = match email(actor) {
            Some(email) => app.signed_in(email).await,
            None => app.visitor(),
        };
        clients.push((actor, client));
    }
    clients
}

/// The unit, its avdelning, one of its meetings and a person in it, as the chef and HR see them.
async fn ids(chef: &mut Client, hr: &mut Client) -> Ids {
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
    let accounts = hr.read_json("konton", &[]).await;
    let person = accounts
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
    Ids {
        unit,
        meeting,
        parent,
        person,
        root,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_allows_exactly_the_roles_it_should() {
    let app = TestApp::demo().await;
    let mut clients = clients(&app).await;
    let ids = {
        let mut chef = app.signed_in(email(Chef).unwrap_or_default()).await;
        let mut hr = app.signed_in(email(Hr).unwrap_or_default()).await;
        ids(&mut chef, &mut hr).await
    };
    let rows = matrix(&ids);
    let mut problems = Vec::new();
    for (endpoint, form, allowed) in &rows {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        for (actor, client) in &mut clients {
            let (status, body) = client.post_form(endpoint, &pairs).await;
            let expect_allowed = allowed.contains(actor);
            let refused = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
            let expected_refusal = if *actor == Anon {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            let problem = if status.is_server_error() {
                format!(
                    "answered {status}: {}",
                    body.chars().take(120).collect::<String>()
                )
            } else if expect_allowed && refused {
                format!("refused ({status}) but should be allowed")
            } else if !expect_allowed && !refused {
                format!("allowed ({status}) but should be refused")
            } else if !expect_allowed && status != expected_refusal {
                format!("refused with {status}, expected {expected_refusal}")
            } else {
                continue;
            };
            problems.push(format!("{endpoint} as {actor:?}: {problem}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Every server function is in the matrix or left out with a reason.
    let missing: Vec<String> = registered()
        .into_iter()
        .filter(|e| !rows.iter().any(|(r, ..)| r == e) && !LEFT_OUT.iter().any(|(l, _)| l == e))
        .collect();
    assert!(registered().len() > 80, "server functions are registered");
    assert!(missing.is_empty(), "not in the matrix: {missing:?}");
}

/// HR at the root of the demo's other organisation (Norrvik): the widest rights there, none here.
const OTHER_ORGANISATION_HR: &str = "sara.lindahl@norrvik.se";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisations_hr_reaches_nothing_of_this_one() {
    let app = TestApp::demo().await;
    let ids = {
        let mut chef = app.signed_in(email(Chef).unwrap_or_default()).await;
        let mut hr = app.signed_in(email(Hr).unwrap_or_default()).await;
        ids(&mut chef, &mut hr).await
    };
    let ours = [&ids.unit, &ids.meeting, &ids.parent, &ids.person, &ids.root];
    let mut stranger = app.signed_in(OTHER_ORGANISATION_HR).await;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (endpoint, form, _) in matrix(&ids) {
        // Only the calls that name something of Exempelstad; the rest act on the caller's own.
        if !form.iter().any(|(_, v)| ours.contains(&v)) {
            continue;
        }
        checked += 1;
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let (status, body) = stranger.post_form(endpoint, &pairs).await;
        if status != StatusCode::FORBIDDEN && status != StatusCode::NOT_FOUND {
            problems.push(format!(
                "{endpoint}: answered {status}: {}",
                body.chars().take(120).collect::<String>()
            ));
        }
    }
    assert!(checked > 40, "the matrix names this organisation's ids");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Lists of the caller's own hold nothing of this organisation either.
    let units = stranger.read_json("mina-enheter", &[]).await.to_string();
    assert!(units.contains("Stadsbiblioteket"), "{units}");
    assert!(!units.contains("Hemtjänst Norr"), "{units}");
    let accounts = stranger.read_json("konton", &[]).await.to_string();
    assert!(accounts.contains("norrvik.se"), "{accounts}");
    assert!(!accounts.contains("exempelstad.se"), "{accounts}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_input_gets_a_refusal_never_a_server_error() {
    let app = TestApp::demo().await;
    // The widest rights, so every body reaches the parsing and the checks behind the access check.
    let mut client = app.signed_in(email(RootHr).unwrap_or_default()).await;
    let bodies = [
        String::new(),
        "unit_id=inte-ett-tal&meeting_id=-1&year=99999999999999999999".to_string(),
        format!(
            "unit_id=1&%%%=%ZZ&meeting[date]=\u{0}&item[title]={}",
            "å".repeat(20_000)
        ),
        "unit_id=1&unit_id=2&meeting_id[]=3&version=1e9&done=kanske&active=ja".to_string(),
    ];
    let mut problems = Vec::new();
    for endpoint in registered() {
        if LEFT_OUT.iter().any(|(l, _)| *l == endpoint) {
            continue;
        }
        for body in &bodies {
            let (status, answer) = client.post_raw(&endpoint, body.clone()).await;
            if status.is_server_error() {
                problems.push(format!(
                    "{endpoint} <- {}: {status} {}",
                    body.chars().take(60).collect::<String>(),
                    answer.chars().take(100).collect::<String>()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
