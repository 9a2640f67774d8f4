//! The import's plan against small files: what a first import adds and rejects, a second run
//! of the same file, and a smaller file closing and deactivating.

use super::*;

fn kinds() -> Vec<NodeKind> {
    NodeKind::defaults()
}

fn table(rows: &[&[&str]]) -> Vec<SheetRow> {
    rows_of(
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
    )
    .1
}

fn units() -> Vec<SheetRow> {
    table(&[
        &UNIT_COLUMNS,
        &["KF", "", "Kulturförvaltningen", "Förvaltning"],
        &["KF-1", "KF", "Biblioteket", "enhet"],
        &["KF-2", "KF", "Museet", "Enhet"],
        &["X-1", "X", "Föräldralös", "Enhet"],
        &["KF-1", "KF", "Dubbletten", "Enhet"],
        &["KF-3", "KF", "Slottet", "Slott"],
    ])
}

fn people() -> Vec<SheetRow> {
    table(&[
        &[
            "Anställningsnummer",
            "E-post",
            "Namn",
            "Titel",
            "Enhetskod",
            "Roll",
            "Fackförbund",
        ],
        &[
            "100",
            "Bo@Kommun.se",
            "Bo Berg",
            "Bibliotekschef",
            "KF-1",
            "Chef",
            "",
        ],
        &[
            "100",
            "bo@kommun.se",
            "Bo Berg",
            "Bibliotekschef",
            "KF",
            "Huvudskyddsombud",
            "",
        ],
        &[
            "101",
            "ada@kommun.se",
            "Ada Ek",
            "Bibliotekarie",
            "KF-1",
            "Medarbetare",
            "",
        ],
        &[
            "102",
            "cy@kommun.se",
            "Cy Al",
            "Intendent",
            "KF-9",
            "Medarbetare",
            "",
        ],
        &[
            "103",
            "di@kommun.se",
            "Di Ho",
            "Intendent",
            "KF-2",
            "Facklig företrädare",
            "",
        ],
        &[
            "104",
            "ej-en-adress",
            "Ej Ek",
            "",
            "KF-2",
            "Medarbetare",
            "",
        ],
    ])
}

#[test]
fn a_first_import_adds_what_it_can_and_says_why_it_left_the_rest_out() {
    let current = Current {
        kinds: kinds(),
        ..Current::default()
    };
    let plan = plan_import(&current, &units(), &people());
    let codes: Vec<&str> = plan.add_units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["KF", "KF-1", "KF-2"], "parents first");
    assert_eq!(plan.add_units[1].kind, "enhet");
    assert_eq!(plan.add_people.len(), 2);
    assert_eq!(plan.add_people[0].email, "bo@kommun.se");
    assert_eq!(plan.add_roles.len(), 3);
    let lines: Vec<(Sheet, usize)> = plan.rejected.iter().map(|r| (r.sheet, r.line)).collect();
    assert_eq!(
        lines,
        [
            (Sheet::Units, 5),
            (Sheet::Units, 6),
            (Sheet::Units, 7),
            (Sheet::People, 5),
            (Sheet::People, 6),
            (Sheet::People, 7)
        ]
    );
    assert!(plan.rejected[0].reason.contains("Överordnad kod X"));
    assert!(plan.rejected[1].reason.contains("finns redan på rad 3"));
    assert!(plan.rejected[2].reason.contains("Okänd typ"));
    assert!(plan.rejected[4].reason.contains("Fackförbund saknas"));
}

#[test]
fn the_same_file_again_plans_nothing_and_what_is_gone_is_closed_or_deactivated() {
    let first = plan_import(
        &Current {
            kinds: kinds(),
            ..Current::default()
        },
        &units(),
        &people(),
    );
    // The organisation after applying the first plan.
    let mut current = Current {
        kinds: kinds(),
        ..Current::default()
    };
    for (id, u) in (1..).zip(&first.add_units) {
        current.units.push(CurrentUnit {
            id,
            code: u.code.clone(),
            parent: u.parent.clone(),
            name: u.name.clone(),
            kind: u.kind.clone(),
            closed: false,
        });
    }
    for (id, p) in (10..).zip(&first.add_people) {
        current.people.push(CurrentPerson {
            id,
            employee_id: Some(p.employee_id.clone()),
            email: p.email.clone(),
            name: p.name.clone(),
            title: p.title.clone(),
            active: true,
        });
    }
    current.roles = first.add_roles.clone();
    let again = plan_import(&current, &units(), &people());
    assert_eq!(again.changes(), 0, "{again:?}");

    // The museum and Ada are gone from the file; Bo is renamed; the library moves up.
    let fewer_units = table(&[
        &UNIT_COLUMNS,
        &["KF", "", "Kulturförvaltningen", "Förvaltning"],
        &["KF-1", "", "Stadsbiblioteket", "Enhet"],
    ]);
    let fewer_people = table(&[
        &PERSON_COLUMNS,
        &[
            "100",
            "bo@kommun.se",
            "Bo Bergström",
            "Bibliotekschef",
            "KF-1",
            "Chef",
        ],
    ]);
    let plan = plan_import(&current, &fewer_units, &fewer_people);
    assert_eq!(
        plan.close_units
            .iter()
            .map(|u| u.code.as_str())
            .collect::<Vec<_>>(),
        ["KF-2"]
    );
    assert_eq!(plan.change_units[0].name, "Stadsbiblioteket");
    assert_eq!(plan.move_units[0].parent, None);
    assert_eq!(plan.deactivate_people[0].email, "ada@kommun.se");
    assert_eq!(plan.change_people[0].name, "Bo Bergström");
    assert_eq!(
        plan.remove_roles.len(),
        2,
        "Bo's huvudskyddsombud and Ada's role"
    );
    assert!(plan.add_people.is_empty() && plan.add_units.is_empty());
}

#[test]
fn a_sheet_without_its_columns_is_refused_with_their_names() {
    let header = vec!["Kod".to_string(), "Namn".to_string()];
    let problem = check_columns(&header, &UNIT_COLUMNS, "Organisation").unwrap_err();
    assert!(
        problem.0.contains("Enhetskod, Överordnad kod, Typ"),
        "{}",
        problem.0
    );
    assert_eq!(role_from_text(" Rektor "), Some(Role::Chef));
    assert_eq!(
        role_from_text("facklig_foretradare"),
        Some(Role::FackligForetradare)
    );
}
