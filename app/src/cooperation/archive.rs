//! A cooperation group's protocols of a year gathered for the archive (arkivleverans): every
//! locked version of every meeting's protocol, as it was approved and with who approved it when,
//! and the bilagor each version lists with their content. For those who keep the group (HR, the
//! node's chef): keeping a group's records is keeping the group. Three queries for the year;
//! the server lays each version out as PDF and packs the zip.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::access::GroupAccess;
use super::adjusting_read::{local, stamped};
use super::db::{self, AttachmentContent};
use super::{BilagaView, CoopProtocolView, SignedBy};
use crate::auth::session::Viewer;
use crate::error::AppError;
use crate::state::AppState;

/// One locked version of a protocol with the bilagor it lists.
pub struct ArchivedProtocol {
    /// The document as approved, with its stamp.
    pub view: CoopProtocolView,
    /// Its bilagor with their content, in its numbering; a bilaga removed since is left out.
    pub bilagor: Vec<(BilagaView, AttachmentContent)>,
}

/// Everything exported of a group's year.
pub struct GroupArchive {
    /// The group's name.
    pub group_name: String,
    /// The year.
    pub year: i32,
    /// The day it was drawn.
    pub drawn_on: NaiveDate,
    /// The versions, by meeting day and version.
    pub protocols: Vec<ArchivedProtocol>,
}

/// The group's locked protocols of `year`, for one who keeps the group; `Forbidden` for anyone
/// else, `NotFound` for a year outside the plans' range.
pub async fn group_archive(
    state: AppState,
    viewer: Viewer,
    group_id: i64,
    year: i32,
) -> Result<GroupArchive, AppError> {
    let access = GroupAccess::of(state, viewer, group_id).await?.keep()?;
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Err(AppError::NotFound);
    };
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let db = &access.state.db;
    let versions = db::locked_versions(db, group_id, from, to).await?;
    let mut signed: HashMap<i64, Vec<SignedBy>> = HashMap::new();
    for a in db::version_approvals(db, group_id, from, to).await? {
        signed.entry(a.version_id).or_default().push(SignedBy {
            name: a.name,
            at: local(a.approved_at),
        });
    }
    let contents: HashMap<i64, AttachmentContent> =
        db::archived_attachments(db, group_id, from, to)
            .await?
            .into_iter()
            .map(|a| (a.id, a.content))
            .collect();
    let mut protocols = Vec::with_capacity(versions.len());
    for v in versions {
        let view = stamped(
            &v.document,
            v.version,
            v.locked_at,
            signed.remove(&v.id).unwrap_or_default(),
        )?;
        let bilagor = view
            .bilagor
            .iter()
            .filter_map(|b| contents.get(&b.id).map(|c| (b.clone(), c.clone())))
            .collect();
        protocols.push(ArchivedProtocol { view, bilagor });
    }
    Ok(GroupArchive {
        group_name: access.group.name.clone(),
        year,
        drawn_on: access.state.clock.today(),
        protocols,
    })
}
