//! The rules of an agenda: what an item must hold, what it is for (its type), and whether the
//! planned minutes fit in the meeting.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::form_input::problem;
use super::form_input::FieldProblem;

/// What an agenda item is for, which tells the room how to take part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// The chef (or a guest) informs.
    Information,
    /// Everyone talks it through.
    Dialogue,
    /// Something is decided.
    Decision,
    /// Earlier actions or results are followed up.
    FollowUp,
}

impl ItemKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Information,
        ItemKind::Dialogue,
        ItemKind::Decision,
        ItemKind::FollowUp,
    ];

    /// The code stored in the database and posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Information => "information",
            ItemKind::Dialogue => "dialogue",
            ItemKind::Decision => "decision",
            ItemKind::FollowUp => "follow_up",
        }
    }

    /// Parses a code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The longest an item may be planned for: a whole working day.
pub const MAX_ITEM_MINUTES: u32 = 480;

/// An agenda item's fields as typed (posted as `item[title]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemInput {
    /// What the item is called on the agenda.
    pub title: String,
    /// Text shown under the title (optional).
    pub description: String,
    /// Who leads the item (optional).
    pub presenter: String,
    /// Planned minutes, 0–480 (empty means 0).
    pub minutes: String,
    /// One of the `ItemKind` codes.
    pub kind: String,
}

/// An agenda item that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedAgendaItem {
    /// Title, trimmed.
    pub title: String,
    /// Description, trimmed.
    pub description: String,
    /// Presenter, trimmed.
    pub presenter: String,
    /// Planned minutes.
    pub minutes: u32,
    /// The item's type.
    pub kind: ItemKind,
}

/// The most proposals one person may have waiting in a unit for the chef's decision: enough for
/// anything a workplace meeting should hear, not a flood of the chef's list.
pub const MAX_OPEN_PROPOSALS: i64 = 10;

/// What the proposer is told when they have [`MAX_OPEN_PROPOSALS`] waiting.
pub fn too_many_proposals() -> String {
    format!(
        "Du har redan {MAX_OPEN_PROPOSALS} förslag som chefen inte har tagit ställning till. \
         Vänta tills några av dem är behandlade, eller samla flera frågor i ett förslag."
    )
}

/// A title of at most 200 characters, trimmed; a problem is reported on `field`.
pub fn check_title(title: &str, field: &'static str) -> Result<String, FieldProblem> {
    let title = title.trim();
    if title.is_empty() {
        return Err(problem(field, "Skriv en rubrik."));
    }
    if title.chars().count() > 200 {
        return Err(problem(field, "Rubriken får vara högst 200 tecken."));
    }
    Ok(title.to_string())
}

/// A free text of at most `max` characters, trimmed.
pub fn check_text(text: &str, field: &'static str, max: usize) -> Result<String, FieldProblem> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(problem(
            field,
            format!("Texten får vara högst {max} tecken."),
        ));
    }
    Ok(text.to_string())
}

/// Checks an agenda item; the first problem found is returned.
pub fn check_agenda_item(input: &AgendaItemInput) -> Result<CheckedAgendaItem, FieldProblem> {
    let title = check_title(&input.title, "title")?;
    let description = check_text(&input.description, "description", 5000)?;
    let presenter = check_text(&input.presenter, "presenter", 120)?;
    let minutes_text = input.minutes.trim();
    let minutes = if minutes_text.is_empty() {
        0
    } else {
        minutes_text
            .parse::<u32>()
            .ok()
            .filter(|m| *m <= MAX_ITEM_MINUTES)
            .ok_or_else(|| {
                problem(
                    "minutes",
                    "Ange antal minuter som ett heltal mellan 0 och 480.",
                )
            })?
    };
    let kind = ItemKind::from_code(input.kind.trim())
        .ok_or_else(|| problem("kind", "Välj en typ av punkt."))?;
    Ok(CheckedAgendaItem {
        title,
        description,
        presenter,
        minutes,
        kind,
    })
}

