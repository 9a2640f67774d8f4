//! The SQL of keeping an organisation: one node with its ancestry, its children and its
//! members, and the changes HR makes to them. Every read is a handful of indexed queries over
//! the node and its neighbours, never the whole tree, so a city of 4,000 units answers as fast
//! as the demo.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::domain::{NodeKind, Role, DEFAULT_NODE_KINDS};
use crate::with_db;

/// A node as the keeping pages need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct KeptNode {
    /// Node id.
    pub id: i64,
    /// Parent node; `None` for an organisation's root.
    pub parent_id: Option<i64>,
    /// Display name.
    pub name: String,
    /// The kind's code (one of the organisation's `node_kinds`).
    pub kind: String,
    /// The HR system's code, when it has one.
    pub code: Option<String>,
    /// When the node was closed; `None` while it is in use.
    pub closed_at: Option<DateTime<Utc>>,
}

/// A node's children, as the tree page lists them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ChildRow {
    /// The child node.
    #[sqlx(flatten)]
    pub node: KeptNode,
    /// How many nodes lie directly below it.
    pub children: i64,
    /// How many people hold a role in it.
    pub members: i64,
}

/// One role held in a node, with the person holding it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRow {
    /// The person.
    pub person_id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Job title.
    pub title: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
    /// The role's code.
    pub role: String,
    /// The union, for a union representative.
    pub union_name: String,
    /// `import` when the HR import gave the role, `manual` when HR did.
    pub source: String,
    /// Whether the person has chosen a password (else they are invited, or sign in through
    /// the organisation's provider).
    pub has_password: bool,
}

/// A person found by e-mail, with the organisation they belong to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PersonByEmail {
    /// The person.
    pub id: i64,
    /// Their organisation (root node), if they have one yet.
    pub org_id: Option<i64>,
}

/// The node and every node above it, from the node up to the root; empty for an unknown id.
#[tracing::instrument(skip_all, err)]
pub async fn node_and_ancestry(db: &Db, node_id: i64) -> sqlx::Result<Vec<KeptNode>> {
    const SQL: &str = concat!(
        crate::ancestry_cte!("$1"),
        " SELECT n.id, n.parent_id, n.name, n.kind, n.code, n.closed_at",
        " FROM org_nodes n JOIN ancestry a ON a.id = n.id"
    );
    let rows: Vec<KeptNode> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)?;
    Ok(in_ancestry_order(node_id, rows))
}

/// Orders the rows of an ancestry query from the node up, following the parent links.
fn in_ancestry_order(node_id: i64, mut rows: Vec<KeptNode>) -> Vec<KeptNode> {
    let mut ordered = Vec::with_capacity(rows.len());
    let mut next = Some(node_id);
    while let Some(id) = next {
        let Some(at) = rows.iter().position(|n| n.id == id) else {
            break;
        };
        let node = rows.swap_remove(at);
        next = node.parent_id;
        ordered.push(node);
    }
    ordered
}

/// The nodes directly below `node_id`: open ones first, then by name, each with how many nodes
/// lie below it and how many people hold a role in it.
#[tracing::instrument(skip_all, err)]
pub async fn children(db: &Db, node_id: i64) -> sqlx::Result<Vec<ChildRow>> {
    const SQL: &str = "SELECT n.id, n.parent_id, n.name, n.kind, n.code, n.closed_at,
             (SELECT COUNT(*) FROM org_nodes c WHERE c.parent_id = n.id) AS children,
             (SELECT COUNT(DISTINCT m.person_id) FROM memberships m WHERE m.node_id = n.id)
                 AS members
         FROM org_nodes n WHERE n.parent_id = $1
         ORDER BY CASE WHEN n.closed_at IS NULL THEN 0 ELSE 1 END, n.name, n.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)
}

/// Every role held in the node, by person name.
#[tracing::instrument(skip_all, err)]
pub async fn members(db: &Db, node_id: i64) -> sqlx::Result<Vec<MemberRow>> {
    const SQL: &str = "SELECT p.id AS person_id, p.name, p.email, p.title, p.active, m.role,
             m.union_name, m.source,
             CASE WHEN p.password_hash IS NULL THEN FALSE ELSE TRUE END AS has_password
         FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.node_id = $1 ORDER BY p.name, p.id, m.role";
    with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)
}

#[derive(sqlx::FromRow)]
struct KindRow {
    code: String,
    label: String,
    chef_label: String,
}

