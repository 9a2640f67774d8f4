//! Our unit's editors name their own unit, which they may change, with the real objects of a
//! sibling unit: its meeting, agenda item, section, attachment, proposal, backlog item, actions,
//! checklist, own topic, meeting session and a member's sign-in session. Every server function
//! and plain route that takes such an id must answer 403 or 404 (or, where the id is a choice
//! from a list such as "which APT", exactly what an id that exists nowhere gets) and change nothing.
//! Both ways are tried: the sibling's meeting with its objects, and our meeting with them.
//!
//! Each form is valid: the same form with our own objects is then sent once more and must be
//! accepted, so a refusal above is the ownership check and never a form the server could not read.
//! (Checklist questions are the organisation's, shared by every unit, so there is no foreign one.)

use axum::http::StatusCode;

mod making;
mod rows;

use crate::matrix::{email, Actor, Form, OUR_UNIT, SIBLING_CHEF, SIBLING_MEMBER, SIBLING_UNIT};
use crate::support::TestApp;
use making::{make_unit, objects, person, Objects};
use rows::rows;

/// The test's day, so every meeting used lies ahead whatever the real date.
const TODAY: &str = "2030-06-03";
const YEAR: &str = "2030";

fn pairs(form: &Form) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The objects `o` names: a sibling's meeting (with all its objects), or our meeting with the
/// sibling's objects on it (the meeting check passes, the object's must refuse).
fn on_our_meeting(ours: &Objects, theirs: &Objects) -> Objects {
    Objects {
        meeting: ours.meeting.clone(),
        agenda_version: ours.agenda_version.clone(),
        ..theirs.clone()
    }
}

