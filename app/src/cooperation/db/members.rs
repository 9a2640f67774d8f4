//! The SQL of a group's members: one chair and one secretary, both sides.

use crate::db::{BeginWrite, Db};
use crate::domain::cooperation::{CheckedMember, GroupRole};
use crate::with_db;

/// A member with the person's name and address.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberRow {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Their e-mail.
    pub email: String,
    /// `employer` or `employees`.
    pub side: String,
    /// The function title.
    pub function_title: String,
    /// The union, on the employees' side.
    pub union_name: Option<String>,
    /// `chair`, `secretary` or `member`.
    pub role: String,
}

impl MemberRow {
    /// Whether the member is the group's secretary, who signs "Vid protokollet".
    pub fn is_secretary(&self) -> bool {
        self.role == crate::domain::cooperation::GroupRole::Secretary.code()
    }
}

/// The group's members: the employer's side first, the chair and the secretary first on it, then
/// by name.
#[tracing::instrument(skip_all, err)]
pub async fn members(db: &Db, group_id: i64) -> sqlx::Result<Vec<MemberRow>> {
    const SQL: &str = "SELECT m.person_id, p.name, p.email, m.side, m.function_title,
             m.union_name, m.role
         FROM coop_members m JOIN people p ON p.id = m.person_id
         WHERE m.group_id = $1
         ORDER BY CASE m.side WHEN 'employer' THEN 0 ELSE 1 END,
             CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, p.name";
    with_db!(db, pool => sqlx::query_as(SQL).bind(group_id).fetch_all(pool).await)
}

/// The person's role in the group, if they sit in it.
#[tracing::instrument(skip_all, err)]
pub async fn member_role(db: &Db, group_id: i64, person_id: i64) -> sqlx::Result<Option<String>> {
    const SQL: &str = "SELECT role FROM coop_members WHERE group_id = $1 AND person_id = $2";
    with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(group_id).bind(person_id).fetch_optional(pool).await
    })
}

/// What saving a member did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberSaved {
    /// Added to the group.
    Added,
    /// Already a member: their side, function and role changed.
    Changed,
    /// The chair or the secretary is someone else (named): that role is held once.
    RoleHeldBy(String),
}

/// Adds the person to the group or changes their membership, in one transaction with the check
/// that a chair or a secretary is not someone else already.
#[tracing::instrument(skip_all, err)]
pub async fn save_member(
    db: &Db,
    group_id: i64,
    person_id: i64,
    member: &CheckedMember,
) -> sqlx::Result<MemberSaved> {
    const HOLDER: &str = "SELECT p.name FROM coop_members m JOIN people p ON p.id = m.person_id
         WHERE m.group_id = $1 AND m.role = $2 AND m.person_id <> $3";
    const EXISTS: &str = "SELECT COUNT(*) FROM coop_members WHERE group_id = $1 AND person_id = $2";
    const UPDATE: &str = "UPDATE coop_members
         SET side = $3, function_title = $4, union_name = $5, role = $6
         WHERE group_id = $1 AND person_id = $2";
    const INSERT: &str = "INSERT INTO coop_members
             (group_id, person_id, side, function_title, union_name, role)
         VALUES ($1, $2, $3, $4, $5, $6)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if member.role != GroupRole::Member {
            let holder: Option<String> = sqlx::query_scalar(HOLDER)
                .bind(group_id).bind(member.role.code()).bind(person_id)
                .fetch_optional(&mut *tx).await?;
            if let Some(name) = holder {
                tx.rollback().await?;
                return Ok(MemberSaved::RoleHeldBy(name));
            }
        }
        let exists: i64 = sqlx::query_scalar(EXISTS)
            .bind(group_id).bind(person_id).fetch_one(&mut *tx).await?;
        let sql = if exists > 0 { UPDATE } else { INSERT };
        sqlx::query(sql)
            .bind(group_id)
            .bind(person_id)
            .bind(member.side.code())
            .bind(&member.function_title)
            .bind(member.union_name.as_deref())
            .bind(member.role.code())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(if exists > 0 { MemberSaved::Changed } else { MemberSaved::Added })
    })
}

/// Takes the person out of the group; `false` when they were not in it.
#[tracing::instrument(skip_all, err)]
pub async fn remove_member(db: &Db, group_id: i64, person_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "DELETE FROM coop_members WHERE group_id = $1 AND person_id = $2";
    let done = with_db!(db, pool => {
        sqlx::query(SQL).bind(group_id).bind(person_id).execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}
