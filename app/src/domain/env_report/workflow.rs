//! Where a node's report stands and how it moves: written as a draft, submitted to the level
//! above by its deadline, then returned with a comment or accepted there; the top level, with
//! nobody above it, adopts its own (fastställer). Also the deadlines per kind of node and the
//! checks on what a writer types (an assessment, a reason for overriding a suggested answer, a
//! comment when returning).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::sections::YesNo;
use crate::domain::form_input::{problem, FieldProblem};

/// Where a report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportStatus {
    /// Being written.
    Draft,
    /// Sent to the level above, waiting for it.
    Submitted,
    /// Sent back by the level above with a comment, to be written again.
    Returned,
    /// Accepted by the level above (or adopted by the top level).
    Accepted,
}

impl ReportStatus {
    /// Every status, in the order a report goes through them.
    pub const ALL: [ReportStatus; 4] = [
        ReportStatus::Draft,
        ReportStatus::Submitted,
        ReportStatus::Returned,
        ReportStatus::Accepted,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Submitted => "submitted",
            ReportStatus::Returned => "returned",
            ReportStatus::Accepted => "accepted",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ReportStatus> {
        ReportStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// As the product shows it.
    pub fn label(self) -> &'static str {
        match self {
            ReportStatus::Draft => "Utkast",
            ReportStatus::Submitted => "Inskickad",
            ReportStatus::Returned => "Återsänd",
            ReportStatus::Accepted => "Godkänd",
        }
    }

    /// Whether the report's writer may change it: while a draft, or once returned.
    pub fn writable(self) -> bool {
        matches!(self, ReportStatus::Draft | ReportStatus::Returned)
    }
}

/// A step of the workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportStep {
    /// The writer submits (or, at the top, adopts) the report.
    Submit,
    /// The level above sends it back with a comment.
    Return,
    /// The level above accepts it.
    Accept,
}

/// What a step out of turn says.
pub const OUT_OF_TURN: &str =
    "Rapporten har ändrats av någon annan under tiden. Ladda om sidan och försök igen.";

/// The status after `step` from `status`; the top level (nothing above it) adopts its report
/// when it submits it. A step out of turn (submitting a submitted report, accepting a draft)
/// is refused.
pub fn after(
    status: ReportStatus,
    step: ReportStep,
    level_above: bool,
) -> Result<ReportStatus, &'static str> {
    match (status, step) {
        (s, ReportStep::Submit) if s.writable() => Ok(if level_above {
            ReportStatus::Submitted
        } else {
            ReportStatus::Accepted
        }),
        (ReportStatus::Submitted, ReportStep::Return) => Ok(ReportStatus::Returned),
        (ReportStatus::Submitted, ReportStep::Accept) => Ok(ReportStatus::Accepted),
        _ => Err(OUT_OF_TURN),
    }
}

/// When a kind of node's report is due: a day in the year after the year reported on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    /// The node kind's code (`enhet`, `förvaltning`, …).
    pub kind: String,
    /// 1–12.
    pub month: u32,
    /// 1–31; a day past the month's end is its last day (29 February in a common year is the
    /// 28th).
    pub day: u32,
}

/// The deadlines an organisation starts with: units and schools by 31 January, departments by
/// 15 February, administrations and committees by 28 February, the municipality by 31 March.
pub fn default_deadlines() -> Vec<DeadlineRule> {
    [
        ("enhet", 1, 31),
        ("stab", 1, 31),
        ("skola", 1, 31),
        ("förskola", 1, 31),
        ("avdelning", 2, 15),
        ("förvaltning", 2, 28),
        ("nämnd", 2, 28),
        ("kommun", 3, 31),
    ]
    .into_iter()
    .map(|(kind, month, day)| DeadlineRule {
        kind: kind.to_string(),
        month,
        day,
    })
    .collect()
}

