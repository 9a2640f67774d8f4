//! An action in the unit's action plan: what it must hold when it is written down at a meeting,
//! and the statuses it moves through.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agenda::check_title;
use super::form_input::FieldProblem;

/// Where an action stands (the seed's Pågående and Avslutad, and not started).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Written down, not begun.
    NotStarted,
    /// Being worked on ("Pågående").
    InProgress,
    /// Done ("Avslutad").
    Done,
}

impl ActionStatus {
    /// Every status, in the order it is passed through.
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    /// The code stored in the database and posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
        }
    }

    /// Parses a code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// An action as typed at the meeting (posted as `action[title]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionInput {
    /// What is to be done.
    pub title: String,
    /// The responsible person's id, from a select of the unit's members ("" for none yet).
    pub responsible: String,
    /// Due date, `YYYY-MM-DD` (optional).
    pub due: String,
}

/// An action that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedAction {
    /// Title, trimmed.
    pub title: String,
    /// The responsible person, when chosen.
    pub responsible: Option<i64>,
    /// Due date, when given.
    pub due: Option<NaiveDate>,
}

/// Checks the responsible person posted from a select of `members` ("" for none yet).
pub(crate) fn check_responsible(text: &str, members: &[i64]) -> Result<Option<i64>, FieldProblem> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .parse::<i64>()
            .ok()
            .filter(|id| members.contains(id))
            .map(Some)
            .ok_or_else(|| FieldProblem {
                field: "responsible",
                message: "Välj en ansvarig bland enhetens medlemmar.".into(),
            }),
    }
}

/// Checks an action; `members` are the ids a responsible person may be chosen from, and the due
/// date may not lie before `earliest` (the meeting's day).
pub fn check_action(
    input: &ActionInput,
    members: &[i64],
    earliest: NaiveDate,
) -> Result<CheckedAction, FieldProblem> {
    let title = check_title(&input.title, "title")?;
    let responsible = check_responsible(&input.responsible, members)?;
    let due = match input.due.trim() {
        "" => None,
        text => {
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| FieldProblem {
                field: "due",
                message: "Skriv datumet som ÅÅÅÅ-MM-DD.".into(),
            })?;
            if date < earliest {
                return Err(FieldProblem {
                    field: "due",
                    message: "Klart senast kan inte ligga före mötet.".into(),
                });
            }
            Some(date)
        }
    };
    Ok(CheckedAction {
        title,
        responsible,
        due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn input(title: &str, responsible: &str, due: &str) -> ActionInput {
        ActionInput {
            title: title.into(),
            responsible: responsible.into(),
            due: due.into(),
        }
    }

    #[test]
    fn a_complete_action_passes() {
        let action = check_action(
            &input(" Byt lysrör ", "7", "2026-04-01"),
            &[7, 8],
            day(3, 10),
        )
        .unwrap();
        assert_eq!(action.title, "Byt lysrör");
        assert_eq!(action.responsible, Some(7));
        assert_eq!(action.due, Some(day(4, 1)));
    }

    #[test]
    fn responsible_and_due_date_are_optional() {
        let action = check_action(&input("Byt lysrör", "", ""), &[], day(3, 10)).unwrap();
        assert_eq!((action.responsible, action.due), (None, None));
    }

    #[test]
    fn the_responsible_must_be_a_member() {
        let problem = check_action(&input("A", "9", ""), &[7], day(3, 10)).unwrap_err();
        assert_eq!(problem.field, "responsible");
    }

    #[test]
    fn a_due_date_before_the_meeting_or_malformed_is_refused() {
        assert_eq!(
            check_action(&input("A", "", "2026-03-09"), &[], day(3, 10))
                .unwrap_err()
                .field,
            "due"
        );
        assert_eq!(
            check_action(&input("A", "", "9 mars"), &[], day(3, 10))
                .unwrap_err()
                .field,
            "due"
        );
        assert!(check_action(&input("A", "", "2026-03-10"), &[], day(3, 10)).is_ok());
    }

    #[test]
    fn statuses_round_trip() {
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(ActionStatus::from_code("klar"), None);
    }
}
