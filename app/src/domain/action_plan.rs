//! The action plan's rules beyond a meeting's quick note (seed 002, "Åtgärder från checklistor"):
//! where an action comes from, the fields a full action holds, closing with an effect check, and
//! when the responsible person is reminded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action_input::{check_responsible, ActionStatus};
use super::agenda::check_title;
use super::checklist::Effect;
use super::form_input::problem;
use super::form_input::FieldProblem;

/// Where an action comes from (the seed's "Koppling till").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionSource {
    /// An APT's minutes.
    Meeting,
    /// A question of a follow-up checklist.
    Checklist,
    /// A work environment round.
    Round,
    /// A risk assessment.
    RiskAssessment,
    /// The employee survey.
    EmployeeSurvey,
    /// An incident or accident report.
    Incident,
    /// Anything else, described in the note.
    Other,
}

impl ActionSource {
    /// Every source, in the order a form offers them.
    pub const ALL: [ActionSource; 7] = [
        ActionSource::Meeting,
        ActionSource::Checklist,
        ActionSource::Round,
        ActionSource::RiskAssessment,
        ActionSource::EmployeeSurvey,
        ActionSource::Incident,
        ActionSource::Other,
    ];

    /// The sources a person picks by hand (meeting and checklist actions are made where they
    /// arise, so they carry their link).
    pub const MANUAL: [ActionSource; 5] = [
        ActionSource::Round,
        ActionSource::RiskAssessment,
        ActionSource::EmployeeSurvey,
        ActionSource::Incident,
        ActionSource::Other,
    ];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            ActionSource::Meeting => "meeting",
            ActionSource::Checklist => "checklist",
            ActionSource::Round => "round",
            ActionSource::RiskAssessment => "risk_assessment",
            ActionSource::EmployeeSurvey => "employee_survey",
            ActionSource::Incident => "incident",
            ActionSource::Other => "other",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<ActionSource> {
        ActionSource::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A full action as typed in the action plan (posted as `action[title]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanActionInput {
    /// What is to be done ("Åtgärd").
    pub title: String,
    /// Longer description.
    #[serde(default)]
    pub description: String,
    /// Responsible person's id ("" for none yet).
    #[serde(default)]
    pub responsible: String,
    /// Start date, `YYYY-MM-DD` (optional).
    #[serde(default)]
    pub start: String,
    /// End date, `YYYY-MM-DD` (optional).
    #[serde(default)]
    pub end: String,
    /// What was done, follow-up ("Kommentar").
    #[serde(default)]
    pub comment: String,
}

/// A full action that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedPlanAction {
    /// Title, trimmed.
    pub title: String,
    /// Description, trimmed.
    pub description: String,
    /// The responsible person.
    pub responsible: Option<i64>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// End date.
    pub end: Option<NaiveDate>,
    /// Comment, trimmed.
    pub comment: String,
}

/// Longest description or comment kept.
pub const MAX_ACTION_TEXT: usize = 4000;

fn date(text: &str, field: &'static str) -> Result<Option<NaiveDate>, FieldProblem> {
    match text.trim() {
        "" => Ok(None),
        t => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| problem(field, "Skriv datumet som ÅÅÅÅ-MM-DD.")),
    }
}

/// A trimmed free text of at most [`MAX_ACTION_TEXT`] characters (an analysis, a note, a
/// reason), refused beside `field`.
pub fn check_long_text(text: &str, field: &'static str) -> Result<String, FieldProblem> {
    let text = text.trim();
    if text.chars().count() > MAX_ACTION_TEXT {
        return Err(problem(field, "Texten är för lång (högst 4 000 tecken)."));
    }
    Ok(text.to_string())
}

/// Checks a full action; `members` are the ids a responsible person may be chosen from.
pub fn check_plan_action(
    input: &PlanActionInput,
    members: &[i64],
) -> Result<CheckedPlanAction, FieldProblem> {
    let title = check_title(&input.title, "title")?;
    let responsible = check_responsible(&input.responsible, members)?;
    let start = date(&input.start, "start")?;
    let end = date(&input.end, "end")?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(problem("end", "Slutdatum kan inte ligga före startdatum."));
        }
    }
    Ok(CheckedPlanAction {
        title,
        description: check_long_text(&input.description, "description")?,
        responsible,
        start,
        end,
        comment: check_long_text(&input.comment, "comment")?,
    })
}

/// The effect check when an action is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedEffect {
    /// Had it the intended effect.
    pub effect: Effect,
    /// Why, trimmed.
    pub comment: String,
}

/// Checks the effect given when closing: an answer is required, and "delvis" or "nej" must say
/// why, so the next step is clear.
pub fn check_effect(effect: &str, comment: &str) -> Result<CheckedEffect, FieldProblem> {
    let effect = Effect::from_code(effect.trim()).ok_or_else(|| {
        problem(
            "effect",
            "Svara om åtgärden fick avsedd effekt: ja, delvis eller nej.",
        )
    })?;
    let comment = check_long_text(comment, "effect_comment")?;
    if effect != Effect::Yes && comment.is_empty() {
        return Err(problem(
            "effect_comment",
            "Beskriv vad som inte blev som tänkt, så att uppföljningen blir tydlig.",
        ));
    }
    Ok(CheckedEffect { effect, comment })
}

/// A reminder to the responsible person about an open action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reminder {
    /// The end date is a week away.
    WeekBefore,
    /// The end date is tomorrow.
    DayBefore,
    /// The end date has passed.
    Overdue,
}

impl Reminder {
    /// The code stored when a reminder mail has been sent.
    pub fn code(self) -> &'static str {
        match self {
            Reminder::WeekBefore => "week_before",
            Reminder::DayBefore => "day_before",
            Reminder::Overdue => "overdue",
        }
    }
}

/// Days from `today` to an open action's end date (negative once it has passed); `None` for a
/// done action or one without an end date. Overdue and the reminders are read from it.
pub fn days_left(status: ActionStatus, end: Option<NaiveDate>, today: NaiveDate) -> Option<i64> {
    if status == ActionStatus::Done {
        return None;
    }
    end.map(|e| (e - today).num_days())
}

/// The reminder an action is due for today, if any: a week before (from seven days out until the
/// day before), the day before, and once overdue. Done actions and actions without an end date get
/// none. A mail is sent once per reminder kind.
pub fn reminder_due(
    status: ActionStatus,
    end: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Reminder> {
    match days_left(status, end, today)? {
        d if d < 0 => Some(Reminder::Overdue),
        1 => Some(Reminder::DayBefore),
        2..=7 => Some(Reminder::WeekBefore),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn input(start: &str, end: &str) -> PlanActionInput {
        PlanActionInput {
            title: " Utbilda i riskbedömning ".into(),
            description: "Halvdag med skyddsombud".into(),
            responsible: "4".into(),
            start: start.into(),
            end: end.into(),
            comment: String::new(),
        }
    }

    #[test]
    fn a_full_action_passes_and_is_trimmed() {
        let a = check_plan_action(&input("2026-01-10", "2026-03-31"), &[4]).unwrap();
        assert_eq!(a.title, "Utbilda i riskbedömning");
        assert_eq!(a.responsible, Some(4));
        assert_eq!((a.start, a.end), (Some(day(1, 10)), Some(day(3, 31))));
    }

    #[test]
    fn an_end_before_the_start_or_a_stranger_is_refused_at_the_field() {
        let p = check_plan_action(&input("2026-03-31", "2026-01-10"), &[4]).unwrap_err();
        assert_eq!(p.field, "end");
        let p = check_plan_action(&input("", ""), &[5]).unwrap_err();
        assert_eq!(p.field, "responsible");
        let p = check_plan_action(&input("31/3", ""), &[4]).unwrap_err();
        assert_eq!(p.field, "start");
    }

    #[test]
    fn closing_asks_for_the_effect_and_a_reason_unless_it_worked() {
        assert_eq!(check_effect("", "").unwrap_err().field, "effect");
        assert!(check_effect("yes", "").is_ok());
        assert_eq!(check_effect("no", " ").unwrap_err().field, "effect_comment");
        let e = check_effect("no", " Fortfarande hög belastning ").unwrap();
        assert_eq!(
            (e.effect, e.comment.as_str()),
            (Effect::No, "Fortfarande hög belastning")
        );
    }

    #[test]
    fn reminders_come_a_week_before_the_day_before_and_when_overdue() {
        let open = ActionStatus::InProgress;
        let end = Some(day(5, 20));
        assert_eq!(reminder_due(open, end, day(5, 12)), None);
        assert_eq!(
            reminder_due(open, end, day(5, 13)),
            Some(Reminder::WeekBefore)
        );
        assert_eq!(
            reminder_due(open, end, day(5, 18)),
            Some(Reminder::WeekBefore)
        );
        assert_eq!(
            reminder_due(open, end, day(5, 19)),
            Some(Reminder::DayBefore)
        );
        assert_eq!(reminder_due(open, end, day(5, 20)), None);
        assert_eq!(reminder_due(open, end, day(5, 21)), Some(Reminder::Overdue));
        assert_eq!(reminder_due(ActionStatus::Done, end, day(5, 21)), None);
        assert_eq!(reminder_due(open, None, day(5, 21)), None);
        assert_eq!(days_left(open, end, day(5, 21)), Some(-1));
        assert_eq!(days_left(open, end, day(5, 17)), Some(3));
        assert_eq!(days_left(ActionStatus::Done, end, day(6, 1)), None);
    }

    #[test]
    fn sources_round_trip() {
        for s in ActionSource::ALL {
            assert_eq!(ActionSource::from_code(s.code()), Some(s));
        }
        assert_eq!(ActionSource::from_code("x"), None);
    }
}
