//! A cooperation meeting's protocol as seed 002 writes it: who was there ("Mats Gustafsson
//! (punkt 4–12)"), what each item says and decides, the questions the employer takes with it
//! ("Arbetsgivaren tar med sig frågan"), and item 3's dates for the justering ("Protokollet
//! skickas ut onsdag 3 juni"). Plain rules, unit-tested in `protocol_tests.rs`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::MAX_GROUP_TEXT;
use crate::domain::form_input::{problem, FieldProblem, NOT_AN_OPTION};
use crate::domain::swedish_calendar::weekday_and_date;

/// The longest text the protocol keeps for one item's minutes.
pub const MAX_MINUTES_TEXT: usize = 20_000;
/// The longest decision or follow-up text.
pub const MAX_DECISION_TEXT: usize = 4_000;

/// What an item of the standing agenda is for in the protocol, beyond its minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemPurpose {
    /// "Föregående protokoll": the questions the employer took with it, until answered.
    Previous,
    /// "Fastställande av datum för justering": when the protocol is sent out, commented, signed.
    Adjust,
    /// "Nästa förvaltningsgrupp": the next meeting.
    Next,
}

impl ItemPurpose {
    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            ItemPurpose::Previous => "previous",
            ItemPurpose::Adjust => "adjust",
            ItemPurpose::Next => "next",
        }
    }

    /// The purpose a stored code names.
    pub fn from_code(code: &str) -> Option<ItemPurpose> {
        match code {
            "previous" => Some(ItemPurpose::Previous),
            "adjust" => Some(ItemPurpose::Adjust),
            "next" => Some(ItemPurpose::Next),
            _ => None,
        }
    }
}

/// A member's attendance as the secretary marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    /// Närvarande; `items` when only for some items ("punkt 4–12").
    Present {
        /// The first and last item the member was there for.
        items: Option<(u32, u32)>,
    },
    /// Förhinder.
    Absent,
}

impl Attendance {
    /// What the protocol writes after the name of one who was there only partly: "(punkt 4–12)".
    pub fn note(self) -> Option<String> {
        match self {
            Attendance::Present {
                items: Some((from, to)),
            } if from == to => Some(format!("(punkt {from})")),
            Attendance::Present {
                items: Some((from, to)),
            } => Some(format!("(punkt {from}–{to})")),
            _ => None,
        }
    }
}

/// One member's attendance as the form posts it: `status` is `present`, `absent` or empty (not
/// marked), and the items only for one who was there partly.
#[derive(Clone, Copy, Debug)]
pub struct AttendanceInput<'a> {
    /// The member's name, for the message.
    pub name: &'a str,
    /// `present`, `absent` or empty.
    pub status: &'a str,
    /// The first item they were there for, or empty.
    pub from_item: &'a str,
    /// The last item they were there for, or empty.
    pub to_item: &'a str,
}

/// Checks one member's attendance on an agenda of `items` numbered items. The message names the
/// member, as it shows beside the whole list.
pub fn check_attendance(
    input: AttendanceInput<'_>,
    items: u32,
) -> Result<Option<Attendance>, FieldProblem> {
    let from = input.from_item.trim();
    let to = input.to_item.trim();
    let name = input.name;
    match input.status.trim() {
        "" | "absent" if !from.is_empty() || !to.is_empty() => Err(problem(
            "attendance",
            format!("{name}: ange punkter bara för den som var närvarande en del av mötet."),
        )),
        "" => Ok(None),
        "absent" => Ok(Some(Attendance::Absent)),
        "present" if from.is_empty() && to.is_empty() => {
            Ok(Some(Attendance::Present { items: None }))
        }
        "present" => {
            let number = |text: &str| text.parse::<u32>().ok().filter(|n| (1..=items).contains(n));
            let range = match (number(from), number(to)) {
                (Some(a), Some(b)) if a <= b => (a, b),
                (Some(_), Some(_)) => {
                    return Err(problem(
                        "attendance",
                        format!("{name}: den första punkten kan inte komma efter den sista."),
                    ))
                }
                _ => {
                    return Err(problem(
                        "attendance",
                        format!(
                            "{name}: ange både första och sista punkten, som nummer mellan 1 och \
                             {items}."
                        ),
                    ))
                }
            };
            Ok(Some(Attendance::Present { items: Some(range) }))
        }
        _ => Err(problem("attendance", format!("{name}: {NOT_AN_OPTION}"))),
    }
}

