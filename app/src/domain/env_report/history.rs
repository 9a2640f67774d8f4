//! Sick leave over the years (seed 004 asks for it by sex, and a node beside the level above):
//! the rolled-up percent of the last five years, for the report's charts and the table that
//! stands as their text alternative.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::figures::{FigureDef, FigureKind};
use super::rollup::{roll_up, Tally};
use super::values::show_value;

/// How many years the charts show, the report's year the last.
pub const HISTORY_YEARS: i32 = 5;

/// The figures drawn: total sick leave, women's and men's, with their labels.
pub const SICK_SERIES: [(&str, &str); 3] = [
    ("sick_total", "Totalt"),
    ("sick_women", "Kvinnor"),
    ("sick_men", "Män"),
];

/// One line of the charts: a label and a percent (in hundredths) per year, `None` where the
/// year has none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// "Kvinnor", or the level above's name.
    pub label: String,
    /// Per year of [`SickHistory::years`].
    pub values: Vec<Option<i64>>,
}

/// A node's sick leave over the years, with the level above's total beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SickHistory {
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// Total, women, men.
    pub by_sex: Vec<Series>,
    /// The level above's total, under its name, when there is a level above.
    pub above: Option<Series>,
}

impl SickHistory {
    /// Whether any year has any value (nothing to draw otherwise).
    pub fn is_empty(&self) -> bool {
        self.by_sex
            .iter()
            .chain(self.above.iter())
            .all(|s| s.values.iter().all(Option::is_none))
    }

    /// The node's total, for the chart beside the level above.
    pub fn total(&self) -> Option<&Series> {
        self.by_sex.first()
    }
}

/// A percent in hundredths as the report's tables show it ("7,7"); empty for none.
pub fn percent_text(value: Option<i64>) -> String {
    let kind = FigureKind::Percent {
        basis: String::new(),
    };
    value.map_or_else(String::new, |v| show_value(v, &kind))
}

/// A node's tallies per year and figure code, rolled up over its subtree.
pub type TalliesByYear = HashMap<i32, HashMap<String, Tally>>;

/// The years the charts of `year` show.
pub fn history_years(year: i32) -> Vec<i32> {
    (year - HISTORY_YEARS + 1..=year).collect()
}

/// The node's sick leave per year from its tallies per year (`node`), and the level above's
/// total from its (`above`, with its name).
pub fn sick_history(
    template: &[FigureDef],
    year: i32,
    node: &TalliesByYear,
    above: Option<(&str, &TalliesByYear)>,
) -> SickHistory {
    let years = history_years(year);
    let empty = HashMap::new();
    let rolled = |tallies: &TalliesByYear| {
        years
            .iter()
            .map(|y| roll_up(template, tallies.get(y).unwrap_or(&empty)))
            .collect::<Vec<_>>()
    };
    let series =
        |rolled: &[HashMap<String, super::rollup::Rolled>], code: &str, label: &str| Series {
            label: label.to_string(),
            values: rolled
                .iter()
                .map(|r| r.get(code).and_then(|v| v.value))
                .collect(),
        };
    let own = rolled(node);
    SickHistory {
        by_sex: SICK_SERIES
            .iter()
            .map(|(code, label)| series(&own, code, label))
            .collect(),
        above: above.map(|(name, tallies)| series(&rolled(tallies), SICK_SERIES[0].0, name)),
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::env_report::default_figures;

    fn percent(value: i64, basis: i64) -> Tally {
        Tally {
            nodes: 1,
            sum: value,
            weighted: value * basis,
            weight: basis,
            unweighted: 0,
        }
    }

    #[test]
    fn five_years_by_sex_and_beside_the_level_above() {
        let template = default_figures();
        let mut node = HashMap::new();
        node.insert(
            2025,
            HashMap::from([
                ("sick_total".to_string(), percent(770, 1000)),
                ("sick_women".to_string(), percent(810, 600)),
            ]),
        );
        node.insert(
            2023,
            HashMap::from([("sick_total".to_string(), percent(650, 1000))]),
        );
        let mut above = HashMap::new();
        above.insert(
            2025,
            HashMap::from([("sick_total".to_string(), percent(700, 9000))]),
        );
        let h = sick_history(&template, 2025, &node, Some(("Avdelningen", &above)));
        assert_eq!(h.years, [2021, 2022, 2023, 2024, 2025]);
        assert_eq!(h.by_sex[0].values, [None, None, Some(650), None, Some(770)]);
        assert_eq!(h.by_sex[1].label, "Kvinnor");
        assert_eq!(h.by_sex[1].values[4], Some(810));
        assert_eq!(h.by_sex[2].values, [None; 5]);
        let above = h.above.as_ref().unwrap();
        assert_eq!(
            (above.label.as_str(), above.values[4]),
            ("Avdelningen", Some(700))
        );
        assert!(!h.is_empty());
        assert_eq!(
            (percent_text(Some(770)), percent_text(None)),
            ("7,7".to_string(), String::new())
        );
        let nothing = sick_history(&template, 2025, &HashMap::new(), None);
        assert!(nothing.is_empty() && nothing.above.is_none());
    }
}
