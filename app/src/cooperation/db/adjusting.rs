//! The SQL of a protocol's justering: the approvers named for a meeting, the versions (the first,
//! then each correction), the draft sent with its messages, the members' comments, the approvals
//! of one wording, and the lock that keeps the document as it was approved. Every function names
//! the meeting or the version it works in, so an id of another finds nothing.

use chrono::{DateTime, Utc};

use crate::db::{BeginWrite, Db};
use crate::with_db;

/// The outbox messages of a justering, tied to its version.
const MESSAGE: &str = "INSERT INTO outbox (coop_version_id, person_id, to_address, subject,
         body_text, status)
     VALUES ($1, $2, $3, $4, $5, $6)";

/// Queues `$messages` for version `$id` in the transaction `$tx` (a macro, since the two engines'
/// transactions are different types).
macro_rules! insert_messages {
    ($tx:expr, $id:expr, $messages:expr, $status:expr) => {
        for m in $messages {
            sqlx::query(MESSAGE)
                .bind($id)
                .bind(m.person_id)
                .bind(m.to)
                .bind(m.subject)
                .bind(m.body)
                .bind($status)
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// A version of a meeting's protocol, without its document.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionRow {
    /// The row.
    pub id: i64,
    /// 1, 2, …
    pub version: i32,
    /// Why it was opened (a correction), or empty for the first.
    pub reason: String,
    /// When it was opened.
    pub opened_at: DateTime<Utc>,
    /// When the draft went to the members.
    pub sent_at: Option<DateTime<Utc>>,
    /// When the last approval locked it.
    pub locked_at: Option<DateTime<Utc>>,
}

/// A member's comment on a draft.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CommentRow {
    /// The comment.
    pub id: i64,
    /// Who wrote it.
    pub name: String,
    /// When.
    pub created_at: DateTime<Utc>,
    /// What it says.
    pub body: String,
}

/// An approval of a version.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ApprovalRow {
    /// Who approved.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// When.
    pub approved_at: DateTime<Utc>,
    /// The wording approved.
    pub fingerprint: String,
    /// How they signed in (`password`, `oidc`).
    pub method: String,
}

/// A message of the justering for one person.
pub struct AdjustMessage<'a> {
    /// The person.
    pub person_id: i64,
    /// Their address.
    pub to: &'a str,
    /// The subject line.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
}

impl<'a> AdjustMessage<'a> {
    /// The same message to each of `to`.
    pub fn to_each(
        to: &'a [super::NoticeRecipient],
        subject: &'a str,
        body: &'a str,
    ) -> Vec<AdjustMessage<'a>> {
        to.iter()
            .map(|p| AdjustMessage {
                person_id: p.id,
                to: &p.email,
                subject,
                body,
            })
            .collect()
    }
}