/// Checks an adjunct's name and function title.
pub fn check_adjunct(name: &str, function_title: &str) -> Result<(String, String), FieldProblem> {
    let name = name.trim();
    let function_title = function_title.trim();
    if name.is_empty() {
        return Err(problem("name", "Skriv namnet på den som är adjungerad."));
    }
    if name.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "name",
            format!("Namnet får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    if function_title.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "function_title",
            format!("Funktionen får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    Ok((name.to_string(), function_title.to_string()))
}

/// Checks what the protocol says of an item: what was said and what was decided.
pub fn check_item_minutes(minutes: &str, decision: &str) -> Result<(String, String), FieldProblem> {
    let minutes = minutes.trim().replace("\r\n", "\n");
    let decision = decision.trim().replace("\r\n", "\n");
    if minutes.chars().count() > MAX_MINUTES_TEXT {
        return Err(problem(
            "minutes",
            format!("Texten får vara högst {MAX_MINUTES_TEXT} tecken."),
        ));
    }
    if decision.chars().count() > MAX_DECISION_TEXT {
        return Err(problem(
            "decision",
            format!("Beslutet får vara högst {MAX_DECISION_TEXT} tecken."),
        ));
    }
    Ok((minutes, decision))
}

/// A question the employer takes with it, checked: who asked (may be empty) and the question
/// without a leading "om", as the protocol writes it after "tar med sig frågan om".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedFollowUp {
    /// Who asked ("Saco och Vision"), or empty.
    pub asked_by: String,
    /// The question, from its first word after "om".
    pub question: String,
}

/// Checks a question the employer takes with it.
pub fn check_follow_up(asked_by: &str, question: &str) -> Result<CheckedFollowUp, FieldProblem> {
    let asked_by = asked_by.trim();
    let mut question = question.trim();
    for lead in ["Arbetsgivaren tar med sig frågan ", "frågan ", "Frågan "] {
        question = question.strip_prefix(lead).unwrap_or(question);
    }
    let question = question
        .strip_prefix("om ")
        .unwrap_or(question)
        .trim()
        .trim_end_matches('.');
    if question.is_empty() {
        return Err(problem(
            "question",
            "Skriv frågan som arbetsgivaren tar med sig.",
        ));
    }
    if question.chars().count() > MAX_DECISION_TEXT {
        return Err(problem(
            "question",
            format!("Frågan får vara högst {MAX_DECISION_TEXT} tecken."),
        ));
    }
    if asked_by.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "asked_by",
            format!("Fältet får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    Ok(CheckedFollowUp {
        asked_by: asked_by.to_string(),
        question: question.to_string(),
    })
}

/// The sentence the protocol writes for a question the employer takes with it: "Arbetsgivaren
/// tar med sig frågan om hur … (Saco och Vision)."
pub fn follow_up_sentence(asked_by: &str, question: &str) -> String {
    if asked_by.is_empty() {
        format!("Arbetsgivaren tar med sig frågan om {question}.")
    } else {
        format!("Arbetsgivaren tar med sig frågan om {question} ({asked_by}).")
    }
}

/// Checks an answer that closes a follow-up at a later meeting.
pub fn check_follow_up_answer(answer: &str) -> Result<String, FieldProblem> {
    let answer = answer.trim().replace("\r\n", "\n");
    if answer.is_empty() {
        return Err(problem("answer", "Skriv vad arbetsgivaren svarade."));
    }
    if answer.chars().count() > MAX_DECISION_TEXT {
        return Err(problem(
            "answer",
            format!("Svaret får vara högst {MAX_DECISION_TEXT} tecken."),
        ));
    }
    Ok(answer)
}

/// Item 3's dates: the day the protocol is sent out, when comments are due at the latest, and
/// the day it is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustDates {
    /// Protokollet skickas ut.
    pub sent_on: NaiveDate,
    /// Synpunkter ska skickas senast.
    pub comments_due: NaiveDateTime,
    /// Protokollet signeras.
    pub signed_on: NaiveDate,
}

