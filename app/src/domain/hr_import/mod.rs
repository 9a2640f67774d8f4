//! The HR system's export, read and compared with the organisation as it stands: which units
//! are added, renamed, moved, closed or opened again; which people are added, changed,
//! deactivated or back; which roles the import gives and takes away; and every row it rejects
//! with why. Plain data in, a plan out, so the preview and the applying are the same decision
//! and a second run of the same file plans nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

mod read;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::access::Role;
use super::node_kinds::NodeKind;

pub use read::{check_columns, role_from_text, rows_of};

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
    /// A cell's text, trimmed; empty when the column is missing.
    pub fn cell(&self, column: &str) -> &str {
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

/// Compares the file with the organisation as it stands.
pub fn plan_import(
    current: &Current,
    unit_rows: &[SheetRow],
    person_rows: &[SheetRow],
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let units = read::read_units(unit_rows, &current.kinds, &mut plan.rejected);
    let codes: HashSet<&str> = units.iter().map(|u| u.code.as_str()).collect();
    let people = read::read_people(
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
