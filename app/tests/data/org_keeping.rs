//! Keeping an organisation against real databases: nodes know their organisation and start with
//! its kinds, the ancestry comes back in order, a moved or closed unit keeps its plan, roles are
//! given once and taken away, and a person joins the organisation of their first role. Each on
//! SQLite and PostgreSQL.

use crate::common;

use app::domain::Role;
use app::org::keeping_db as kdb;
use common::{fixture, fresh_databases, plan_with_meeting};

async fn org_of(db: &app::db::Db, table: &str, id: i64) -> Option<i64> {
    let sql = format!("SELECT org_id FROM {table} WHERE id = $1");
    app::with_db!(db, pool => sqlx::query_scalar(&sql).bind(id).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn nodes_belong_to_their_organisation_which_starts_with_the_default_kinds() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        assert_eq!(
            org_of(&t.db, "org_nodes", f.org).await,
            Some(f.org),
            "{}",
            t.engine
        );
        assert_eq!(
            org_of(&t.db, "org_nodes", f.unit).await,
            Some(f.org),
            "{}",
            t.engine
        );
        let kinds = kdb::node_kinds(&t.db, f.org).await.unwrap();
        assert_eq!(kinds.len(), 8, "{}", t.engine);
        assert_eq!(kinds[0].code, "kommun");
        let school = kinds.iter().find(|k| k.code == "skola").unwrap();
        assert_eq!(school.chef_label, "Rektor");

        let dept = kdb::add_node(
            &t.db,
            Some(f.org),
            "Skolförvaltningen",
            "förvaltning",
            Some("SF"),
        )
        .await
        .unwrap();
        let school = kdb::add_node(&t.db, Some(dept), "Ekskolan", "skola", Some("SF-1"))
            .await
            .unwrap();
        let ids: Vec<i64> = kdb::node_and_ancestry(&t.db, school)
            .await
            .unwrap()
            .iter()
            .map(|n| n.id)
            .collect();
        assert_eq!(ids, [school, dept, f.org], "{}", t.engine);
        assert!(kdb::code_taken(&t.db, f.org, "SF-1", dept).await.unwrap());
        assert!(!kdb::code_taken(&t.db, f.org, "SF-1", school).await.unwrap());
        let found = kdb::find_place(&t.db, f.org, "SF").await.unwrap();
        assert_eq!(found.iter().map(|n| n.id).collect::<Vec<_>>(), [dept]);
        let found = kdb::find_place(&t.db, f.org, "Ekskolan").await.unwrap();
        assert_eq!(found.iter().map(|n| n.id).collect::<Vec<_>>(), [school]);

        let children = kdb::children(&t.db, f.org).await.unwrap();
        let names: Vec<&str> = children.iter().map(|c| c.node.name.as_str()).collect();
        assert_eq!(names, ["Enhet", "Skolförvaltningen"], "{}", t.engine);
        assert_eq!(children[1].children, 1);
    }
}

#[tokio::test]
async fn a_moved_or_closed_unit_keeps_its_plan_and_can_open_again() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let (plan, _) = plan_with_meeting(
            &t.db,
            &f,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
        )
        .await;
        let dept = kdb::add_node(&t.db, Some(f.org), "Avdelning A", "avdelning", None)
            .await
            .unwrap();
        assert!(kdb::move_node(&t.db, f.unit, dept).await.unwrap());
        assert!(
            !kdb::move_node(&t.db, f.org, dept).await.unwrap(),
            "a root never moves"
        );
        let ids: Vec<i64> = kdb::node_and_ancestry(&t.db, f.unit)
            .await
            .unwrap()
            .iter()
            .map(|n| n.id)
            .collect();
        assert_eq!(ids, [f.unit, dept, f.org], "{}", t.engine);

        assert_eq!(kdb::open_children(&t.db, dept).await.unwrap(), 1);
        let at = app::clock::Clock::system().now();
        assert!(kdb::set_closed(&t.db, f.unit, Some(at)).await.unwrap());
        assert!(
            !kdb::set_closed(&t.db, f.unit, Some(at)).await.unwrap(),
            "closed once"
        );
        assert_eq!(kdb::open_children(&t.db, dept).await.unwrap(), 0);
        let unit = &kdb::node_and_ancestry(&t.db, f.unit).await.unwrap()[0];
        assert!(unit.closed_at.is_some(), "{}", t.engine);
        let plans = app::plan::db::plan_version(&t.db, plan).await.unwrap();
        assert!(
            plans.is_some(),
            "the closed unit's plan stays ({})",
            t.engine
        );
        assert!(kdb::set_closed(&t.db, f.unit, None).await.unwrap());
        let children = kdb::children(&t.db, dept).await.unwrap();
        assert!(children[0].node.closed_at.is_none());
    }
}

