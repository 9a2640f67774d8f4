//! What HR may write into a checklist template's question.

use serde::{Deserialize, Serialize};

use super::checklist::AnswerScale;
use super::form_input::problem;
use super::form_input::FieldProblem;

/// A question as typed in the template form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionInput {
    /// The area ("Område").
    pub area: String,
    /// The question.
    pub text: String,
    /// Help for whoever answers.
    #[serde(default)]
    pub help: String,
    /// An `AnswerScale` code.
    pub scale: String,
}

/// A question that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedQuestion {
    /// The area, trimmed.
    pub area: String,
    /// The question, trimmed.
    pub text: String,
    /// Help, trimmed.
    pub help: String,
    /// The scale.
    pub scale: AnswerScale,
}

/// Checks a template question: an area and a question are required, lengths are bounded, and
/// the scale is one the product knows.
pub fn check_question(input: &QuestionInput) -> Result<CheckedQuestion, FieldProblem> {
    let area = input.area.trim();
    if area.is_empty() {
        return Err(problem("area", "Skriv vilket område frågan hör till."));
    }
    if area.chars().count() > 200 {
        return Err(problem("area", "Området får vara högst 200 tecken."));
    }
    let text = input.text.trim();
    if text.is_empty() {
        return Err(problem("text", "Skriv frågan."));
    }
    if text.chars().count() > 1000 {
        return Err(problem("text", "Frågan får vara högst 1 000 tecken."));
    }
    let help = input.help.trim();
    if help.chars().count() > 2000 {
        return Err(problem("help", "Hjälptexten får vara högst 2 000 tecken."));
    }
    let scale = AnswerScale::from_code(input.scale.trim())
        .ok_or_else(|| problem("scale", "Välj en svarsskala i listan."))?;
    Ok(CheckedQuestion {
        area: area.to_string(),
        text: text.to_string(),
        help: help.to_string(),
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(area: &str, text: &str, scale: &str) -> QuestionInput {
        QuestionInput {
            area: area.into(),
            text: text.into(),
            help: " Tänk på nyanställda. ".into(),
            scale: scale.into(),
        }
    }

    #[test]
    fn a_question_needs_an_area_a_text_and_a_known_scale() {
        let q = check_question(&input(
            " Arbetsmiljöpolicy ",
            " Är policyn känd? ",
            "agreement",
        ))
        .unwrap();
        assert_eq!(
            (q.area.as_str(), q.text.as_str(), q.help.as_str(), q.scale),
            (
                "Arbetsmiljöpolicy",
                "Är policyn känd?",
                "Tänk på nyanställda.",
                AnswerScale::Agreement
            )
        );
        assert_eq!(
            check_question(&input("", "X?", "yes_no"))
                .unwrap_err()
                .field,
            "area"
        );
        assert_eq!(
            check_question(&input("A", " ", "yes_no"))
                .unwrap_err()
                .field,
            "text"
        );
        assert_eq!(
            check_question(&input("A", "X?", "1-5")).unwrap_err().field,
            "scale"
        );
        let long = "x".repeat(1001);
        assert_eq!(
            check_question(&input("A", &long, "yes_no"))
                .unwrap_err()
                .field,
            "text"
        );
    }
}
