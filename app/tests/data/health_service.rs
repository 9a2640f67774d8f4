//! The occupational health service's statistics against real databases: a node's year saved
//! and read back with the year before, saving again replacing what the year held (a month
//! emptied is no longer reported), another node's figures never read, and a protocol's bilaga
//! of the kind kept beside the unit results. Each on SQLite and PostgreSQL.

use crate::common;
use crate::cooperation::{day, group_with_two_sides, meeting};

use app::cooperation::db as coop_db;
use app::domain::health_service::{Area, HealthFigures, Level};
use app::health_service::db::{figures_with_last, save_figures};
use common::{fixture, fresh_databases};

fn figures(year: i32, provider: &str, january: i64) -> HealthFigures {
    let mut months = [None; 12];
    months[0] = Some(january);
    months[11] = Some(0);
    HealthFigures {
        year,
        provider: provider.into(),
        months,
        areas: [[0, 0, 293_000], [46_000, 115_000, 247_000], [0, 0, 2_499]],
    }
}

#[tokio::test]
async fn a_year_reads_back_with_the_year_before_and_saving_again_replaces_it() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let engine = t.engine;
        assert_eq!(
            figures_with_last(&t.db, f.org, 2025).await.unwrap(),
            (None, None),
            "{engine}"
        );
        let this = figures(2025, "Feelgood", 41_500);
        let last = figures(2024, "Avonova", 29_000);
        save_figures(&t.db, f.org, &this, f.person, now)
            .await
            .unwrap();
        save_figures(&t.db, f.org, &last, f.person, now)
            .await
            .unwrap();
        // Another node's year is its own.
        save_figures(&t.db, f.unit, &figures(2025, "Previa", 1), f.person, now)
            .await
            .unwrap();
        let (read, before) = figures_with_last(&t.db, f.org, 2025).await.unwrap();
        assert_eq!(read.as_ref(), Some(&this), "{engine}");
        assert_eq!(before.as_ref(), Some(&last), "{engine}");
        let read = read.unwrap();
        assert_eq!(read.cell(Area::Promotive, Level::Individual), 2_499);
        assert_eq!(read.months[11], Some(0), "a month of 0 is reported");
        assert_eq!(read.months[5], None, "{engine}");

        // Saving again replaces the year: a month emptied is no longer reported.
        let mut changed = figures(2025, "Feelgood AB", 50_000);
        changed.months[11] = None;
        save_figures(&t.db, f.org, &changed, f.person, now)
            .await
            .unwrap();
        let (read, _) = figures_with_last(&t.db, f.org, 2025).await.unwrap();
        assert_eq!(read, Some(changed), "{engine}");
        let (only_before, before) = figures_with_last(&t.db, f.org, 2026).await.unwrap();
        assert_eq!(only_before, None, "{engine}");
        assert_eq!(before.map(|b| b.provider), Some("Feelgood AB".into()));
    }
}

#[tokio::test]
async fn a_protocol_keeps_the_statistics_as_a_bilaga_of_its_own_kind() {
    for t in fresh_databases().await {
        let f = fixture(&t.db).await;
        let now = app::clock::Clock::system().now();
        let (group, _) = group_with_two_sides(&t.db, &f, now).await;
        let meeting_id = coop_db::add_meeting(&t.db, group, &meeting(day(6, 1)), now)
            .await
            .unwrap();
        coop_db::compose(&t.db, group, meeting_id, &[], now)
            .await
            .unwrap();
        let item = coop_db::items(&t.db, meeting_id).await.unwrap()[3].id;
        let frozen = coop_db::FrozenRollup {
            kind: "health_service",
            title: "Årsstatistik Feelgood 2025, Kommun",
            tables: "{}",
        };
        let stored = coop_db::freeze_rollups(&t.db, meeting_id, item, &[frozen], f.person, now)
            .await
            .unwrap();
        assert_eq!(stored, Some(1), "{}", t.engine);
        let listed = coop_db::attachments(&t.db, meeting_id).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].kind, "health_service", "{}", t.engine);
    }
}
