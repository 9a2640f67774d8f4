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

/// One check's votes as the person asking stands to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ballot {
    /// Whether voting is still open.
    pub open: bool,
    /// Votes cast.
    pub votes: u32,
    /// Whether the person asking cast one of them.
    pub voted: bool,
    /// The organisation's threshold (never under [`MIN_VOTE_THRESHOLD`]).
    pub threshold: u32,
}

impl Ballot {
    fn threshold(self) -> u32 {
        self.threshold.max(MIN_VOTE_THRESHOLD)
    }

    /// Whether the result may be shown to the person asking: only once voting is closed (a
    /// tally that moved with each vote would give each vote away to someone watching it), and
    /// only when the threshold is met by votes other than their own (knowing one's own vote,
    /// a tally of five tells four others').
    pub fn result_visible(self) -> bool {
        !self.open && self.votes.saturating_sub(u32::from(self.voted)) >= self.threshold()
    }

    /// How many have voted, as shown: exactly once voting is closed; while it is open only
    /// whether the threshold is reached, so counting between votes tells nobody who voted when.
    pub fn shown_votes(self) -> ShownVotes {
        if !self.open {
            ShownVotes::Exactly(self.votes)
        } else if self.votes < self.threshold() {
            ShownVotes::FewerThan(self.threshold())
        } else {
            ShownVotes::AtLeast(self.threshold())
        }
    }

    /// Whether voting may open again: not once it was closed over a result someone could see,
    /// since one more vote and a second closing would show that vote as the difference.
    pub fn may_reopen(self) -> bool {
        self.open || self.votes < self.threshold()
    }
}

/// How many have voted, as the page may say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShownVotes {
    /// The exact count (voting is closed).
    Exactly(u32),
    /// Fewer than this many (voting is open).
    FewerThan(u32),
    /// This many or more (voting is open).
    AtLeast(u32),
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

    fn ballot(open: bool, votes: u32, voted: bool, threshold: u32) -> Ballot {
        Ballot {
            open,
            votes,
            voted,
            threshold,
        }
    }

    #[test]
    fn a_result_shows_once_closed_from_the_fifth_vote_of_others() {
        assert!(
            !ballot(true, 12, false, 5).result_visible(),
            "never while open"
        );
        assert!(!ballot(false, 4, false, 5).result_visible());
        assert!(ballot(false, 5, false, 5).result_visible());
        assert!(
            !ballot(false, 5, true, 5).result_visible(),
            "one's own vote does not count"
        );
        assert!(ballot(false, 6, true, 5).result_visible());
        assert!(
            !ballot(false, 4, false, 2).result_visible(),
            "never under five"
        );
        assert!(
            !ballot(false, 7, false, 8).result_visible(),
            "an organisation may ask for more"
        );
        assert!(ballot(false, 8, false, 8).result_visible());
    }

    #[test]
    fn while_open_the_count_says_only_which_side_of_the_threshold() {
        let shown = |votes| ballot(true, votes, false, 5).shown_votes();
        assert_eq!(shown(0), ShownVotes::FewerThan(5));
        assert_eq!(shown(4), ShownVotes::FewerThan(5));
        assert_eq!(shown(5), ShownVotes::AtLeast(5));
        assert_eq!(
            shown(9),
            shown(10),
            "a vote between two looks changes nothing"
        );
        assert_eq!(
            ballot(false, 9, true, 5).shown_votes(),
            ShownVotes::Exactly(9)
        );
    }

    #[test]
    fn voting_closed_over_a_visible_result_stays_closed() {
        assert!(ballot(false, 3, false, 5).may_reopen());
        assert!(!ballot(false, 5, false, 5).may_reopen());
        assert!(
            ballot(true, 5, false, 5).may_reopen(),
            "an open vote may be re-opened"
        );
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
