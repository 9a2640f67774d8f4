//! The APT and SAM compliance of each unit of a part of the tree over a year, in plain Rust: what
//! a unit falls short of (too few APTs planned or held for the rule, notices not out in time,
//! topics of the wheel not reached, minutes not published within the organisation's days, no
//! workload check, the SAM follow-up not done with the safety representative, actions overdue),
//! and the overview's sorting. The counts come from a handful of aggregate queries; nothing here
//! reads a database.

use serde::{Deserialize, Serialize};

/// The organisation's rules the overview holds units to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceRules {
    /// APTs a unit holds a year at least.
    pub min_apts: u32,
    /// Days before an APT its notice goes out at the latest.
    pub notice_days: u32,
    /// Days after an APT its minutes are published at the latest.
    pub minutes_days: u32,
}

/// One unit's year, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCompliance {
    /// The unit.
    pub node_id: i64,
    /// Its name.
    pub name: String,
    /// APTs planned (not cancelled).
    pub planned: u32,
    /// Of those, held (their day has passed).
    pub held: u32,
    /// Of the held, those whose notice went out in time.
    pub notices_on_time: u32,
    /// Topics of the wheel in the unit's plan.
    pub topics: u32,
    /// Of those, placed at an APT that has been held.
    pub topics_covered: u32,
    /// Of the held, those whose minutes were published within the days the rule gives.
    pub minutes_in_time: u32,
    /// Of the held, those with a workload check.
    pub workload_checks: u32,
    /// The SAM follow-up is marked done.
    pub sam_done: bool,
    /// … with a safety representative taking part.
    pub sam_with_safety: bool,
    /// Actions past their end date and not done.
    pub overdue_actions: u32,
}

/// Something a unit falls short of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shortfall {
    /// Fewer APTs planned than the rule asks.
    TooFewPlanned,
    /// Fewer APTs held than the rule asks, the year being over.
    TooFewHeld,
    /// A held APT whose notice was late or never sent.
    LateNotice,
    /// Topics not reached at a held APT, the year being over.
    TopicsLeft,
    /// A held APT whose minutes were late or are not published.
    LateMinutes,
    /// No workload check at any held APT.
    NoWorkloadCheck,
    /// The SAM follow-up not done with the safety representative, the year being over.
    SamNotDone,
    /// Actions past their end date.
    OverdueActions,
}

impl Shortfall {
    /// As the overview names it.
    pub fn label(self) -> &'static str {
        match self {
            Shortfall::TooFewPlanned => "För få APT planerade",
            Shortfall::TooFewHeld => "För få APT hållna",
            Shortfall::LateNotice => "Kallelse inte ute i tid",
            Shortfall::TopicsLeft => "Ämnen i årshjulet inte tagna",
            Shortfall::LateMinutes => "Minnesanteckningar inte publicerade i tid",
            Shortfall::NoWorkloadCheck => "Ingen avstämning av arbetsbelastning",
            Shortfall::SamNotDone => "SAM-uppföljningen inte gjord med skyddsombud",
            Shortfall::OverdueActions => "Försenade åtgärder",
        }
    }
}

/// What `unit` falls short of under `rules`; `year_over` when the year has ended, so what is
/// still to come in it no longer can.
pub fn shortfalls(
    unit: &UnitCompliance,
    rules: ComplianceRules,
    year_over: bool,
) -> Vec<Shortfall> {
    let checks = [
        (unit.planned < rules.min_apts, Shortfall::TooFewPlanned),
        (
            year_over && unit.held < rules.min_apts,
            Shortfall::TooFewHeld,
        ),
        (unit.notices_on_time < unit.held, Shortfall::LateNotice),
        (
            year_over && unit.topics_covered < unit.topics,
            Shortfall::TopicsLeft,
        ),
        (unit.minutes_in_time < unit.held, Shortfall::LateMinutes),
        (
            unit.held > 0 && unit.workload_checks == 0,
            Shortfall::NoWorkloadCheck,
        ),
        (year_over && !unit.sam_with_safety, Shortfall::SamNotDone),
        (unit.overdue_actions > 0, Shortfall::OverdueActions),
    ];
    checks
        .into_iter()
        .filter(|(short, _)| *short)
        .map(|(_, s)| s)
        .collect()
}

/// A column the overview sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    /// The unit's name.
    #[default]
    Name,
    /// APTs planned.
    Planned,
    /// APTs held.
    Held,
    /// Notices on time, as a share of the held.
    Notices,
    /// Topics reached, as a share of the plan's.
    Topics,
    /// Minutes in time, as a share of the held.
    Minutes,
    /// Workload checks.
    Workload,
    /// The SAM follow-up.
    Sam,
    /// Actions overdue.
    Overdue,
    /// How many shortfalls.
    Shortfalls,
}

impl SortKey {
    /// Every column, in the table's order.
    pub const ALL: [SortKey; 10] = [
        SortKey::Name,
        SortKey::Planned,
        SortKey::Held,
        SortKey::Notices,
        SortKey::Topics,
        SortKey::Minutes,
        SortKey::Workload,
        SortKey::Sam,
        SortKey::Overdue,
        SortKey::Shortfalls,
    ];

