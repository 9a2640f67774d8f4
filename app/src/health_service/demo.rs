//! The demo's occupational health service statistics: seed 002's bilaga 1 as the provider
//! reported it for the two years before the demo's first (its areas word for word: 703 tkr, of
//! them 42% efterhjälpande and 58% förebyggande, against 351 tkr the year before), with monthly
//! figures invented to add up to those totals.

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::domain::health_service::HealthFigures;

/// The months in tkr of the later year and the earlier (invented; their sums are the report's).
const MONTHS_TKR: [[i64; 12]; 2] = [
    [48, 52, 61, 55, 63, 70, 24, 38, 71, 79, 74, 68],
    [25, 28, 31, 30, 33, 36, 12, 19, 34, 36, 35, 32],
];

/// The areas in tkr, `[area][level]`, of the later year and the earlier, as the report has them.
const AREAS_TKR: [[[i64; 3]; 3]; 2] = [
    [[0, 0, 293], [46, 115, 247], [0, 0, 2]],
    [[0, 0, 195], [0, 48, 107], [0, 0, 1]],
];

/// Enters the figures of `first_year - 1` and `first_year - 2` for `node_id`.
pub async fn seed(
    db: &Db,
    node_id: i64,
    first_year: i32,
    by: i64,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    for (back, (months, areas)) in (1..).zip(MONTHS_TKR.iter().zip(AREAS_TKR)) {
        let figures = HealthFigures {
            year: first_year - back,
            provider: "Feelgood".into(),
            months: months.map(|tkr| Some(tkr * 1000)),
            areas: areas.map(|row| row.map(|tkr| tkr * 1000)),
        };
        super::db::save_figures(db, node_id, &figures, by, at).await?;
    }
    Ok(())
}
