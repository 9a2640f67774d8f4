//! A unit's documents as PDF (the notice with its agenda, the published minutes, the action plan,
//! a checklist with its answers), in-process on a fresh demo database: each goes to whoever may
//! read it on its page, says what the page says (read back with pdftotext), and is refused to
//! anyone else with the shared error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use axum::http::{header, StatusCode};

use crate::support::{Client, TestApp};

/// Hemtjänst Norr's first two APTs of 2026 with their agendas composed by its chef: the first
/// with its notice sent and its minutes published (version 1), the second not yet sent.
async fn prepared(app: &TestApp) -> (String, String, String) {
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let units = chef.read_json("mina-enheter", &[]).await;
    let unit = units["units"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["name"] == "Hemtjänst Norr"))
        .expect("the unit")["id"]
        .as_i64()
        .unwrap();
    let meetings = app::with_db!(&app.db, pool => {
        sqlx::query_scalar::<_, i64>(
            "SELECT m.id FROM meetings m JOIN plans p ON p.id = m.plan_id
             WHERE p.unit_id = $1 AND p.year = 2026 ORDER BY m.meeting_date LIMIT 2",
        )
        .bind(unit)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    let [sent, unsent] = [meetings[0].to_string(), meetings[1].to_string()];
    let unit = unit.to_string();
    for meeting in [&sent, &unsent] {
        let (status, body) = chef
            .post_form(
                "dagordning/fran-planen",
                &[("unit_id", &unit), ("meeting_id", meeting)],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let agenda = chef
        .read_json("dagordning", &[("unit_id", &unit), ("meeting_id", &sent)])
        .await;
    let version = agenda["agenda_version"].to_string();
    let (status, body) = chef
        .post_form(
            "kallelse/skicka",
            &[
                ("unit_id", &unit),
                ("meeting_id", &sent),
                ("agenda_version", &version),
                ("confirm_late", "on"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = chef
        .post_form(
            "minnesanteckningar/publicera",
            &[("unit_id", &unit), ("meeting_id", &sent)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (unit, sent, unsent)
}

/// The PDF's text as pdftotext reads it (poppler, installed by the setup).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext reads it");
    String::from_utf8(out.stdout).unwrap()
}

/// The document at `path` for `client`: 200, a PDF with its name, never cached; its text.
async fn document(client: &mut Client, path: &str, file_name_starts: &str) -> String {
    let (status, headers, body) = client.get_bytes(path).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{path}: {}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{file_name_starts}")),
        "{disposition}"
    );
    assert!(body.starts_with(b"%PDF-"), "a PDF");
    pdf_text(&body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_notice_and_minutes_print_as_they_read_them() {
    let app = TestApp::demo().await;
    let (unit, sent, _) = prepared(&app).await;
    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;

    let notice = format!("/enhet/{unit}/mote/{sent}/kallelse.pdf");
    let text = document(&mut member, &notice, "Kallelse APT Hemtj").await;
    assert!(
        text.contains("Kallelse till arbetsplatsträff (APT)"),
        "{text}"
    );
    assert!(
        text.contains("Dagordning") && text.contains("När:"),
        "{text}"
    );
    assert!(!text.contains("Utkast"), "{text}");

    let minutes = format!("/enhet/{unit}/mote/{sent}/minnesanteckningar.pdf");
    let text = document(&mut member, &minutes, "Minnesanteckningar APT Hemtj").await;
    assert!(
        text.contains("Minnesanteckningar från arbetsplatsträff (APT)"),
        "{text}"
    );
    assert!(text.contains("Version 1, publicerad"), "{text}");
    assert!(
        text.contains("Närvarande:") && text.contains("Åtgärder"),
        "{text}"
    );
    let (status, _, _) = member.get(&format!("{minutes}?version=99")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Another unit's chef, and nobody signed in, get neither; a meeting of another unit is not
    // found under this one.
    let mut other = app.signed_in("ingrid.astrom@exempelstad.se").await;
    for path in [&notice, &minutes] {
        let (status, _, body) = other.get(path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(body, "Du har inte behörighet till det här.");
        let (status, _, _) = app.visitor().get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let (status, _, _) = member
        .get(&format!("/enhet/{unit}/mote/999999/kallelse.pdf"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agenda_not_yet_sent_prints_for_its_chef_as_a_draft_and_for_nobody_else() {
    let app = TestApp::demo().await;
    let (unit, _, unsent) = prepared(&app).await;
    let path = format!("/enhet/{unit}/mote/{unsent}/kallelse.pdf");
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    let text = document(&mut chef, &path, "Kallelse APT").await;
    assert!(
        text.contains("Utkast – kallelsen är inte skickad."),
        "{text}"
    );

    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, _, _) = member.get(&path).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "members see it once sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_action_plan_and_a_checklist_print_with_every_answer() {
    let app = TestApp::demo().await;
    let (unit, ..) = prepared(&app).await;
    let mut member = app.signed_in("mehmet.yilmaz@exempelstad.se").await;

    let plan = format!("/enhet/{unit}/handlingsplan.pdf");
    let text = document(&mut member, &plan, "Handlingsplan Hemtj").await;
    assert!(
        text.contains("Handlingsplan") && text.contains("Åtgärd"),
        "{text}"
    );
    assert!(text.contains("åtgärder:"), "{text}");

    let lists = member
        .read_json("checklistor", &[("unit_id", &unit), ("year", "2026")])
        .await;
    let done = lists["checklists"]
        .as_array()
        .and_then(|all| all.iter().find(|c| !c["done_on"].is_null()))
        .expect("the demo's SAM follow-up 2026, marked done")["id"]
        .to_string();
    let checklist = format!("/enhet/{unit}/checklista/{done}/checklista.pdf");
    let text = document(&mut member, &checklist, "").await;
    assert!(text.contains("Svar:") && text.contains("Klar "), "{text}");
    assert!(
        text.contains("(skyddsombud)"),
        "the safety representative is named: {text}"
    );
    assert!(!text.contains("Pågår"), "{text}");

    let mut other = app.signed_in("ingrid.astrom@exempelstad.se").await;
    for path in [&plan, &checklist] {
        let (status, _, _) = other.get(path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let (status, _, _) = member
        .get(&format!("/enhet/{unit}/checklista/999999/checklista.pdf"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