    /// Its code in the address (`?sortera=`).
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Name => "namn",
            SortKey::Planned => "planerade",
            SortKey::Held => "hallna",
            SortKey::Notices => "kallelser",
            SortKey::Topics => "amnen",
            SortKey::Minutes => "minnesanteckningar",
            SortKey::Workload => "arbetsbelastning",
            SortKey::Sam => "sam",
            SortKey::Overdue => "atgarder",
            SortKey::Shortfalls => "brister",
        }
    }

    /// Parses a code; the name for anything else.
    pub fn from_code(code: &str) -> SortKey {
        SortKey::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or_default()
    }
}

/// `part` of `whole` as a comparable share (an empty whole counts as all done).
fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        1.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// Sorts the overview's rows by `key` (descending when `descending`), the name breaking ties.
pub fn sort_rows(rows: &mut [(UnitCompliance, Vec<Shortfall>)], key: SortKey, descending: bool) {
    let by = |a: &(UnitCompliance, Vec<Shortfall>), b: &(UnitCompliance, Vec<Shortfall>)| {
        let (x, y) = (&a.0, &b.0);
        let shares = |f: fn(&UnitCompliance) -> f64| f(x).total_cmp(&f(y));
        match key {
            SortKey::Name => x.name.to_lowercase().cmp(&y.name.to_lowercase()),
            SortKey::Planned => x.planned.cmp(&y.planned),
            SortKey::Held => x.held.cmp(&y.held),
            SortKey::Notices => shares(|u| share(u.notices_on_time, u.held)),
            SortKey::Topics => shares(|u| share(u.topics_covered, u.topics)),
            SortKey::Minutes => shares(|u| share(u.minutes_in_time, u.held)),
            SortKey::Workload => x.workload_checks.cmp(&y.workload_checks),
            SortKey::Sam => (x.sam_with_safety, x.sam_done).cmp(&(y.sam_with_safety, y.sam_done)),
            SortKey::Overdue => x.overdue_actions.cmp(&y.overdue_actions),
            SortKey::Shortfalls => a.1.len().cmp(&b.1.len()),
        }
    };
    rows.sort_by(|a, b| {
        let first = by(a, b);
        let first = if descending { first.reverse() } else { first };
        first.then_with(|| a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: ComplianceRules = ComplianceRules {
        min_apts: 8,
        notice_days: 7,
        minutes_days: 14,
    };

    fn unit(name: &str) -> UnitCompliance {
        UnitCompliance {
            node_id: 1,
            name: name.into(),
            planned: 8,
            held: 8,
            notices_on_time: 8,
            topics: 20,
            topics_covered: 20,
            minutes_in_time: 8,
            workload_checks: 2,
            sam_done: true,
            sam_with_safety: true,
            overdue_actions: 0,
        }
    }

    #[test]
    fn a_unit_that_keeps_the_rules_falls_short_of_nothing() {
        assert_eq!(shortfalls(&unit("Eken"), RULES, true), vec![]);
    }

    #[test]
    fn each_shortfall_is_named_and_the_rest_of_the_year_is_not_held_against_a_unit() {
        let during = UnitCompliance {
            planned: 7,
            held: 3,
            notices_on_time: 2,
            topics_covered: 5,
            minutes_in_time: 3,
            workload_checks: 0,
            sam_done: false,
            sam_with_safety: false,
            overdue_actions: 2,
            ..unit("Eken")
        };
        assert_eq!(
            shortfalls(&during, RULES, false),
            vec![
                Shortfall::TooFewPlanned,
                Shortfall::LateNotice,
                Shortfall::NoWorkloadCheck,
                Shortfall::OverdueActions
            ]
        );
        let over = shortfalls(&during, RULES, true);
        assert!(over.contains(&Shortfall::TooFewHeld));
        assert!(over.contains(&Shortfall::TopicsLeft));
        assert!(over.contains(&Shortfall::SamNotDone));
        let without_safety = UnitCompliance {
            sam_with_safety: false,
            ..unit("Eken")
        };
        assert_eq!(
            shortfalls(&without_safety, RULES, true),
            vec![Shortfall::SamNotDone]
        );
        assert_eq!(
            Shortfall::LateMinutes.label(),
            "Minnesanteckningar inte publicerade i tid"
        );
    }

    #[test]
    fn rows_sort_by_any_column_with_the_name_breaking_ties() {
        let late = UnitCompliance {
            notices_on_time: 4,
            ..unit("Björken")
        };
        let fine = unit("Aspen");
        let also_fine = unit("Ceder");
        let mut rows: Vec<(UnitCompliance, Vec<Shortfall>)> = [also_fine, late, fine]
            .into_iter()
            .map(|u| {
                let s = shortfalls(&u, RULES, true);
                (u, s)
            })
            .collect();
        let names = |rows: &[(UnitCompliance, Vec<Shortfall>)]| {
            rows.iter().map(|r| r.0.name.clone()).collect::<Vec<_>>()
        };
        sort_rows(&mut rows, SortKey::Notices, false);
        assert_eq!(names(&rows), ["Björken", "Aspen", "Ceder"]);
        sort_rows(&mut rows, SortKey::Shortfalls, true);
        assert_eq!(names(&rows), ["Björken", "Aspen", "Ceder"]);
        sort_rows(&mut rows, SortKey::Name, false);
        assert_eq!(names(&rows), ["Aspen", "Björken", "Ceder"]);
        sort_rows(&mut rows, SortKey::Name, true);
        assert_eq!(names(&rows), ["Ceder", "Björken", "Aspen"]);
        assert_eq!(SortKey::from_code("kallelser"), SortKey::Notices);
        assert_eq!(SortKey::from_code("okänd"), SortKey::Name);
    }
}
