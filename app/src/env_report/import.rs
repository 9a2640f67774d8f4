//! Key figures imported from a file (CSV or XLSX, the columns of the report's own XLSX export):
//! the writer of a node's report uploads it for the node and everything below it (the plain
//! route `POST /enhet/{node}/arbetsmiljorapport/import` keeps it), sees every value it would set
//! and every row it rejects with why, and applies it whole; a file with a rejected row is not
//! applied at all.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::env_report::import::{ImportedValue, RejectedRow};
use crate::error::AppError;

/// How many of the values the preview lists (the count is always whole).
#[cfg(feature = "ssr")]
const PREVIEW_VALUES: usize = 200;

/// What an uploaded file would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresImportView {
    /// The node imported for.
    pub node_id: i64,
    /// Its name.
    pub node_name: String,
    /// The year.
    pub year: i32,
    /// The import.
    pub id: i64,
    /// The file's name as uploaded.
    pub file_name: String,
    /// Already applied: the page says so instead of offering it again.
    pub applied: bool,
    /// How many values it sets.
    pub count: usize,
    /// The first of them.
    pub values: Vec<ImportedValue>,
    /// Rows it rejects, with why.
    pub rejected: Vec<RejectedRow>,
    /// Rows without a value.
    pub empty: usize,
    /// What the plan was when previewed; applying refuses if the figures' world changed since.
    pub fingerprint: String,
}

/// Reads an uploaded file of figures: a CSV file, or the first sheet of a workbook with the
/// columns "Kod" and "Värde" (the export's sheet "Import"). A file of the wrong shape is a
/// Swedish sentence saying what to change.
#[cfg(feature = "ssr")]
pub fn read_figures_file(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<crate::domain::hr_import::SheetRow>, crate::domain::hr_import::FileProblem> {
    use crate::domain::env_report::import::IMPORT_COLUMNS;
    use crate::domain::hr_import::{rows_of, FileProblem};
    use crate::org::import_file::{read_csv, read_xlsx, MAX_IMPORT_BYTES};

    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(FileProblem(format!(
            "Filen {name} är större än {} MB.",
            MAX_IMPORT_BYTES / 1024 / 1024
        )));
    }
    let tables = if bytes.starts_with(b"PK") {
        read_xlsx(name, bytes)?
    } else {
        vec![read_csv(name, bytes)?]
    };
    let has = |header: &[String], column: &str| {
        header.iter().any(|h| h.trim().eq_ignore_ascii_case(column))
    };
    let wrong_shape = || {
        FileProblem(format!(
            "Filen {name} har inte nyckeltalens kolumner. Första raden ska vara rubrikerna: {}. \
             Ladda ner nyckeltalen som Excel-fil och fyll i bladet Import.",
            IMPORT_COLUMNS.join(", ")
        ))
    };
    for table in tables {
        let (header, rows) = rows_of(table);
        if !(has(&header, "Kod") && has(&header, "Värde")) {
            continue;
        }
        let missing: Vec<&str> = ["År", "Kod", "Värde"]
            .into_iter()
            .filter(|c| !has(&header, c))
            .collect();
        if !missing.is_empty() || !(has(&header, "Enhetskod") || has(&header, "Enhet")) {
            return Err(wrong_shape());
        }
        return Ok(rows);
    }
    Err(wrong_shape())
}

/// The plan of a stored file against the organisation as it stands now, for whoever writes the
/// node's report (asked before the import is read).
#[cfg(feature = "ssr")]
async fn plan_of(
    node_id: i64,
    import_id: i64,
) -> Result<
    (
        super::server::Asking,
        super::db::StoredFigures,
        Vec<crate::domain::env_report::FigureDef>,
        crate::domain::env_report::FiguresImportPlan,
    ),
    AppError,
