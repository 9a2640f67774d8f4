//! HR's server functions for retention, at the organisation's root: the page's data (each
//! kind's rule, what it would cull today and the earlier runs), setting a rule, and running a
//! culling. Each checks first that the person is HR at the root.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{RecordKind, RetentionInput};
use crate::error::AppError;

/// The most lines of a preview the page shows; the count says how many there are in all.
pub const PREVIEW_LINES: usize = 30;

/// A rule as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleView {
    /// Full years kept.
    pub keep_years: i32,
    /// The decision's reference.
    pub decision: String,
    /// The decision's date.
    pub decided_on: NaiveDate,
}

/// A culling run as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunView {
    /// Run id.
    pub id: i64,
    /// Years kept under the rule at the time.
    pub keep_years: i32,
    /// The decision culled under.
    pub decision: String,
    /// Records dated before this were removed.
    pub cutoff: NaiveDate,
    /// Who ran it.
    pub run_by_name: String,
    /// When, as the page shows it (server's local time).
    pub run_at: String,
    /// When, for `<time datetime>`.
    pub run_at_iso: String,
    /// How many records were removed.
    pub removed: i32,
    /// A line per removed record.
    pub lines: Vec<String>,
}

/// One kind of record: its rule, what culling would remove today, and the runs so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindRetention {
    /// The kind.
    pub kind: RecordKind,
    /// The organisation's rule, if one is set.
    pub rule: Option<RuleView>,
    /// Records dated before this would be culled today (with a rule).
    pub cutoff: Option<NaiveDate>,
    /// How many records culling would remove today.
    pub would_remove: i64,
    /// The first lines of what it would remove.
    pub preview: Vec<String>,
    /// Earlier runs, newest first.
    pub runs: Vec<RunView>,
}

/// The `/gallring` page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    /// The organisation's name.
    pub org_name: String,
    /// Today, as the cutoffs were reckoned.
    pub today: NaiveDate,
    /// Each kind in `RecordKind::ALL` order.
    pub kinds: Vec<KindRetention>,
}

/// What a culling run removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CullingDone {
    /// The kind culled.
    pub kind: RecordKind,
    /// How many records were removed.
    pub removed: i64,
}

/// Reads a posted kind; an unknown one is a problem of the form.
#[cfg(feature = "ssr")]
fn kind_of(code: &str) -> Result<RecordKind, AppError> {
    RecordKind::from_code(code).ok_or_else(|| AppError::Invalid {
        field: "kind".into(),
        message: "Okänd typ av handling.".into(),
    })
}

/// The page's data.
#[server(prefix = "/api", endpoint = "gallring")]
pub async fn get_retention() -> Result<RetentionView, AppError> {
    use super::db;
    use crate::domain::culling_cutoff;
    use crate::org::guard::{organisation_keeper, OrgKeeper};

    let OrgKeeper {
        state,
        org_id,
        org_name,
        ..
    } = organisation_keeper().await?;
    let today = state.clock.today();
    let rules = db::rules(&state.db, org_id).await?;
    let runs = db::runs(&state.db, org_id).await?;
    let mut kinds = Vec::new();
    for kind in RecordKind::ALL {
        let rule = rules.iter().find(|r| r.record_kind == kind.code());
        let (cutoff, would_remove, preview) = match rule {
            Some(rule) => {
                let cutoff = culling_cutoff(today, u32::try_from(rule.keep_years).unwrap_or(1));
                let (count, mut lines) = db::preview(&state.db, org_id, kind, cutoff).await?;
                lines.truncate(PREVIEW_LINES);
                (Some(cutoff), count, lines)
            }
            None => (None, 0, Vec::new()),
        };
        kinds.push(KindRetention {
            kind,
            rule: rule.map(|r| RuleView {
                keep_years: r.keep_years,
                decision: r.decision.clone(),
                decided_on: r.decided_on,
            }),
            cutoff,
            would_remove,
            preview,
            runs: runs
                .iter()
                .filter(|r| r.record_kind == kind.code())
                .map(|r| RunView {
                    id: r.id,
                    keep_years: r.keep_years,
                    decision: r.decision.clone(),
                    cutoff: r.cutoff,
                    run_by_name: r.run_by_name.clone(),
                    run_at: r
                        .run_at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                    run_at_iso: r.run_at.to_rfc3339(),
                    removed: r.removed,
                    lines: r.summary.lines().map(str::to_string).collect(),
                })
                .collect(),
        });
    }
    Ok(RetentionView {
        org_name,
        today,
        kinds,
    })
}

/// Sets (or replaces) the organisation's rule for a kind of record.
#[server(prefix = "/api", endpoint = "gallring/regel")]
pub async fn save_retention_rule(kind: String, rule: RetentionInput) -> Result<(), AppError> {
    use crate::domain::check_retention;
    use crate::org::guard::organisation_keeper;

    let keeper = organisation_keeper().await?;
    let kind = kind_of(&kind)?;
    // The field carries the kind, so that (also after a post without JavaScript) the message
    // shows beside the form it belongs to.
    let checked =
        check_retention(&rule, keeper.state.clock.today()).map_err(|p| AppError::Invalid {
            field: format!("{}.{}", kind.code(), p.field),
            message: p.message,
        })?;
    super::db::save_rule(
        &keeper.state.db,
        keeper.org_id,
        kind,
        &checked,
        keeper.viewer.user.id,
        keeper.state.clock.now(),
    )
    .await?;
    Ok(())
}

/// Culls the records of a kind that its rule no longer keeps. Needs a rule, and the box ticked
/// that says the person has checked the list: culling cannot be undone.
#[server(prefix = "/api", endpoint = "gallring/kor")]
pub async fn run_culling(kind: String, confirm: Option<String>) -> Result<CullingDone, AppError> {
    use super::db::{self, Culling};
    use crate::domain::culling_cutoff;
    use crate::org::guard::organisation_keeper;

    let keeper = organisation_keeper().await?;
    let kind = kind_of(&kind)?;
    let rules = db::rules(&keeper.state.db, keeper.org_id).await?;
    let Some(rule) = rules.into_iter().find(|r| r.record_kind == kind.code()) else {
        return Err(AppError::Conflict {
            message: "Det finns inget gallringsbeslut för den här typen av handlingar. \
                      Ange beslutet först."
                .into(),
        });
    };
    if confirm.is_none() {
        return Err(AppError::Invalid {
            field: format!("{}.confirm", kind.code()),
            message: "Kryssa i att du har gått igenom listan. Gallring går inte att ångra.".into(),
        });
    }
    let cutoff = culling_cutoff(
        keeper.state.clock.today(),
        u32::try_from(rule.keep_years).unwrap_or(1),
    );
    let run = Culling {
        org_id: keeper.org_id,
        kind,
        keep_years: rule.keep_years,
        decision: &rule.decision,
        cutoff,
        run_by: keeper.viewer.user.id,
        run_by_name: &keeper.viewer.user.name,
    };
    let (removed, _) = db::cull(&keeper.state.db, &run, keeper.state.clock.now()).await?;
    tracing::info!(
        org_id = keeper.org_id,
        kind = kind.code(),
        removed,
        "culling run"
    );
    Ok(CullingDone { kind, removed })
}
