//! The HR system's export, read and compared with the organisation as it stands: which units
//! are added, renamed, moved, closed or opened again; which people are added, changed,
//! deactivated or back; which roles the import gives and takes away; and every row it rejects
//! with why. Plain data in, a plan out, so the preview and the applying are the same decision
//! and a second run of the same file plans nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::access::Role;
use super::org_keeping::{check_email, check_node_code, check_node_name, NodeKind};

/// The columns of the units' sheet.
pub const UNIT_COLUMNS: [&str; 4] = ["Enhetskod", "Överordnad kod", "Namn", "Typ"];

/// The columns of the people's sheet (`Fackförbund` is optional, for union representatives).
pub const PERSON_COLUMNS: [&str; 6] = [
    "Anställningsnummer",
    "E-post",
    "Namn",
    "Titel",
    "Enhetskod",
    "Roll",
];

/// One row of a sheet, as text cells, with its line number in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRow {
    /// Line in the file.
    pub line: usize,
    /// Cells by column name.
    pub cells: BTreeMap<String, String>,
}

impl SheetRow {
    fn cell(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |c| c.trim())
    }
}

/// Which sheet a rejected row is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sheet {
    /// Organisation: the units.
    Units,
    /// Personer: the people and their roles.
    People,
}

/// A row the import leaves out, and why, in Swedish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The sheet.
    pub sheet: Sheet,
    /// The line in the file.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// A unit as the file has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileUnit {
    /// Its code (unique in the organisation).
    pub code: String,
    /// The code of the unit above; `None` directly under the organisation's root.
    pub parent: Option<String>,
    /// Its name.
    pub name: String,
    /// Its kind's code.
    pub kind: String,
}

/// One role of one person as the file has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePerson {
    /// The HR system's employee id.
    pub employee_id: String,
    /// Sign-in e-mail, lower-case.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// The unit's code.
    pub unit: String,
    /// The role there.
    pub role: Role,
    /// The union, for a union representative.
    pub union_name: String,
}

/// A unit of the organisation as it stands (those with a code: the ones the import keeps).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUnit {
    /// Node id.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// The code of the node above, `None` when that node has no code (the root).
    pub parent: Option<String>,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Whether it is closed.
    pub closed: bool,
}

/// A person of the organisation as they stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentPerson {
    /// Person id.
    pub id: i64,
    /// Their employee id, if the import gave them one.
    pub employee_id: Option<String>,
    /// Sign-in e-mail.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Whether the account is on.
    pub active: bool,
}

/// A role the import gave, as it stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ImportedRole {
    /// The person's employee id.
    pub employee_id: String,
    /// The unit's code.
    pub unit: String,
    /// The role's code.
    pub role: String,
    /// The union, for a union representative.
    pub union_name: String,
}

/// The organisation as it stands, as far as the import keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Current {
    /// Units with a code.
    pub units: Vec<CurrentUnit>,
    /// People of the organisation.
    pub people: Vec<CurrentPerson>,
    /// Roles with source `import`.
    pub roles: Vec<ImportedRole>,
    /// E-mail addresses of people in other organisations, which the file may not take.
    pub foreign_emails: HashSet<String>,
    /// The organisation's node kinds.
    pub kinds: Vec<NodeKind>,
}

/// A change of a unit that exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChange {
    /// Node id.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// The name it gets.
    pub name: String,
    /// The kind it gets.
    pub kind: String,
    /// What it was called (for the preview).
    pub old_name: String,
}

/// A unit that moves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitMove {
    /// Node id.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The code of the new place; `None` for directly under the root.
    pub parent: Option<String>,
}

/// A person's new name, title or e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChange {
    /// Person id.
    pub id: i64,
    /// The employee id.
    pub employee_id: String,
    /// The e-mail it gets.
    pub email: String,
    /// The name it gets.
    pub name: String,
    /// The title it gets.
    pub title: String,
}

/// Everything an import would do, in the order it is done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPlan {
    /// New units, parents before children.
    pub add_units: Vec<FileUnit>,
    /// Units renamed or of another kind.
    pub change_units: Vec<UnitChange>,
    /// Units that move.
    pub move_units: Vec<UnitMove>,
    /// Closed units that are back in the file.
    pub reopen_units: Vec<UnitChange>,
    /// Units gone from the file: closed, never deleted.
    pub close_units: Vec<UnitChange>,
    /// New people (their first row).
    pub add_people: Vec<FilePerson>,
    /// People whose name, title or e-mail changed.
    pub change_people: Vec<PersonChange>,
    /// Deactivated people who are back in the file.
    pub reactivate_people: Vec<PersonChange>,
    /// People gone from the file: deactivated, never deleted.
    pub deactivate_people: Vec<PersonChange>,
    /// Roles to give.
    pub add_roles: Vec<ImportedRole>,
    /// Roles the import gave that the file no longer has.
    pub remove_roles: Vec<ImportedRole>,
    /// Rows left out, with why.
    pub rejected: Vec<Rejected>,
}

