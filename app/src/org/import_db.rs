//! The SQL of the HR import: the organisation as the import sees it (a handful of queries, each
//! one pass over an indexed table), an uploaded export kept between preview and applying, and
//! the applying itself in one transaction, so nothing is ever half done.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::import_file::ImportFile;
use crate::db::{BeginWrite, Db};
use crate::domain::hr_import::{Current, CurrentPerson, CurrentUnit, ImportPlan, ImportedRole};
use crate::with_db;

#[derive(sqlx::FromRow)]
struct UnitRow {
    id: i64,
    code: String,
    parent_code: Option<String>,
    name: String,
    kind: String,
    closed: bool,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    employee_id: Option<String>,
    email: String,
    name: String,
    title: Option<String>,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct RoleRow {
    employee_id: String,
    code: String,
    role: String,
    union_name: String,
}

/// The organisation as the import compares with it.
#[tracing::instrument(skip_all, err)]
pub async fn current(db: &Db, org_id: i64) -> sqlx::Result<Current> {
    const UNITS: &str = "SELECT n.id, n.code, p.code AS parent_code, n.name, n.kind,
             CASE WHEN n.closed_at IS NULL THEN FALSE ELSE TRUE END AS closed
         FROM org_nodes n LEFT JOIN org_nodes p ON p.id = n.parent_id
         WHERE n.org_id = $1 AND n.code IS NOT NULL";
    const PEOPLE: &str =
        "SELECT id, employee_id, email, name, title, active FROM people WHERE org_id = $1";
    const ROLES: &str = "SELECT p.employee_id, n.code, m.role, m.union_name
         FROM memberships m
         JOIN people p ON p.id = m.person_id
         JOIN org_nodes n ON n.id = m.node_id
         WHERE p.org_id = $1 AND m.source = 'import' AND p.employee_id IS NOT NULL
             AND n.code IS NOT NULL";
    const FOREIGN: &str = "SELECT email FROM people WHERE org_id IS NOT NULL AND org_id <> $1";
    let units: Vec<UnitRow> =
        with_db!(db, pool => sqlx::query_as(UNITS).bind(org_id).fetch_all(pool).await)?;
    let people: Vec<PersonRow> =
        with_db!(db, pool => sqlx::query_as(PEOPLE).bind(org_id).fetch_all(pool).await)?;
    let roles: Vec<RoleRow> =
        with_db!(db, pool => sqlx::query_as(ROLES).bind(org_id).fetch_all(pool).await)?;
    let foreign: Vec<String> =
        with_db!(db, pool => sqlx::query_scalar(FOREIGN).bind(org_id).fetch_all(pool).await)?;
    let kinds = super::keeping_db::node_kinds(db, org_id).await?;
    Ok(Current {
        units: units
            .into_iter()
            .map(|u| CurrentUnit {
                id: u.id,
                code: u.code,
                parent: u.parent_code,
                name: u.name,
                kind: u.kind,
                closed: u.closed,
            })
            .collect(),
        people: people
            .into_iter()
            .map(|p| CurrentPerson {
                id: p.id,
                employee_id: p.employee_id,
                email: p.email,
                name: p.name,
                title: p.title.unwrap_or_default(),
                active: p.active,
            })
            .collect(),
        roles: roles
            .into_iter()
            .map(|r| ImportedRole {
                employee_id: r.employee_id,
                unit: r.code,
                role: r.role,
                union_name: r.union_name,
            })
            .collect(),
        foreign_emails: foreign.into_iter().collect(),
        kinds,
    })
}

/// Keeps an uploaded export until it is applied; returns its id.
#[tracing::instrument(skip_all, err)]
pub async fn store(
    db: &Db,
    org_id: i64,
    uploaded_by: i64,
    file_name: &str,
    file: &ImportFile,
    at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO org_imports (org_id, uploaded_by, file_name, rows_json,
             created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id";
    let json = serde_json::to_string(file).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    with_db!(db, pool => {
        sqlx::query_scalar(SQL)
            .bind(org_id).bind(uploaded_by).bind(file_name).bind(json).bind(at)
            .fetch_one(pool).await
    })
}

/// An uploaded export of the organisation.
pub struct StoredImport {
    /// Its name, as uploaded.
    pub file_name: String,
    /// Its rows.
    pub file: ImportFile,
    /// When it was applied, if it was.
    pub applied_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    file_name: String,
    rows_json: String,
    applied_at: Option<DateTime<Utc>>,
}

/// The organisation's uploaded export with this id; `None` for another organisation's.
#[tracing::instrument(skip_all, err)]
pub async fn stored(db: &Db, org_id: i64, import_id: i64) -> sqlx::Result<Option<StoredImport>> {
    const SQL: &str =
        "SELECT file_name, rows_json, applied_at FROM org_imports WHERE id = $1 AND org_id = $2";
    let row: Option<StoredRow> = with_db!(db, pool => {
        sqlx::query_as(SQL).bind(import_id).bind(org_id).fetch_optional(pool).await
    })?;
    row.map(|r| {
        Ok(StoredImport {
            file_name: r.file_name,
            file: serde_json::from_str(&r.rows_json)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            applied_at: r.applied_at,
        })
    })
    .transpose()
}

/// Applies a plan to the organisation in one transaction: units first (parents before
/// children), then people, then roles. Closing and deactivating never delete anything; a
/// deactivated person's sessions end at once. `import_id` is marked applied with it.
#[tracing::instrument(skip_all, err)]
pub async fn apply(
    db: &Db,
    org_id: i64,
    import_id: Option<i64>,
    current: &Current,
    plan: &ImportPlan,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    const ADD_UNIT: &str = "INSERT INTO org_nodes (parent_id, name, kind, code, org_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id";
    const CHANGE_UNIT: &str = "UPDATE org_nodes SET name = $2, kind = $3 WHERE id = $1";
    const MOVE_UNIT: &str = "UPDATE org_nodes SET parent_id = $2 WHERE id = $1";
    const REOPEN: &str = "UPDATE org_nodes SET closed_at = NULL WHERE id = $1";
    const CLOSE: &str = "UPDATE org_nodes SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL";
    const ADD_PERSON: &str = "INSERT INTO people (name, email, title, employee_id, org_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id";
    const CHANGE_PERSON: &str =
        "UPDATE people SET employee_id = $2, email = $3, name = $4, title = $5, org_id = $6
         WHERE id = $1";
    const ACTIVE: &str = "UPDATE people SET active = $2 WHERE id = $1";
    const END_SESSIONS: &str = "UPDATE sign_in_sessions SET ended_at = $2, end_reason = 'disabled'
         WHERE person_id = $1 AND ended_at IS NULL";
    const REMOVE_ROLE: &str = "DELETE FROM memberships
         WHERE person_id = $1 AND node_id = $2 AND role = $3 AND source = 'import'";
    const ADD_ROLE: &str = "INSERT INTO memberships (person_id, node_id, role, union_name, source)
         VALUES ($1, $2, $3, $4, 'import')
         ON CONFLICT (person_id, node_id, role)
         DO UPDATE SET union_name = excluded.union_name, source = 'import'";
    const APPLIED: &str = "UPDATE org_imports SET applied_at = $2 WHERE id = $1";

    let mut unit_ids: HashMap<String, i64> = current
        .units
        .iter()
        .map(|u| (u.code.clone(), u.id))
        .collect();
    let mut person_ids: HashMap<String, i64> = current
        .people
        .iter()
        .filter_map(|p| p.employee_id.clone().map(|e| (e, p.id)))
        .collect();
    for change in &plan.change_people {
        person_ids.insert(change.employee_id.clone(), change.id);
    }
    let place = |ids: &HashMap<String, i64>, parent: &Option<String>| match parent {
        Some(code) => ids.get(code).copied().unwrap_or(org_id),
        None => org_id,
    };
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        for unit in &plan.add_units {
            let parent = place(&unit_ids, &unit.parent);
            let id: i64 = sqlx::query_scalar(ADD_UNIT)
                .bind(parent).bind(&unit.name).bind(&unit.kind).bind(&unit.code).bind(org_id)
                .fetch_one(&mut *tx).await?;
            unit_ids.insert(unit.code.clone(), id);
        }
        for unit in &plan.change_units {
            sqlx::query(CHANGE_UNIT).bind(unit.id).bind(&unit.name).bind(&unit.kind)
                .execute(&mut *tx).await?;
        }
        for unit in &plan.move_units {
            let parent = place(&unit_ids, &unit.parent);
            sqlx::query(MOVE_UNIT).bind(unit.id).bind(parent).execute(&mut *tx).await?;
        }
        for unit in &plan.reopen_units {
            sqlx::query(REOPEN).bind(unit.id).execute(&mut *tx).await?;
        }
        for unit in &plan.close_units {
            sqlx::query(CLOSE).bind(unit.id).bind(now).execute(&mut *tx).await?;
        }
        for person in &plan.add_people {
            let title = (!person.title.is_empty()).then_some(person.title.as_str());
            let id: i64 = sqlx::query_scalar(ADD_PERSON)
                .bind(&person.name).bind(&person.email).bind(title)
                .bind(&person.employee_id).bind(org_id)
                .fetch_one(&mut *tx).await?;
            person_ids.insert(person.employee_id.clone(), id);
        }
        for person in &plan.change_people {
            let title = (!person.title.is_empty()).then_some(person.title.as_str());
            sqlx::query(CHANGE_PERSON)
                .bind(person.id).bind(&person.employee_id).bind(&person.email)
                .bind(&person.name).bind(title).bind(org_id)
                .execute(&mut *tx).await?;
        }
        for person in &plan.reactivate_people {
            sqlx::query(ACTIVE).bind(person.id).bind(true).execute(&mut *tx).await?;
        }
        for person in &plan.deactivate_people {
            sqlx::query(ACTIVE).bind(person.id).bind(false).execute(&mut *tx).await?;
            sqlx::query(END_SESSIONS).bind(person.id).bind(now).execute(&mut *tx).await?;
        }
        for role in &plan.remove_roles {
            let (Some(person), Some(unit)) =
                (person_ids.get(&role.employee_id), unit_ids.get(&role.unit)) else {
                continue;
            };
            sqlx::query(REMOVE_ROLE).bind(person).bind(unit).bind(&role.role)
                .execute(&mut *tx).await?;
        }
        for role in &plan.add_roles {
            let (Some(person), Some(unit)) =
                (person_ids.get(&role.employee_id), unit_ids.get(&role.unit)) else {
                continue;
            };
            sqlx::query(ADD_ROLE).bind(person).bind(unit).bind(&role.role).bind(&role.union_name)
                .execute(&mut *tx).await?;
        }
        if let Some(id) = import_id {
            sqlx::query(APPLIED).bind(id).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}
