//! Server functions of a protocol's bilagor: the unit results attached under an item (frozen as
//! they stand now, so the protocol records what the group was shown) and a bilaga removed. Files
//! are uploaded through a plain multipart route (`server/src/coop_bilaga_routes.rs`), since an
//! upload must work without the wasm bundle. Only the chair and the secretary change bilagor,
//! and only while the protocol is open.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{access::GroupAccess, db};
use crate::error::AppError;

/// Attaches the node's unit results for `year` (the meeting's year when empty) under item
/// `item_id`: the SAM follow-up and Aktiva åtgärder roll-ups with every unit's answer and
/// analysis, and the combined action plan with its follow-up, each frozen as it stands now
/// (attaching again replaces the earlier copies under that item). Returns how many.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/enheternas-resultat")]
pub async fn attach_unit_results(
    group_id: i64,
    meeting_id: i64,
    item_id: String,
    #[server(default)] year: String,
) -> Result<u32, AppError> {
    use crate::domain::cooperation::bilagor::results_year;
    use crate::domain::{form_input::problem, required_id};
    use chrono::Datelike;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let item_id = required_id(&item_id, "item_id", "Välj punkten bilagorna hör till.")?;
    let year = results_year(&year, meeting.meeting_date.year())?;
    attach_results_now(&access, meeting_id, item_id, year)
        .await?
        .ok_or_else(|| problem("item_id", "Välj en punkt i det här protokollet.").into())
}

/// Where and when unit results are frozen into a protocol.
#[cfg(feature = "ssr")]
pub struct ResultsAt {
    /// The meeting.
    pub meeting_id: i64,
    /// The item or sub-item they hang under.
    pub item_id: i64,
    /// The year they are for.
    pub year: i32,
    /// Who attached them.
    pub by: i64,
    /// When.
    pub now: chrono::DateTime<chrono::Utc>,
    /// The app's today (which actions count as late).
    pub today: chrono::NaiveDate,
}

/// Freezes the unit results of `node_id` under the item `at` names; `None` when the item is not
/// the meeting's. One tree load and a handful of queries per roll-up, whatever the number of
/// units.
#[cfg(feature = "ssr")]
pub async fn freeze_unit_results(
    db: &crate::db::Db,
    node_id: i64,
    at: &ResultsAt,
) -> Result<Option<u32>, AppError> {
    use crate::actions::rollup::action_rollup_at;
    use crate::checklists::rollup::rollup_at;
    use crate::domain::cooperation::bilagor::BilagaKind;
    use crate::domain::ChecklistKind;
    use crate::exports::tables::{action_table, rollup_tables, Table};

    let tree = crate::org::db::load_tree(db).await?;
    let node_name = tree.name(node_id);
    let year = at.year;
    let mut frozen: Vec<(BilagaKind, String, String)> = Vec::new();
    for kind in BilagaKind::UNIT_RESULTS {
        let checklist = match kind {
            BilagaKind::ActiveMeasures => ChecklistKind::ActiveMeasures,
            _ => ChecklistKind::SamAnnual,
        };
        let tables: Vec<Table> = match kind {
            BilagaKind::Actions => vec![action_table(
                &action_rollup_at(db, &tree, node_id, Some(year), at.today)
                    .await?
                    .actions,
            )],
            _ => rollup_tables(&rollup_at(db, &tree, node_id, checklist, year).await?),
        };
        let json = serde_json::to_string(&tables)
            .map_err(|e| AppError::internal("bilaga tables", e.to_string()))?;
        frozen.push((kind, kind.results_title(&node_name, year), json));
    }
    let rollups: Vec<db::FrozenRollup> = frozen
        .iter()
        .map(|(kind, title, tables)| db::FrozenRollup {
            kind: kind.code(),
            title,
            tables,
        })
        .collect();
    let stored = db::freeze_rollups(db, at.meeting_id, at.item_id, &rollups, at.by, at.now).await?;
    Ok(stored.map(|n| u32::try_from(n).unwrap_or(u32::MAX)))
}

/// The unit results of the group's node frozen under `item_id` by the person asking, now.
#[cfg(feature = "ssr")]
pub async fn attach_results_now(
    access: &GroupAccess,
    meeting_id: i64,
    item_id: i64,
    year: i32,
) -> Result<Option<u32>, AppError> {
    let at = ResultsAt {
        meeting_id,
        item_id,
        year,
        by: access.viewer.user.id,
        now: access.state.clock.now(),
        today: access.state.clock.today(),
    };
    freeze_unit_results(&access.state.db, access.group.node_id, &at).await
}

/// Attaches the node's occupational health service statistics for `year` (the year before the
/// meeting's when empty) under item `item_id`, with the year before's to compare with, frozen
/// as they stand now (attaching again replaces the earlier copy under that item).
#[server(prefix = "/api", endpoint = "samverkan/protokoll/foretagshalsovard")]
pub async fn attach_health_service(
    group_id: i64,
    meeting_id: i64,
    item_id: String,
    #[server(default)] year: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::bilagor::{results_year, BilagaKind};
    use crate::domain::form_input::problem;
    use crate::domain::health_service::{bilaga_title, HealthBilaga};
    use crate::domain::required_id;
    use chrono::Datelike;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let item_id = required_id(&item_id, "item_id", "Välj punkten statistiken hör till.")?;
    let year = results_year(&year, meeting.meeting_date.year() - 1)?;
    let state = &access.state;
    let node_id = access.group.node_id;
    let (this, last) =
        crate::health_service::db::figures_with_last(&state.db, node_id, year).await?;
    let this = this.ok_or_else(|| {
        problem(
            "year",
            format!(
                "Det finns ingen statistik från företagshälsovården för {year}. Lägg in den på \
                 sidan Statistik från företagshälsovården först."
            ),
        )
    })?;
    let node = crate::org::keeping_db::node_and_ancestry(&state.db, node_id)
        .await?
        .first()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let title = bilaga_title(&this.provider, year, &node);
    let frozen = serde_json::to_string(&HealthBilaga { node, this, last })
        .map_err(|e| AppError::internal("health service bilaga", e.to_string()))?;
    let rollup = db::FrozenRollup {
        kind: BilagaKind::HealthService.code(),
        title: &title,
        tables: &frozen,
    };
    let now = state.clock.now();
    db::freeze_rollups(
        &state.db,
        meeting_id,
        item_id,
        &[rollup],
        access.viewer.user.id,
        now,
    )
    .await?
    .ok_or_else(|| problem("item_id", "Välj en punkt i det här protokollet."))?;
    Ok(())
}

/// Removes a bilaga of the meeting's open protocol.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/bilaga/ta-bort")]
pub async fn remove_coop_bilaga(
    group_id: i64,
    meeting_id: i64,
    bilaga_id: i64,
) -> Result<(), AppError> {
    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    if !db::remove_attachment(
        &access.state.db,
        meeting_id,
        bilaga_id,
        access.state.clock.now(),
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(())
}