/// The same with every id `o` names (objects and the meeting if it is the sibling's) one
/// that exists nowhere.
fn nothing(w: &Objects, o: &Objects) -> Objects {
    let x = || "999999".to_string();
    Objects {
        unit: o.unit.clone(),
        meeting: if o.meeting == w.meeting {
            o.meeting.clone()
        } else {
            x()
        },
        plan_version: o.plan_version.clone(),
        agenda_version: o.agenda_version.clone(),
        item: x(),
        section: x(),
        attachment: x(),
        proposal: x(),
        backlog: x(),
        action: x(),
        action_version: o.action_version.clone(),
        meeting_action: x(),
        checklist: x(),
        question: x(),
        topic: x(),
        session: x(),
        sign_in_session: x(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_unit_with_a_sibling_units_objects_is_refused_and_changes_nothing() {
    let app = TestApp::demo_with(&[("ARSHJUL_TODAY", TODAY)]).await;
    let our_member = email(Actor::Emp).unwrap_or_default();
    let mut chef = app.signed_in(email(Actor::Chef).unwrap_or_default()).await;
    let mut member = app.signed_in(our_member).await;
    let mut ours = make_unit(&app, &mut chef, &mut member, our_member, OUR_UNIT).await;
    // Our sign-in session to end is the chef's own other one (a session is only its person's).
    let chef_email = email(Actor::Chef).unwrap_or_default();
    let _other_browser = app.signed_in(chef_email).await;
    ours.member = person(&app, chef_email).await;
    let mut sibling_chef = app.signed_in(SIBLING_CHEF).await;
    let mut sibling_member = app.signed_in(SIBLING_MEMBER).await;
    let sibling = make_unit(
        &app,
        &mut sibling_chef,
        &mut sibling_member,
        SIBLING_MEMBER,
        SIBLING_UNIT,
    )
    .await;
    let w = objects(&app, &ours).await;
    let theirs = objects(&app, &sibling).await;
    for (name, id) in [
        ("item", &theirs.item),
        ("section", &theirs.section),
        ("attachment", &theirs.attachment),
        ("proposal", &theirs.proposal),
        ("backlog item", &theirs.backlog),
        ("action", &theirs.action),
        ("meeting action", &theirs.meeting_action),
        ("topic", &theirs.topic),
        ("session", &theirs.session),
        ("sign-in session", &theirs.sign_in_session),
    ] {
        assert_ne!(id, "0", "the sibling has a {name}");
    }

    let mut deputy = app
        .signed_in(email(Actor::Deputy).unwrap_or_default())
        .await;
    let before = app.changes().await;
    let mut problems = Vec::new();
    let mut checked = 0;
    let named = [theirs.clone(), on_our_meeting(&w, &theirs)];
    for (who, client) in [("chef", &mut chef), ("deputy", &mut deputy)] {
        for (endpoint, build) in rows() {
            for o in &named {
                let form = build(&w, o);
                if form == build(&w, &w) {
                    continue; // Our meeting and nothing else of the sibling's.
                }
                checked += 1;
                let (status, body) = client.post_form(endpoint, &pairs(&form)).await;
                if status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND {
                    continue;
                }
                // A meeting offered as a choice is refused like one that does not exist.
                let missing = build(&w, &nothing(&w, o));
                if (status, body.clone()) == client.post_form(endpoint, &pairs(&missing)).await {
                    continue;
                }
                {
                    problems.push(format!(
                        "{endpoint} as our {who} naming the sibling's (on meeting {}): {status}: {}",
                        o.meeting,
                        body.chars().take(120).collect::<String>()
                    ));
                }
            }
        }
        // The plain routes: the sibling's attachment, and an upload to the sibling's meeting.
        let (status, _, _) = client.get(&format!("/bilagor/{}", theirs.attachment)).await;
        if status != StatusCode::NOT_FOUND {
            problems.push(format!("the sibling's attachment as our {who}: {status}"));
        }
        let upload = format!("/enhet/{}/mote/{}/bilagor", w.unit, theirs.meeting);
        let (status, _) = client
            .post_with(
                &upload,
                &[],
                "multipart/form-data; boundary=GRANS",
                "--GRANS\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"x.txt\"\r\n\
                 Content-Type: text/plain\r\n\r\nx\r\n--GRANS--\r\n",
            )
            .await;
        if status != StatusCode::NOT_FOUND {
            problems.push(format!(
                "an upload to the sibling's meeting as our {who}: {status}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked > 150,
        "the sibling's objects were named ({checked} calls)"
    );
    if app.changes().await != before {
        let latest: Vec<(String, String, String)> = app::with_db!(&app.db, pool => {
            sqlx::query_as(
                "SELECT action, subject, detail FROM audit_log
                 WHERE action NOT IN ('refused', 'refusals_held') ORDER BY id DESC LIMIT 3",
            )
            .fetch_all(pool)
            .await
        })
        .expect("the trail");
        panic!("a sibling's objects changed something: {latest:?}");
    }
    assert_eq!(
        objects(&app, &sibling).await.sign_in_session,
        theirs.sign_in_session,
        "the sibling member's session is still on"
    );

    // The same forms with our own objects are accepted: the refusals were the ownership checks.
    let mut refused = Vec::new();
    let (status, _, _) = chef.get(&format!("/bilagor/{}", w.attachment)).await;
    if status != StatusCode::OK {
        refused.push(format!("our own attachment: {status}"));
    }
    for (endpoint, build) in rows() {
        let now = objects(&app, &ours).await;
        let form = build(&now, &now);
        let (status, body) = chef.post_form(endpoint, &pairs(&form)).await;
        // Marking a checklist done needs every question answered: a rule that is checked only
        // after the checklist was found to be ours.
        let past_access = endpoint == "checklista/klar" && body.contains("Besvara alla frågor");
        if status != StatusCode::OK && !past_access {
            refused.push(format!(
                "{endpoint} with our own objects: {status}: {}",
                body.chars().take(160).collect::<String>()
            ));
        }
    }
    assert!(refused.is_empty(), "{}", refused.join("\n"));
}
