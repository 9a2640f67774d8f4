//! The demo organisations (invented people), seeded on the first start in demo mode:
//! "Exempelstad", a förvaltning with two avdelningar and four enheter, people in every role, a
//! plan per unit and a year's follow-up under way; and the small "Norrvik", a second
//! organisation of its own (its own template, rules and culling decisions), so what one
//! organisation changes for all its units can be tried without touching the other.

use std::collections::HashMap;

use serde::Deserialize;

use super::db as org_db;
use super::demo_archive::ArchiveUnit;
use crate::auth::db as auth_db;
use crate::auth::password::{hash_password, PasswordHashString};
use crate::auth::{DemoAccount, DemoSignIns};
use crate::db::Db;
use crate::domain::{PlanRules, Role};
use crate::error::AppError;
use crate::plan::template::install_default_wheel;
use crate::with_db;

const DEMO_ORG_JSON: &str = include_str!("../../../seeds/demo_org.json");

#[derive(Deserialize)]
struct DemoFile {
    password: String,
    organisations: Vec<DemoOrg>,
}

#[derive(Deserialize)]
struct DemoOrg {
    tree: DemoNode,
    people: Vec<DemoPerson>,
    /// The units with records of the archive year, and the chef who published them.
    #[serde(default)]
    archive: Vec<ArchiveUnit>,
    /// The organisation's cooperation groups.
    #[serde(default)]
    cooperation: Vec<crate::cooperation::demo::DemoGroup>,
}

#[derive(Deserialize)]
struct DemoNode {
    name: String,
    kind: String,
    children: Vec<DemoNode>,
}

#[derive(Deserialize)]
struct DemoPerson {
    name: String,
    email: String,
    title: String,
    roles: Vec<DemoRole>,
}

#[derive(Deserialize)]
struct DemoRole {
    node: String,
    role: String,
    /// The union a union representative represents.
    #[serde(default)]
    union: String,
}

fn demo_file() -> anyhow::Result<DemoFile> {
    Ok(serde_json::from_str(DEMO_ORG_JSON)?)
}

/// Seeds the demo organisations into an empty database; does nothing when any organisation
/// exists. Plans are made for 2026 and for `current_year`.
pub async fn seed_if_empty(db: &Db, current_year: i32) -> anyhow::Result<bool> {
    if !org_db::is_empty(db).await? {
        return Ok(false);
    }
    let file = demo_file()?;
    let hash = hash_password(&file.password).map_err(|e| anyhow::anyhow!("{e}"))?;
    for (number, org) in file.organisations.iter().enumerate() {
        seed_org(db, org, &hash, current_year, number == 0).await?;
    }
    Ok(true)
}

