//! HR's account list: the part of the organisation an HR sees, found by name or address, a page
//! at a time, with each account's roles.

use crate::common::{fixture, fresh_databases};
use app::auth::db as auth_db;
use app::domain::Role;
use app::org::db as org_db;
use app::org::people_db::{accounts_page, AccountsQuery};

#[tokio::test]
async fn hr_pages_through_its_part_and_finds_by_name_or_address() {
    for t in fresh_databases().await {
        let e = t.engine;
        let f = fixture(&t.db).await;
        let adm = org_db::insert_node(&t.db, Some(f.org), "Förvaltning", "forvaltning")
            .await
            .unwrap();
        let unit_a = org_db::insert_node(&t.db, Some(adm), "Enhet A", "enhet")
            .await
            .unwrap();
        let person = |name: &'static str, email: &'static str| {
            let db = t.db.clone();
            async move {
                auth_db::upsert_person(&db, name, email, None, None)
                    .await
                    .unwrap()
            }
        };
        let hr_root = person("Hilda Rot", "hilda@example.se").await;
        let hr_adm = person("Hugo Förvalt", "hugo@example.se").await;
        let asa = person("Åsa Ek", "asa.ek@example.se").await;
        let bo = person("Bo Berg", "bo@example.se").await;
        let _cia = person("Cia Lund", "cia@example.se").await;
        auth_db::grant_role(&t.db, hr_root, f.org, Role::Hr)
            .await
            .unwrap();
        auth_db::grant_role(&t.db, hr_adm, adm, Role::Hr)
            .await
            .unwrap();
        auth_db::grant_role(&t.db, asa, unit_a, Role::Medarbetare)
            .await
            .unwrap();
        auth_db::grant_role(&t.db, bo, f.unit, Role::Medarbetare)
            .await
            .unwrap();

        let ask = |hr_nodes: Vec<i64>, roots: Vec<i64>, search: Option<&str>, limit, offset| {
            AccountsQuery {
                hr_nodes,
                roots,
                search: search.map(str::to_string),
                limit,
                offset,
            }
        };
        let names = |people: &[app::org::people_db::AccountPerson]| {
            people.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
        };

        // HR at the root: everyone, including the accounts without a role, by name.
        let found = accounts_page(&t.db, &ask(vec![f.org], vec![f.org], None, 2, 0))
            .await
            .unwrap();
        let (total, page) = (found.total, found.people);
        assert_eq!(total, 6, "{e}");
        assert_eq!(names(&page), ["Anna Andersson", "Bo Berg"], "{e}");
        let page = accounts_page(&t.db, &ask(vec![f.org], vec![f.org], None, 2, 4))
            .await
            .unwrap()
            .people;
        assert_eq!(
            names(&page),
            ["Hugo Förvalt", "Åsa Ek"],
            "{e}: the last page"
        );

        // HR at the administration: the roles below it only, each with its roles.
        let found = accounts_page(&t.db, &ask(vec![adm], vec![], None, 50, 0))
            .await
            .unwrap();
        let (total, page, roles) = (found.total, found.people, found.roles);
        assert_eq!(total, 2, "{e}");
        assert_eq!(names(&page), ["Hugo Förvalt", "Åsa Ek"], "{e}");
        assert!(
            roles.contains(&(asa, unit_a, "medarbetare".to_string())),
            "{e}: {roles:?}"
        );
        assert!(roles.iter().all(|(p, ..)| *p == asa || *p == hr_adm), "{e}");

        // Found by part of a name (also a capital Å typed small) or an address; the pattern
        // characters are searched as they are.
        for (search, expected) in [
            ("åsa", vec!["Åsa Ek"]),
            ("BERG", vec!["Bo Berg"]),
            ("cia@", vec!["Cia Lund"]),
            ("%", vec![]),
        ] {
            let found = accounts_page(&t.db, &ask(vec![f.org], vec![f.org], Some(search), 50, 0))
                .await
                .unwrap();
            let (total, page) = (found.total, found.people);
            assert_eq!(names(&page), expected, "{e}: {search}");
            assert_eq!(
                total,
                i64::try_from(expected.len()).unwrap(),
                "{e}: {search}"
            );
        }
    }
}
