//! Retention (gallring): minutes, agendas, checklists and action plans are public records, and
//! under the archives act they are culled only by a decision of the organisation, never on
//! request. A rule says, per kind of record, how many full years after the year it belongs to a
//! record is kept, and which decision says so; a culling run removes what is older and keeps a
//! record of what it removed under which decision.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FieldProblem;

/// The kinds of record a rule is set for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordKind {
    /// Published minutes, attendance and the workload check of a meeting.
    Minutes,
    /// A meeting's agenda: items, sections, attachments and the notices sent.
    Agendas,
    /// A unit's follow-up checklists of a year, with answers and participants.
    Checklists,
    /// Closed actions of the action plans.
    ActionPlans,
    /// The audit trail.
    Audit,
    /// Cooperation groups' meetings: agenda, what was sent in, notices, the protocol in every
    /// version with its approvals, comments and bilagor.
    Protocols,
}

impl RecordKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Minutes,
        RecordKind::Agendas,
        RecordKind::Checklists,
        RecordKind::ActionPlans,
        RecordKind::Protocols,
        RecordKind::Audit,
    ];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Minutes => "minutes",
            RecordKind::Agendas => "agendas",
            RecordKind::Checklists => "checklists",
            RecordKind::ActionPlans => "action_plans",
            RecordKind::Audit => "audit",
            RecordKind::Protocols => "protocols",
        }
    }

    /// Parses a code; an unknown one is refused.
    pub fn from_code(code: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A rule as typed into the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionInput {
    /// Full years kept after the year the record belongs to.
    pub keep_years: String,
    /// The decision's reference (e.g. "Dokumenthanteringsplan, SN 2025-05-12 § 45").
    pub decision: String,
    /// The date of the decision, `YYYY-MM-DD`.
    pub decided_on: String,
}

/// A checked rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedRetention {
    /// Full years kept.
    pub keep_years: u32,
    /// The decision's reference, trimmed.
    pub decision: String,
    /// The decision's date.
    pub decided_on: NaiveDate,
}

/// The most years a rule may say (beyond that, the record is in practice kept for good).
pub const MAX_KEEP_YEARS: u32 = 100;

/// Checks a rule; the first problem found, beside its field.
pub fn check_retention(
    input: &RetentionInput,
    today: NaiveDate,
) -> Result<CheckedRetention, FieldProblem> {
    let problem = |field: &'static str, message: &str| FieldProblem {
        field,
        message: message.to_string(),
    };
    let keep_years: u32 = input.keep_years.trim().parse().map_err(|_| {
        problem(
            "keep_years",
            "Skriv hur många hela år handlingarna ska bevaras, med siffror.",
        )
    })?;
    if !(1..=MAX_KEEP_YEARS).contains(&keep_years) {
        return Err(problem(
            "keep_years",
            "Antal år ska vara minst 1 och högst 100.",
        ));
    }
    let decision = input.decision.trim();
    if decision.is_empty() {
        return Err(problem(
            "decision",
            "Ange beslutet som gallringen bygger på, till exempel dokumenthanteringsplanens paragraf.",
        ));
    }
    if decision.chars().count() > 300 {
        return Err(problem("decision", "Beslutet får vara högst 300 tecken."));
    }
    let decided_on = NaiveDate::parse_from_str(input.decided_on.trim(), "%Y-%m-%d")
        .map_err(|_| problem("decided_on", "Skriv beslutsdatumet som ÅÅÅÅ-MM-DD."))?;
    if decided_on > today {
        return Err(problem(
            "decided_on",
            "Beslutsdatumet kan inte ligga i framtiden.",
        ));
    }
    Ok(CheckedRetention {
        keep_years,
        decision: decision.to_string(),
        decided_on,
    })
}

/// The first day that is kept under a rule of `keep_years`: everything dated before it is
/// culled. A record of a year is kept that year and `keep_years` full years after it.
pub fn culling_cutoff(today: NaiveDate, keep_years: u32) -> NaiveDate {
    let year = today.year() - i32::try_from(keep_years).unwrap_or(i32::MAX / 2);
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input(years: &str, decision: &str, on: &str) -> RetentionInput {
        RetentionInput {
            keep_years: years.into(),
            decision: decision.into(),
            decided_on: on.into(),
        }
    }

    #[test]
    fn a_record_is_kept_its_year_and_the_full_years_after_it() {
        let cutoff = culling_cutoff(day(2026, 11, 23), 5);
        assert_eq!(cutoff, day(2021, 1, 1));
        // A record of 2020 has had its five full years (2021–2025): culled.
        assert!(day(2020, 12, 31) < cutoff);
        // One of 2021 is kept until 2027.
        assert!(day(2021, 1, 1) >= cutoff);
    }

    #[test]
    fn a_rule_needs_years_a_decision_and_its_date() {
        let today = day(2026, 11, 23);
        let ok =
            check_retention(&input(" 10 ", " SN 2025-05-12 § 45 ", "2025-05-12"), today).unwrap();
        assert_eq!(ok.keep_years, 10);
        assert_eq!(ok.decision, "SN 2025-05-12 § 45");
        for (bad, field) in [
            (input("tio", "SN § 45", "2025-05-12"), "keep_years"),
            (input("0", "SN § 45", "2025-05-12"), "keep_years"),
            (input("101", "SN § 45", "2025-05-12"), "keep_years"),
            (input("10", "  ", "2025-05-12"), "decision"),
            (input("10", &"x".repeat(301), "2025-05-12"), "decision"),
            (input("10", "SN § 45", "12 maj"), "decided_on"),
            (input("10", "SN § 45", "2027-01-01"), "decided_on"),
        ] {
            assert_eq!(check_retention(&bad, today).unwrap_err().field, field);
        }
    }

    #[test]
    fn every_kind_round_trips() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(RecordKind::from_code("allt"), None);
    }
}