/// The organisation's node kinds, in its order.
#[tracing::instrument(skip_all, err)]
pub async fn node_kinds(db: &Db, org_id: i64) -> sqlx::Result<Vec<NodeKind>> {
    const SQL: &str = "SELECT code, label, chef_label FROM node_kinds WHERE org_id = $1
         ORDER BY position, label";
    let rows: Vec<KindRow> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(org_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| NodeKind {
            code: r.code,
            label: r.label,
            chef_label: r.chef_label,
        })
        .collect())
}

/// Adds the organisation's kind (last in its order) or renames one.
#[tracing::instrument(skip_all, err)]
pub async fn save_node_kind(db: &Db, org_id: i64, kind: &NodeKind) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO node_kinds (org_id, code, label, chef_label, position)
         VALUES ($1, $2, $3, $4,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM node_kinds WHERE org_id = $1))
         ON CONFLICT (org_id, code) DO UPDATE SET label = excluded.label,
             chef_label = excluded.chef_label";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(org_id).bind(&kind.code).bind(&kind.label).bind(&kind.chef_label)
            .execute(pool).await.map(|_| ())
    })
}

/// Adds a node under `parent_id` (or a new organisation root, which is its own organisation
/// and gets the default node kinds) and returns its id; all or nothing.
#[tracing::instrument(skip_all, err)]
pub async fn add_node(
    db: &Db,
    parent_id: Option<i64>,
    name: &str,
    kind: &str,
    code: Option<&str>,
) -> sqlx::Result<i64> {
    const INSERT: &str = "INSERT INTO org_nodes (parent_id, name, kind, code, org_id)
         VALUES ($1, $2, $3, $4, (SELECT p.org_id FROM org_nodes p WHERE p.id = $1))
         RETURNING id";
    const OWN_ORG: &str = "UPDATE org_nodes SET org_id = id WHERE id = $1";
    const KIND: &str = "INSERT INTO node_kinds (org_id, code, label, chef_label, position)
         VALUES ($1, $2, $3, $4, $5)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(INSERT)
            .bind(parent_id).bind(name).bind(kind).bind(code)
            .fetch_one(&mut *tx).await?;
        if parent_id.is_none() {
            sqlx::query(OWN_ORG).bind(id).execute(&mut *tx).await?;
            for (position, (code, label, chef)) in (1_i64..).zip(DEFAULT_NODE_KINDS) {
                sqlx::query(KIND)
                    .bind(id).bind(code).bind(label).bind(chef).bind(position)
                    .execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(id)
    })
}

/// Renames a node and sets its kind and code; returns whether it exists.
#[tracing::instrument(skip_all, err)]
pub async fn edit_node(
    db: &Db,
    node_id: i64,
    name: &str,
    kind: &str,
    code: Option<&str>,
) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE org_nodes SET name = $2, kind = $3, code = $4 WHERE id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(node_id).bind(name).bind(kind).bind(code)
            .execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

/// Whether another node of the organisation already carries `code`.
#[tracing::instrument(skip_all, err)]
pub async fn code_taken(db: &Db, org_id: i64, code: &str, except: i64) -> sqlx::Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM org_nodes WHERE org_id = $1 AND code = $2 AND id <> $3";
    let count: i64 = with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(org_id).bind(code).bind(except).fetch_one(pool).await
    })?;
    Ok(count > 0)
}

/// The nodes of the organisation whose code is `text`, or else whose name is `text`: where a
/// node is to be moved, as HR types it. At most a few, so an ambiguous name can be told.
#[tracing::instrument(skip_all, err)]
pub async fn find_place(db: &Db, org_id: i64, text: &str) -> sqlx::Result<Vec<KeptNode>> {
    const BY_CODE: &str = "SELECT n.id, n.parent_id, n.name, n.kind, n.code, n.closed_at
         FROM org_nodes n WHERE n.org_id = $1 AND n.code = $2";
    const BY_NAME: &str = "SELECT n.id, n.parent_id, n.name, n.kind, n.code, n.closed_at
         FROM org_nodes n WHERE n.org_id = $1 AND n.name = $2 ORDER BY n.id LIMIT 5";
    let by_code: Vec<KeptNode> = with_db!(db, pool => {
        sqlx::query_as(BY_CODE).bind(org_id).bind(text).fetch_all(pool).await
    })?;
    if !by_code.is_empty() {
        return Ok(by_code);
    }
    with_db!(db, pool => sqlx::query_as(BY_NAME).bind(org_id).bind(text).fetch_all(pool).await)
}

