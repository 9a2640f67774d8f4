//! Starting an organisation against real databases: how far its setting up has come, being set
//! up and then ready, its sign-up settings, and which organisation open sign-up finds for an
//! address. Each on SQLite and PostgreSQL.

use crate::common;

use app::domain::sign_up::{check_email_domains, in_domains};
use app::org::{keeping_db, starting_db};
use common::{fixture, fresh_databases};

#[tokio::test]
async fn an_organisation_is_set_up_then_ready_and_counts_what_it_has() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let start = starting_db::start(&t.db, f.org).await.unwrap().unwrap();
        assert!(
            !start.setting_up,
            "{}: ready unless create-admin says",
            t.engine
        );
        assert_eq!((start.nodes, start.imports), (1, 0), "{}", t.engine);
        assert!(
            starting_db::start(&t.db, f.unit).await.unwrap().is_none(),
            "{}: a unit is no organisation",
            t.engine
        );

        starting_db::set_setting_up(&t.db, f.org, true)
            .await
            .unwrap();
        let found = starting_db::setting_up_among(&t.db, &[f.org, f.unit])
            .await
            .unwrap();
        assert_eq!(found, vec![f.org], "{}", t.engine);
        keeping_db::add_person(&t.db, f.org, "Bo Berg", "bo@example.se", None)
            .await
            .unwrap();
        let start = starting_db::start(&t.db, f.org).await.unwrap().unwrap();
        assert!(start.setting_up, "{}", t.engine);
        assert_eq!(start.people, 1, "{}", t.engine);

        starting_db::set_setting_up(&t.db, f.org, false)
            .await
            .unwrap();
        assert!(
            starting_db::setting_up_among(&t.db, &[f.org])
                .await
                .unwrap()
                .is_empty(),
            "{}",
            t.engine
        );
    }
}

#[tokio::test]
async fn open_sign_up_finds_the_organisation_of_the_address_only_when_switched_on() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let settings = starting_db::sign_up(&t.db, f.org).await.unwrap();
        assert!(settings.email_domains.is_empty() && !settings.open_sign_up);

        let domains = check_email_domains("kommun.se, skola.kommun.se").unwrap();
        starting_db::save_sign_up(&t.db, f.org, &domains, false, "HR, hr@kommun.se")
            .await
            .unwrap();
        let settings = starting_db::sign_up(&t.db, f.org).await.unwrap();
        assert_eq!(
            settings.email_domains, "kommun.se, skola.kommun.se",
            "{}",
            t.engine
        );
        assert_eq!(settings.whom_to_ask, "HR, hr@kommun.se", "{}", t.engine);
        assert!(
            starting_db::open_sign_ups(&t.db).await.unwrap().is_empty(),
            "{}: not switched on",
            t.engine
        );

        starting_db::save_sign_up(&t.db, f.org, &domains, true, "")
            .await
            .unwrap();
        let open = starting_db::open_sign_ups(&t.db).await.unwrap();
        let takes = |email: &str| {
            open.iter().find_map(|(org, text)| {
                in_domains(email, &check_email_domains(text).unwrap()).then_some(*org)
            })
        };
        assert_eq!(takes("ny@skola.kommun.se"), Some(f.org), "{}", t.engine);
        assert_eq!(takes("ny@annan.se"), None, "{}", t.engine);
    }
}

#[tokio::test]
async fn whom_to_ask_defaults_to_hr_at_the_root() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let hr = keeping_db::add_person(&t.db, f.org, "Hilda Hr", "hilda@kommun.se", None)
            .await
            .unwrap();
        keeping_db::add_role(&t.db, hr, f.org, app::domain::Role::Hr, "")
            .await
            .unwrap();
        let keepers = starting_db::keepers(&t.db, f.org).await.unwrap();
        assert_eq!(
            keepers,
            vec![("Hilda Hr".to_string(), "hilda@kommun.se".to_string())],
            "{}",
            t.engine
        );
        assert_eq!(
            starting_db::person_org(&t.db, hr).await.unwrap(),
            Some(f.org),
            "{}",
            t.engine
        );
        assert_eq!(
            starting_db::person_org(&t.db, f.person).await.unwrap(),
            None
        );
    }
}