> {
    use super::server::{allowed, Asking, Need};
    use crate::domain::env_report::{plan_figures_import, ImportNode, ReportStatus};

    let (state, viewer, access) = allowed(node_id, Need::Writer).await?;
    let db = &state.db;
    let stored = super::db::stored_import(db, node_id, import_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let template = super::db::template(db, access.org_id()).await?;
    let nodes: Vec<ImportNode> = super::db::subtree_nodes(db, node_id, stored.year)
        .await?
        .into_iter()
        .map(|n| ImportNode {
            id: n.id,
            code: n.code,
            name: n.name,
            writable: n
                .status
                .as_deref()
                .and_then(ReportStatus::from_code)
                .is_none_or(ReportStatus::writable),
        })
        .collect();
    let plan = plan_figures_import(&stored.rows, &nodes, &template, stored.year);
    let year = stored.year;
    Ok((
        Asking {
            state,
            viewer,
            access,
            year,
        },
        stored,
        template,
        plan,
    ))
}

#[cfg(feature = "ssr")]
use crate::org::import::fingerprint;

/// The preview of an uploaded file of figures.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/import")]
pub async fn env_figures_import(
    node_id: i64,
    import_id: i64,
) -> Result<FiguresImportView, AppError> {
    let (asking, stored, _, plan) = plan_of(node_id, import_id).await?;
    Ok(FiguresImportView {
        node_id,
        node_name: asking.access.grant.tree.name(node_id),
        year: asking.year,
        id: import_id,
        file_name: stored.file_name,
        applied: stored.applied_at.is_some(),
        count: plan.values.len(),
        fingerprint: fingerprint(&plan),
        values: plan.values.into_iter().take(PREVIEW_VALUES).collect(),
        rejected: plan.rejected,
        empty: plan.empty,
    })
}

/// Applies an uploaded file of figures whole, as it was previewed (`fingerprint`); a file with a
/// rejected row, or one whose plan changed since the preview, is refused with nothing written.
/// Returns how many values were set.
#[server(prefix = "/api", endpoint = "arbetsmiljorapport/import/genomfor")]
pub async fn apply_env_figures_import(
    node_id: i64,
    import_id: i64,
    fingerprint: String,
) -> Result<usize, AppError> {
    use std::collections::HashMap;

    use crate::domain::env_report::import::merged;

    let (asking, stored, template, plan) = plan_of(node_id, import_id).await?;
    if stored.applied_at.is_some() {
        return Err(AppError::Conflict {
            message: "Filen är redan importerad.".into(),
        });
    }
    if !plan.applicable() {
        return Err(AppError::Conflict {
            message: "Filen har rader som inte går att läsa. Rätta dem och ladda upp filen igen; \
                      inget har importerats."
                .into(),
        });
    }
    if self::fingerprint(&plan) != fingerprint {
        return Err(AppError::Conflict {
            message: "Nyckeltalen eller rapporterna har ändrats sedan förhandsgranskningen. \
                      Läs igenom den igen innan du importerar."
                .into(),
        });
    }
    let db = &asking.state.db;
    let mut by_node: HashMap<i64, Vec<&ImportedValue>> = HashMap::new();
    for value in &plan.values {
        by_node.entry(value.node_id).or_default().push(value);
    }
    // What every node had, in one query over the subtree.
    let mut own: HashMap<i64, HashMap<String, i64>> = HashMap::new();
    for row in super::db::subtree_figures(db, node_id, asking.year).await? {
        if row.year == asking.year {
            own.entry(row.node_id)
                .or_default()
                .insert(row.code, row.value);
        }
    }
    let values: HashMap<i64, HashMap<String, i64>> = by_node
        .into_iter()
        .map(|(node, imported)| {
            let had = own.remove(&node).unwrap_or_default();
            (node, merged(&had, &imported))
        })
        .collect();
    let applied = super::db::apply_import(
        db,
        import_id,
        asking.year,
        &template,
        &values,
        asking.viewer.user.id,
        asking.state.clock.now(),
    )
    .await?;
    if !applied {
        return Err(AppError::Conflict {
            message: "Filen är redan importerad.".into(),
        });
    }
    Ok(plan.values.len())
}
