//! The workload check (OSA) at an APT: the methods the seed's OSA tips describe (traffic light;
//! 1–5 workload against 1–5 control), what a vote must be, and when a result may be shown
//! without revealing how anyone voted.

use serde::{Deserialize, Serialize};

use super::form_input::problem;
use super::form_input::FieldProblem;

/// The fewest votes a result is ever shown for; an organisation may ask for more.
pub const MIN_VOTE_THRESHOLD: u32 = 5;

/// How the room reports its workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkloadMethod {
    /// Red, yellow or green.
    TrafficLight,
    /// Workload 1–5 against control 1–5.
    Quadrant,
}

impl WorkloadMethod {
    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            WorkloadMethod::TrafficLight => "traffic_light",
            WorkloadMethod::Quadrant => "quadrant",
        }
    }

    /// Parses a code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<WorkloadMethod> {
        match code {
            "traffic_light" => Some(WorkloadMethod::TrafficLight),
            "quadrant" => Some(WorkloadMethod::Quadrant),
            _ => None,
        }
    }
}

/// True when a result of `votes` may be shown under the organisation's `threshold`.
pub fn result_visible(votes: u32, threshold: u32) -> bool {
    votes >= threshold.max(MIN_VOTE_THRESHOLD)
}

/// The choice a vote counts as: `red`/`yellow`/`green`, or `q<load><control>` for the quadrant.
pub fn vote_choice(
    method: WorkloadMethod,
    light: Option<&str>,
    load: Option<&str>,
    control: Option<&str>,
) -> Result<String, FieldProblem> {
    match method {
        WorkloadMethod::TrafficLight => match light.map(str::trim) {
            Some(c @ ("red" | "yellow" | "green")) => Ok(c.to_string()),
            _ => Err(problem("light", "Välj rött, gult eller grönt.")),
        },
        WorkloadMethod::Quadrant => {
            let scale = |v: Option<&str>, field: &'static str, message: &str| {
                v.and_then(|v| v.trim().parse::<u8>().ok())
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(|| problem(field, message))
            };
            let load = scale(load, "load", "Välj hur stor arbetsbelastningen är, 1–5.")?;
            let control = scale(control, "control", "Välj hur stor din kontroll är, 1–5.")?;
            Ok(format!("q{load}{control}"))
        }
    }
}

/// Counts and averages of a check's votes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkloadTally {
    /// Red votes.
    pub red: u32,
    /// Yellow votes.
    pub yellow: u32,
    /// Green votes.
    pub green: u32,
    /// Mean workload (1–5) of quadrant votes.
    pub load: Option<f64>,
    /// Mean control (1–5) of quadrant votes.
    pub control: Option<f64>,
    /// Quadrant votes with high workload (4–5) and low control (1–2): the strain to act on.
    pub strained: u32,
}

/// Sums the stored tallies (`choice`, `votes`).
pub fn tally(rows: &[(String, u32)]) -> WorkloadTally {
    let mut t = WorkloadTally::default();
    let (mut n, mut load_sum, mut control_sum) = (0u32, 0u32, 0u32);
    for (choice, votes) in rows {
        match choice.as_str() {
            "red" => t.red += votes,
            "yellow" => t.yellow += votes,
            "green" => t.green += votes,
            q => {
                let digits: Vec<u32> = q.chars().skip(1).filter_map(|c| c.to_digit(10)).collect();
                if let [load, control] = digits[..] {
                    n += votes;
                    load_sum += load * votes;
                    control_sum += control * votes;
                    if load >= 4 && control <= 2 {
                        t.strained += votes;
                    }
                }
            }
        }
    }
    if n > 0 {
        t.load = Some(f64::from(load_sum) / f64::from(n));
        t.control = Some(f64::from(control_sum) / f64::from(n));
    }
    t
}

/// Checks a count the chef records (0–500, empty as none).
pub fn check_count(text: &str, field: &'static str) -> Result<Option<u32>, FieldProblem> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= 500)
            .map(Some)
            .ok_or_else(|| problem(field, "Ange ett antal mellan 0 och 500.")),
    }
}

/// Checks the organisation's threshold for showing results (5–100).
pub fn check_threshold(text: &str) -> Result<u32, FieldProblem> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (MIN_VOTE_THRESHOLD..=100).contains(n))
        .ok_or_else(|| {
            problem(
                "vote_threshold",
                "Ange ett antal mellan 5 och 100. Under fem röster kan svaren spåras.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_shows_from_the_fifth_vote_never_earlier() {
        assert!(!result_visible(4, 5));
        assert!(result_visible(5, 5));
        assert!(!result_visible(4, 2), "the threshold never goes under five");
        assert!(!result_visible(7, 8), "an organisation may ask for more");
        assert!(result_visible(8, 8));
    }

    #[test]
    fn votes_are_checked_by_method() {
        let m = WorkloadMethod::TrafficLight;
        assert_eq!(vote_choice(m, Some("red"), None, None).unwrap(), "red");
        assert_eq!(
            vote_choice(m, Some("blue"), None, None).unwrap_err().field,
            "light"
        );
        assert_eq!(vote_choice(m, None, None, None).unwrap_err().field, "light");
        let q = WorkloadMethod::Quadrant;
        assert_eq!(vote_choice(q, None, Some("4"), Some("2")).unwrap(), "q42");
        assert_eq!(
            vote_choice(q, None, Some("6"), Some("2"))
                .unwrap_err()
                .field,
            "load"
        );
        assert_eq!(
            vote_choice(q, None, Some("3"), None).unwrap_err().field,
            "control"
        );
    }

    #[test]
    fn tallies_sum_lights_and_average_the_quadrant() {
        let rows = vec![
            ("red".to_string(), 2),
            ("green".to_string(), 3),
            ("q42".to_string(), 1),
            ("q24".to_string(), 1),
        ];
        let t = tally(&rows);
        assert_eq!((t.red, t.yellow, t.green), (2, 0, 3));
        assert_eq!(t.load, Some(3.0));
        assert_eq!(t.control, Some(3.0));
        assert_eq!(t.strained, 1);
    }

    #[test]
    fn counts_and_thresholds_are_checked() {
        assert_eq!(check_count(" ", "red").unwrap(), None);
        assert_eq!(check_count("3", "red").unwrap(), Some(3));
        assert_eq!(check_count("-1", "red").unwrap_err().field, "red");
        assert_eq!(check_threshold("5").unwrap(), 5);
        assert_eq!(check_threshold("4").unwrap_err().field, "vote_threshold");
    }
}
