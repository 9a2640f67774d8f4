//! The rules of follow-up checklists (the annual SAM follow-up, work environment rounds, Aktiva
//! åtgärder): the answer scales the seed uses, word for word; which answers ask for an action;
//! how far a unit has come; that the safety representative takes part in the SAM follow-up; and
//! that a template in use is never changed under a unit (an edit makes the next version).

use serde::{Deserialize, Serialize};

/// An answer scale of a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerScale {
    /// "Instämmer helt / Instämmer delvis / Instämmer inte", with "Vet ej" and "Ej relevant".
    Agreement,
    /// "Ja / Delvis / Nej".
    YesNo,
}

impl AnswerScale {
    /// The code stored with a question.
    pub fn code(self) -> &'static str {
        match self {
            AnswerScale::Agreement => "agreement",
            AnswerScale::YesNo => "yes_no",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<AnswerScale> {
        match code {
            "agreement" => Some(AnswerScale::Agreement),
            "yes_no" => Some(AnswerScale::YesNo),
            _ => None,
        }
    }

    /// The answers of the scale, in the order a form offers them.
    pub fn answers(self) -> &'static [Answer] {
        match self {
            AnswerScale::Agreement => &[
                Answer::FullyAgree,
                Answer::PartlyAgree,
                Answer::Disagree,
                Answer::DontKnow,
                Answer::NotRelevant,
            ],
            AnswerScale::YesNo => &[Answer::Yes, Answer::Partly, Answer::No],
        }
    }
}

/// One answer to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// "Instämmer helt".
    FullyAgree,
    /// "Instämmer delvis".
    PartlyAgree,
    /// "Instämmer inte".
    Disagree,
    /// "Vet ej".
    DontKnow,
    /// "Ej relevant".
    NotRelevant,
    /// "Ja".
    Yes,
    /// "Delvis".
    Partly,
    /// "Nej".
    No,
}

impl Answer {
    /// Every answer of every scale.
    pub const ALL: [Answer; 8] = [
        Answer::FullyAgree,
        Answer::PartlyAgree,
        Answer::Disagree,
        Answer::DontKnow,
        Answer::NotRelevant,
        Answer::Yes,
        Answer::Partly,
        Answer::No,
    ];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            Answer::FullyAgree => "fully_agree",
            Answer::PartlyAgree => "partly_agree",
            Answer::Disagree => "disagree",
            Answer::DontKnow => "dont_know",
            Answer::NotRelevant => "not_relevant",
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The words of the seed's checklists.
    pub fn label(self) -> &'static str {
        match self {
            Answer::FullyAgree => "Instämmer helt",
            Answer::PartlyAgree => "Instämmer delvis",
            Answer::Disagree => "Instämmer inte",
            Answer::DontKnow => "Vet ej",
            Answer::NotRelevant => "Ej relevant",
            Answer::Yes => "Ja",
            Answer::Partly => "Delvis",
            Answer::No => "Nej",
        }
    }

    /// The scale the answer belongs to.
    pub fn scale(self) -> AnswerScale {
        match self {
            Answer::Yes | Answer::Partly | Answer::No => AnswerScale::YesNo,
            _ => AnswerScale::Agreement,
        }
    }

    /// Whether the answer asks for an action: anything short of full agreement ("Vet ej" too:
    /// not knowing is a gap to close), except "Ej relevant".
    pub fn needs_action(self) -> bool {
        !matches!(self, Answer::FullyAgree | Answer::Yes | Answer::NotRelevant)
    }
}

/// Checks that `answer` belongs to the question's scale.
pub fn check_answer(scale: AnswerScale, code: &str) -> Result<Answer, String> {
    match Answer::from_code(code) {
        Some(answer) if answer.scale() == scale => Ok(answer),
        _ => Err(format!(
            "Välj ett av svaren: {}.",
            scale
                .answers()
                .iter()
                .map(|a| a.label())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// How far a checklist has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Questions answered.
    pub answered: u32,
    /// Questions in all.
    pub total: u32,
}

impl Progress {
    /// Whole percent answered (0 for an empty checklist).
    pub fn percent(self) -> u32 {
        (self.answered.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(0)
    }

    /// Every question answered.
    pub fn complete(self) -> bool {
        self.total > 0 && self.answered >= self.total
    }
}

/// Whether an action's effect was what it was meant to be, asked when it is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// "Ja".
    Yes,
    /// "Delvis".
    Partly,
    /// "Nej".
    No,
}

impl Effect {
    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            Effect::Yes => "yes",
            Effect::Partly => "partly",
            Effect::No => "no",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Effect> {
        [Effect::Yes, Effect::Partly, Effect::No]
            .into_iter()
            .find(|e| e.code() == code)
    }
}

/// What closing an action with its effect leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterEffect {
    /// Closed for good.
    Closed,
    /// No effect: the action is open again ("pågående"), so the work goes on.
    Reopened,
}

/// The rule of the effect check: "nej" reopens the action, anything else closes it.
pub fn after_effect(effect: Effect) -> AfterEffect {
    match effect {
        Effect::No => AfterEffect::Reopened,
        Effect::Yes | Effect::Partly => AfterEffect::Closed,
    }
}

/// What an edit of a checklist template does: in place while no unit has used the version, else
/// a new version (units keep answering the one they opened).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateEdit {
    /// Change the version itself.
    InPlace,
    /// Make this version number and change that.
    NewVersion(u32),
}

/// Decides how a template edit is stored.
pub fn template_edit(version: u32, used_by_units: u32) -> TemplateEdit {
    if used_by_units == 0 {
        TemplateEdit::InPlace
    } else {
        TemplateEdit::NewVersion(version + 1)
    }
}

/// The warning when the safety representative is not among those who took part in a checklist
/// that needs them (the annual SAM follow-up); `None` when all is well.
pub fn safety_representative_warning(
    needs_safety_representative: bool,
    participants_include_one: bool,
) -> Option<&'static str> {
    (needs_safety_representative && !participants_include_one).then_some(
        "Skyddsombudet ska delta i den årliga uppföljningen av arbetsmiljöarbetet. Lägg till \
         skyddsombudet bland deltagarna.",
    )
}

