//! One-time account links against real databases: only the token's hash is stored, a newer link
//! retires the older, a link sets the password exactly once, and its mail waits in the outbox.
//! Each on SQLite and PostgreSQL.

use crate::common;

use app::auth::links_db::{self, LinkMail};
use app::domain::account_links::LinkPurpose;
use common::{fixture, fresh_databases};

#[tokio::test]
async fn a_link_is_stored_hashed_replaces_the_older_and_works_once() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let mail = LinkMail {
            to: "anna@example.se",
            subject: "Välkommen till Årshjul",
            body: "länk",
            status: "queued",
        };
        links_db::create(
            &t.db,
            f.person,
            LinkPurpose::Invite,
            "token-ett",
            now,
            &mail,
        )
        .await
        .unwrap();
        links_db::create(
            &t.db,
            f.person,
            LinkPurpose::Invite,
            "token-två",
            now,
            &mail,
        )
        .await
        .unwrap();
        let stored: Vec<String> = app::with_db!(&t.db, pool => {
            sqlx::query_scalar("SELECT token_hash FROM account_links ORDER BY id")
                .fetch_all(pool)
                .await
        })
        .unwrap();
        assert_eq!(stored.len(), 2);
        assert!(!stored.iter().any(|h| h.contains("token")), "{}", t.engine);
        let queued: i64 = app::with_db!(&t.db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'queued'")
                .fetch_one(pool)
                .await
        })
        .unwrap();
        assert_eq!(queued, 2, "{}", t.engine);

        let old = links_db::find(&t.db, "token-ett").await.unwrap().unwrap();
        assert!(
            old.used_at.is_some(),
            "the newer link retires the older ({})",
            t.engine
        );
        let new = links_db::find(&t.db, "token-två").await.unwrap().unwrap();
        assert!(new.used_at.is_none());
        assert_eq!(new.purpose, "invite");
        assert!(new.expires_at > now);
        assert!(links_db::find(&t.db, "okänd").await.unwrap().is_none());

        assert!(!links_db::has_password(&t.db, f.person).await.unwrap());
        assert!(
            links_db::use_link(&t.db, new.id, f.person, "$argon2id$x", now)
                .await
                .unwrap()
        );
        assert!(
            !links_db::use_link(&t.db, new.id, f.person, "$argon2id$y", now)
                .await
                .unwrap(),
            "a link works once ({})",
            t.engine
        );
        assert!(links_db::has_password(&t.db, f.person).await.unwrap());
    }
}
