//! What the justering panel of a protocol's page shows, shared by server and browser. Moments
//! are local time, as the server's clock shows them.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::cooperation::adjusting::AdjustStage;

/// Where a protocol's justering stands, and what the viewer may do in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopAdjustingView {
    /// The version being written or approved (1, then each correction).
    pub version: u32,
    /// Where it stands.
    pub stage: AdjustStage,
    /// Why a correction was opened (empty for the first version).
    pub reason: String,
    /// Until when members comment (the first version only), local time.
    pub deadline: Option<NaiveDateTime>,
    /// When the draft went to the members.
    pub sent_at: Option<NaiveDateTime>,
    /// When the last approval locked it.
    pub locked_at: Option<NaiveDateTime>,
    /// The wording as it stands, which an approval names.
    pub fingerprint: String,
    /// The group's members, for choosing approvers.
    pub members: Vec<ApproverChoice>,
    /// Those who sign: the secretary first, then the approvers, each with their approval.
    pub signers: Vec<SignerView>,
    /// The members' comments on the draft.
    pub comments: Vec<CommentView>,
    /// Every version with its reason and lock.
    pub versions: Vec<VersionView>,
    /// Whether the viewer writes the protocol (names approvers, sends, opens a correction).
    pub can_write: bool,
    /// Whether the viewer is a member (comments while the draft is out).
    pub is_member: bool,
    /// Whether the viewer signs this version.
    pub is_signer: bool,
    /// Whether the viewer approved the wording as it stands.
    pub i_approved: bool,
}

/// A member who may be named approver.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproverChoice {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Their function in the group.
    pub function_title: String,
    /// Whether they are named.
    pub chosen: bool,
}

/// One who signs, with their approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerView {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Whether they sign as the secretary ("Vid protokollet") rather than as approver.
    pub secretary: bool,
    /// Their approval of the wording as it stands.
    pub approved: Option<ApprovalView>,
    /// Whether they approved an earlier wording, changed since.
    pub approved_earlier: bool,
}

/// An approval: who, when, and how they signed in (the identity; no drawn signature).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    /// When.
    pub at: NaiveDateTime,
    /// `password` or `oidc`.
    pub method: String,
}

/// A member's comment on the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    /// The comment.
    pub id: i64,
    /// Who wrote it.
    pub name: String,
    /// When.
    pub at: NaiveDateTime,
    /// What it says.
    pub body: String,
}

/// A version in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    /// 1, 2, …
    pub version: u32,
    /// Why it was opened (a correction).
    pub reason: String,
    /// When it went to the members.
    pub sent_at: Option<NaiveDateTime>,
    /// When it was locked.
    pub locked_at: Option<NaiveDateTime>,
}