/// Item 3's dates as the form posts them.
#[derive(Clone, Copy, Debug)]
pub struct AdjustDatesInput<'a> {
    /// ÅÅÅÅ-MM-DD.
    pub sent_on: &'a str,
    /// ÅÅÅÅ-MM-DD.
    pub due_date: &'a str,
    /// TT:MM.
    pub due_time: &'a str,
    /// ÅÅÅÅ-MM-DD.
    pub signed_on: &'a str,
}

fn date(text: &str, field: &'static str, missing: &str) -> Result<NaiveDate, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(field, missing));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        problem(
            field,
            "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-06-03.",
        )
    })
}

/// Checks item 3's dates for a meeting on `meeting_date`: the protocol goes out on or after the
/// meeting day, comments are due after it goes out, and it is signed once they are in, within a
/// quarter of a year of the meeting.
pub fn check_adjust_dates(
    input: AdjustDatesInput<'_>,
    meeting_date: NaiveDate,
) -> Result<AdjustDates, FieldProblem> {
    let sent_on = date(
        input.sent_on,
        "sent_on",
        "Ange dagen då protokollet skickas ut.",
    )?;
    let due_date = date(
        input.due_date,
        "due_date",
        "Ange sista dagen för synpunkter.",
    )?;
    let due_time = match input.due_time.trim() {
        "" => NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        text => NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H.%M"))
            .map_err(|_| {
                problem(
                    "due_time",
                    "Skriv klockslaget som TT:MM, till exempel 12:00.",
                )
            })?,
    };
    let signed_on = date(
        input.signed_on,
        "signed_on",
        "Ange dagen då protokollet signeras.",
    )?;
    if sent_on < meeting_date {
        return Err(problem(
            "sent_on",
            "Protokollet kan inte skickas ut före mötet.",
        ));
    }
    if (sent_on - meeting_date).num_days() > 90 {
        return Err(problem(
            "sent_on",
            "Protokollet ska skickas ut inom tre månader efter mötet.",
        ));
    }
    if due_date < sent_on {
        return Err(problem(
            "due_date",
            "Sista dagen för synpunkter kan inte vara före utskicket.",
        ));
    }
    if signed_on < due_date {
        return Err(problem(
            "signed_on",
            "Protokollet kan inte signeras före sista dagen för synpunkter.",
        ));
    }
    if (signed_on - meeting_date).num_days() > 90 {
        return Err(problem(
            "signed_on",
            "Protokollet ska signeras inom tre månader efter mötet.",
        ));
    }
    Ok(AdjustDates {
        sent_on,
        comments_due: due_date.and_time(due_time),
        signed_on,
    })
}

/// Checks the day item 12 sets for the next meeting: after this one (`after`), within two years.
/// Its year, for the meeting's other checks.
pub fn check_next_meeting(date: &str, after: NaiveDate) -> Result<i32, FieldProblem> {
    use chrono::Datelike;

    let next = self::date(date, "date", "Välj dagen för nästa möte.")?;
    if next <= after {
        return Err(problem(
            "date",
            "Nästa möte måste vara efter det här mötet.",
        ));
    }
    if (next - after).num_days() > 730 {
        return Err(problem(
            "date",
            "Nästa möte kan ligga högst två år fram i tiden.",
        ));
    }
    Ok(next.year())
}

/// Item 3 as seed 002 writes it: "Protokollet skickas ut onsdag 3 juni", "Synpunkter ska skickas
/// senast torsdag 4 juni kl. 12", "Protokollet signeras måndag 8 juni".
pub fn adjust_lines(dates: &AdjustDates) -> [String; 3] {
    [
        format!("Protokollet skickas ut {}", weekday_and_date(dates.sent_on)),
        format!(
            "Synpunkter ska skickas senast {}",
            super::adjusting::moment_text(dates.comments_due)
        ),
        format!("Protokollet signeras {}", weekday_and_date(dates.signed_on)),
    ]
}

#[cfg(test)]
#[path = "protocol_tests.rs"]
mod tests;
