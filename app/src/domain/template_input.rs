//! Checking what HR types into the organisation's template: a wheel topic (title, months, kind,
//! texts), a recurring point, and the rule parameters. Each problem names its field.

use serde::{Deserialize, Serialize};

use super::form_input::problem;
use super::form_input::FieldProblem;
use super::plan_rules::PlanRules;

/// The template topic form, as typed (posted as `topic[title]`, `topic[month_start]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WheelTopicInput {
    /// Title as the wheel writes it.
    pub title: String,
    /// First month, 1–12.
    pub month_start: String,
    /// Last month, 1–12 (empty: the same as the first).
    #[serde(default)]
    pub month_end: String,
    /// `information`, `dialogue` or `follow_up`.
    pub kind: String,
    /// Contact function, e.g. "HR-avdelningen".
    #[serde(default)]
    pub contact: String,
    /// Guidance for the chef.
    #[serde(default)]
    pub guidance: String,
    /// A tip for the workload check.
    #[serde(default)]
    pub osa_tip: String,
    /// "on" when material goes with the notice (a checkbox: absent when unticked).
    #[serde(default)]
    pub send_with_notice: Option<String>,
}

/// A template topic that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedWheelTopic {
    /// Title, trimmed.
    pub title: String,
    /// First month.
    pub month_start: u32,
    /// Last month, not before the first.
    pub month_end: u32,
    /// The kind's code.
    pub kind: &'static str,
    /// Contact, trimmed.
    pub contact: String,
    /// Guidance, trimmed.
    pub guidance: String,
    /// OSA tip; `None` when empty.
    pub osa_tip: Option<String>,
    /// Material goes with the notice.
    pub send_with_notice: bool,
}

fn month(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|m| (1..=12).contains(m))
}

fn text(value: &str, field: &'static str, max: usize, name: &str) -> Result<String, FieldProblem> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(FieldProblem {
            field,
            message: format!("{name} får vara högst {max} tecken."),
        });
    }
    Ok(value.to_string())
}

/// Checks a template topic; the first problem found is returned.
pub fn check_wheel_topic(input: &WheelTopicInput) -> Result<CheckedWheelTopic, FieldProblem> {
    let title = text(&input.title, "title", 200, "Rubriken")?;
    if title.is_empty() {
        return Err(problem("title", "Skriv en rubrik för ämnet."));
    }
    let month_start =
        month(&input.month_start).ok_or_else(|| problem("month_start", "Välj en månad."))?;
    let month_end = if input.month_end.trim().is_empty() {
        month_start
    } else {
        month(&input.month_end).ok_or_else(|| problem("month_end", "Välj en månad."))?
    };
    if month_end < month_start {
        return Err(problem(
            "month_end",
            "Sista månaden kan inte vara före den första.",
        ));
    }
    let kind = match input.kind.trim() {
        "information" => "information",
        "dialogue" => "dialogue",
        "follow_up" => "follow_up",
        _ => {
            return Err(problem(
                "kind",
                "Välj om ämnet är information, dialog eller uppföljning.",
            ))
        }
    };
    let osa_tip = text(&input.osa_tip, "osa_tip", 2000, "OSA-tipset")?;
    Ok(CheckedWheelTopic {
        title,
        month_start,
        month_end,
        kind,
        contact: text(&input.contact, "contact", 200, "Kontakten")?,
        guidance: text(&input.guidance, "guidance", 5000, "Vägledningen")?,
        osa_tip: (!osa_tip.is_empty()).then_some(osa_tip),
        send_with_notice: input.send_with_notice.is_some(),
    })
}

/// Checks a recurring point's title.
pub fn check_point_title(title: &str) -> Result<String, FieldProblem> {
    let title = text(title, "title", 200, "Punkten")?;
    if title.is_empty() {
        return Err(problem("title", "Skriv vad punkten heter."));
    }
    Ok(title)
}

/// The rule parameters as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesInput {
    /// Minimum APTs per year.
    pub min_apts_per_year: String,
    /// Days of notice before an APT.
    pub notice_days: String,
    /// Votes before a workload result shows (5–100; empty keeps five).
    #[serde(default)]
    pub vote_threshold: String,
    /// Days after an APT its minutes are to be published by (0–90; empty keeps 14).
    #[serde(default)]
    pub minutes_days: String,
}

