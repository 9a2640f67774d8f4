//! Parsing and checking a meeting as typed into the form: the date inside the plan's year, an end
//! after the start, and a link that is a web address. Each problem names its field.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The meeting form's fields, as typed (posted as `meeting[date]`, `meeting[start]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInput {
    /// `YYYY-MM-DD` from `<input type="date">`.
    pub date: String,
    /// `HH:MM` from `<input type="time">`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// Room or place (may be empty for a digital-only meeting with a link).
    pub location: String,
    /// Link for digital attendance (optional).
    pub online_link: String,
}

/// A meeting that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedMeeting {
    /// The day, inside the plan's year.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time, after the start.
    pub end: NaiveTime,
    /// Room or place, trimmed.
    pub location: String,
    /// Link, trimmed; `None` when empty.
    pub online_link: Option<String>,
}

use super::form_input::{problem, FieldProblem};

fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .or_else(|_| NaiveTime::parse_from_str(text, "%H.%M"))
        .ok()
}

/// Checks a meeting for a plan of `plan_year`; the first problem found is returned.
pub fn check_meeting(input: &MeetingInput, plan_year: i32) -> Result<CheckedMeeting, FieldProblem> {
    let date_text = input.date.trim();
    if date_text.is_empty() {
        return Err(problem("date", "Välj ett datum."));
    }
    let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d").map_err(|_| {
        problem(
            "date",
            "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-10.",
        )
    })?;
    if date.year() != plan_year {
        return Err(problem(
            "date",
            format!("Datumet måste ligga i planens år, {plan_year}."),
        ));
    }
    let start = parse_time(&input.start)
        .ok_or_else(|| problem("start", "Skriv starttiden som TT:MM, till exempel 13:00."))?;
    let end = parse_time(&input.end)
        .ok_or_else(|| problem("end", "Skriv sluttiden som TT:MM, till exempel 14:30."))?;
    if end <= start {
        return Err(problem("end", "Sluttiden måste vara efter starttiden."));
    }
    let location = input.location.trim().to_string();
    let link = input.online_link.trim();
    let online_link = if link.is_empty() {
        None
    } else if (link.starts_with("https://") || link.starts_with("http://"))
        && link.len() > "https://".len()
        && !link.contains(char::is_whitespace)
    {
        Some(link.to_string())
    } else {
        return Err(problem(
            "online_link",
            "Länken måste vara en webbadress som börjar med https://.",
        ));
    };
    if location.is_empty() && online_link.is_none() {
        return Err(problem(
            "location",
            "Ange en plats eller en länk till det digitala mötet.",
        ));
    }
    if location.chars().count() > 200 {
        return Err(problem("location", "Platsen får vara högst 200 tecken."));
    }
    Ok(CheckedMeeting {
        date,
        start,
        end,
        location,
        online_link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(date: &str, start: &str, end: &str, location: &str, link: &str) -> MeetingInput {
        MeetingInput {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            location: location.into(),
            online_link: link.into(),
        }
    }

    #[test]
    fn a_complete_meeting_passes() {
        let checked =
            check_meeting(&input("2026-03-10", "13:00", "14:30", " Eken ", ""), 2026).unwrap();
        assert_eq!(checked.date, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        assert_eq!(checked.location, "Eken");
        assert_eq!(checked.online_link, None);
    }

    #[test]
    fn a_digital_meeting_needs_only_a_link() {
        let checked = check_meeting(
            &input(
                "2026-03-10",
                "09:00",
                "10:00",
                "",
                "https://mote.example.se/apt",
            ),
            2026,
        )
        .unwrap();
        assert_eq!(
            checked.online_link.as_deref(),
            Some("https://mote.example.se/apt")
        );
    }

    #[test]
    fn each_problem_names_its_field() {
        let field = |i: MeetingInput| check_meeting(&i, 2026).unwrap_err().field;
        assert_eq!(field(input("", "13:00", "14:00", "Eken", "")), "date");
        assert_eq!(field(input("10/3", "13:00", "14:00", "Eken", "")), "date");
        assert_eq!(
            field(input("2027-03-10", "13:00", "14:00", "Eken", "")),
            "date"
        );
        assert_eq!(
            field(input("2026-03-10", "kl 1", "14:00", "Eken", "")),
            "start"
        );
        assert_eq!(field(input("2026-03-10", "13:00", "", "Eken", "")), "end");
        assert_eq!(
            field(input("2026-03-10", "14:00", "13:00", "Eken", "")),
            "end"
        );
        assert_eq!(
            field(input("2026-03-10", "13:00", "13:00", "Eken", "")),
            "end"
        );
        assert_eq!(
            field(input("2026-03-10", "13:00", "14:00", "Eken", "mote.se")),
            "online_link"
        );
        assert_eq!(
            field(input("2026-03-10", "13:00", "14:00", " ", "")),
            "location"
        );
    }

    #[test]
    fn a_date_outside_the_plan_year_says_which_year() {
        let problem =
            check_meeting(&input("2025-12-30", "13:00", "14:00", "Eken", ""), 2026).unwrap_err();
        assert!(problem.message.contains("2026"));
    }
}
