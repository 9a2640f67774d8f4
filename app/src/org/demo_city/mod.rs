//! The city demo (`ARSHJUL_DEMO=city`): beside the small demo, the invented city "Storstad" of
//! 4,000 units under 40 administrations, 50,000 people and five years of plans, agendas,
//! notices, minutes, SAM follow-ups and actions, so pages can be measured at the size they are
//! built for. It is written set-based, a statement per level, month or year and never one per
//! unit, so the seed takes minutes on SQLite and PostgreSQL alike.

mod people;
mod years;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::auth::password::PasswordHashString;
use crate::db::Db;
use crate::domain::PlanRules;
use crate::with_db;

/// The e-mail domain of the city's people: the sign-in page lists only a few of them.
pub const CITY_DOMAIN: &str = "storstad.example.se";

/// How large a city to seed.
#[derive(Clone, Copy, Debug)]
pub struct CitySize {
    /// Administrations (förvaltningar) under the root.
    pub administrations: usize,
    /// Departments (avdelningar) in each administration.
    pub departments: usize,
    /// Units (enheter) in each department.
    pub units: usize,
    /// People in all, employees filling what the roles leave.
    pub people: usize,
    /// Years of records, the current one the last.
    pub years: i32,
}

impl CitySize {
    /// The city the issue measures: 40 × 5 × 20 = 4,000 units, 50,000 people, five years.
    pub const CITY: CitySize = CitySize {
        administrations: 40,
        departments: 5,
        units: 20,
        people: 50_000,
        years: 5,
    };

    /// How many units in all.
    pub fn unit_count(&self) -> usize {
        self.administrations * self.departments * self.units
    }
}

/// What the seed made, for the log and the tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitySeeded {
    /// The city's root node.
    pub root: i64,
    /// Nodes below the root.
    pub nodes: usize,
    /// People.
    pub people: usize,
}

/// A node of the city as generated: its code (unique in the city), parent code, name and kind.
struct CityNode {
    code: String,
    parent: String,
    name: String,
    kind: &'static str,
}

const AREAS: [&str; 8] = [
    "Socialförvaltningen",
    "Utbildningsförvaltningen",
    "Förskoleförvaltningen",
    "Kulturförvaltningen",
    "Stadsbyggnadsförvaltningen",
    "Miljöförvaltningen",
    "Fritidsförvaltningen",
    "Servicekontoret",
];
const DISTRICTS: [&str; 5] = ["Norr", "Söder", "Öster", "Väster", "Centrum"];
const DEPARTMENTS: [&str; 5] = [
    "Verksamhet 1",
    "Verksamhet 2",
    "Stöd och service",
    "Utveckling",
    "Administration",
];
const UNIT_KINDS: [&str; 5] = ["Hemtjänst", "Boende", "Team", "Förskolan", "Enheten"];
const PLACES: [&str; 20] = [
    "Björkdal",
    "Ekbacken",
    "Granhöjden",
    "Lindgården",
    "Tallåsen",
    "Aspvik",
    "Almhagen",
    "Lönnskogen",
    "Hasselbo",
    "Rönnbäcken",
    "Sälgsta",
    "Vidala",
    "Enebyn",
    "Poppelvägen",
    "Kastanjen",
    "Fläderlunden",
    "Olvonet",
    "Slånbäret",
    "Hagtornet",
    "Nyponet",
];

