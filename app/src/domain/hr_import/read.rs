//! Reading the export's rows: the columns a sheet must have, rows of text cells, and each row
//! of units and people checked, with every rejected row's reason in Swedish.

use std::collections::{HashMap, HashSet};

use super::super::access::Role;
use super::super::node_kinds::NodeKind;
use super::super::org_keeping::{check_email, check_node_code, check_node_name};
use super::{FilePerson, FileProblem, FileUnit, Rejected, Sheet, SheetRow};

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
pub(super) fn read_units(
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
pub(super) fn read_people(
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
