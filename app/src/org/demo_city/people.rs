//! The city's people and their roles: in every unit a chef, a deputy, a safety representative
//! and employees; a chef in every department and administration; HR at every administration and
//! at the root. Addresses say the role (`chef12@…` is the chef of the twelfth unit,
//! `hr@…` HR at the root), so a benchmark knows whom to sign in as.

use std::collections::HashMap;

use crate::auth::password::PasswordHashString;
use crate::db::Db;
use crate::with_db;

use super::{CitySize, CITY_DOMAIN};

const FIRST: [&str; 40] = [
    "Alva", "Bertil", "Cecilia", "David", "Ebba", "Fredrik", "Greta", "Hugo", "Ida", "Jonas",
    "Karin", "Leo", "Maja", "Nils", "Olivia", "Per", "Rut", "Samir", "Tove", "Ulf", "Vera",
    "William", "Yasmin", "Åsa", "Ali", "Beatrice", "Carl", "Dalia", "Emil", "Fatima", "Gustav",
    "Hanna", "Isak", "Jasmin", "Kevin", "Linnea", "Milo", "Nora", "Oskar", "Paula",
];
const LAST: [&str; 40] = [
    "Ahlberg",
    "Berglund",
    "Carlsson",
    "Dahl",
    "Ek",
    "Forsberg",
    "Gran",
    "Hedlund",
    "Isaksson",
    "Jansson",
    "Kvist",
    "Lund",
    "Mattsson",
    "Nyström",
    "Olsson",
    "Persson",
    "Quist",
    "Rask",
    "Sandberg",
    "Torstensson",
    "Ullberg",
    "Vik",
    "Wallin",
    "Åberg",
    "Öhman",
    "Abdi",
    "Björk",
    "Celik",
    "Dogan",
    "Engström",
    "Falk",
    "Granlund",
    "Holm",
    "Iqbal",
    "Jovanović",
    "Karlén",
    "Lindholm",
    "Moberg",
    "Nordin",
    "Pettersson",
];

/// A person to insert with their roles: (node code, role code).
struct CityPerson {
    email: String,
    title: &'static str,
    roles: Vec<(String, &'static str)>,
}

fn person(email: String, title: &'static str, roles: Vec<(String, &'static str)>) -> CityPerson {
    CityPerson {
        email: format!("{email}@{CITY_DOMAIN}"),
        title,
        roles,
    }
}

/// Everyone of the city: the roles first, then employees spread over the units until `people`.
fn city_people(size: CitySize) -> Vec<CityPerson> {
    let mut all = vec![
        person("hr".into(), "HR-direktör", vec![(String::new(), "hr")]),
        person("hr2".into(), "HR-strateg", vec![(String::new(), "hr")]),
    ];
    let mut units = Vec::with_capacity(size.unit_count());
    let mut department = 0;
    for a in 0..size.administrations {
        let admin = format!("F{a}");
        all.push(person(
            format!("forvaltningschef{}", a + 1),
            "Förvaltningschef",
            vec![(admin.clone(), "chef")],
        ));
        all.push(person(
            format!("hr.f{}", a + 1),
            "HR-konsult",
            vec![(admin.clone(), "hr")],
        ));
        for d in 0..size.departments {
            department += 1;
            let dept = format!("{admin}-A{d}");
            all.push(person(
                format!("avdelningschef{department}"),
                "Avdelningschef",
                vec![(dept.clone(), "chef")],
            ));
            for u in 0..size.units {
                units.push(format!("{dept}-E{u}"));
            }
        }
    }
    for (n, unit) in units.iter().enumerate() {
        let n = n + 1;
        all.push(person(
            format!("chef{n}"),
            "Enhetschef",
            vec![(unit.clone(), "chef")],
        ));
        all.push(person(
            format!("bitr{n}"),
            "Biträdande enhetschef",
            vec![(unit.clone(), "bitradande_chef")],
        ));
        all.push(person(
            format!("skyddsombud{n}"),
            "Undersköterska",
            vec![(unit.clone(), "medarbetare"), (unit.clone(), "skyddsombud")],
        ));
    }
    let mut n = 0;
    while all.len() < size.people && !units.is_empty() {
        let unit = &units[n % units.len()];
        n += 1;
        all.push(person(
            format!("medarbetare{n}"),
            "Medarbetare",
            vec![(unit.clone(), "medarbetare")],
        ));
    }
    all
}

fn name_of(n: usize) -> String {
    format!(
        "{} {}",
        FIRST[n % FIRST.len()],
        LAST[(n / FIRST.len() + n) % LAST.len()]
    )
}

/// Inserts the people and their roles in chunks; returns how many people.
pub(super) async fn seed(
    db: &Db,
    root: i64,
    size: CitySize,
    nodes: &HashMap<String, i64>,
    password: &PasswordHashString,
) -> anyhow::Result<usize> {
    const CHUNK: usize = 1000;
    let people = city_people(size);
    for (number, chunk) in people.chunks(CHUNK).enumerate() {
        with_db!(db, pool => {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO people (name, email, title, password_hash, org_id) ",
            );
            insert.push_values(chunk.iter().enumerate(), |mut row, (i, p)| {
                row.push_bind(name_of(number * CHUNK + i))
                    .push_bind(&p.email)
                    .push_bind(p.title)
                    .push_bind(&password.0)
                    .push_bind(root);
            });
            insert.build().execute(pool).await.map(|_| ())
        })?;
    }
    let ids: HashMap<String, i64> = with_db!(db, pool => {
        sqlx::query_as::<_, (String, i64)>("SELECT email, id FROM people WHERE org_id = $1")
            .bind(root)
            .fetch_all(pool)
            .await
    })?
    .into_iter()
    .collect();
    let roles: Vec<(i64, i64, &str)> = people
        .iter()
        .flat_map(|p| {
            let person = ids.get(&p.email).copied();
            p.roles
                .iter()
                .filter_map(move |(code, role)| Some((person?, *nodes.get(code)?, *role)))
        })
        .collect();
    for chunk in roles.chunks(CHUNK) {
        with_db!(db, pool => {
            let mut insert =
                sqlx::QueryBuilder::new("INSERT INTO memberships (person_id, node_id, role) ");
            insert.push_values(chunk, |mut row, (person, node, role)| {
                row.push_bind(*person).push_bind(*node).push_bind(*role);
            });
            insert.build().execute(pool).await.map(|_| ())
        })?;
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_has_fifty_thousand_people_with_every_unit_led_and_represented() {
        let people = city_people(CitySize::CITY);
        assert_eq!(people.len(), 50_000);
        let emails: std::collections::HashSet<&str> =
            people.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), people.len(), "every address once");
        let count = |role: &str| {
            people
                .iter()
                .flat_map(|p| &p.roles)
                .filter(|(code, r)| *r == role && code.matches('-').count() == 2)
                .count()
        };
        assert_eq!(count("chef"), 4000);
        assert_eq!(count("skyddsombud"), 4000);
        assert!(count("medarbetare") > 40_000);
        assert_eq!(people[0].email, format!("hr@{CITY_DOMAIN}"));
    }
}
