//! A person's own subscription address for a group against real databases: none until made,
//! found from its token, renewing replacing it, one per person and group, and gone with the
//! group's person. Each on SQLite and PostgreSQL.

use crate::common;
use crate::cooperation::group_with_two_sides;

use app::cooperation::db::{group_feed_owner, group_feed_token, renew_group_feed};
use common::{fixture, fresh_databases};

#[tokio::test]
async fn a_group_feed_is_the_persons_own_and_renewing_replaces_it() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, union) = group_with_two_sides(&t.db, &f, now).await;
        let engine = t.engine;
        assert_eq!(group_feed_token(&t.db, union, group).await.unwrap(), None);
        let (first, second) = ("a".repeat(64), "b".repeat(64));
        renew_group_feed(&t.db, union, group, &first).await.unwrap();
        renew_group_feed(&t.db, f.person, group, &"c".repeat(64))
            .await
            .unwrap();
        let owner = group_feed_owner(&t.db, &first).await.unwrap().unwrap();
        assert_eq!(
            (owner.person_id, owner.group_id),
            (union, group),
            "{engine}"
        );

        renew_group_feed(&t.db, union, group, &second)
            .await
            .unwrap();
        assert_eq!(
            group_feed_token(&t.db, union, group).await.unwrap(),
            Some(second.clone()),
            "{engine}"
        );
        assert!(group_feed_owner(&t.db, &first).await.unwrap().is_none());
        assert_eq!(
            group_feed_owner(&t.db, &second)
                .await
                .unwrap()
                .map(|o| o.person_id),
            Some(union)
        );
        // Another person's address of the same group is their own.
        assert_eq!(
            group_feed_token(&t.db, f.person, group).await.unwrap(),
            Some("c".repeat(64)),
            "{engine}"
        );
    }
}
