//! What every form's input shares: a problem named by its field, and the ids and directions a
//! form posts as text (a choice in a list, an up or down button).

/// What is wrong with the input, and in which field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The form field (`date`, `start`, `title`, …).
    pub field: &'static str,
    /// A Swedish sentence saying what to change.
    pub message: String,
}

/// A problem beside `field`: the one constructor every check uses.
pub fn problem(field: &'static str, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field,
        message: message.into(),
    }
}

/// What a list's choice that is not one of its options says.
pub const NOT_AN_OPTION: &str = "Välj ett av alternativen i listan.";

/// An id chosen in a form's list; empty means none, anything else not a number is refused
/// beside `field`.
pub fn optional_id(text: &str, field: &'static str) -> Result<Option<i64>, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| problem(field, NOT_AN_OPTION))
}

/// An id that must be chosen; empty or not a number is refused with `message` beside `field`.
pub fn required_id(text: &str, field: &'static str, message: &str) -> Result<i64, FieldProblem> {
    text.trim().parse().map_err(|_| problem(field, message))
}

/// Which way a move button moves an item in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
}

impl Direction {
    /// The button's posted value, `up` or `down`; anything else is no button of ours.
    pub fn parse(text: &str) -> Option<Direction> {
        match text {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_choice_is_none_and_text_is_refused_beside_its_field() {
        assert_eq!(optional_id(" ", "meeting_id"), Ok(None));
        assert_eq!(optional_id(" 42 ", "meeting_id"), Ok(Some(42)));
        let refused = optional_id("fyra", "meeting_id").unwrap_err();
        assert_eq!(refused.field, "meeting_id");
        assert_eq!(refused.message, NOT_AN_OPTION);
    }

    #[test]
    fn a_required_choice_says_what_to_choose() {
        assert_eq!(required_id("7", "section", "Välj ett avsnitt."), Ok(7));
        let refused = required_id("", "section", "Välj ett avsnitt.").unwrap_err();
        assert_eq!(refused.message, "Välj ett avsnitt.");
    }

    #[test]
    fn only_up_and_down_are_directions() {
        assert_eq!(Direction::parse("up"), Some(Direction::Up));
        assert_eq!(Direction::parse("down"), Some(Direction::Down));
        assert_eq!(Direction::parse("UP"), None);
    }
}
