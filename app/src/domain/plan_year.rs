//! The years Årshjul plans for. One range for every plan, checklist, roll-up and pushed topic,
//! so a year that one page accepts is never refused by another.

use serde::{Deserialize, Serialize};

/// A year a plan, checklist or roll-up can be for: 2000 to 2100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlanYear(i32);

impl PlanYear {
    /// The first year.
    pub const FIRST: i32 = 2000;
    /// The last year.
    pub const LAST: i32 = 2100;
    /// What a form says beside a year out of range.
    pub const OUT_OF_RANGE: &'static str = "Välj ett år mellan 2000 och 2100.";

    /// The year, when it is in range.
    pub fn new(year: i32) -> Option<PlanYear> {
        (Self::FIRST..=Self::LAST)
            .contains(&year)
            .then_some(PlanYear(year))
    }

    /// A year typed into a form ("2027", spaces around allowed).
    pub fn parse(text: &str) -> Option<PlanYear> {
        text.trim().parse().ok().and_then(PlanYear::new)
    }

    /// The year as a number.
    pub fn get(self) -> i32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_2000_to_2100() {
        assert_eq!(PlanYear::new(2000).map(PlanYear::get), Some(2000));
        assert_eq!(PlanYear::new(2100).map(PlanYear::get), Some(2100));
        assert_eq!(PlanYear::new(1999), None);
        assert_eq!(PlanYear::new(2101), None);
    }

    #[test]
    fn a_typed_year_is_read_or_refused() {
        assert_eq!(PlanYear::parse(" 2027 ").map(PlanYear::get), Some(2027));
        assert_eq!(PlanYear::parse("tjugo"), None);
        assert_eq!(PlanYear::parse("99999999999"), None);
        assert_eq!(PlanYear::parse(""), None);
    }
}