#[tokio::test]
async fn roles_are_given_once_taken_away_and_a_new_person_joins_the_organisation() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let person = kdb::add_person(&t.db, f.org, "Ola Berg", "ola@example.se", Some("Lärare"))
            .await
            .unwrap();
        assert_eq!(org_of(&t.db, "people", person).await, Some(f.org));
        let found = kdb::person_by_email(&t.db, "ola@example.se")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((found.id, found.org_id), (person, Some(f.org)));

        assert!(
            kdb::add_role(&t.db, person, f.unit, Role::FackligForetradare, "Vision")
                .await
                .unwrap()
        );
        assert!(
            !kdb::add_role(&t.db, person, f.unit, Role::FackligForetradare, "Vision")
                .await
                .unwrap()
        );
        assert!(
            kdb::add_role(&t.db, person, f.org, Role::Huvudskyddsombud, "")
                .await
                .unwrap()
        );
        let members = kdb::members(&t.db, f.unit).await.unwrap();
        assert_eq!(members.len(), 1, "{}", t.engine);
        assert_eq!(members[0].role, "facklig_foretradare");
        assert_eq!(members[0].union_name, "Vision");
        assert_eq!(members[0].source, "manual");
        let roles = app::auth::db::memberships(&t.db, person).await.unwrap();
        assert!(roles
            .iter()
            .any(|m| m.role == Role::Huvudskyddsombud && m.node_id == f.org));

        assert!(
            kdb::remove_role(&t.db, person, f.unit, Role::FackligForetradare)
                .await
                .unwrap()
        );
        assert!(kdb::members(&t.db, f.unit).await.unwrap().is_empty());

        // A person made before organisations were recorded joins with their first role.
        assert_eq!(org_of(&t.db, "people", f.person).await, None);
        app::auth::db::grant_role(&t.db, f.person, f.unit, Role::Chef)
            .await
            .unwrap();
        assert_eq!(org_of(&t.db, "people", f.person).await, Some(f.org));
    }
}

#[tokio::test]
async fn kinds_are_added_last_and_renamed_in_place_and_a_person_is_edited() {
    use app::domain::NodeKind;
    use app::org::keeping_db::{
        add_person, edit_person, node_kinds, person_by_email, save_node_kind,
    };

    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let before = node_kinds(&t.db, f.org).await.unwrap();
        let new = NodeKind {
            code: "gymnasium".into(),
            label: "Gymnasium".into(),
            chef_label: "Rektor".into(),
        };
        save_node_kind(&t.db, f.org, &new).await.unwrap();
        let after = node_kinds(&t.db, f.org).await.unwrap();
        assert_eq!(after.len(), before.len() + 1, "{}", t.engine);
        assert_eq!(after.last(), Some(&new), "{}: added last", t.engine);
        let renamed = NodeKind {
            label: "Verksamhet".into(),
            chef_label: "Verksamhetschef".into(),
            ..after[4].clone()
        };
        save_node_kind(&t.db, f.org, &renamed).await.unwrap();
        let again = node_kinds(&t.db, f.org).await.unwrap();
        assert_eq!(again[4], renamed, "{}: renamed in place", t.engine);

        let id = add_person(&t.db, f.org, "Bo Berg", "bo@kommun.se", Some("Chef"))
            .await
            .unwrap();
        edit_person(&t.db, id, "Bo Bergström", "bo.bergstrom@kommun.se", None)
            .await
            .unwrap();
        assert!(person_by_email(&t.db, "bo@kommun.se")
            .await
            .unwrap()
            .is_none());
        let found = person_by_email(&t.db, "bo.bergstrom@kommun.se")
            .await
            .unwrap();
        assert_eq!(found.map(|p| p.id), Some(id), "{}", t.engine);
    }
}

#[tokio::test]
async fn a_units_checks_read_its_path_to_the_root_and_nothing_beside_it() {
    use app::org::db as org_db;
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let team = org_db::insert_node(&t.db, Some(f.unit), "Team Öst", "enhet")
            .await
            .unwrap();
        let sibling = org_db::insert_node(&t.db, Some(f.org), "Grannen", "enhet")
            .await
            .unwrap();
        let path = org_db::load_ancestry(&t.db, team).await.unwrap();
        assert_eq!(
            path.tree.ancestry(team),
            vec![team, f.unit, f.org],
            "{}",
            t.engine
        );
        assert_eq!(
            path.path_names(team),
            vec!["Kommun", "Enhet"],
            "{}",
            t.engine
        );
        assert_eq!(path.name(team), "Team Öst");
        assert!(!path.tree.contains(sibling), "{}: only the path", t.engine);
        let unknown = org_db::load_ancestry(&t.db, 999_999).await.unwrap();
        assert!(!unknown.tree.contains(999_999), "{}", t.engine);
    }
}
