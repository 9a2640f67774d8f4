//! A cooperation meeting's agenda as seed 002 writes it: numbered items with lettered sub-items,
//! each of a kind ("a) Information: Uppföljning av företagshälsovård"), and what members send in
//! before the meeting ("Anmäld fråga från DIK: Sociala medier").

use serde::{Deserialize, Serialize};

use super::MAX_GROUP_TEXT;
use crate::domain::form_input::{problem, FieldProblem, NOT_AN_OPTION};

/// The longest text a member sends in.
pub const MAX_SUBMISSION_TEXT: usize = 4000;

/// What kind of matter a sub-item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CoopItemKind {
    /// The employer informs.
    Information,
    /// A negotiation (MBL förhandling).
    Negotiation,
    /// A decision.
    Decision,
    /// A discussion.
    Discussion,
}

impl CoopItemKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [CoopItemKind; 4] = [
        CoopItemKind::Information,
        CoopItemKind::Negotiation,
        CoopItemKind::Decision,
        CoopItemKind::Discussion,
    ];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            CoopItemKind::Information => "information",
            CoopItemKind::Negotiation => "negotiation",
            CoopItemKind::Decision => "decision",
            CoopItemKind::Discussion => "discussion",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<CoopItemKind> {
        CoopItemKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The word the protocol writes before the title.
    pub fn label(self) -> &'static str {
        match self {
            CoopItemKind::Information => "Information",
            CoopItemKind::Negotiation => "Förhandling",
            CoopItemKind::Decision => "Beslut",
            CoopItemKind::Discussion => "Diskussion",
        }
    }
}

/// What a member sends in before the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SubmissionKind {
    /// A question for the employer.
    Question,
    /// A comment (synpunkt).
    Comment,
}

impl SubmissionKind {
    /// Both kinds.
    pub const ALL: [SubmissionKind; 2] = [SubmissionKind::Question, SubmissionKind::Comment];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            SubmissionKind::Question => "question",
            SubmissionKind::Comment => "comment",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<SubmissionKind> {
        SubmissionKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind's Swedish name.
    pub fn label(self) -> &'static str {
        match self {
            SubmissionKind::Question => "Fråga",
            SubmissionKind::Comment => "Synpunkt",
        }
    }
}

/// Checks a sub-item's title and kind.
pub fn check_sub_item(title: &str, kind: &str) -> Result<(String, CoopItemKind), FieldProblem> {
    let kind =
        CoopItemKind::from_code(kind.trim()).ok_or_else(|| problem("kind", NOT_AN_OPTION))?;
    let title = bounded(
        title,
        "title",
        "Skriv underpunktens rubrik.",
        MAX_GROUP_TEXT,
    )?;
    Ok((title, kind))
}

/// Checks what a member sends in: its kind, a short title and the text.
pub fn check_submission(
    kind: &str,
    title: &str,
    body: &str,
) -> Result<(SubmissionKind, String, String), FieldProblem> {
    let kind =
        SubmissionKind::from_code(kind.trim()).ok_or_else(|| problem("kind", NOT_AN_OPTION))?;
    let title = bounded(
        title,
        "title",
        "Skriv vad frågan eller synpunkten gäller, till exempel Sociala medier.",
        MAX_GROUP_TEXT,
    )?;
    let body = body.trim();
    if body.chars().count() > MAX_SUBMISSION_TEXT {
        return Err(problem(
            "body",
            format!("Texten får vara högst {MAX_SUBMISSION_TEXT} tecken."),
        ));
    }
    Ok((kind, title, body.to_string()))
}

fn bounded(
    text: &str,
    field: &'static str,
    missing: &str,
    max: usize,
) -> Result<String, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(field, missing));
    }
    if text.chars().count() > max {
        return Err(problem(field, format!("Högst {max} tecken.")));
    }
    Ok(text.to_string())
}

/// The sub-item a placed submission becomes, in seed 002's words: "Anmäld fråga från DIK:
/// Sociala medier", or "Synpunkt från Akademikerförbundet SSR: …"; the sender's name when they
/// represent no union.
pub fn placed_title(kind: SubmissionKind, from: &str, title: &str) -> String {
    match kind {
        SubmissionKind::Question => format!("Anmäld fråga från {from}: {title}"),
        SubmissionKind::Comment => format!("Synpunkt från {from}: {title}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_item_has_a_title_and_one_of_the_four_kinds() {
        assert_eq!(
            check_sub_item(" Tertialrapport 1 ", "information").unwrap(),
            ("Tertialrapport 1".to_string(), CoopItemKind::Information)
        );
        assert_eq!(check_sub_item("", "decision").unwrap_err().field, "title");
        assert_eq!(check_sub_item("X", "vote").unwrap_err().field, "kind");
        assert_eq!(CoopItemKind::Negotiation.label(), "Förhandling");
    }

    #[test]
    fn a_submission_names_its_matter_and_keeps_its_text_bounded() {
        let (kind, title, body) =
            check_submission("question", "Sociala medier", " Vem beslutar? ").unwrap();
        assert_eq!(kind, SubmissionKind::Question);
        assert_eq!(
            (title.as_str(), body.as_str()),
            ("Sociala medier", "Vem beslutar?")
        );
        assert_eq!(
            check_submission("question", " ", "").unwrap_err().field,
            "title"
        );
        assert_eq!(check_submission("x", "T", "").unwrap_err().field, "kind");
        let long = "a".repeat(MAX_SUBMISSION_TEXT + 1);
        assert_eq!(
            check_submission("comment", "T", &long).unwrap_err().field,
            "body"
        );
    }

    #[test]
    fn a_placed_submission_reads_as_the_seed_writes_it() {
        assert_eq!(
            placed_title(SubmissionKind::Question, "DIK", "Sociala medier"),
            "Anmäld fråga från DIK: Sociala medier"
        );
        assert_eq!(
            placed_title(
                SubmissionKind::Comment,
                "Akademikerförbundet SSR",
                "Förebyggande stöd"
            ),
            "Synpunkt från Akademikerförbundet SSR: Förebyggande stöd"
        );
    }
}