/// The headings of a node's own analysis of a rolled-up checklist, word for word as the issue
/// gives seed 002's ("Analys till rapport"): what to improve, what worked, and how last year's
/// activities from the follow-up went.
pub const ANALYSIS_HEADINGS: [&str; 3] = [
    "Förbättringsområden – analys av utfall",
    "Framgångsfaktorer – analys av utfall",
    "Föregående års aktiviteter från årlig uppföljning – analys av utfall",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_offer_the_seed_words_in_order() {
        let words: Vec<_> = AnswerScale::Agreement
            .answers()
            .iter()
            .map(|a| a.label())
            .collect();
        assert_eq!(
            words,
            [
                "Instämmer helt",
                "Instämmer delvis",
                "Instämmer inte",
                "Vet ej",
                "Ej relevant"
            ]
        );
        let words: Vec<_> = AnswerScale::YesNo
            .answers()
            .iter()
            .map(|a| a.label())
            .collect();
        assert_eq!(words, ["Ja", "Delvis", "Nej"]);
        for answer in Answer::ALL {
            assert_eq!(Answer::from_code(answer.code()), Some(answer));
            assert!(answer.scale().answers().contains(&answer));
        }
        for scale in [AnswerScale::Agreement, AnswerScale::YesNo] {
            assert_eq!(AnswerScale::from_code(scale.code()), Some(scale));
        }
    }

    #[test]
    fn anything_short_of_full_agreement_asks_for_an_action() {
        let asking: Vec<_> = Answer::ALL
            .into_iter()
            .filter(|a| a.needs_action())
            .map(Answer::label)
            .collect();
        assert_eq!(
            asking,
            [
                "Instämmer delvis",
                "Instämmer inte",
                "Vet ej",
                "Delvis",
                "Nej"
            ]
        );
    }

    #[test]
    fn an_answer_must_belong_to_the_questions_scale() {
        assert_eq!(
            check_answer(AnswerScale::YesNo, "partly"),
            Ok(Answer::Partly)
        );
        let refused = check_answer(AnswerScale::YesNo, "fully_agree").unwrap_err();
        assert_eq!(refused, "Välj ett av svaren: Ja, Delvis, Nej.");
        assert!(check_answer(AnswerScale::Agreement, "").is_err());
    }

    #[test]
    fn progress_counts_answered_questions() {
        let half = Progress {
            answered: 7,
            total: 14,
        };
        assert_eq!(half.percent(), 50);
        assert!(!half.complete());
        let done = Progress {
            answered: 14,
            total: 14,
        };
        assert!(done.complete());
        assert_eq!(done.percent(), 100);
        let empty = Progress {
            answered: 0,
            total: 0,
        };
        assert_eq!(empty.percent(), 0);
        assert!(!empty.complete());
    }

    #[test]
    fn no_effect_reopens_the_action() {
        assert_eq!(after_effect(Effect::No), AfterEffect::Reopened);
        assert_eq!(after_effect(Effect::Partly), AfterEffect::Closed);
        assert_eq!(after_effect(Effect::Yes), AfterEffect::Closed);
        assert_eq!(Effect::from_code("no"), Some(Effect::No));
        assert_eq!(Effect::from_code("kanske"), None);
    }

    #[test]
    fn a_template_in_use_is_never_changed_under_a_unit() {
        assert_eq!(template_edit(1, 0), TemplateEdit::InPlace);
        assert_eq!(template_edit(1, 3), TemplateEdit::NewVersion(2));
    }

    #[test]
    fn the_sam_follow_up_needs_the_safety_representative() {
        assert!(safety_representative_warning(true, false).is_some());
        assert_eq!(safety_representative_warning(true, true), None);
        assert_eq!(safety_representative_warning(false, false), None);
    }
}
