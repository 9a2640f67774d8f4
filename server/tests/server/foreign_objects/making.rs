//! The objects of a unit the test names, made through the app as its chef and a member make them,
//! and read back from the database as they are at each moment.

use axum::http::StatusCode;

use super::YEAR;
use crate::support::{Client, TestApp};

/// One unit's objects, read from the database (versions as they are now).
#[derive(Clone, Debug)]
pub(super) struct Objects {
    pub(super) unit: String,
    pub(super) meeting: String,
    pub(super) plan_version: String,
    pub(super) agenda_version: String,
    pub(super) item: String,
    pub(super) section: String,
    pub(super) attachment: String,
    pub(super) proposal: String,
    pub(super) backlog: String,
    pub(super) action: String,
    pub(super) action_version: String,
    pub(super) meeting_action: String,
    pub(super) checklist: String,
    pub(super) question: String,
    pub(super) topic: String,
    pub(super) session: String,
    pub(super) sign_in_session: String,
}

/// One number from the database (`None` as "0"), the query bound to `args` in order.
pub(super) async fn number(app: &TestApp, sql: &str, args: &[i64]) -> String {
    let found: Option<i64> = app::with_db!(&app.db, pool => {
        let mut query = sqlx::query_scalar::<_, Option<i64>>(sql);
        for arg in args {
            query = query.bind(*arg);
        }
        query.fetch_one(pool).await
    })
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
    found.unwrap_or(0).to_string()
}

pub(super) async fn person(app: &TestApp, email: &str) -> i64 {
    app::with_db!(&app.db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT id FROM people WHERE email = $1")
            .bind(email)
            .fetch_one(pool)
            .await
    })
    .expect("the person")
}

/// The unit's id by its name in the chef's list of units.
async fn unit_id(chef: &mut Client, name: &str) -> i64 {
    let units = chef.read_json("mina-enheter", &[]).await;
    units["units"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["name"] == name))
        .and_then(|u| u["id"].as_i64())
        .expect("the unit")
}

/// Calls `endpoint` and insists that it works: the body.
async fn ok(client: &mut Client, endpoint: &str, form: &[(&str, &str)]) -> String {
    let (status, body) = client.post_form(endpoint, form).await;
    assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
    body
}

/// What the objects are found by: the unit, the meeting they hang on, its checklist and member.
pub(super) struct Unit {
    pub(super) unit: i64,
    pub(super) meeting: i64,
    pub(super) checklist: i64,
    pub(super) member: i64,
}

pub(super) fn item_form(title: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("item[title]", title),
        ("item[description]", ""),
        ("item[presenter]", ""),
        ("item[minutes]", "10"),
        ("item[kind]", "information"),
    ]
}

pub(super) fn plan_action_form(title: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("action[title]", title),
        ("action[description]", ""),
        ("action[responsible]", ""),
        ("action[start]", ""),
        ("action[end]", ""),
        ("action[comment]", ""),
    ]
}

pub(super) fn meeting_form(date: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("meeting[date]", date),
        ("meeting[start]", "13:00"),
        ("meeting[end]", "14:00"),
        ("meeting[location]", "Rum 2"),
        ("meeting[online_link]", ""),
    ]
}

const PLAN_VERSION: &str = "SELECT version FROM plans WHERE unit_id = $1 AND year = $2";

