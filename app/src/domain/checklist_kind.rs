//! The kinds of follow-up checklist an organisation keeps templates of, and what each asks of
//! the people who fill it in.

use serde::{Deserialize, Serialize};

/// Which checklist a template is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChecklistKind {
    /// The annual follow-up of the systematic work environment management (November).
    SamAnnual,
    /// Aktiva åtgärder (the Discrimination Act).
    ActiveMeasures,
    /// A round of the physical work environment.
    RoundPhysical,
    /// A round of the organisational and social work environment.
    RoundSocial,
    /// A round on threats and violence.
    RoundThreats,
}

impl ChecklistKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [ChecklistKind; 5] = [
        ChecklistKind::SamAnnual,
        ChecklistKind::ActiveMeasures,
        ChecklistKind::RoundPhysical,
        ChecklistKind::RoundSocial,
        ChecklistKind::RoundThreats,
    ];

    /// The code stored with a template.
    pub fn code(self) -> &'static str {
        match self {
            ChecklistKind::SamAnnual => "sam_annual",
            ChecklistKind::ActiveMeasures => "active_measures",
            ChecklistKind::RoundPhysical => "round_physical",
            ChecklistKind::RoundSocial => "round_social",
            ChecklistKind::RoundThreats => "round_threats",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ChecklistKind> {
        ChecklistKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The safety representative must take part (the annual SAM follow-up).
    pub fn needs_safety_representative(self) -> bool {
        matches!(self, ChecklistKind::SamAnnual)
    }

    /// A work environment round: its actions come from a round, not a checklist.
    pub fn is_round(self) -> bool {
        matches!(
            self,
            ChecklistKind::RoundPhysical | ChecklistKind::RoundSocial | ChecklistKind::RoundThreats
        )
    }
}

/// The name of a unit's checklist for a period, as lists and the roll-up show it
/// (e.g. "Checklista för årlig uppföljning 2026").
pub fn checklist_name(template_title: &str, year: i32) -> String {
    format!("{template_title} {year}")
}

/// Where the work a wheel topic asks for is done in the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicTool {
    /// Following up an action plan ("Följ upp handlingsplan …").
    ActionPlan,
    /// The SAM follow-up or a round ("… årliga uppföljningen av SAM", "arbetsmiljörond").
    Checklists,
}

/// The tool a wheel topic's title points to, so its agenda item links there.
pub fn topic_tool(title: &str) -> Option<TopicTool> {
    let t = title.to_lowercase();
    if t.contains("handlingsplan") {
        Some(TopicTool::ActionPlan)
    } else if [
        "uppföljning av sam",
        "uppföljningen av sam",
        "arbetsmiljörond",
        "skyddsrond",
    ]
    .iter()
    .any(|k| t.contains(k))
    {
        Some(TopicTool::Checklists)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_only_the_sam_follow_up_needs_the_safety_representative() {
        for kind in ChecklistKind::ALL {
            assert_eq!(ChecklistKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ChecklistKind::from_code("okänd"), None);
        let needing: Vec<_> = ChecklistKind::ALL
            .into_iter()
            .filter(|k| k.needs_safety_representative())
            .collect();
        assert_eq!(needing, vec![ChecklistKind::SamAnnual]);
        assert!(ChecklistKind::RoundThreats.is_round());
        assert!(!ChecklistKind::ActiveMeasures.is_round());
    }

    #[test]
    fn a_checklist_is_named_by_its_template_and_year() {
        assert_eq!(
            checklist_name("Checklista för årlig uppföljning", 2026),
            "Checklista för årlig uppföljning 2026"
        );
    }

    #[test]
    fn the_wheels_follow_up_topics_point_to_the_action_plan_or_the_checklists() {
        assert_eq!(
            topic_tool(
                "Följ upp handlingsplan från alla arbetsmiljöronder samt löpande riskbedömningar."
            ),
            Some(TopicTool::ActionPlan)
        );
        assert_eq!(
            topic_tool("Informera om genomförande av den årliga uppföljningen av SAM"),
            Some(TopicTool::Checklists)
        );
        assert_eq!(
            topic_tool("Information om när och hur arbetsmiljörond gällande hot och våld kommer att genomföras"),
            Some(TopicTool::Checklists)
        );
        assert_eq!(
            topic_tool("Dialog kring rutin rörande alkohol och droger"),
            None
        );
    }
}
