//! The SQL of accounts: a page of the accounts in HR's part of the organisation with their roles,
//! one account's roles, and turning an account off or on.

use crate::db::Db;
use crate::with_db;

/// A person with one of their roles (a person without roles appears once, without one).
#[derive(Debug, sqlx::FromRow)]
pub struct PersonRoleRow {
    /// The person's id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether the person's identity at the organisation's provider is kept (they have signed
    /// in through it).
    pub provider_linked: bool,
    /// The node of the role, if any.
    pub node_id: Option<i64>,
    /// The role's code, if any.
    pub role: Option<String>,
}

/// The nodes where one person holds a role, and whether the account is active; `None` when
/// there is no such person.
#[tracing::instrument(skip_all, err)]
pub async fn account(db: &Db, person_id: i64) -> sqlx::Result<Option<(bool, Vec<i64>)>> {
    let rows: Vec<PersonRoleRow> = with_db!(db, pool => {
        sqlx::query_as(
            "SELECT p.id, p.name, p.email, p.active,
                 p.oidc_subject IS NOT NULL AS provider_linked, m.node_id, m.role
             FROM people p LEFT JOIN memberships m ON m.person_id = p.id WHERE p.id = $1",
        )
        .bind(person_id)
        .fetch_all(pool)
        .await
    })?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let active = first.active;
    Ok(Some((
        active,
        rows.iter().filter_map(|r| r.node_id).collect(),
    )))
}

/// Turns an account off or on; returns whether it changed.
#[tracing::instrument(skip_all, err)]
pub async fn set_active(db: &Db, person_id: i64, active: bool) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE people SET active = $2 WHERE id = $1 AND active <> $2";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id)
            .bind(active)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() > 0)
    })
}

/// What HR's account list asks for: the part of the organisation (the nodes where the asker is
/// HR, and of those the organisations' roots), an optional search and a page.
#[derive(Clone, Debug, Default)]
pub struct AccountsQuery {
    /// The nodes where the asker is HR: their people, by role, are listed.
    pub hr_nodes: Vec<i64>,
    /// Of those, the organisations' roots: every person of such an organisation is listed.
    pub roots: Vec<i64>,
    /// Part of a name or an e-mail address.
    pub search: Option<String>,
    /// Accounts per page.
    pub limit: i64,
    /// Accounts before the page.
    pub offset: i64,
}

/// An account on HR's list, its roles read apart.
#[derive(Debug, sqlx::FromRow)]
pub struct AccountPerson {
    /// The person's id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether the person's identity at the organisation's provider is kept.
    pub provider_linked: bool,
}

/// A page of accounts as found.
#[derive(Debug)]
pub struct AccountsFound {
    /// Accounts that match, on all pages.
    pub total: i64,
    /// The page's accounts, by name.
    pub people: Vec<AccountPerson>,
    /// Their roles as `(person, node, role code)`.
    pub roles: Vec<(i64, i64, String)>,
}

/// The ids as an SQL list (`1, 2, 3`; `NULL` for none, which matches nothing). Ids are the
/// server's own integers, never text from a request.
fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".to_string();
    }
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The accounts of the part asked for, by name: how many match, and one page of them with
/// each one's roles as `(person, node, role code)`. Three indexed queries whatever the size of
/// the organisation: a city's HR pages through 50,000 people, never receives them all.
#[tracing::instrument(skip_all, err)]
pub async fn accounts_page(db: &Db, query: &AccountsQuery) -> sqlx::Result<AccountsFound> {
    // People of an organisation whose root the asker is HR of, or with a role below one of the
    // asker's HR nodes, or (without any role or organisation) when the asker is HR at a root.
    let filter = format!(
        "WITH RECURSIVE part(id) AS (
             SELECT id FROM org_nodes WHERE id IN ({hr})
             UNION SELECT n.id FROM org_nodes n JOIN part p ON n.parent_id = p.id)
         SELECT {{columns}} FROM people p
         WHERE (p.org_id IN ({roots})
                OR EXISTS (SELECT 1 FROM memberships m
                           WHERE m.person_id = p.id AND m.node_id IN (SELECT id FROM part))
                OR ({any_root} AND p.org_id IS NULL
                    AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id)))
           AND (CAST($1 AS TEXT) IS NULL
                OR LOWER(p.name) LIKE $1 ESCAPE '\\' OR p.name LIKE $2 ESCAPE '\\'
                OR LOWER(p.email) LIKE $1 ESCAPE '\\')",
        hr = id_list(&query.hr_nodes),
        roots = id_list(&query.roots),
        any_root = if query.roots.is_empty() {
            "1 = 0"
        } else {
            "1 = 1"
        },
    );
    let count_sql = filter.replace("{columns}", "COUNT(*)");
    let page_sql = format!(
        "{} ORDER BY p.name, p.id LIMIT $3 OFFSET $4",
        filter.replace(
            "{columns}",
            "p.id, p.name, p.email, p.active, p.oidc_subject IS NOT NULL AS provider_linked"
        )
    );
    let (lower, capital) = match query.search.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            let lower = text.to_lowercase();
            // SQLite lowers ASCII only: "åsa" finds "Åsa" through its capitalised form.
            let mut chars = lower.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            (
                Some(crate::db::like_contains(&lower)),
                Some(crate::db::like_contains(&capital)),
            )
        }
        _ => (None, None),
    };
    let total: i64 = with_db!(db, pool => {
        sqlx::query_scalar(&count_sql).bind(&lower).bind(&capital)
            .fetch_one(pool).await
    })?;
    let people: Vec<AccountPerson> = with_db!(db, pool => {
        sqlx::query_as(&page_sql).bind(&lower).bind(&capital)
            .bind(query.limit).bind(query.offset)
            .fetch_all(pool).await
    })?;
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let roles_sql = format!(
        "SELECT person_id, node_id, role FROM memberships WHERE person_id IN ({})
         ORDER BY person_id, node_id",
        id_list(&ids)
    );
    let roles: Vec<(i64, i64, String)> = if ids.is_empty() {
        Vec::new()
    } else {
        with_db!(db, pool => sqlx::query_as(&roles_sql).fetch_all(pool).await)?
    };
    Ok(AccountsFound {
        total,
        people,
        roles,
    })
}