/// The unit's objects, made as its chef and a member make them through the app; the last
/// meeting of the year carries them.
pub(super) async fn make_unit(
    app: &TestApp,
    chef: &mut Client,
    member: &mut Client,
    member_email: &str,
    unit_name: &str,
) -> Unit {
    let unit = unit_id(chef, unit_name).await;
    let year: i64 = YEAR.parse().expect("the year");
    let meeting = number(
        app,
        "SELECT MAX(m.id) FROM meetings m JOIN plans p ON p.id = m.plan_id
         WHERE p.unit_id = $1 AND p.year = $2",
        &[unit, year],
    )
    .await;
    let u = unit.to_string();
    let (u, m) = (u.as_str(), meeting.as_str());
    ok(
        chef,
        "dagordning/fran-planen",
        &[("unit_id", u), ("meeting_id", m)],
    )
    .await;
    let section = [("unit_id", u), ("meeting_id", m), ("title", "Eget avsnitt")];
    ok(chef, "dagordning/avsnitt/nytt", &section).await;
    let (status, body) = chef
        .post_with(
            &format!("/enhet/{u}/mote/{m}/bilagor"),
            &[],
            "multipart/form-data; boundary=GRANS",
            "--GRANS\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"lista.txt\"\r\n\
             Content-Type: text/plain\r\n\r\nAtt ta upp\r\n--GRANS--\r\n",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the upload: {body}");
    for title in ["Mer tid för frågor", "Fikarummet", "Parkeringen"] {
        let form = [
            ("unit_id", u),
            ("meeting_id", ""),
            ("title", title),
            ("description", ""),
        ];
        ok(member, "forslag/nytt", &form).await;
    }
    for title in ["Sparad punkt", "Ännu en sparad punkt"] {
        ok(
            chef,
            "backlog/ny",
            &[vec![("unit_id", u)], item_form(title)].concat(),
        )
        .await;
    }
    let action = vec![("unit_id", u), ("source", "other"), ("note", "")];
    ok(
        chef,
        "handlingsplan/ny",
        &[action, plan_action_form("Ny rutin")].concat(),
    )
    .await;
    let checklist = ok(
        chef,
        "checklistor/oppna",
        &[("unit_id", u), ("year", YEAR), ("kind", "sam_annual")],
    )
    .await;
    let version = number(app, PLAN_VERSION, &[unit, year]).await;
    let topic = [
        ("unit_id", u),
        ("year", YEAR),
        ("plan_version", version.as_str()),
        ("topic[title]", "Eget ämne"),
        ("topic[month]", "9"),
        ("topic[guidance]", ""),
    ];
    ok(chef, "plan/amne/eget", &topic).await;
    let version = number(app, PLAN_VERSION, &[unit, year]).await;
    let head = vec![
        ("unit_id", u),
        ("meeting_id", m),
        ("plan_version", version.as_str()),
    ];
    ok(
        chef,
        "plan/mote/tillfalle/ny",
        &[head, meeting_form("2030-11-20")].concat(),
    )
    .await;
    for title in ["Boka skyddsrond", "Beställ hörselkåpor"] {
        let form = [
            ("unit_id", u),
            ("meeting_id", m),
            ("action[title]", title),
            ("action[responsible]", ""),
            ("action[due]", ""),
        ];
        ok(chef, "minnesanteckningar/atgard", &form).await;
    }
    Unit {
        unit,
        meeting: meeting.parse().expect("the meeting"),
        checklist: checklist.trim().parse().expect("the checklist's id"),
        member: person(app, member_email).await,
    }
}

/// The unit's objects as they are now (the first of each kind still there, and its version).
pub(super) async fn objects(app: &TestApp, of: &Unit) -> Objects {
    let year: i64 = YEAR.parse().expect("the year");
    let (u, m) = (of.unit, of.meeting);
    Objects {
        unit: u.to_string(),
        meeting: m.to_string(),
        plan_version: number(app, PLAN_VERSION, &[u, year]).await,
        agenda_version: number(
            app,
            "SELECT agenda_version FROM meetings WHERE id = $1",
            &[m],
        )
        .await,
        item: number(
            app,
            "SELECT MIN(id) FROM agenda_items WHERE meeting_id = $1",
            &[m],
        )
        .await,
        section: number(
            app,
            "SELECT MAX(id) FROM agenda_sections WHERE meeting_id = $1",
            &[m],
        )
        .await,
        attachment: number(
            app,
            "SELECT MAX(id) FROM attachments WHERE meeting_id = $1",
            &[m],
        )
        .await,
        proposal: number(
            app,
            "SELECT MIN(id) FROM proposals WHERE unit_id = $1 AND status = 'new'",
            &[u],
        )
        .await,
        backlog: number(
            app,
            "SELECT MIN(id) FROM agenda_items WHERE unit_id = $1 AND meeting_id IS NULL",
            &[u],
        )
        .await,
        action: number(
            app,
            "SELECT MIN(id) FROM actions WHERE unit_id = $1 AND meeting_id IS NULL",
            &[u],
        )
        .await,
        action_version: number(
            app,
            "SELECT version FROM actions WHERE id =
             (SELECT MIN(id) FROM actions WHERE unit_id = $1 AND meeting_id IS NULL)",
            &[u],
        )
        .await,
        meeting_action: number(
            app,
            "SELECT MIN(id) FROM actions WHERE meeting_id = $1",
            &[m],
        )
        .await,
        checklist: of.checklist.to_string(),
        question: number(
            app,
            "SELECT MIN(q.id) FROM checklist_questions q
             JOIN unit_checklists c ON c.template_id = q.template_id WHERE c.id = $1",
            &[of.checklist],
        )
        .await,
        topic: number(
            app,
            "SELECT MAX(id) FROM wheel_topics WHERE owner_node_id = $1",
            &[u],
        )
        .await,
        session: number(
            app,
            "SELECT MAX(id) FROM meeting_sessions WHERE meeting_id = $1",
            &[m],
        )
        .await,
        sign_in_session: number(
            app,
            "SELECT MAX(id) FROM sign_in_sessions WHERE person_id = $1 AND ended_at IS NULL",
            &[of.member],
        )
        .await,
    }
}