impl ImportPlan {
    /// How many changes the plan makes (rejected rows not counted).
    pub fn changes(&self) -> usize {
        self.add_units.len()
            + self.change_units.len()
            + self.move_units.len()
            + self.reopen_units.len()
            + self.close_units.len()
            + self.add_people.len()
            + self.change_people.len()
            + self.reactivate_people.len()
            + self.deactivate_people.len()
            + self.add_roles.len()
            + self.remove_roles.len()
    }
}

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem(pub String);

/// Checks that a sheet has the columns it needs; the message names the missing ones.
pub fn check_columns(header: &[String], needed: &[&str], sheet: &str) -> Result<(), FileProblem> {
    let missing: Vec<&str> = needed
        .iter()
        .filter(|c| !header.iter().any(|h| h.trim().eq_ignore_ascii_case(c)))
        .copied()
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(FileProblem(format!(
            "{sheet} saknar kolumnerna {}. Första raden ska vara rubrikerna: {}.",
            missing.join(", "),
            needed.join(", ")
        )))
    }
}

/// Makes rows of a sheet's text: the first row is the header.
pub fn rows_of(table: Vec<Vec<String>>) -> (Vec<String>, Vec<SheetRow>) {
    let mut lines = table.into_iter();
    let header: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    let rows = lines
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(index, cells)| SheetRow {
            line: index + 2,
            cells: header
                .iter()
                .cloned()
                .zip(cells.into_iter().chain(std::iter::repeat(String::new())))
                .collect(),
        })
        .collect();
    (header, rows)
}

/// A role as HR systems write it: the product's Swedish name or its code, any case.
pub fn role_from_text(text: &str) -> Option<Role> {
    let wanted = text.trim().to_lowercase();
    let named = [
        ("chef", Role::Chef),
        ("rektor", Role::Chef),
        ("biträdande chef", Role::BitradandeChef),
        ("skyddsombud", Role::Skyddsombud),
        ("huvudskyddsombud", Role::Huvudskyddsombud),
        ("medarbetare", Role::Medarbetare),
        ("hr", Role::Hr),
        ("facklig företrädare", Role::FackligForetradare),
    ];
    named
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, role)| *role)
        .or_else(|| Role::from_code(&wanted))
}

fn kind_of(text: &str, kinds: &[NodeKind]) -> Option<String> {
    let wanted = text.trim().to_lowercase();
    kinds
        .iter()
        .find(|k| k.code.to_lowercase() == wanted || k.label.to_lowercase() == wanted)
        .map(|k| k.code.clone())
}

