//! The justering of a cooperation meeting's protocol (seed 002, item 3 and "Vid protokollet /
//! Justerare"): the draft goes to the members on item 3's day, they comment until the deadline,
//! then the approvers and the secretary approve one wording; the last approval locks the
//! protocol. A correction after the lock is a new version with its reason, approved again
//! (without a second comment round). Plain rules, unit-tested in `adjusting_tests.rs`.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use super::protocol::AdjustDates;
use crate::domain::form_input::{problem, FieldProblem};
use crate::domain::swedish_calendar::weekday_and_date;

/// The longest comment on a draft, or reason for a correction.
pub const MAX_ADJUST_TEXT: usize = 4_000;

/// Where a version of the protocol stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdjustStage {
    /// Being written; not yet sent to the members.
    Drafting,
    /// Sent to the members, who comment until the deadline (first version only).
    Commenting,
    /// Waiting for the approvers and the secretary.
    Approving,
    /// Approved by all, locked and published.
    Locked,
}

/// What the stage of a version follows from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdjustFacts {
    /// 1 for the first version, 2 … for corrections.
    pub version: u32,
    /// Whether the version went to the members.
    pub sent: bool,
    /// Whether the last approval came in.
    pub locked: bool,
    /// When comments are due at the latest (item 3), local time.
    pub comments_due: Option<NaiveDateTime>,
}

impl AdjustFacts {
    /// The deadline that applies to this version: item 3's, for the first version only (a
    /// correction is approved again without a second comment round).
    pub fn deadline(&self) -> Option<NaiveDateTime> {
        (self.version == 1).then_some(self.comments_due).flatten()
    }

    /// The version's stage at `now` (local time).
    pub fn stage(&self, now: NaiveDateTime) -> AdjustStage {
        if self.locked {
            AdjustStage::Locked
        } else if !self.sent {
            AdjustStage::Drafting
        } else if self.deadline().is_some_and(|due| now <= due) {
            AdjustStage::Commenting
        } else {
            AdjustStage::Approving
        }
    }
}

/// A moment as a protocol writes it: "torsdag 4 juni kl. 12", "… kl. 12:30".
pub fn moment_text(at: NaiveDateTime) -> String {
    let time = if at.minute() == 0 {
        format!("kl. {}", at.hour())
    } else {
        format!("kl. {}:{:02}", at.hour(), at.minute())
    };
    format!("{} {time}", weekday_and_date(at.date()))
}

/// What refuses a protocol's change once it is locked.
pub const LOCKED: &str =
    "Protokollet är justerat och låst. Gör en rättelse om något behöver ändras.";

/// Whether the draft may go to the members now: the first version needs item 3's dates (sent on
/// or after its day, before the comment deadline); every version needs at least one approver.
pub fn check_send(
    facts: &AdjustFacts,
    dates: Option<&AdjustDates>,
    approvers: usize,
    now: NaiveDateTime,
) -> Result<(), FieldProblem> {
    if facts.locked {
        return Err(problem("send", LOCKED));
    }
    if facts.sent {
        return Err(problem(
            "send",
            "Utkastet är redan skickat till ledamöterna.",
        ));
    }
    if approvers == 0 {
        return Err(problem("send", "Välj minst en justerare först."));
    }
    if facts.version > 1 {
        return Ok(());
    }
    let Some(dates) = dates else {
        return Err(problem(
            "send",
            "Sätt datumen för justeringen under punkt 3 först.",
        ));
    };
    if now.date() < dates.sent_on {
        return Err(problem(
            "send",
            format!(
                "Enligt punkt 3 skickas protokollet ut {}.",
                weekday_and_date(dates.sent_on)
            ),
        ));
    }
    if now > dates.comments_due {
        return Err(problem(
            "send",
            format!(
                "Tiden för synpunkter ({}) har redan gått ut. Ändra datumen under punkt 3 först.",
                moment_text(dates.comments_due)
            ),
        ));
    }
    Ok(())
}