/// Checks the rule parameters: 1–52 APTs a year, 0–60 days of notice, 5–100 votes before a
/// workload result shows, minutes out within 0–90 days.
pub fn check_rules(input: &RulesInput) -> Result<PlanRules, FieldProblem> {
    let min_apts_per_year = input
        .min_apts_per_year
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=52).contains(n))
        .ok_or_else(|| {
            problem(
                "min_apts_per_year",
                "Skriv ett antal mellan 1 och 52 APT per år.",
            )
        })?;
    let notice_days = input
        .notice_days
        .trim()
        .parse()
        .ok()
        .filter(|n| (0..=60).contains(n))
        .ok_or_else(|| problem("notice_days", "Skriv ett antal dagar mellan 0 och 60."))?;
    let vote_threshold = match input.vote_threshold.trim() {
        "" => super::workload::MIN_VOTE_THRESHOLD,
        text => super::workload::check_threshold(text)?,
    };
    let minutes_days = match input.minutes_days.trim() {
        "" => super::plan_rules::DEFAULT_MINUTES_DAYS,
        text => text
            .parse()
            .ok()
            .filter(|n| (0..=90).contains(n))
            .ok_or_else(|| problem("minutes_days", "Skriv ett antal dagar mellan 0 och 90."))?,
    };
    Ok(PlanRules {
        min_apts_per_year,
        notice_days,
        vote_threshold,
        minutes_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(title: &str, start: &str, end: &str, kind: &str) -> WheelTopicInput {
        WheelTopicInput {
            title: title.into(),
            month_start: start.into(),
            month_end: end.into(),
            kind: kind.into(),
            ..WheelTopicInput::default()
        }
    }

    #[test]
    fn a_topic_over_two_months_passes_and_one_month_needs_no_end() {
        let t =
            check_wheel_topic(&topic(" Info om löneöversyn ", "8", "9", "information")).unwrap();
        assert_eq!(
            (t.title.as_str(), t.month_start, t.month_end),
            ("Info om löneöversyn", 8, 9)
        );
        assert!(!t.send_with_notice);
        assert_eq!(t.osa_tip, None);
        let t = check_wheel_topic(&topic("Dialog", "3", "", "dialogue")).unwrap();
        assert_eq!(t.month_end, 3);
    }

    #[test]
    fn each_topic_problem_names_its_field() {
        let field = |i: WheelTopicInput| check_wheel_topic(&i).unwrap_err().field;
        assert_eq!(field(topic(" ", "3", "", "dialogue")), "title");
        assert_eq!(field(topic("A", "0", "", "dialogue")), "month_start");
        assert_eq!(field(topic("A", "5", "4", "dialogue")), "month_end");
        assert_eq!(field(topic("A", "5", "", "annat")), "kind");
        let long = WheelTopicInput {
            guidance: "x".repeat(5001),
            ..topic("A", "5", "", "dialogue")
        };
        assert_eq!(field(long), "guidance");
    }

    #[test]
    fn rule_parameters_stay_within_reason() {
        let rules = |min: &str, days: &str| {
            check_rules(&RulesInput {
                min_apts_per_year: min.into(),
                notice_days: days.into(),
                vote_threshold: String::new(),
                minutes_days: String::new(),
            })
        };
        assert_eq!(rules("10", "14").unwrap().min_apts_per_year, 10);
        assert_eq!(
            rules("10", "14").unwrap().vote_threshold,
            5,
            "five unless raised"
        );
        let raised = check_rules(&RulesInput {
            min_apts_per_year: "8".into(),
            notice_days: "7".into(),
            vote_threshold: "8".into(),
            minutes_days: "21".into(),
        });
        let raised = raised.unwrap();
        assert_eq!((raised.vote_threshold, raised.minutes_days), (8, 21));
        assert_eq!(rules("8", "7").unwrap().minutes_days, 14, "14 unless said");
        let lowered = check_rules(&RulesInput {
            min_apts_per_year: "8".into(),
            notice_days: "7".into(),
            vote_threshold: "3".into(),
            minutes_days: "91".into(),
        });
        assert_eq!(lowered.unwrap_err().field, "vote_threshold");
        assert_eq!(rules("0", "7").unwrap_err().field, "min_apts_per_year");
        assert_eq!(rules("8", "sju").unwrap_err().field, "notice_days");
        assert_eq!(rules("8", "61").unwrap_err().field, "notice_days");
    }

    #[test]
    fn a_point_needs_a_title() {
        assert_eq!(check_point_title("  ").unwrap_err().field, "title");
        assert_eq!(check_point_title(" OSA ").unwrap(), "OSA");
    }
}
