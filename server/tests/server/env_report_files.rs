//! The work environment report's files, in-process on a fresh demo database: the PDF says what
//! the page says (read back with pdftotext), the XLSX holds every figure per node and its sheet
//! "Import" reads back as an import; a file of figures is previewed with every rejected row
//! named and is imported whole or not at all; each goes only to whoever may read or write the
//! report.

use axum::http::{header, StatusCode};

use crate::plain_routes::unit_id;
use crate::support::{Client, TestApp};

/// Uploads `csv` as a file of figures for 2025; where the browser is sent.
async fn upload(client: &mut Client, unit: &str, csv: &str) -> (StatusCode, String) {
    let (status, headers) = client
        .post_multipart(
            &format!("/enhet/{unit}/arbetsmiljorapport/import"),
            &[("ar", "2025")],
            "nyckeltal.csv",
            csv,
        )
        .await;
    let to = headers
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, to)
}

/// The unit's own value of `code` for 2025 as its form shows it.
async fn own_value(chef: &mut Client, unit: &str, code: &str) -> String {
    let report = chef
        .read_json("arbetsmiljorapport", &[("node_id", unit), ("year", "2025")])
        .await;
    report["inputs"]
        .as_array()
        .and_then(|all| all.iter().find(|i| i["code"] == code))
        .expect("the figure's box")["value"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_prints_and_exports_its_figures_for_its_readers_only() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;

    let pdf = format!("/enhet/{unit}/arbetsmiljorapport/2025/rapport.pdf");
    let (status, headers, body) = chef.get_bytes(&pdf).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    let text = crate::unit_documents::pdf_text(&body);
    for words in [
        "Arbetsmiljörapport 2025",
        "Tabell sjukfrånvaro",
        "R12 2024-12",
        "Skillnad",
        "9,8",
        "Bedömning och analys",
        "Har skyddsombud medverkat?",
        "Sjukfrånvaro år för år",
        "Sjukfrånvaro i procent per år",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }

    // Sick leave over the years: by sex, and beside the avdelning.
    let chart = format!("/enhet/{unit}/arbetsmiljorapport/2025/sjukfranvaro.svg");
    let (status, headers, body) = chef.get_bytes(&chart).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "image/svg+xml; charset=utf-8"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    let svg = String::from_utf8(body).unwrap();
    for words in [
        "Sjukfrånvaro i procent – Hemtjänst Norr",
        "2021",
        "2025",
        "Kvinnor",
        "Män",
    ] {
        assert!(svg.contains(words), "{words}");
    }
    let (status, _, body) = chef
        .get_bytes(&format!(
            "/enhet/{unit}/arbetsmiljorapport/2025/sjukfranvaro-jamforelse.svg"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8(body)
        .unwrap()
        .contains("Hemtjänst Norr och Avdelningen för äldreomsorg"));
    let (status, _, _) = chef
        .get(&format!(
            "/enhet/{unit}/arbetsmiljorapport/2011/sjukfranvaro.svg"
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a year of no figures draws nothing"
    );

    let xlsx = format!("/enhet/{unit}/arbetsmiljorapport/2025/nyckeltal.xlsx");
    let (status, headers, body) = chef.get_bytes(&xlsx).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("Nyckeltal 2025"));
    let rows =
        app::env_report::read_figures_file("nyckeltal.xlsx", &body).expect("its sheet Import");
    let sick = rows
        .iter()
        .find(|r| r.cell("Kod") == "sick_total")
        .expect("the unit's sick leave");
    assert_eq!(
        (sick.cell("Enhet"), sick.cell("År"), sick.cell("Värde")),
        ("Hemtjänst Norr", "2025", "9.8")
    );

    // An employee reads the report once it is accepted: 2024's, not 2025's draft.
    let mut employee = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, _, _) = employee.get(&pdf).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = employee
        .get(&format!(
            "/enhet/{unit}/arbetsmiljorapport/2024/rapport.pdf"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "last year's accepted report");
    let (status, _, _) = employee.get(&chart).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "not the draft's chart either"
    );
    let mut stranger = app.signed_in("ingrid.astrom@exempelstad.se").await;
    let (status, _, _) = stranger.get(&xlsx).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = stranger.get(&chart).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_of_figures_is_imported_whole_or_not_at_all() {
    let app = TestApp::demo().await;
    let unit = unit_id(&app).await;
    let mut chef = app.signed_in("anna.lindqvist@exempelstad.se").await;
    assert_eq!(own_value(&mut chef, &unit, "injuries").await, "12");

    // A file of the wrong shape goes back to the report, saying what is wrong.
    let (status, to) = upload(&mut chef, &unit, "Namn;Antal\nA;1\n").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.contains("importfel=") && to.ends_with("#import"), "{to}");

    // A rejected row: previewed with why, and nothing is imported.
    let csv = "Enhetskod;Enhet;År;Kod;Nyckeltal;Värde\n\
               ;Hemtjänst Norr;2025;injuries;;13\n\
               ;Hemtjänst Norr;2025;sick_total;;140\n";
    let (_, to) = upload(&mut chef, &unit, csv).await;
    let import = to.rsplit('/').next().unwrap().to_string();
    assert!(
        to.ends_with(&format!("/arbetsmiljorapport/import/{import}")),
        "{to}"
    );
    let preview = chef
        .read_json(
            "arbetsmiljorapport/import",
            &[("node_id", &unit), ("import_id", &import)],
        )
        .await;
    assert_eq!(preview["count"], 1);
    assert_eq!(preview["rejected"][0]["line"], 3);
    assert!(preview["rejected"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("mer än 100 procent"));
    let fingerprint = preview["fingerprint"].as_str().unwrap().to_string();
    let (status, body) = chef
        .post_form(
            "arbetsmiljorapport/import/genomfor",
            &[
                ("node_id", &unit),
                ("import_id", &import),
                ("fingerprint", &fingerprint),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(own_value(&mut chef, &unit, "injuries").await, "12");

    // The corrected file: imported whole, once; the other figures stay as they were.
    let csv = "Enhet;År;Kod;Värde\nHemtjänst Norr;2025;injuries;13\n\
               Hemtjänst Norr;2025;sick_total;9,9\n";
    let (_, to) = upload(&mut chef, &unit, csv).await;
    let import = to.rsplit('/').next().unwrap().to_string();
    let preview = chef
        .read_json(
            "arbetsmiljorapport/import",
            &[("node_id", &unit), ("import_id", &import)],
        )
        .await;
    assert_eq!(preview["count"], 2, "{preview}");
    let form = [
        ("node_id", unit.as_str()),
        ("import_id", import.as_str()),
        ("fingerprint", preview["fingerprint"].as_str().unwrap()),
    ];
    let mut employee = app.signed_in("mehmet.yilmaz@exempelstad.se").await;
    let (status, _) = employee
        .post_form("arbetsmiljorapport/import/genomfor", &form)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = chef
        .post_form("arbetsmiljorapport/import/genomfor", &form)
        .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "2"));
    assert_eq!(own_value(&mut chef, &unit, "injuries").await, "13");
    assert_eq!(own_value(&mut chef, &unit, "sick_total").await, "9,9");
    assert_eq!(own_value(&mut chef, &unit, "incidents").await, "20");
    let (status, _) = chef
        .post_form("arbetsmiljorapport/import/genomfor", &form)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "applied once");

    // Only the report's writer uploads.
    let (status, _) = upload(&mut employee, &unit, csv).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