/// Checks a member's comment on the draft: sent, before the deadline, not empty.
pub fn check_comment(
    facts: &AdjustFacts,
    body: &str,
    now: NaiveDateTime,
) -> Result<String, FieldProblem> {
    match facts.stage(now) {
        AdjustStage::Drafting => {
            return Err(problem(
                "body",
                "Protokollet har inte skickats ut för synpunkter än.",
            ))
        }
        AdjustStage::Locked => return Err(problem("body", LOCKED)),
        AdjustStage::Approving => {
            let message = match facts.deadline() {
                Some(due) => format!("Tiden för synpunkter gick ut {}.", moment_text(due)),
                None => "En rättelse justeras utan ny tid för synpunkter.".to_string(),
            };
            return Err(problem("body", message));
        }
        AdjustStage::Commenting => {}
    }
    let body = body.trim().replace("\r\n", "\n");
    if body.is_empty() {
        return Err(problem("body", "Skriv din synpunkt."));
    }
    if body.chars().count() > MAX_ADJUST_TEXT {
        return Err(problem(
            "body",
            format!("Synpunkten får vara högst {MAX_ADJUST_TEXT} tecken."),
        ));
    }
    Ok(body)
}

/// Whether one who signs may approve now: the version is sent, and its comment deadline passed.
pub fn check_approval(facts: &AdjustFacts, now: NaiveDateTime) -> Result<(), FieldProblem> {
    match facts.stage(now) {
        AdjustStage::Approving => Ok(()),
        AdjustStage::Locked => Err(problem("approve", LOCKED)),
        AdjustStage::Drafting => Err(problem(
            "approve",
            "Protokollet kan justeras först när utkastet har skickats till ledamöterna.",
        )),
        AdjustStage::Commenting => Err(problem(
            "approve",
            format!(
                "Protokollet kan justeras först när tiden för synpunkter har gått ut, {}.",
                facts.deadline().map(moment_text).unwrap_or_default()
            ),
        )),
    }
}

/// Checks the approvers chosen: at least one, every one a member of the group (`members`).
pub fn check_approvers(chosen: &[i64], members: &[(i64, &str)]) -> Result<Vec<i64>, FieldProblem> {
    let mut ids = Vec::new();
    for id in chosen {
        if !members.iter().any(|(m, _)| m == id) {
            return Err(problem(
                "approvers",
                "Justeraren måste vara ledamot i gruppen.",
            ));
        }
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    if ids.is_empty() {
        return Err(problem("approvers", "Välj minst en justerare."));
    }
    Ok(ids)
}

/// Checks the reason for a correction of a locked protocol.
pub fn check_correction_reason(reason: &str) -> Result<String, FieldProblem> {
    let reason = reason.trim().replace("\r\n", "\n");
    if reason.is_empty() {
        return Err(problem(
            "reason",
            "Skriv varför protokollet behöver rättas.",
        ));
    }
    if reason.chars().count() > MAX_ADJUST_TEXT {
        return Err(problem(
            "reason",
            format!("Skälet får vara högst {MAX_ADJUST_TEXT} tecken."),
        ));
    }
    Ok(reason)
}

/// Those who sign a version: the secretary ("Vid protokollet") and the approvers, each once.
pub fn signers(secretary: Option<i64>, approvers: &[i64]) -> Vec<i64> {
    let mut all: Vec<i64> = secretary.into_iter().collect();
    for id in approvers {
        if !all.contains(id) {
            all.push(*id);
        }
    }
    all
}

/// Whether every signer approved the wording `fingerprint` (an approval of an earlier wording
/// counts for nothing). `approvals` are (person, fingerprint).
pub fn all_approved(signers: &[i64], approvals: &[(i64, &str)], fingerprint: &str) -> bool {
    !signers.is_empty()
        && signers
            .iter()
            .all(|s| approvals.iter().any(|(p, f)| p == s && *f == fingerprint))
}

/// The reminders of a justering that are due on `today`, each sent once per version: the day
/// before the comment deadline to the members, and on item 3's signing day (or any later day
/// still unapproved) to the signers who have not approved.
pub fn adjust_reminders_due(
    stage: AdjustStage,
    dates: Option<&AdjustDates>,
    today: NaiveDate,
) -> Vec<AdjustReminder> {
    let Some(dates) = dates else {
        return Vec::new();
    };
    let mut due = Vec::new();
    if stage == AdjustStage::Commenting && dates.comments_due.date().pred_opt() == Some(today) {
        due.push(AdjustReminder::Comments);
    }
    if stage == AdjustStage::Approving && today >= dates.signed_on {
        due.push(AdjustReminder::Approve);
    }
    due
}

/// A reminder of the justering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdjustReminder {
    /// To the members: comments are due tomorrow.
    Comments,
    /// To the signers who have not approved: the protocol is to be signed.
    Approve,
}

impl AdjustReminder {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            AdjustReminder::Comments => "comments",
            AdjustReminder::Approve => "approve",
        }
    }
}

#[cfg(test)]
#[path = "adjusting_tests.rs"]
mod tests;
