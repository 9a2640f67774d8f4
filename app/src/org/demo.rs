//! The demo organisation "Exempelstad" (invented people), seeded on the first start in demo mode:
//! a förvaltning, two avdelningar, four enheter, people in every role, and a plan per unit.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use super::db as org_db;
use crate::auth::db as auth_db;
use crate::auth::password::hash_password;
use crate::auth::{DemoAccount, DemoSignIns};
use crate::db::Db;
use crate::domain::{PlanRules, Role};
use crate::error::AppError;
use crate::plan::db::{self as plan_db, NewMeeting};
use crate::plan::template::install_default_wheel;
use crate::with_db;

const DEMO_ORG_JSON: &str = include_str!("../../../seeds/demo_org.json");

#[derive(Deserialize)]
struct DemoOrg {
    password: String,
    tree: DemoNode,
    people: Vec<DemoPerson>,
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
}

fn demo_org() -> anyhow::Result<DemoOrg> {
    Ok(serde_json::from_str(DEMO_ORG_JSON)?)
}

/// Seeds the demo organisation into an empty database; does nothing when any organisation exists.
/// Plans are made for 2026 and for `current_year`.
pub async fn seed_if_empty(db: &Db, current_year: i32) -> anyhow::Result<bool> {
    if !org_db::is_empty(db).await? {
        return Ok(false);
    }
    let org = demo_org()?;

    // The tree, depth first, remembering each node's id by name.
    let mut ids = std::collections::HashMap::new();
    let mut units = Vec::new();
    let mut stack = vec![(None, &org.tree)];
    while let Some((parent, node)) = stack.pop() {
        let id = org_db::insert_node(db, parent, &node.name, &node.kind).await?;
        ids.insert(node.name.clone(), id);
        if node.children.is_empty() {
            units.push(id);
        }
        for child in node.children.iter().rev() {
            stack.push((Some(id), child));
        }
    }
    let root = ids[&org.tree.name];
    org_db::save_rules(db, root, PlanRules::default()).await?;
    install_default_wheel(db, root).await?;

    let mut people = std::collections::HashMap::new();
    for person in &org.people {
        let hash = hash_password(&org.password).map_err(|e| anyhow::anyhow!("{e}"))?;
        let id = auth_db::upsert_person(
            db,
            &person.name,
            &person.email,
            Some(&person.title),
            Some(&hash),
        )
        .await?;
        people.insert(person.email.clone(), id);
        for role in &person.roles {
            let node = *ids
                .get(&role.node)
                .ok_or_else(|| anyhow::anyhow!("demo role in unknown node {}", role.node))?;
            let role = Role::from_code(&role.role)
                .ok_or_else(|| anyhow::anyhow!("unknown demo role {}", role.role))?;
            auth_db::grant_role(db, id, node, role).await?;
        }
    }

    let mut years = vec![2026];
    if current_year != 2026 {
        years.push(current_year);
    }
    for year in years {
        for (index, &unit) in units.iter().enumerate() {
            seed_plan(db, root, unit, index, year).await?;
        }
    }
    super::demo_checklists::seed(db, root, &ids, &people).await?;
    let mut members: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    for person in &org.people {
        for role in &person.roles {
            members
                .entry(role.node.clone())
                .or_default()
                .push(person.name.clone());
        }
    }
    super::demo_archive::seed(db, root, &ids, &people, &members).await?;
    Ok(true)
}

/// A plan of ten APTs with every topic in a meeting of its first month; returns the plan's id.
pub(super) async fn seed_plan(
    db: &Db,
    org_id: i64,
    unit_id: i64,
    index: usize,
    year: i32,
) -> anyhow::Result<i64> {
    let plan_id = plan_db::create_plan_from_template(db, unit_id, org_id, year).await?;
    let (weekday, start, end, location, link) = match index % 4 {
        0 => (
            Weekday::Tue,
            (13, 0),
            (14, 30),
            "Konferensrummet Eken",
            None,
        ),
        1 => (
            Weekday::Wed,
            (9, 0),
            (10, 30),
            "Personalrummet",
            Some("https://mote.exempelstad.se/apt-solgarden"),
        ),
        2 => (
            Weekday::Tue,
            (14, 0),
            (15, 30),
            "Samlingssalen, plan 3",
            None,
        ),
        _ => (
            Weekday::Wed,
            (8, 30),
            (10, 0),
            "Digitalt möte",
            Some("https://mote.exempelstad.se/apt-ekonomiskt-bistand"),
        ),
    };
    // Ten months with meetings: June or September is skipped in turn.
    let skipped = if index.is_multiple_of(2) { 9 } else { 6 };
    let months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
        .into_iter()
        .filter(|&m| m != skipped);
    let mut meeting_by_month = std::collections::HashMap::new();
    for month in months {
        let week = if month == 8 { 4 } else { 2 };
        let Some(date) = nth_weekday(year, month, weekday, week) else {
            continue;
        };
        let meeting = NewMeeting {
            date,
            start: time(start),
            end: time(end),
            location: location.to_string(),
            online_link: link.map(str::to_string),
        };
        let id = plan_db::insert_meeting(db, plan_id, &meeting).await?;
        meeting_by_month.insert(month, id);
    }
    for topic in plan_db::plan_topics(db, plan_id).await? {
        let meeting = meeting_by_month.get(&topic.month_start).copied();
        plan_db::place_topic(db, plan_id, topic.id, meeting).await?;
    }
    Ok(plan_id)
}

fn time((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// The `n`th `weekday` of a month (n from 1).
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u64) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first.checked_add_days(Days::new(u64::from(offset) + 7 * (n - 1)))
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
         WHERE p.active
         ORDER BY p.id, m.id";
    let password = demo_org()
        .map_err(|e| AppError::internal("demo organisation file", e))?
        .password;
    let rows: Vec<SignInRow> = with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)?;
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
    fn the_nth_weekday_is_found() {
        // 2026-01-13 is the second Tuesday of January 2026.
        assert_eq!(
            nth_weekday(2026, 1, Weekday::Tue, 2),
            NaiveDate::from_ymd_opt(2026, 1, 13)
        );
        // 2026-08-26 is the fourth Wednesday of August 2026.
        assert_eq!(
            nth_weekday(2026, 8, Weekday::Wed, 4),
            NaiveDate::from_ymd_opt(2026, 8, 26)
        );
    }

    #[test]
    fn the_demo_organisation_file_parses_with_known_roles() {
        let org = demo_org().unwrap();
        assert!(org.people.len() >= 20);
        for person in &org.people {
            for role in &person.roles {
                assert!(Role::from_code(&role.role).is_some(), "{}", role.role);
            }
        }
    }
}