/// Reads the units' rows, rejecting the ones that cannot be kept.
fn read_units(
    rows: &[SheetRow],
    kinds: &[NodeKind],
    rejected: &mut Vec<Rejected>,
) -> Vec<FileUnit> {
    let mut reject = |line, reason: String| {
        rejected.push(Rejected {
            sheet: Sheet::Units,
            line,
            reason,
        });
    };
    let mut units: Vec<(usize, FileUnit)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let code = match check_node_code(row.cell("Enhetskod")) {
            Ok(Some(code)) => code,
            Ok(None) => {
                reject(row.line, "Enhetskod saknas.".into());
                continue;
            }
            Err(p) => {
                reject(row.line, p.message);
                continue;
            }
        };
        let name = match check_node_name(row.cell("Namn")) {
            Ok(name) => name,
            Err(p) => {
                reject(row.line, p.message);
                continue;
            }
        };
        let Some(kind) = kind_of(row.cell("Typ"), kinds) else {
            reject(
                row.line,
                format!(
                    "Okänd typ \"{}\". Använd en av: {}.",
                    row.cell("Typ"),
                    kinds
                        .iter()
                        .map(|k| k.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            continue;
        };
        if let Some(first) = seen.get(&code) {
            reject(
                row.line,
                format!("Enhetskoden {code} finns redan på rad {first}."),
            );
            continue;
        }
        seen.insert(code.clone(), row.line);
        let parent = Some(row.cell("Överordnad kod").to_string()).filter(|p| !p.is_empty());
        units.push((
            row.line,
            FileUnit {
                code,
                parent,
                name,
                kind,
            },
        ));
    }
    // Every parent must be in the file, and the units must form a tree below the root: a unit
    // whose way up does not reach the root (a missing parent, a circle) is rejected, and so is
    // everything below it.
    let by_code: HashMap<&str, &FileUnit> =
        units.iter().map(|(_, u)| (u.code.as_str(), u)).collect();
    let mut kept = Vec::new();
    for (line, unit) in &units {
        let mut at = unit;
        let mut steps = 0;
        let problem = loop {
            match &at.parent {
                None => break None,
                Some(parent) => match by_code.get(parent.as_str()) {
                    Some(next) => {
                        at = next;
                        steps += 1;
                        if steps > units.len() {
                            break Some(format!(
                                "Enheten {} ligger i en cirkel av överordnade koder.",
                                unit.code
                            ));
                        }
                    }
                    None => {
                        break Some(format!(
                            "Överordnad kod {parent} finns inte bland enheterna i filen."
                        ))
                    }
                },
            }
        };
        match problem {
            Some(reason) => reject(*line, reason),
            None => kept.push(unit.clone()),
        }
    }
    // Parents before children, so each unit's place exists when it is added.
    let depth = |u: &FileUnit| {
        let mut d = 0;
        let mut at = u;
        while let Some(next) = at.parent.as_deref().and_then(|p| by_code.get(p)) {
            d += 1;
            at = next;
        }
        d
    };
    kept.sort_by_key(|u| depth(u));
    kept
}

/// Reads the people's rows: one role per row, a person may have several rows.
fn read_people(
    rows: &[SheetRow],
    units: &HashSet<&str>,
    foreign: &HashSet<String>,
    rejected: &mut Vec<Rejected>,
) -> Vec<FilePerson> {
    let mut reject = |line, reason: String| {
        rejected.push(Rejected {
            sheet: Sheet::People,
            line,
            reason,
        });
    };
    let mut people = Vec::new();
    let mut email_of: HashMap<String, (String, usize)> = HashMap::new();
    let mut id_of_email: HashMap<String, String> = HashMap::new();
    let mut roles_seen = HashSet::new();
    for row in rows {
        let employee_id = row.cell("Anställningsnummer").to_string();
        if employee_id.is_empty() {
            reject(row.line, "Anställningsnummer saknas.".into());
            continue;
        }
        let email = match check_email(row.cell("E-post")) {
            Ok(email) => email,
            Err(p) => {
                reject(row.line, p.message);
                continue;
            }
        };
        let name = row.cell("Namn").to_string();
        if name.is_empty() {
            reject(row.line, "Namn saknas.".into());
            continue;
        }
        let unit = row.cell("Enhetskod").to_string();
        if !units.contains(unit.as_str()) {
            reject(
                row.line,
                format!("Enhetskoden \"{unit}\" finns inte bland enheterna."),
            );
            continue;
        }
        let Some(role) = role_from_text(row.cell("Roll")) else {
            reject(
                row.line,
                format!(
                    "Okänd roll \"{}\". Använd Chef, Biträdande chef, Skyddsombud, \
                     Huvudskyddsombud, Medarbetare, HR eller Facklig företrädare.",
                    row.cell("Roll")
                ),
            );
            continue;
        };
        let union_name = row.cell("Fackförbund").to_string();
        if role == Role::FackligForetradare && union_name.is_empty() {
            reject(
                row.line,
                "Fackförbund saknas för den fackliga företrädaren.".into(),
            );
            continue;
        }
        if foreign.contains(&email) {
            reject(
                row.line,
                format!("E-postadressen {email} hör till en person i en annan organisation."),
            );
            continue;
        }
        match email_of.get(&employee_id) {
            Some((other, line)) if *other != email => {
                reject(
                    row.line,
                    format!(
                        "Anställningsnummer {employee_id} har en annan e-postadress på rad {line}."
                    ),
                );
                continue;
            }
            _ => {}
        }
        match id_of_email.get(&email) {
            Some(other) if *other != employee_id => {
                reject(
                    row.line,
                    format!("E-postadressen {email} har ett annat anställningsnummer ({other})."),
                );
                continue;
            }
            _ => {}
        }
        email_of.insert(employee_id.clone(), (email.clone(), row.line));
        id_of_email.insert(email.clone(), employee_id.clone());
        if !roles_seen.insert((employee_id.clone(), unit.clone(), role)) {
            continue;
        }
        people.push(FilePerson {
            employee_id,
            email,
            name,
            title: row.cell("Titel").to_string(),
            unit,
            role,
            union_name: if role == Role::FackligForetradare {
                union_name
            } else {
                String::new()
            },
        });
    }
    people
}

/// Compares the file with the organisation as it stands.
pub fn plan_import(
    current: &Current,
    unit_rows: &[SheetRow],
    person_rows: &[SheetRow],
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let units = read_units(unit_rows, &current.kinds, &mut plan.rejected);
    let codes: HashSet<&str> = units.iter().map(|u| u.code.as_str()).collect();
    let people = read_people(
        person_rows,
        &codes,
        &current.foreign_emails,
        &mut plan.rejected,
    );

    let existing: HashMap<&str, &CurrentUnit> =
        current.units.iter().map(|u| (u.code.as_str(), u)).collect();
    for unit in &units {
        match existing.get(unit.code.as_str()) {
            None => plan.add_units.push(unit.clone()),
            Some(now) => {
                let change = UnitChange {
                    id: now.id,
                    code: unit.code.clone(),
                    name: unit.name.clone(),
                    kind: unit.kind.clone(),
                    old_name: now.name.clone(),
                };
                if now.closed {
                    plan.reopen_units.push(change.clone());
                }
                if now.name != unit.name || now.kind != unit.kind {
                    plan.change_units.push(change);
                }
                if now.parent != unit.parent {
                    plan.move_units.push(UnitMove {
                        id: now.id,
                        code: unit.code.clone(),
                        name: unit.name.clone(),
                        parent: unit.parent.clone(),
                    });
                }
            }
        }
    }
    for now in &current.units {
        if !now.closed && !codes.contains(now.code.as_str()) {
            plan.close_units.push(UnitChange {
                id: now.id,
                code: now.code.clone(),
                name: now.name.clone(),
                kind: now.kind.clone(),
                old_name: now.name.clone(),
            });
        }
    }

    // People: matched by employee id, else by e-mail (someone HR added by hand before).
    let by_id: HashMap<&str, &CurrentPerson> = current
        .people
        .iter()
        .filter_map(|p| p.employee_id.as_deref().map(|id| (id, p)))
        .collect();
    let by_email: HashMap<&str, &CurrentPerson> = current
        .people
        .iter()
        .map(|p| (p.email.as_str(), p))
        .collect();
    let mut seen_people = HashSet::new();
    let mut in_file = HashSet::new();
    for person in &people {
        if !seen_people.insert(person.employee_id.as_str()) {
            continue;
        }
        let found = by_id
            .get(person.employee_id.as_str())
            .or_else(|| by_email.get(person.email.as_str()));
        match found {
            None => plan.add_people.push(person.clone()),
            Some(now) => {
                in_file.insert(now.id);
                let change = PersonChange {
                    id: now.id,
                    employee_id: person.employee_id.clone(),
                    email: person.email.clone(),
                    name: person.name.clone(),
                    title: person.title.clone(),
                };
                if !now.active {
                    plan.reactivate_people.push(change.clone());
                }
                if now.employee_id.as_deref() != Some(person.employee_id.as_str())
                    || now.email != person.email
                    || now.name != person.name
                    || now.title != person.title
                {
                    plan.change_people.push(change);
                }
            }
        }
    }
    for now in &current.people {
        if now.active && now.employee_id.is_some() && !in_file.contains(&now.id) {
            plan.deactivate_people.push(PersonChange {
                id: now.id,
                employee_id: now.employee_id.clone().unwrap_or_default(),
                email: now.email.clone(),
                name: now.name.clone(),
                title: now.title.clone(),
            });
        }
    }

    // Roles: the file's set against what earlier imports gave.
    let wanted: BTreeSet<ImportedRole> = people
        .iter()
        .map(|p| ImportedRole {
            employee_id: p.employee_id.clone(),
            unit: p.unit.clone(),
            role: p.role.code().to_string(),
            union_name: p.union_name.clone(),
        })
        .collect();
    let had: BTreeSet<ImportedRole> = current.roles.iter().cloned().collect();
    plan.add_roles = wanted.difference(&had).cloned().collect();
    plan.remove_roles = had.difference(&wanted).cloned().collect();
    plan.rejected
        .sort_by_key(|r| (r.sheet == Sheet::People, r.line));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DEFAULT_NODE_KINDS;

    fn kinds() -> Vec<NodeKind> {
        DEFAULT_NODE_KINDS
            .iter()
            .map(|(code, label, chef)| NodeKind {
                code: code.to_string(),
                label: label.to_string(),
                chef_label: chef.to_string(),
            })
            .collect()
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
}
