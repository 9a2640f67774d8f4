//! The default checklist templates (the annual SAM follow-up and Aktiva åtgärder from the
//! cooperation group's attachments, word for word, and the work environment rounds the annual
//! wheel names), bundled in the binary as `seeds/checklists.json`.

use serde::Deserialize;

use crate::domain::ChecklistKind;

const DEFAULT_CHECKLISTS_JSON: &str = include_str!("../../../seeds/checklists.json");

/// The bundled templates.
#[derive(Debug, Deserialize)]
pub struct ChecklistSeed {
    /// One per kind.
    pub templates: Vec<TemplateSeed>,
}

/// One template.
#[derive(Debug, Deserialize)]
pub struct TemplateSeed {
    /// A `ChecklistKind` code.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Areas in order.
    pub areas: Vec<AreaSeed>,
}

/// An area ("Område") and its questions.
#[derive(Debug, Deserialize)]
pub struct AreaSeed {
    /// The area's title.
    pub title: String,
    /// Questions in order.
    pub questions: Vec<QuestionSeed>,
}

/// One question.
#[derive(Debug, Deserialize)]
pub struct QuestionSeed {
    /// The question as written.
    pub text: String,
    /// Help for whoever answers.
    #[serde(default)]
    pub help: String,
    /// An `AnswerScale` code.
    pub scale: String,
}

/// Parses the bundled templates; a unit test checks them, so a failure is a build bug.
pub fn default_checklists() -> Result<ChecklistSeed, serde_json::Error> {
    serde_json::from_str(DEFAULT_CHECKLISTS_JSON)
}

/// The bundled template of one kind.
pub fn default_template(kind: ChecklistKind) -> anyhow::Result<TemplateSeed> {
    default_checklists()?
        .templates
        .into_iter()
        .find(|t| t.kind == kind.code())
        .ok_or_else(|| anyhow::anyhow!("no bundled checklist of kind {}", kind.code()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AnswerScale;

    #[test]
    fn every_kind_is_bundled_with_valid_scales_and_the_seed_areas() {
        let seed = default_checklists().expect("bundled checklists parse");
        for kind in ChecklistKind::ALL {
            let t = seed
                .templates
                .iter()
                .find(|t| t.kind == kind.code())
                .unwrap_or_else(|| panic!("{} missing", kind.code()));
            assert!(!t.areas.is_empty());
            for q in t.areas.iter().flat_map(|a| &a.questions) {
                assert!(AnswerScale::from_code(&q.scale).is_some(), "{}", q.text);
                assert!(!q.text.trim().is_empty());
            }
        }
        let sam = seed
            .templates
            .iter()
            .find(|t| t.kind == "sam_annual")
            .unwrap();
        let areas: Vec<_> = sam.areas.iter().map(|a| a.title.as_str()).collect();
        for expected in [
            "Arbetsmiljöpolicy",
            "Rutiner SAM",
            "Uppgiftsfördelning och kunskaper",
            "Medverkan och samverkan",
            "Risker i arbetet",
            "Främjande faktorer",
        ] {
            assert!(
                areas.contains(&expected),
                "{expected} missing from {areas:?}"
            );
        }
        let first = &sam.areas[0].questions[0].text;
        assert_eq!(
            first,
            "Är stadens Arbetsmiljöpolicy (tillika Personalpolicyn) känd på arbetsplatsen?"
        );
    }
}