/// The approvers named for the meeting.
#[tracing::instrument(skip_all, err)]
pub async fn approvers(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<i64>> {
    const SQL: &str =
        "SELECT person_id FROM coop_approvers WHERE meeting_id = $1 ORDER BY person_id";
    with_db!(db, pool => sqlx::query_scalar(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// Names the meeting's approvers, replacing those named before.
#[tracing::instrument(skip_all, err)]
pub async fn save_approvers(db: &Db, meeting_id: i64, people: &[i64]) -> sqlx::Result<()> {
    const CLEAR: &str = "DELETE FROM coop_approvers WHERE meeting_id = $1";
    const INSERT: &str = "INSERT INTO coop_approvers (meeting_id, person_id) VALUES ($1, $2)";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(CLEAR).bind(meeting_id).execute(&mut *tx).await?;
        for person in people {
            sqlx::query(INSERT).bind(meeting_id).bind(person).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// The meeting's versions, first to last.
#[tracing::instrument(skip_all, err)]
pub async fn versions(db: &Db, meeting_id: i64) -> sqlx::Result<Vec<VersionRow>> {
    const SQL: &str = "SELECT id, version, reason, opened_at, sent_at, locked_at
         FROM coop_protocol_versions WHERE meeting_id = $1 ORDER BY version";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).fetch_all(pool).await)
}

/// The last locked version of a meeting, with its document.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct LockedDocumentRow {
    /// The version's row.
    pub id: i64,
    /// 1, 2, …
    pub version: i32,
    /// When the last approval locked it.
    pub locked_at: DateTime<Utc>,
    /// The protocol as approved (JSON).
    pub document: String,
}

/// A locked version of the meeting with its document: version `version` when one is asked for
/// (an earlier version stays readable after a correction), else the last one locked.
#[tracing::instrument(skip_all, err)]
pub async fn locked_document(
    db: &Db,
    meeting_id: i64,
    version: Option<i32>,
) -> sqlx::Result<Option<LockedDocumentRow>> {
    const SQL: &str = "SELECT id, version, locked_at, document FROM coop_protocol_versions
         WHERE meeting_id = $1 AND locked_at IS NOT NULL AND version = COALESCE($2, version)
         ORDER BY version DESC LIMIT 1";
    with_db!(db, pool => sqlx::query_as(SQL).bind(meeting_id).bind(version).fetch_optional(pool).await)
}

/// Sends the draft: opens the first version when there is none, marks the version `version`
/// sent and queues its messages, in one transaction. `false` when that version was sent (or
/// another opened) meanwhile.
#[tracing::instrument(skip_all, err)]
pub async fn send_draft(
    db: &Db,
    meeting_id: i64,
    version: i32,
    person_id: i64,
    now: DateTime<Utc>,
    messages: &[AdjustMessage<'_>],
    status: &str,
) -> sqlx::Result<bool> {
    const OPEN_FIRST: &str = "INSERT INTO coop_protocol_versions
             (meeting_id, version, reason, opened_by, opened_at)
         SELECT $1, 1, '', $2, $3
         WHERE NOT EXISTS (SELECT 1 FROM coop_protocol_versions WHERE meeting_id = $1)";
    const SEND: &str = "UPDATE coop_protocol_versions SET sent_at = $3, sent_by = $4
         WHERE meeting_id = $1 AND version = $2 AND sent_at IS NULL
           AND version = (SELECT MAX(version) FROM coop_protocol_versions WHERE meeting_id = $1)
         RETURNING id";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if version == 1 {
            sqlx::query(OPEN_FIRST)
                .bind(meeting_id).bind(person_id).bind(now)
                .execute(&mut *tx).await?;
        }
        let id: Option<i64> = sqlx::query_scalar(SEND)
            .bind(meeting_id).bind(version).bind(now).bind(person_id)
            .fetch_optional(&mut *tx).await?;
        let Some(id) = id else {
            tx.rollback().await?;
            return Ok(false);
        };
        insert_messages!(tx, id, messages, status);
        tx.commit().await?;
        Ok(true)
    })
}

/// The comments on a version, oldest first, with their writers' names.
#[tracing::instrument(skip_all, err)]
pub async fn comments(db: &Db, version_id: i64) -> sqlx::Result<Vec<CommentRow>> {
    const SQL: &str = "SELECT c.id, p.name, c.created_at, c.body
         FROM coop_protocol_comments c JOIN people p ON p.id = c.person_id
         WHERE c.version_id = $1 ORDER BY c.id";
    with_db!(db, pool => sqlx::query_as(SQL).bind(version_id).fetch_all(pool).await)
}

/// Adds a member's comment to a version.
#[tracing::instrument(skip_all, err)]
pub async fn add_comment(
    db: &Db,
    version_id: i64,
    person_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    const SQL: &str = "INSERT INTO coop_protocol_comments (version_id, person_id, body, created_at)
         VALUES ($1, $2, $3, $4)";
    with_db!(db, pool => {
        sqlx::query(SQL)
            .bind(version_id).bind(person_id).bind(body).bind(now)
            .execute(pool).await.map(|_| ())
    })
}

/// The approvals of a version.
#[tracing::instrument(skip_all, err)]
pub async fn approvals(db: &Db, version_id: i64) -> sqlx::Result<Vec<ApprovalRow>> {
    const SQL: &str = "SELECT a.person_id, p.name, a.approved_at, a.fingerprint, a.method
         FROM coop_approvals a JOIN people p ON p.id = a.person_id
         WHERE a.version_id = $1 ORDER BY a.approved_at";
    with_db!(db, pool => sqlx::query_as(SQL).bind(version_id).fetch_all(pool).await)
}

/// One approval, as [`approve`] records it.
pub struct Approval<'a> {
    /// The version.
    pub version_id: i64,
    /// Who approves.
    pub person_id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// The wording approved.
    pub fingerprint: &'a str,
    /// How they signed in.
    pub method: &'a str,
}

/// What locks the version when an approval is the last one: the signers, the document to keep,
/// and the messages that publish it.
pub struct Lock<'a> {
    /// Everyone who signs.
    pub signers: &'a [i64],
    /// The protocol as approved (JSON).
    pub document: &'a str,
    /// The messages that publish it.
    pub messages: &'a [AdjustMessage<'a>],
    /// `queued` (SMTP) or `stored`.
    pub status: &'a str,
}

