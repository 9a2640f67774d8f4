//! A protocol's bilagor as seed 002 numbers them: across the whole protocol in the order of its
//! items ("bilaga 1" under 4 a, "bilaga 2–4" under 4 b), each a file or one of the unit results
//! the group is shown (the SAM follow-up, Aktiva åtgärder and the combined action plan with its
//! follow-up), frozen as they stood when attached.

use serde::{Deserialize, Serialize};

use crate::domain::form_input::{problem, FieldProblem};
use crate::domain::PlanYear;

/// What a bilaga is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BilagaKind {
    /// A file the secretary uploaded.
    File,
    /// The SAM follow-up's roll-up: every unit's answer and analysis.
    Sam,
    /// The Aktiva åtgärder roll-up.
    ActiveMeasures,
    /// The combined action plan with its follow-up.
    Actions,
    /// The occupational health service's statistics for a year, frozen with the year before
    /// (`domain::health_service::HealthBilaga`).
    HealthService,
}

impl BilagaKind {
    /// The unit results, in the order they are attached.
    pub const UNIT_RESULTS: [BilagaKind; 3] = [
        BilagaKind::Sam,
        BilagaKind::ActiveMeasures,
        BilagaKind::Actions,
    ];

    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            BilagaKind::File => "file",
            BilagaKind::Sam => "sam",
            BilagaKind::ActiveMeasures => "active_measures",
            BilagaKind::Actions => "actions",
            BilagaKind::HealthService => "health_service",
        }
    }

    /// The kind of a stored code.
    pub fn from_code(code: &str) -> Option<BilagaKind> {
        [BilagaKind::File, BilagaKind::HealthService]
            .into_iter()
            .chain(BilagaKind::UNIT_RESULTS)
            .find(|k| k.code() == code)
    }

    /// The title a frozen roll-up gets in the protocol, for the node and year it shows.
    pub fn results_title(self, node: &str, year: i32) -> String {
        let what = match self {
            BilagaKind::HealthService => "Statistik från företagshälsovården",
            BilagaKind::File | BilagaKind::Sam => {
                "Uppföljning av det systematiska arbetsmiljöarbetet"
            }
            BilagaKind::ActiveMeasures => "Uppföljning av aktiva åtgärder",
            BilagaKind::Actions => "Handlingsplan med uppföljning",
        };
        format!("{what} {year}, {node}")
    }
}

/// Whether a sub-item's title is the follow-up that brings the unit results with it
/// ("Uppföljning av det systematiska arbetsmiljöarbetet och aktiva åtgärder").
pub fn brings_unit_results(title: &str) -> bool {
    title
        .to_lowercase()
        .contains("uppföljning av det systematiska arbetsmiljöarbetet")
}

/// How an item names its bilagor: "bilaga 1", "bilaga 2–4" for a run, "bilaga 1, 3" otherwise;
/// `None` for none. `numbers` are ascending.
pub fn bilaga_ref(numbers: &[u32]) -> Option<String> {
    let (&first, &last) = (numbers.first()?, numbers.last()?);
    let run = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    Some(match numbers.len() {
        1 => format!("bilaga {first}"),
        _ if run => format!("bilaga {first}–{last}"),
        _ => format!(
            "bilaga {}",
            numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// Whether a sub-item's title is the follow-up of the occupational health service ("Uppföljning
/// av företagshälsovård"), under which its statistics are attached.
pub fn brings_health_service(title: &str) -> bool {
    title.to_lowercase().contains("företagshälsovård")
}

/// The year of the unit results to attach: the one typed, or the meeting's year when none.
pub fn results_year(text: &str, meeting_year: i32) -> Result<i32, FieldProblem> {
    if text.trim().is_empty() {
        return Ok(meeting_year);
    }
    PlanYear::parse(text)
        .map(PlanYear::get)
        .ok_or_else(|| problem("year", PlanYear::OUT_OF_RANGE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilagor_are_named_as_the_seed_names_them() {
        assert_eq!(bilaga_ref(&[]), None);
        assert_eq!(bilaga_ref(&[1]).as_deref(), Some("bilaga 1"));
        assert_eq!(bilaga_ref(&[2, 3, 4]).as_deref(), Some("bilaga 2–4"));
        assert_eq!(bilaga_ref(&[5, 6]).as_deref(), Some("bilaga 5–6"));
        assert_eq!(bilaga_ref(&[1, 3]).as_deref(), Some("bilaga 1, 3"));
    }

    #[test]
    fn the_sam_follow_up_brings_the_unit_results() {
        assert!(brings_unit_results(
            "Uppföljning av det systematiska arbetsmiljöarbetet och aktiva åtgärder"
        ));
        assert!(brings_unit_results(
            "uppföljning av det systematiska arbetsmiljöarbetet"
        ));
        assert!(!brings_unit_results("Uppföljning av företagshälsovård"));
        assert!(brings_health_service("Uppföljning av företagshälsovård"));
        assert!(!brings_health_service("Verksamhetsfrågor"));
    }

    #[test]
    fn the_results_year_is_the_meetings_unless_another_is_typed() {
        assert_eq!(results_year("", 2026), Ok(2026));
        assert_eq!(results_year(" 2025 ", 2026), Ok(2025));
        assert_eq!(
            results_year("tjugo", 2026).unwrap_err().message,
            PlanYear::OUT_OF_RANGE
        );
        assert!(results_year("1999", 2026).is_err());
    }

    #[test]
    fn every_kind_keeps_its_code() {
        for kind in [BilagaKind::File, BilagaKind::HealthService]
            .into_iter()
            .chain(BilagaKind::UNIT_RESULTS)
        {
            assert_eq!(BilagaKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(BilagaKind::from_code("other"), None);
    }
}
