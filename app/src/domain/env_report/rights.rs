//! Who may do what with a node's work environment report: its writer is whoever may edit the
//! node (its chef or deputy, HR at or above it); a chef, HR or safety representative above it
//! (or in it) reads it as it stands, with everything below; an employee of the node reads it
//! once accepted; the level above (whoever may edit the parent node) accepts or returns it.

use crate::domain::access::{access_to_unit, can_see_rollup, Access, Membership};

/// What a person may do with one node's report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReportRight {
    /// Nothing: the report is not theirs to see.
    None,
    /// Read it once accepted (an employee or union representative of the node).
    ReadAccepted,
    /// Read it as it stands, drafts included (a chef, HR or safety representative at or above
    /// the node).
    Read,
    /// Write it and submit it (the node's chef or deputy, HR at or above it).
    Write,
}

/// The person's right to the report of the node whose `ancestry` (the node, then its parents)
/// is given.
pub fn report_right(memberships: &[Membership], ancestry: &[i64]) -> ReportRight {
    let access = access_to_unit(memberships, ancestry);
    if access >= Access::Edit {
        ReportRight::Write
    } else if can_see_rollup(memberships, ancestry) {
        ReportRight::Read
    } else if access >= Access::Read {
        ReportRight::ReadAccepted
    } else {
        ReportRight::None
    }
}

/// Whether the person decides on reports submitted from the node whose parent's ancestry is
/// `parent_ancestry`: whoever writes the parent's report.
pub fn decides_for(memberships: &[Membership], parent_ancestry: &[i64]) -> bool {
    !parent_ancestry.is_empty() && report_right(memberships, parent_ancestry) == ReportRight::Write
}