/// The city's tree below its root, level by level (parents before children).
fn city_nodes(size: CitySize) -> Vec<CityNode> {
    let mut nodes = Vec::new();
    for a in 0..size.administrations {
        let district = DISTRICTS[(a / AREAS.len()) % DISTRICTS.len()];
        let round = a / (AREAS.len() * DISTRICTS.len());
        let suffix = if round == 0 {
            String::new()
        } else {
            format!(" {}", round + 1)
        };
        nodes.push(CityNode {
            code: format!("F{a}"),
            parent: String::new(),
            name: format!("{} {district}{suffix}", AREAS[a % AREAS.len()]),
            kind: "förvaltning",
        });
    }
    for a in 0..size.administrations {
        for d in 0..size.departments {
            nodes.push(CityNode {
                code: format!("F{a}-A{d}"),
                parent: format!("F{a}"),
                name: format!("{} {}", DEPARTMENTS[d % DEPARTMENTS.len()], a + 1),
                kind: "avdelning",
            });
        }
    }
    let mut number = 0;
    for a in 0..size.administrations {
        for d in 0..size.departments {
            for u in 0..size.units {
                number += 1;
                nodes.push(CityNode {
                    code: format!("F{a}-A{d}-E{u}"),
                    parent: format!("F{a}-A{d}"),
                    name: format!(
                        "{} {} {number}",
                        UNIT_KINDS[u % UNIT_KINDS.len()],
                        PLACES[(number / UNIT_KINDS.len()) % PLACES.len()]
                    ),
                    kind: "enhet",
                });
            }
        }
    }
    nodes
}

/// Seeds the city beside what the database holds; returns what it made. `today` sets the
/// years (the current one and those before) and which meetings are held, noticed and minuted.
pub async fn seed_city(
    db: &Db,
    size: CitySize,
    today: NaiveDate,
    password: &PasswordHashString,
) -> anyhow::Result<CitySeeded> {
    let root = super::db::insert_node(db, None, "Storstad", "kommun").await?;
    super::db::save_rules(db, root, PlanRules::default()).await?;
    crate::plan::template::install_default_wheel(db, root).await?;

    let nodes = city_nodes(size);
    let ids = insert_nodes(db, root, &nodes).await?;
    let people = people::seed(db, root, size, &ids, password).await?;
    let last = today.year();
    for year in (last - size.years + 1)..=last {
        years::seed_year(db, root, year, today).await?;
    }
    Ok(CitySeeded {
        root,
        nodes: nodes.len(),
        people,
    })
}

/// Inserts the nodes level by level, in chunks, and returns their ids by code.
async fn insert_nodes(
    db: &Db,
    root: i64,
    nodes: &[CityNode],
) -> anyhow::Result<HashMap<String, i64>> {
    const CHUNK: usize = 1000;
    let mut ids: HashMap<String, i64> = HashMap::from([(String::new(), root)]);
    let mut start = 0;
    while start < nodes.len() {
        // A chunk never mixes levels: a level's parents are all known before it is written.
        let kind = nodes[start].kind;
        let end = nodes[start..]
            .iter()
            .position(|n| n.kind != kind)
            .map_or(nodes.len(), |p| start + p)
            .min(start + CHUNK);
        let chunk = &nodes[start..end];
        with_db!(db, pool => {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO org_nodes (parent_id, name, kind, code, org_id) ",
            );
            insert.push_values(chunk, |mut row, node| {
                row.push_bind(ids[&node.parent])
                    .push_bind(&node.name)
                    .push_bind(node.kind)
                    .push_bind(&node.code)
                    .push_bind(root);
            });
            insert.build().execute(pool).await.map(|_| ())
        })?;
        start = end;
        let rows: Vec<(i64, String)> = with_db!(db, pool => {
            sqlx::query_as("SELECT id, code FROM org_nodes WHERE org_id = $1 AND code IS NOT NULL")
                .bind(root)
                .fetch_all(pool)
                .await
        })?;
        ids.extend(rows.into_iter().map(|(id, code)| (code, id)));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_has_its_administrations_departments_and_units_with_unique_codes() {
        let nodes = city_nodes(CitySize::CITY);
        assert_eq!(nodes.len(), 40 + 200 + 4000);
        assert_eq!(CitySize::CITY.unit_count(), 4000);
        let codes: std::collections::HashSet<&str> =
            nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes.len(), nodes.len());
        let names: std::collections::HashSet<&str> = nodes
            .iter()
            .filter(|n| n.kind == "förvaltning")
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(
            names.len(),
            40,
            "every administration has a name of its own"
        );
        // Parents come before their children.
        let mut seen = std::collections::HashSet::from([""]);
        for node in &nodes {
            assert!(seen.contains(node.parent.as_str()), "{}", node.code);
            seen.insert(node.code.as_str());
        }
    }
}