/// Records an approval (replacing the person's earlier one) and, when every signer has now
/// approved this wording, locks the version with its document and queues the messages that
/// publish it; one transaction that holds the version's row, so two last approvals at once lock
/// it once. `None` when the version is locked already; otherwise whether this approval locked it.
#[tracing::instrument(skip_all, err)]
pub async fn approve(
    db: &Db,
    approval: &Approval<'_>,
    lock: &Lock<'_>,
) -> sqlx::Result<Option<bool>> {
    const HOLD: &str = "UPDATE coop_protocol_versions SET id = id
         WHERE id = $1 AND locked_at IS NULL AND sent_at IS NOT NULL";
    const CLEAR: &str = "DELETE FROM coop_approvals WHERE version_id = $1 AND person_id = $2";
    const INSERT: &str = "INSERT INTO coop_approvals
             (version_id, person_id, approved_at, fingerprint, method)
         VALUES ($1, $2, $3, $4, $5)";
    const CURRENT: &str = "SELECT person_id FROM coop_approvals
         WHERE version_id = $1 AND fingerprint = $2";
    const LOCK: &str = "UPDATE coop_protocol_versions SET locked_at = $2, document = $3
         WHERE id = $1";
    let id = approval.version_id;
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let held = sqlx::query(HOLD).bind(id).execute(&mut *tx).await?;
        if held.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        sqlx::query(CLEAR).bind(id).bind(approval.person_id).execute(&mut *tx).await?;
        sqlx::query(INSERT)
            .bind(id).bind(approval.person_id).bind(approval.at).bind(approval.fingerprint)
            .bind(approval.method)
            .execute(&mut *tx).await?;
        let approved: Vec<i64> = sqlx::query_scalar(CURRENT)
            .bind(id).bind(approval.fingerprint)
            .fetch_all(&mut *tx).await?;
        let complete = !lock.signers.is_empty()
            && lock.signers.iter().all(|s| approved.contains(s));
        if complete {
            sqlx::query(LOCK).bind(id).bind(approval.at).bind(lock.document)
                .execute(&mut *tx).await?;
            insert_messages!(tx, id, lock.messages, lock.status);
        }
        tx.commit().await?;
        Ok(Some(complete))
    })
}

/// Opens a correction: the next version after the locked last one, with its reason. `false`
/// when the last version is not locked (or another correction was opened meanwhile).
#[tracing::instrument(skip_all, err)]
pub async fn open_correction(
    db: &Db,
    meeting_id: i64,
    reason: &str,
    person_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    const SQL: &str = "INSERT INTO coop_protocol_versions
             (meeting_id, version, reason, opened_by, opened_at)
         SELECT $1, v.version + 1, $2, $3, $4 FROM coop_protocol_versions v
         WHERE v.meeting_id = $1 AND v.locked_at IS NOT NULL
           AND v.version = (SELECT MAX(version) FROM coop_protocol_versions WHERE meeting_id = $1)
         ON CONFLICT (meeting_id, version) DO NOTHING";
    with_db!(db, pool => {
        let done = sqlx::query(SQL)
            .bind(meeting_id).bind(reason).bind(person_id).bind(now)
            .execute(pool).await?;
        Ok(done.rows_affected() == 1)
    })
}

