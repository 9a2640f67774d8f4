//! The HR import against real databases: a first import builds the tree, people and roles; the
//! same file again changes nothing; a smaller file closes units and deactivates people (whose
//! sessions end) without deleting them, and a moved unit keeps its plan. Each on SQLite and
//! PostgreSQL.

use crate::common;

use app::domain::hr_import::plan_import;
use app::org::import_db;
use app::org::import_file::read_files;
use common::{fixture, fresh_databases};

const UNITS: &str = "Enhetskod;Överordnad kod;Namn;Typ
KF;;Kulturförvaltningen;Förvaltning
KF-1;KF;Biblioteket;Enhet
KF-2;KF;Museet;Enhet
";
const PEOPLE: &str = "Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll;Fackförbund
100;bo@kommun.se;Bo Berg;Bibliotekschef;KF-1;Chef;
100;bo@kommun.se;Bo Berg;Bibliotekschef;KF;Huvudskyddsombud;
101;ada@kommun.se;Ada Ek;Bibliotekarie;KF-1;Medarbetare;
102;cy@kommun.se;Cy Al;Intendent;KF-2;Facklig företrädare;Vision
103;di@kommun.se;Di Ho;Intendent;KF-9;Medarbetare;
";

fn file(units: &str, people: &str) -> app::org::import_file::ImportFile {
    read_files(&[
        ("enheter.csv".into(), units.as_bytes().to_vec()),
        ("personer.csv".into(), people.as_bytes().to_vec()),
    ])
    .unwrap()
}

async fn run(db: &app::db::Db, org: i64, units: &str, people: &str) -> usize {
    let file = file(units, people);
    let current = import_db::current(db, org).await.unwrap();
    let plan = plan_import(&current, &file.units, &file.people);
    let now = app::clock::Clock::system().now();
    let id = import_db::store(db, org, 1, "hr.csv", &file, now)
        .await
        .unwrap();
    import_db::apply(db, org, Some(id), &current, &plan, now)
        .await
        .unwrap();
    plan.changes()
}

async fn count(db: &app::db::Db, sql: &str, org: i64) -> i64 {
    app::with_db!(db, pool => sqlx::query_scalar(sql).bind(org).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn an_import_builds_the_organisation_and_the_same_file_again_changes_nothing() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let first = run(&t.db, f.org, UNITS, PEOPLE).await;
        assert_eq!(
            first,
            3 + 3 + 4,
            "3 units, 3 people, 4 roles ({})",
            t.engine
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM org_nodes WHERE org_id = $1 AND code IS NOT NULL",
                f.org
            )
            .await,
            3
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM memberships m JOIN people p ON p.id = m.person_id
                 WHERE p.org_id = $1 AND m.source = 'import'",
                f.org
            )
            .await,
            4
        );
        let stored = import_db::stored(&t.db, f.org, 1).await.unwrap().unwrap();
        assert!(stored.applied_at.is_some());
        assert_eq!(stored.file.units.len(), 3);
        assert!(import_db::stored(&t.db, f.org + 1000, 1)
            .await
            .unwrap()
            .is_none());

        let again = run(&t.db, f.org, UNITS, PEOPLE).await;
        assert_eq!(again, 0, "the same file again ({})", t.engine);
    }
}

#[tokio::test]
async fn people_and_units_gone_from_the_file_are_deactivated_and_closed_not_deleted() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        run(&t.db, f.org, UNITS, PEOPLE).await;
        // A role HR gave by hand stays whatever the file says.
        let ada: i64 = count(
            &t.db,
            "SELECT id FROM people WHERE email = 'ada@kommun.se' AND org_id = $1",
            f.org,
        )
        .await;
        app::auth::db::grant_role(&t.db, ada, f.unit, app::domain::Role::Skyddsombud)
            .await
            .unwrap();

        let units = "Enhetskod;Överordnad kod;Namn;Typ\nKF;;Kulturförvaltningen;Förvaltning\nKF-1;;Stadsbiblioteket;Enhet\n";
        let people = "Anställningsnummer;E-post;Namn;Titel;Enhetskod;Roll\n100;bo@kommun.se;Bo Berg;Bibliotekschef;KF-1;Chef\n";
        let changes = run(&t.db, f.org, units, people).await;
        assert!(changes >= 5, "{changes} ({})", t.engine);
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM org_nodes WHERE org_id = $1 AND closed_at IS NOT NULL",
                f.org
            )
            .await,
            1,
            "the museum is closed ({})",
            t.engine
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM people WHERE org_id = $1 AND NOT active",
                f.org
            )
            .await,
            2,
            "Ada and Cy are deactivated ({})",
            t.engine
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM memberships WHERE person_id = $1",
                ada
            )
            .await,
            1,
            "Ada's manual role stays, the imported one goes ({})",
            t.engine
        );
        let library = count(
            &t.db,
            "SELECT id FROM org_nodes WHERE org_id = $1 AND code = 'KF-1'",
            f.org,
        )
        .await;
        assert_eq!(
            count(
                &t.db,
                "SELECT parent_id FROM org_nodes WHERE id = $1",
                library
            )
            .await,
            f.org,
            "the library moved up ({})",
            t.engine
        );
        // And back: the museum opens again, Ada is active again.
        run(&t.db, f.org, UNITS, PEOPLE).await;
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM people WHERE org_id = $1 AND NOT active",
                f.org
            )
            .await,
            0
        );
        assert_eq!(
            count(
                &t.db,
                "SELECT COUNT(*) FROM org_nodes WHERE org_id = $1 AND closed_at IS NOT NULL",
                f.org
            )
            .await,
            0
        );
    }
}
