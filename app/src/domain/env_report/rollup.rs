//! How a node's figures and answers are rolled up from the nodes below it: counts and hours
//! add up; a percent is the average weighted by its basis (Σ percent × basis / Σ basis, the
//! sick leave by the hours worked), never the plain mean of the nodes' percents; a sum is
//! computed from its parts; the yes/no/partly answers are counted, with the nodes that answered
//! Nej or Delvis named. Also what Årshjul suggests for a question it knows the facts of.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::figures::{FigureDef, FigureKind};
use super::sections::YesNo;

/// One figure's values over a part of the tree, as the database adds them up in one query:
/// how many nodes have a value, their sum, and for a percent its weighted sum and weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Nodes with a value.
    pub nodes: i64,
    /// The values' sum, in hundredths.
    pub sum: i64,
    /// Σ value × basis over the nodes with a basis (hundredths × whole basis units).
    pub weighted: i64,
    /// Σ basis over the nodes with a basis, in whole units.
    pub weight: i64,
    /// Nodes with a value but no basis, which a weighted percent leaves out.
    pub unweighted: i64,
}

/// A figure's rolled-up value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rolled {
    /// The value in hundredths; `None` when no node below has one (or, for a percent of
    /// several nodes, none has its basis).
    pub value: Option<i64>,
    /// Nodes whose percent is left out for want of its basis.
    pub left_out: i64,
}

/// The value of one figure from its tally. A percent of a single node is that node's percent
/// (a unit may give it without its hours); of several, the weighted average over those with a
/// basis.
pub fn rolled(kind: &FigureKind, tally: &Tally) -> Rolled {
    if tally.nodes == 0 {
        return Rolled::default();
    }
    match kind {
        FigureKind::Percent { .. } => {
            if tally.nodes == 1 && tally.weight == 0 {
                return Rolled {
                    value: Some(tally.sum),
                    left_out: 0,
                };
            }
            if tally.weight <= 0 {
                return Rolled {
                    value: None,
                    left_out: tally.unweighted,
                };
            }
            let value = (i128::from(tally.weighted) * 2 + i128::from(tally.weight))
                / (i128::from(tally.weight) * 2);
            Rolled {
                value: i64::try_from(value).ok(),
                left_out: tally.unweighted,
            }
        }
        _ => Rolled {
            value: Some(tally.sum),
            left_out: 0,
        },
    }
}

/// Every figure of the template from the tallies the database returned (by figure code), sums
/// computed from their parts. A figure without a tally has no value.
pub fn roll_up(figures: &[FigureDef], tallies: &HashMap<String, Tally>) -> HashMap<String, Rolled> {
    let mut values: HashMap<String, Rolled> = figures
        .iter()
        .filter(|f| f.kind.entered())
        .map(|f| {
            let tally = tallies.get(&f.code).copied().unwrap_or_default();
            (f.code.clone(), rolled(&f.kind, &tally))
        })
        .collect();
    for figure in figures {
        if let FigureKind::Sum { of } = &figure.kind {
            let parts: Vec<i64> = of
                .iter()
                .filter_map(|p| values.get(p).and_then(|r| r.value))
                .collect();
            let value = (!parts.is_empty()).then(|| parts.iter().sum());
            values.insert(figure.code.clone(), Rolled { value, left_out: 0 });
        }
    }
    values
}

/// The answers of the nodes below to one question, as the higher report shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerTally {
    /// How many answered Ja.
    pub yes: u32,
    /// How many answered Nej.
    pub no: u32,
    /// How many answered Delvis.
    pub partly: u32,
    /// How many have not answered (or not reported).
    pub unanswered: u32,
    /// Who answered Nej or Delvis, by name, in the order given.
    pub not_yes: Vec<(String, YesNo)>,
}

/// Counts the answers of the nodes below (`(name, answer)`), naming who answered Nej or Delvis.
pub fn tally_answers(answers: &[(String, Option<YesNo>)]) -> AnswerTally {
    let mut tally = AnswerTally::default();
    for (name, answer) in answers {
        match answer {
            Some(YesNo::Yes) => tally.yes += 1,
            Some(a @ (YesNo::No | YesNo::Partly)) => {
                if *a == YesNo::No {
                    tally.no += 1;
                } else {
                    tally.partly += 1;
                }
                tally.not_yes.push((name.clone(), *a));
            }
            None => tally.unanswered += 1,
        }
    }
    tally
}

/// What Årshjul suggests for a question it counts the facts of (rounds done of those due,
/// checklists done with the safety representative of those done): Ja when all, Nej when none,
/// Delvis between; nothing when there was nothing to do.
pub fn suggest(done: u32, of: u32) -> Option<YesNo> {
    match (done, of) {
        (_, 0) => None,
        (d, o) if d >= o => Some(YesNo::Yes),
        (0, _) => Some(YesNo::No),
        _ => Some(YesNo::Partly),
    }
}