/// Whether the meeting's last version is locked (its protocol then refuses every change).
#[tracing::instrument(skip_all, err)]
pub async fn protocol_locked(db: &Db, meeting_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "SELECT locked_at IS NOT NULL FROM coop_protocol_versions
         WHERE meeting_id = $1 ORDER BY version DESC LIMIT 1";
    let locked: Option<bool> =
        with_db!(db, pool => sqlx::query_scalar(SQL).bind(meeting_id).fetch_optional(pool).await)?;
    Ok(locked.unwrap_or(false))
}

/// A version sent and waiting for its approvals (the last of its meeting), for the reminders.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenVersionRow {
    /// The version.
    pub version_id: i64,
    /// Its meeting.
    pub meeting_id: i64,
    /// The meeting's group.
    pub group_id: i64,
}

/// Every version sent to the members and not yet locked, the last of its meeting (one query).
#[tracing::instrument(skip_all, err)]
pub async fn versions_out_for_approval(db: &Db) -> sqlx::Result<Vec<OpenVersionRow>> {
    const SQL: &str = "SELECT v.id AS version_id, v.meeting_id, m.group_id
         FROM coop_protocol_versions v JOIN coop_meetings m ON m.id = v.meeting_id
         WHERE v.sent_at IS NOT NULL AND v.locked_at IS NULL AND NOT m.cancelled
           AND v.version = (SELECT MAX(w.version) FROM coop_protocol_versions w
                            WHERE w.meeting_id = v.meeting_id)
         ORDER BY v.id";
    with_db!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

/// Records that the reminder `kind` of a version went out on `today` and queues its messages, in
/// one transaction; `false` (and nothing queued) when it went out before.
#[tracing::instrument(skip_all, err)]
pub async fn record_adjust_reminder(
    db: &Db,
    version_id: i64,
    kind: &str,
    today: chrono::NaiveDate,
    messages: &[AdjustMessage<'_>],
    status: &str,
) -> sqlx::Result<bool> {
    const MARK: &str = "INSERT INTO coop_adjust_reminders (version_id, kind, sent_on)
         VALUES ($1, $2, $3) ON CONFLICT (version_id, kind) DO NOTHING";
    with_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let marked = sqlx::query(MARK)
            .bind(version_id).bind(kind).bind(today)
            .execute(&mut *tx).await?;
        if marked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_messages!(tx, version_id, messages, status);
        tx.commit().await?;
        Ok(true)
    })
}

/// Whether the person holds a role at the node or anywhere below it (an employee of the node,
/// to whom its published protocols go): one walk up from each of their few memberships.
#[tracing::instrument(skip_all, err)]
pub async fn works_under(db: &Db, person_id: i64, node_id: i64) -> sqlx::Result<bool> {
    const SQL: &str = "WITH RECURSIVE up(id) AS (
             SELECT node_id FROM memberships WHERE person_id = $1
             UNION SELECT n.parent_id FROM org_nodes n JOIN up ON n.id = up.id
             WHERE n.parent_id IS NOT NULL)
         SELECT COUNT(*) FROM up WHERE id = $2";
    let n: i64 = with_db!(db, pool => {
        sqlx::query_scalar(SQL).bind(person_id).bind(node_id).fetch_one(pool).await
    })?;
    Ok(n > 0)
}

/// Every active person with a role at the node or below it and an e-mail address, each once:
/// those a published protocol goes to when the group publishes to all employees.
#[tracing::instrument(skip_all, err)]
pub async fn employees_under(db: &Db, node_id: i64) -> sqlx::Result<Vec<super::NoticeRecipient>> {
    const SQL: &str = concat!(
        crate::subtree_cte!("$1"),
        " SELECT DISTINCT p.id, p.email, p.name FROM memberships m
         JOIN people p ON p.id = m.person_id
         WHERE m.node_id IN (SELECT id FROM subtree) AND p.active AND p.email <> ''
         ORDER BY p.name, p.id"
    );
    let rows: Vec<(i64, String, String)> =
        with_db!(db, pool => sqlx::query_as(SQL).bind(node_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, email, _)| super::NoticeRecipient { id, email })
        .collect())
}
