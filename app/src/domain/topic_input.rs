//! Checking a unit's own topic as typed: a title, a month, and guidance of sensible length.

use serde::{Deserialize, Serialize};

use super::form_input::problem;
use super::form_input::FieldProblem;

/// The own-topic form's fields, as typed (posted as `topic[title]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicInput {
    /// The topic's title.
    pub title: String,
    /// Month number 1–12, from a select.
    pub month: String,
    /// Guidance for the meeting (optional).
    pub guidance: String,
}

/// A topic that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedTopic {
    /// Title, trimmed.
    pub title: String,
    /// Month 1–12.
    pub month: u32,
    /// Guidance, trimmed.
    pub guidance: String,
}

/// Checks an own topic; the first problem found is returned.
pub fn check_topic(input: &TopicInput) -> Result<CheckedTopic, FieldProblem> {
    let title = input.title.trim();
    if title.is_empty() {
        return Err(problem("title", "Skriv en rubrik för ämnet."));
    }
    if title.chars().count() > 200 {
        return Err(problem("title", "Rubriken får vara högst 200 tecken."));
    }
    let month: u32 = input
        .month
        .trim()
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| problem("month", "Välj en månad."))?;
    let guidance = input.guidance.trim();
    if guidance.chars().count() > 5000 {
        return Err(problem(
            "guidance",
            "Vägledningen får vara högst 5000 tecken.",
        ));
    }
    Ok(CheckedTopic {
        title: title.to_string(),
        month,
        guidance: guidance.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, month: &str, guidance: &str) -> TopicInput {
        TopicInput {
            title: title.into(),
            month: month.into(),
            guidance: guidance.into(),
        }
    }

    #[test]
    fn a_complete_topic_passes_trimmed() {
        let topic = check_topic(&input(
            "  Brandövning ",
            "9",
            " Gå igenom utrymningsvägar. ",
        ))
        .unwrap();
        assert_eq!(
            topic,
            CheckedTopic {
                title: "Brandövning".into(),
                month: 9,
                guidance: "Gå igenom utrymningsvägar.".into()
            }
        );
    }

    #[test]
    fn an_empty_title_or_a_missing_month_names_its_field() {
        assert_eq!(
            check_topic(&input(" ", "9", "")).unwrap_err().field,
            "title"
        );
        assert_eq!(
            check_topic(&input("Brandövning", "", ""))
                .unwrap_err()
                .field,
            "month"
        );
        assert_eq!(
            check_topic(&input("Brandövning", "13", ""))
                .unwrap_err()
                .field,
            "month"
        );
        assert_eq!(
            check_topic(&input("Brandövning", "9", &"x".repeat(5001)))
                .unwrap_err()
                .field,
            "guidance"
        );
    }
}