/// The planned minutes of an agenda against the length of its meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaTiming {
    /// Sum of the items' planned minutes.
    pub total: u32,
    /// The meeting's length in minutes.
    pub length: u32,
}

impl AgendaTiming {
    /// Minutes the agenda needs beyond the meeting's end (0 when it fits).
    pub fn over_by(&self) -> u32 {
        self.total.saturating_sub(self.length)
    }
}

/// Sums the items' minutes and sets them against the meeting from `start` to `end`.
pub fn agenda_timing(
    item_minutes: impl IntoIterator<Item = u32>,
    start: NaiveTime,
    end: NaiveTime,
) -> AgendaTiming {
    let total = item_minutes
        .into_iter()
        .fold(0u32, |sum, m| sum.saturating_add(m));
    let length = u32::try_from((end - start).num_minutes().max(0)).unwrap_or(0);
    AgendaTiming { total, length }
}

/// Checks the reason a chef gives for declining a proposal: the proposer reads it, so it is needed.
pub fn check_decline_reason(reason: &str) -> Result<String, FieldProblem> {
    let reason = check_text(reason, "reason", 1000)?;
    if reason.is_empty() {
        return Err(problem(
            "reason",
            "Skriv varför förslaget inte tas upp. Förslagsställaren ser motiveringen.",
        ));
    }
    Ok(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, minutes: &str, kind: &str) -> AgendaItemInput {
        AgendaItemInput {
            title: title.into(),
            description: "  Läs bilagan före mötet.  ".into(),
            presenter: " Anna ".into(),
            minutes: minutes.into(),
            kind: kind.into(),
        }
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn a_complete_item_passes_trimmed() {
        let item = check_agenda_item(&input(" Budget ", "15", "decision")).unwrap();
        assert_eq!(item.title, "Budget");
        assert_eq!(item.description, "Läs bilagan före mötet.");
        assert_eq!(item.presenter, "Anna");
        assert_eq!(item.minutes, 15);
        assert_eq!(item.kind, ItemKind::Decision);
    }

    #[test]
    fn empty_minutes_mean_none_planned() {
        assert_eq!(
            check_agenda_item(&input("A", " ", "dialogue"))
                .unwrap()
                .minutes,
            0
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(
            check_agenda_item(&input("  ", "5", "dialogue"))
                .unwrap_err()
                .field,
            "title"
        );
        assert_eq!(
            check_agenda_item(&input("A", "-5", "dialogue"))
                .unwrap_err()
                .field,
            "minutes"
        );
        assert_eq!(
            check_agenda_item(&input("A", "481", "dialogue"))
                .unwrap_err()
                .field,
            "minutes"
        );
        assert_eq!(
            check_agenda_item(&input("A", "tio", "dialogue"))
                .unwrap_err()
                .field,
            "minutes"
        );
        assert_eq!(
            check_agenda_item(&input("A", "5", "fika"))
                .unwrap_err()
                .field,
            "kind"
        );
        let long = "x".repeat(201);
        assert_eq!(
            check_agenda_item(&input(&long, "5", "dialogue"))
                .unwrap_err()
                .field,
            "title"
        );
    }

    #[test]
    fn an_agenda_that_fits_is_not_over() {
        let timing = agenda_timing([10, 20, 30], time(13, 0), time(14, 0));
        assert_eq!(timing.total, 60);
        assert_eq!(timing.length, 60);
        assert_eq!(timing.over_by(), 0);
    }

    #[test]
    fn an_agenda_longer_than_the_meeting_says_by_how_much() {
        let timing = agenda_timing([45, 30], time(13, 0), time(14, 0));
        assert_eq!(timing.over_by(), 15);
    }

    #[test]
    fn a_decline_needs_a_reason() {
        assert_eq!(check_decline_reason("  ").unwrap_err().field, "reason");
        assert_eq!(
            check_decline_reason(" Tas upp i LSG ").unwrap(),
            "Tas upp i LSG"
        );
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in ItemKind::ALL {
            assert_eq!(ItemKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ItemKind::from_code("other"), None);
    }
}
