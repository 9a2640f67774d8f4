//! Sign-in sessions and the audit trail against real databases: sessions are found while open
//! and gone once ended (one, all but the current, or a disabled account's), a person can end only
//! their own, and the audit trail takes new entries but refuses every update and delete. Each on
//! SQLite and PostgreSQL.

use crate::common;

use app::audit::db::{self as audit_db, NewEntry};
use app::auth::sessions_db::{self as sessions, SignInMethod, SignInOrigin};
use chrono::Duration;
use common::{fixture, fresh_databases};

#[tokio::test]
async fn sessions_are_open_until_ended_and_only_ones_own_can_be_ended() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let other = app::auth::db::upsert_person(&t.db, "Bo Berg", "bo@example.se", None, None)
            .await
            .unwrap();
        let now = app::clock::Clock::system().now();
        let origin = SignInOrigin {
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0".into(),
            address: "10.1.2.3".into(),
        };
        let phone = sessions::insert(
            &t.db,
            "key-phone",
            f.person,
            SignInMethod::Password,
            &origin,
            now,
        )
        .await
        .unwrap();
        let desk = sessions::insert(
            &t.db,
            "key-desk",
            f.person,
            SignInMethod::Oidc,
            &origin,
            now,
        )
        .await
        .unwrap();
        let bos = sessions::insert(&t.db, "key-bo", other, SignInMethod::Password, &origin, now)
            .await
            .unwrap();

        let open = sessions::find_open(&t.db, "key-phone")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((open.id, open.user.id), (phone, f.person), "{}", t.engine);
        assert!(sessions::find_open(&t.db, "no-such-key")
            .await
            .unwrap()
            .is_none());
        assert_eq!(sessions::list_open(&t.db, f.person).await.unwrap().len(), 2);

        // Another person's session cannot be ended from this account.
        assert!(
            !sessions::end_own(&t.db, f.person, bos, "ended_by_person", now)
                .await
                .unwrap()
        );
        assert!(sessions::find_open(&t.db, "key-bo")
            .await
            .unwrap()
            .is_some());

        // Ending all but the current one leaves the current one open.
        let ended = sessions::end_all_of(&t.db, f.person, Some(desk), "ended_by_person", now)
            .await
            .unwrap();
        assert_eq!(ended, 1, "{}", t.engine);
        assert!(sessions::find_open(&t.db, "key-phone")
            .await
            .unwrap()
            .is_none());
        assert!(sessions::find_open(&t.db, "key-desk")
            .await
            .unwrap()
            .is_some());

        // Touching moves last-seen; a disabled account's sessions are not found.
        let later = now + Duration::minutes(5);
        sessions::touch(&t.db, desk, later).await.unwrap();
        let open = sessions::find_open(&t.db, "key-desk")
            .await
            .unwrap()
            .unwrap();
        assert!(open.last_seen_at > open.started_at, "{}", t.engine);
        app::org::people_db::set_active(&t.db, f.person, false)
            .await
            .unwrap();
        assert!(sessions::find_open(&t.db, "key-desk")
            .await
            .unwrap()
            .is_none());
        assert_eq!(
            sessions::end_all_of(&t.db, f.person, None, "disabled", now)
                .await
                .unwrap(),
            1
        );
        assert!(sessions::list_open(&t.db, f.person)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn the_clean_up_ends_sessions_past_their_limits_and_forgets_old_ended_ones() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let limits = app::domain::SessionLimits::default();
        let origin = SignInOrigin::default();
        let start = |key: &'static str, at| {
            let db = t.db.clone();
            let origin = origin.clone();
            async move {
                sessions::insert(&db, key, f.person, SignInMethod::Password, &origin, at)
                    .await
                    .unwrap()
            }
        };
        let live = start("key-live", now - Duration::minutes(5)).await;
        let idle = start("key-idle", now - Duration::hours(1)).await;
        let long = start("key-long", now - Duration::hours(13)).await;
        sessions::touch(&t.db, long, now - Duration::minutes(1))
            .await
            .unwrap();
        let old = start("key-old", now - Duration::days(100)).await;
        sessions::end(&t.db, old, "signed_out", now - Duration::days(95))
            .await
            .unwrap();

        let (ended, forgotten) = sessions::clean_up(&t.db, limits, now).await.unwrap();
        assert_eq!((ended, forgotten), (2, 1), "{}", t.engine);
        let open: Vec<i64> = sessions::list_open(&t.db, f.person)
            .await
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(
            open,
            [live],
            "{}: idle {idle} and long {long} ended",
            t.engine
        );
        assert!(sessions::find_open(&t.db, "key-idle")
            .await
            .unwrap()
            .is_none());
    }
}