/// One organisation: its tree, people and roles, template and rules, plans, archive, and (for
/// the first) the follow-up under way.
async fn seed_org(
    db: &Db,
    org: &DemoOrg,
    hash: &PasswordHashString,
    current_year: i32,
    with_follow_up: bool,
) -> anyhow::Result<()> {
    // The tree, depth first, remembering each node's id by name.
    let mut ids = HashMap::new();
    let mut parents = HashMap::new();
    let mut units = Vec::new();
    let mut stack = vec![(None, &org.tree)];
    while let Some((parent, node)) = stack.pop() {
        let id = org_db::insert_node(db, parent, &node.name, &node.kind).await?;
        ids.insert(node.name.clone(), id);
        if let Some(parent) = parent {
            parents.insert(id, parent);
        }
        if node.children.is_empty() {
            units.push((node.name.clone(), id));
        }
        for child in node.children.iter().rev() {
            stack.push((Some(id), child));
        }
    }
    let root = ids[&org.tree.name];
    org_db::save_rules(db, root, PlanRules::default()).await?;
    install_default_wheel(db, root).await?;

    let mut people = HashMap::new();
    let mut members: HashMap<String, Vec<String>> = HashMap::new();
    for person in &org.people {
        let id = auth_db::upsert_person(
            db,
            &person.name,
            &person.email,
            Some(&person.title),
            Some(hash),
        )
        .await?;
        people.insert(person.email.clone(), id);
        for role in &person.roles {
            let node = *ids
                .get(&role.node)
                .ok_or_else(|| anyhow::anyhow!("demo role in unknown node {}", role.node))?;
            let code = Role::from_code(&role.role)
                .ok_or_else(|| anyhow::anyhow!("unknown demo role {}", role.role))?;
            if !role.union.is_empty() {
                super::keeping_db::add_role(db, id, node, code, &role.union).await?;
            }
            auth_db::grant_role(db, id, node, code).await?;
            members
                .entry(role.node.clone())
                .or_default()
                .push(person.name.clone());
        }
    }

    let mut years = vec![2026];
    if current_year != 2026 {
        years.push(current_year);
    }
    for &year in &years {
        for (index, (_, unit)) in units.iter().enumerate() {
            super::demo_plans::seed_plan(db, root, *unit, index, year).await?;
        }
    }
    // The follow-up first: the cooperation group's September protocol attaches its results.
    if with_follow_up {
        super::demo_checklists::seed(db, root, &ids, &people).await?;
    }
    crate::cooperation::demo::seed(db, &org.cooperation, &ids, &people, &years).await?;
    // The work environment reports of the years before, written by HR at the root.
    if let Some(hr) = org
        .people
        .iter()
        .find(|p| {
            p.roles
                .iter()
                .any(|r| r.role == "hr" && r.node == org.tree.name)
        })
        .and_then(|p| people.get(&p.email))
    {
        let first_year = years.iter().copied().min().unwrap_or(2026);
        let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, first_year, 1, 2, 8, 0, 0)
            .single()
            .ok_or_else(|| anyhow::anyhow!("the demo's first day"))?;
        crate::env_report::demo::seed(db, root, &ids, &parents, *hr, at, first_year).await?;
    }
    let unit_order: Vec<&str> = units.iter().map(|(name, _)| name.as_str()).collect();
    super::demo_archive::seed(db, root, &org.archive, &unit_order, &ids, &people, &members).await?;
    Ok(())
}

/// Seeds the city beside the demo (`ARSHJUL_DEMO=city`), with the demo's password.
pub async fn seed_city(
    db: &Db,
    today: chrono::NaiveDate,
) -> anyhow::Result<super::demo_city::CitySeeded> {
    let hash = hash_password(&demo_file()?.password).map_err(|e| anyhow::anyhow!("{e}"))?;
    super::demo_city::seed_city(db, super::demo_city::CitySize::CITY, today, &hash).await
}

#[derive(sqlx::FromRow)]
struct SignInRow {
    name: String,
    email: String,
    title: Option<String>,
    node_name: String,
}

/// The demo accounts with what each does, for the sign-in page in demo mode.
pub async fn demo_sign_ins(db: &Db) -> Result<DemoSignIns, AppError> {
    const SQL: &str = "SELECT p.name, p.email, p.title, n.name AS node_name
         FROM people p
         JOIN memberships m ON m.person_id = p.id
         JOIN org_nodes n ON n.id = m.node_id
         WHERE p.active AND (p.email NOT LIKE $1 OR p.email IN ($2, $3))
         ORDER BY p.id, m.id";
    let password = demo_file()
        .map_err(|e| AppError::internal("demo organisation file", e))?
        .password;
    // Of the city's 50,000 people, HR at its root and the first unit's chef.
    use super::demo_city::CITY_DOMAIN;
    let rows: Vec<SignInRow> = with_db!(db, pool => {
        sqlx::query_as(SQL)
            .bind(format!("%@{CITY_DOMAIN}"))
            .bind(format!("hr@{CITY_DOMAIN}"))
            .bind(format!("chef1@{CITY_DOMAIN}"))
            .fetch_all(pool)
            .await
    })?;
    let mut accounts: Vec<DemoAccount> = Vec::new();
    for row in rows {
        match accounts.last_mut() {
            Some(last) if last.email == row.email => {
                last.description.push_str(", ");
                last.description.push_str(&row.node_name);
            }
            _ => accounts.push(DemoAccount {
                name: row.name,
                email: row.email,
                description: match row.title {
                    Some(title) => format!("{title}, {}", row.node_name),
                    None => row.node_name,
                },
            }),
        }
    }
    Ok(DemoSignIns { password, accounts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_organisation_file_parses_with_known_roles() {
        let file = demo_file().unwrap();
        assert_eq!(file.organisations.len(), 2);
        assert!(file.organisations[0].people.len() >= 20);
        for org in &file.organisations {
            for person in &org.people {
                for role in &person.roles {
                    assert!(Role::from_code(&role.role).is_some(), "{}", role.role);
                }
            }
        }
    }
}