/// The day the report on `year` of a node of `kind` is due, from the organisation's `rules`
/// (a kind without a rule of its own is due with the units, 31 January).
pub fn deadline(kind: &str, year: i32, rules: &[DeadlineRule]) -> NaiveDate {
    let (month, day) = rules
        .iter()
        .find(|r| r.kind == kind)
        .map_or((1, 31), |r| (r.month, r.day));
    let next = year + 1;
    (1..=day.clamp(1, 31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(next, month.clamp(1, 12), d))
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(next, 1, 31).unwrap_or_default())
}

/// The deadlines that hold in an organisation: the defaults, each replaced by the organisation's
/// own rule for its kind (`own`), and its rules for kinds the defaults lack.
pub fn deadlines_with(own: Vec<DeadlineRule>) -> Vec<DeadlineRule> {
    let mut rules = default_deadlines();
    for rule in own {
        match rules.iter_mut().find(|r| r.kind == rule.kind) {
            Some(existing) => *existing = rule,
            None => rules.push(rule),
        }
    }
    rules
}

/// Days from `today` to `due` (negative once past).
pub fn days_to(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// A deadline typed as day and month ("31", "1"): both numbers, a real day of some year.
pub fn check_deadline(month: &str, day: &str) -> Result<(u32, u32), FieldProblem> {
    let month: u32 = month
        .trim()
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| problem("month", "Välj en månad."))?;
    let day: u32 = day
        .trim()
        .parse()
        .ok()
        .filter(|&d| NaiveDate::from_ymd_opt(2024, month, d).is_some())
        .ok_or_else(|| problem("day", "Skriv en dag som finns i månaden, till exempel 31."))?;
    Ok((month, day))
}

/// The longest assessment ("Bedömning och analys") of one section.
pub const MAX_ASSESSMENT: usize = 20_000;

/// An assessment as typed: trimmed; empty is allowed (not written yet), too long is refused.
pub fn check_assessment(text: &str) -> Result<String, FieldProblem> {
    let text = text.trim();
    if text.chars().count() > MAX_ASSESSMENT {
        return Err(problem(
            "assessment",
            format!("Skriv högst {MAX_ASSESSMENT} tecken."),
        ));
    }
    Ok(text.to_string())
}

/// The longest reason for an answer other than Årshjul's suggestion, or comment on returning.
pub const MAX_REASON: usize = 2_000;

/// An answer as chosen, against what Årshjul suggested from its facts: an answer other than
/// the suggestion needs its reason (kept beside it); an empty choice is no answer yet.
pub fn check_answer(
    choice: &str,
    suggested: Option<YesNo>,
    reason: &str,
) -> Result<(Option<YesNo>, String), FieldProblem> {
    let choice = choice.trim();
    let answer = if choice.is_empty() {
        None
    } else {
        Some(
            YesNo::from_code(choice)
                .ok_or_else(|| problem("answer", crate::domain::form_input::NOT_AN_OPTION))?,
        )
    };
    let reason = reason.trim();
    if reason.chars().count() > MAX_REASON {
        return Err(problem(
            "reason",
            format!("Skriv högst {MAX_REASON} tecken."),
        ));
    }
    let overrides = matches!((answer, suggested), (Some(a), Some(s)) if a != s);
    if overrides && reason.is_empty() {
        return Err(problem(
            "reason",
            "Skriv varför svaret skiljer sig från det Årshjul föreslår.",
        ));
    }
    Ok((
        answer,
        if overrides {
            reason.to_string()
        } else {
            String::new()
        },
    ))
}

/// A comment when the level above returns a report: required, so the writer knows what to
/// change.
pub fn check_return_comment(text: &str) -> Result<String, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(
            "comment",
            "Skriv vad som behöver ändras innan rapporten skickas tillbaka.",
        ));
    }
    if text.chars().count() > MAX_REASON {
        return Err(problem(
            "comment",
            format!("Skriv högst {MAX_REASON} tecken."),
        ));
    }
    Ok(text.to_string())
}