#[tokio::test]
async fn the_audit_trail_is_append_only_and_counts_failed_sign_ins() {
    for t in fresh_databases().await {
        let now = app::clock::Clock::system().now();
        for minutes_ago in [20, 10, 5] {
            let entry = NewEntry {
                actor: "eva@example.se".into(),
                action: "sign_in_failed".into(),
                address: "10.0.0.9".into(),
                ..NewEntry::default()
            };
            audit_db::append(&t.db, &entry, now - Duration::minutes(minutes_ago))
                .await
                .unwrap();
        }
        let other = NewEntry {
            actor: "eva@example.se".into(),
            action: "sign_in".into(),
            ..NewEntry::default()
        };
        audit_db::append(&t.db, &other, now).await.unwrap();

        // One more from another address.
        let elsewhere = NewEntry {
            actor: "eva@example.se".into(),
            action: "sign_in_failed".into(),
            address: "192.0.2.7".into(),
            ..NewEntry::default()
        };
        audit_db::append(&t.db, &elsewhere, now - Duration::minutes(12))
            .await
            .unwrap();
        let since = now - Duration::minutes(15);
        let (from_client, everywhere) =
            audit_db::failed_sign_ins_since(&t.db, "eva@example.se", "10.0.0.9", since)
                .await
                .unwrap();
        assert_eq!(
            (from_client.count, everywhere.count),
            (2, 3),
            "{}",
            t.engine
        );
        let near = |at: Option<chrono::DateTime<chrono::Utc>>, minutes: i64| {
            (at.unwrap() - (now - Duration::minutes(minutes)))
                .num_seconds()
                .abs()
                <= 1
        };
        assert!(near(from_client.earliest, 10), "{}", t.engine);
        assert!(near(everywhere.earliest, 12), "{}", t.engine);
        let (none, _) = audit_db::failed_sign_ins_since(&t.db, "eva@example.se", "::1", since)
            .await
            .unwrap();
        assert_eq!((none.count, none.earliest), (0, None), "{}", t.engine);

        let refused = [
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log",
        ];
        for sql in refused {
            let result =
                app::with_db!(&t.db, pool => sqlx::query(sql).execute(pool).await.map(|_| ()));
            let err = result.expect_err(sql).to_string();
            assert!(err.contains("append-only"), "{}: {sql}: {err}", t.engine);
        }
        let count: i64 = app::with_db!(&t.db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(pool).await
        })
        .unwrap();
        assert_eq!(count, 5, "{}", t.engine);
    }
}

#[tokio::test]
async fn a_provider_identity_is_kept_once_belongs_to_one_person_and_can_be_released() {
    use app::auth::oidc::identity_db::{find_by_identity, forget_identity, keep_identity};
    const ISSUER: &str = "https://login.kommun.se";
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let other = app::auth::db::upsert_person(&t.db, "Bo", "bo@kommun.se", None, None)
            .await
            .unwrap();
        assert!(find_by_identity(&t.db, ISSUER, "sub-1")
            .await
            .unwrap()
            .is_none());
        assert!(keep_identity(&t.db, f.person, ISSUER, "sub-1")
            .await
            .unwrap());
        // Kept again at the next sign-in: no change, still true.
        assert!(keep_identity(&t.db, f.person, ISSUER, "sub-1")
            .await
            .unwrap());
        let found = find_by_identity(&t.db, ISSUER, "sub-1")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((found.id, found.active), (f.person, true), "{}", t.engine);
        // Another identity at the same provider does not replace the kept one.
        assert!(
            !keep_identity(&t.db, f.person, ISSUER, "sub-2")
                .await
                .unwrap(),
            "{}",
            t.engine
        );
        // One identity belongs to one person.
        assert!(
            keep_identity(&t.db, other, ISSUER, "sub-1").await.is_err(),
            "{}",
            t.engine
        );
        // A new provider's identity replaces the old provider's.
        assert!(keep_identity(&t.db, f.person, "https://ny.kommun.se", "x")
            .await
            .unwrap());
        assert!(find_by_identity(&t.db, ISSUER, "sub-1")
            .await
            .unwrap()
            .is_none());
        // HR's release lets the next identity be kept.
        assert!(forget_identity(&t.db, f.person).await.unwrap());
        assert!(!forget_identity(&t.db, f.person).await.unwrap());
        assert!(keep_identity(&t.db, f.person, ISSUER, "sub-2")
            .await
            .unwrap());
    }
}
