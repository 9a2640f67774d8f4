#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn mark(status: &str, from: &str, to: &str) -> Result<Option<Attendance>, FieldProblem> {
    check_attendance(
        AttendanceInput {
            name: "Mats Gustafsson",
            status,
            from_item: from,
            to_item: to,
        },
        12,
    )
}

#[test]
fn partial_presence_is_written_as_the_seed_writes_it() {
    let partly = mark("present", "4", "12").unwrap().unwrap();
    assert_eq!(partly.note().as_deref(), Some("(punkt 4–12)"));
    let one = mark("present", " 7 ", "7").unwrap().unwrap();
    assert_eq!(one.note().as_deref(), Some("(punkt 7)"));
    assert_eq!(mark("present", "", "").unwrap().unwrap().note(), None);
    assert_eq!(mark("absent", "", "").unwrap(), Some(Attendance::Absent));
    assert_eq!(mark("", "", "").unwrap(), None);
}

#[test]
fn a_range_outside_the_agenda_or_backwards_names_the_member() {
    for (from, to) in [("4", ""), ("0", "3"), ("4", "13"), ("x", "5")] {
        let err = mark("present", from, to).unwrap_err();
        assert_eq!(err.field, "attendance");
        assert!(
            err.message.starts_with("Mats Gustafsson: ange både"),
            "{from}–{to}"
        );
    }
    let backwards = mark("present", "9", "4").unwrap_err();
    assert!(backwards.message.contains("kan inte komma efter"));
    let absent = mark("absent", "4", "12").unwrap_err();
    assert!(absent.message.contains("bara för den som var närvarande"));
    assert!(mark("maybe", "", "").is_err());
}

#[test]
fn a_follow_up_drops_the_words_the_protocol_adds_itself() {
    let checked = check_follow_up(
        " Saco och Vision ",
        "Arbetsgivaren tar med sig frågan om statistik från samtliga leverantörer.",
    )
    .unwrap();
    assert_eq!(checked.question, "statistik från samtliga leverantörer");
    assert_eq!(
        follow_up_sentence(&checked.asked_by, &checked.question),
        "Arbetsgivaren tar med sig frågan om statistik från samtliga leverantörer \
         (Saco och Vision)."
    );
    assert_eq!(
        follow_up_sentence("", "hur friskfaktorer kopplas"),
        "Arbetsgivaren tar med sig frågan om hur friskfaktorer kopplas."
    );
    assert_eq!(check_follow_up("", " om . ").unwrap_err().field, "question");
    assert_eq!(check_follow_up_answer("  ").unwrap_err().field, "answer");
}

#[test]
fn item_3_reads_as_in_seed_002() {
    let dates = check_adjust_dates(
        AdjustDatesInput {
            sent_on: "2026-06-03",
            due_date: "2026-06-04",
            due_time: "12:00",
            signed_on: "2026-06-08",
        },
        day(2026, 6, 1),
    )
    .unwrap();
    assert_eq!(
        adjust_lines(&dates),
        [
            "Protokollet skickas ut onsdag 3 juni",
            "Synpunkter ska skickas senast torsdag 4 juni kl. 12",
            "Protokollet signeras måndag 8 juni",
        ]
    );
    let half = check_adjust_dates(
        AdjustDatesInput {
            sent_on: "2026-12-31",
            due_date: "2026-12-31",
            due_time: "15.30",
            signed_on: "2027-01-04",
        },
        day(2026, 12, 30),
    )
    .unwrap();
    assert_eq!(
        adjust_lines(&half)[1],
        "Synpunkter ska skickas senast torsdag 31 december kl. 15:30"
    );
}

#[test]
fn item_3_dates_out_of_order_are_refused_beside_the_field() {
    let meeting = day(2026, 6, 1);
    let check = |sent: &str, due: &str, time: &str, signed: &str| {
        check_adjust_dates(
            AdjustDatesInput {
                sent_on: sent,
                due_date: due,
                due_time: time,
                signed_on: signed,
            },
            meeting,
        )
        .unwrap_err()
        .field
    };
    assert_eq!(check("", "2026-06-04", "", "2026-06-08"), "sent_on");
    assert_eq!(
        check("2026-05-31", "2026-06-04", "", "2026-06-08"),
        "sent_on"
    );
    assert_eq!(
        check("2026-06-03", "2026-06-02", "", "2026-06-08"),
        "due_date"
    );
    assert_eq!(
        check("2026-06-03", "2026-06-04", "25:00", "2026-06-08"),
        "due_time"
    );
    assert_eq!(
        check("2026-06-03", "2026-06-04", "", "2026-06-03"),
        "signed_on"
    );
    assert_eq!(
        check("2026-06-03", "2026-06-04", "", "2026-12-08"),
        "signed_on"
    );
    assert_eq!(check("2026-06-03", "4 juni", "", "2026-06-08"), "due_date");
}

#[test]
fn minutes_and_decisions_are_trimmed_and_capped() {
    let (minutes, decision) = check_item_minutes(
        " Saco frågade.\r\nArbetsgivaren svarade. ",
        " Dagordningen godkändes. ",
    )
    .unwrap();
    assert_eq!(minutes, "Saco frågade.\nArbetsgivaren svarade.");
    assert_eq!(decision, "Dagordningen godkändes.");
    let long = "x".repeat(MAX_MINUTES_TEXT + 1);
    assert_eq!(check_item_minutes(&long, "").unwrap_err().field, "minutes");
    assert_eq!(check_adjunct(" ", "").unwrap_err().field, "name");
}

#[test]
fn the_next_meeting_comes_after_this_one() {
    let this = day(2026, 12, 31);
    assert_eq!(check_next_meeting("2027-02-09", this).unwrap(), 2027);
    assert_eq!(
        check_next_meeting("2026-12-31", this).unwrap_err().field,
        "date"
    );
    assert_eq!(check_next_meeting("", this).unwrap_err().field, "date");
    assert!(check_next_meeting("2029-02-09", this).is_err());
}