/// Moves a node under a new parent (the caller has checked the move keeps the tree a tree).
/// Its records stay with it: they belong to the node, wherever it sits.
#[tracing::instrument(skip_all, err)]
pub async fn move_node(db: &Db, node_id: i64, new_parent: i64) -> sqlx::Result<bool> {
    const SQL: &str = "UPDATE org_nodes SET parent_id = $2 WHERE id = $1 AND parent_id IS NOT NULL";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(node_id).bind(new_parent).execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

/// How many nodes directly below `node_id` are still open.
#[tracing::instrument(skip_all, err)]
pub async fn open_children(db: &Db, node_id: i64) -> sqlx::Result<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM org_nodes WHERE parent_id = $1 AND closed_at IS NULL";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(node_id).fetch_one(pool).await)
}

/// Closes a node (`Some(at)`) or opens it again (`None`); returns whether anything changed.
/// Nothing of it is deleted: its plans, minutes, checklists, actions and audit history stay.
#[tracing::instrument(skip_all, err)]
pub async fn set_closed(
    db: &Db,
    node_id: i64,
    closed_at: Option<DateTime<Utc>>,
) -> sqlx::Result<bool> {
    const CLOSE: &str = "UPDATE org_nodes SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL";
    const OPEN: &str =
        "UPDATE org_nodes SET closed_at = NULL WHERE id = $1 AND closed_at IS NOT NULL";
    with_db!(db, pool => {
        let done = match closed_at {
            Some(at) => sqlx::query(CLOSE).bind(node_id).bind(at).execute(pool).await?,
            None => sqlx::query(OPEN).bind(node_id).execute(pool).await?,
        };
        Ok(done.rows_affected() == 1)
    })
}

/// The person with this e-mail (stored lower-case), if any.
#[tracing::instrument(skip_all, err)]
pub async fn person_by_email(db: &Db, email: &str) -> sqlx::Result<Option<PersonByEmail>> {
    const SQL: &str = "SELECT id, org_id FROM people WHERE email = $1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(email).fetch_optional(pool).await)
}

/// A new person of the organisation, without a password (they set one through an invitation
/// or sign in with the organisation's provider); returns the id.
#[tracing::instrument(skip_all, err)]
pub async fn add_person(
    db: &Db,
    org_id: i64,
    name: &str,
    email: &str,
    title: Option<&str>,
) -> sqlx::Result<i64> {
    const SQL: &str = "INSERT INTO people (name, email, title, org_id) VALUES ($1, $2, $3, $4)
         RETURNING id";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(name).bind(email).bind(title).bind(org_id)
            .fetch_one(pool).await
    })
}

/// Changes a person's name, e-mail and title.
#[tracing::instrument(skip_all, err)]
pub async fn edit_person(
    db: &Db,
    person_id: i64,
    name: &str,
    email: &str,
    title: Option<&str>,
) -> sqlx::Result<()> {
    const SQL: &str = "UPDATE people SET name = $2, email = $3, title = $4 WHERE id = $1";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).bind(name).bind(email).bind(title)
            .execute(pool).await.map(|_| ())
    })
}

/// Gives the person a role in the node, by HR's hand (`manual`), with the union's name for a
/// union representative; returns whether the role is new.
#[tracing::instrument(skip_all, err)]
pub async fn add_role(
    db: &Db,
    person_id: i64,
    node_id: i64,
    role: Role,
    union_name: &str,
) -> sqlx::Result<bool> {
    const SQL: &str = "INSERT INTO memberships (person_id, node_id, role, union_name, source)
         VALUES ($1, $2, $3, $4, 'manual')
         ON CONFLICT (person_id, node_id, role) DO NOTHING";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(person_id).bind(node_id).bind(role.code()).bind(union_name)
            .execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

/// Takes a role in the node away from the person; returns whether they held it.
#[tracing::instrument(skip_all, err)]
pub async fn remove_role(db: &Db, person_id: i64, node_id: i64, role: Role) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM memberships WHERE person_id = $1 AND node_id = $2 AND role = $3";
    with_db!(db, pool => {
        sqlx::query(SQL).bind(person_id).bind(node_id).bind(role.code())
            .execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i64, parent_id: Option<i64>) -> KeptNode {
        KeptNode {
            id,
            parent_id,
            name: String::new(),
            kind: String::new(),
            code: None,
            closed_at: None,
        }
    }

    #[test]
    fn an_ancestry_is_ordered_from_the_node_up_whatever_order_the_rows_came_in() {
        let rows = vec![node(1, None), node(3, Some(2)), node(2, Some(1))];
        let ids: Vec<i64> = in_ancestry_order(3, rows).iter().map(|n| n.id).collect();
        assert_eq!(ids, [3, 2, 1]);
    }
}
