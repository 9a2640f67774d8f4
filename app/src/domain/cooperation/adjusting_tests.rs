#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime};

use super::*;

fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

/// Seed 002's item 3: sent Wednesday 3 June, comments by Thursday 4 June 12:00, signed Monday 8
/// June.
fn seed_dates() -> AdjustDates {
    AdjustDates {
        sent_on: at(6, 3, 0, 0).date(),
        comments_due: at(6, 4, 12, 0),
        signed_on: at(6, 8, 0, 0).date(),
    }
}

fn first(sent: bool, locked: bool) -> AdjustFacts {
    AdjustFacts {
        version: 1,
        sent,
        locked,
        comments_due: Some(seed_dates().comments_due),
    }
}

#[test]
fn a_version_moves_from_draft_through_comments_to_approval_and_lock() {
    assert_eq!(
        first(false, false).stage(at(6, 5, 9, 0)),
        AdjustStage::Drafting
    );
    assert_eq!(
        first(true, false).stage(at(6, 3, 9, 0)),
        AdjustStage::Commenting
    );
    assert_eq!(
        first(true, false).stage(at(6, 4, 12, 0)),
        AdjustStage::Commenting
    );
    assert_eq!(
        first(true, false).stage(at(6, 4, 12, 1)),
        AdjustStage::Approving
    );
    assert_eq!(first(true, true).stage(at(6, 4, 9, 0)), AdjustStage::Locked);
    let correction = AdjustFacts {
        version: 2,
        ..first(true, false)
    };
    assert_eq!(correction.stage(at(6, 4, 9, 0)), AdjustStage::Approving);
}

#[test]
fn the_draft_goes_out_on_item_3s_day_with_an_approver() {
    let dates = seed_dates();
    let draft = first(false, false);
    let early = check_send(&draft, Some(&dates), 2, at(6, 2, 16, 0)).unwrap_err();
    assert_eq!(early.field, "send");
    assert_eq!(
        early.message,
        "Enligt punkt 3 skickas protokollet ut onsdag 3 juni."
    );
    assert!(check_send(&draft, Some(&dates), 2, at(6, 3, 8, 0)).is_ok());
    let late = check_send(&draft, Some(&dates), 2, at(6, 4, 13, 0)).unwrap_err();
    assert!(late.message.contains("torsdag 4 juni kl. 12"), "{late:?}");
    let none = check_send(&draft, Some(&dates), 0, at(6, 3, 8, 0)).unwrap_err();
    assert_eq!(none.message, "Välj minst en justerare först.");
    let undated = check_send(&draft, None, 1, at(6, 3, 8, 0)).unwrap_err();
    assert!(undated.message.contains("punkt 3"));
    let again = check_send(&first(true, false), Some(&dates), 1, at(6, 3, 9, 0)).unwrap_err();
    assert_eq!(again.message, "Utkastet är redan skickat till ledamöterna.");
    let locked = check_send(&first(true, true), Some(&dates), 1, at(6, 3, 9, 0)).unwrap_err();
    assert_eq!(locked.message, LOCKED);
    let correction = AdjustFacts {
        version: 2,
        ..draft
    };
    assert!(check_send(&correction, None, 1, at(9, 1, 9, 0)).is_ok());
}

#[test]
fn members_comment_until_the_deadline_and_not_after() {
    let sent = first(true, false);
    assert_eq!(
        check_comment(
            &sent,
            "  Punkt 5: Vision, inte Saco.\r\n ",
            at(6, 4, 11, 59)
        )
        .unwrap(),
        "Punkt 5: Vision, inte Saco."
    );
    let late = check_comment(&sent, "För sent", at(6, 4, 12, 1)).unwrap_err();
    assert_eq!(late.field, "body");
    assert_eq!(
        late.message,
        "Tiden för synpunkter gick ut torsdag 4 juni kl. 12."
    );
    let empty = check_comment(&sent, "  ", at(6, 3, 10, 0)).unwrap_err();
    assert_eq!(empty.message, "Skriv din synpunkt.");
    let unsent = check_comment(&first(false, false), "Hej", at(6, 3, 10, 0)).unwrap_err();
    assert!(unsent.message.contains("inte skickats ut"));
    let long = "x".repeat(MAX_ADJUST_TEXT + 1);
    assert!(check_comment(&sent, &long, at(6, 3, 10, 0)).is_err());
}

#[test]
fn approval_before_the_comment_deadline_is_refused_beside_the_button() {
    let sent = first(true, false);
    let early = check_approval(&sent, at(6, 4, 11, 0)).unwrap_err();
    assert_eq!(early.field, "approve");
    assert_eq!(
        early.message,
        "Protokollet kan justeras först när tiden för synpunkter har gått ut, torsdag 4 juni kl. 12."
    );
    assert!(check_approval(&sent, at(6, 8, 9, 0)).is_ok());
    assert!(check_approval(&first(false, false), at(6, 8, 9, 0)).is_err());
    assert_eq!(
        check_approval(&first(true, true), at(6, 8, 9, 0))
            .unwrap_err()
            .message,
        LOCKED
    );
}

#[test]
fn approvers_are_members_and_at_least_one() {
    let members = [(1, "Eva"), (2, "Leila")];
    assert_eq!(check_approvers(&[2, 2, 1], &members).unwrap(), vec![2, 1]);
    let stranger = check_approvers(&[3], &members).unwrap_err();
    assert_eq!(stranger.field, "approvers");
    assert_eq!(stranger.message, "Justeraren måste vara ledamot i gruppen.");
    assert_eq!(
        check_approvers(&[], &members).unwrap_err().message,
        "Välj minst en justerare."
    );
}

#[test]
fn the_protocol_locks_only_when_every_signer_approved_this_wording() {
    let signers = signers(Some(9), &[2, 9, 3]);
    assert_eq!(signers, vec![9, 2, 3]);
    assert!(!all_approved(&signers, &[(9, "a"), (2, "a")], "a"));
    assert!(!all_approved(
        &signers,
        &[(9, "a"), (2, "a"), (3, "old")],
        "a"
    ));
    assert!(all_approved(&signers, &[(9, "a"), (2, "a"), (3, "a")], "a"));
    assert!(!all_approved(&[], &[], "a"));
}

#[test]
fn a_correction_needs_its_reason() {
    assert_eq!(
        check_correction_reason("  Fel namn under punkt 4. ").unwrap(),
        "Fel namn under punkt 4."
    );
    let empty = check_correction_reason(" ").unwrap_err();
    assert_eq!(empty.field, "reason");
    assert_eq!(empty.message, "Skriv varför protokollet behöver rättas.");
}

#[test]
fn reminders_come_the_day_before_the_deadline_and_on_the_signing_day() {
    let dates = seed_dates();
    let day = |d| at(6, d, 0, 0).date();
    assert_eq!(
        adjust_reminders_due(AdjustStage::Commenting, Some(&dates), day(3)),
        vec![AdjustReminder::Comments]
    );
    assert!(adjust_reminders_due(AdjustStage::Commenting, Some(&dates), day(4)).is_empty());
    assert!(adjust_reminders_due(AdjustStage::Approving, Some(&dates), day(7)).is_empty());
    assert_eq!(
        adjust_reminders_due(AdjustStage::Approving, Some(&dates), day(9)),
        vec![AdjustReminder::Approve]
    );
    assert!(adjust_reminders_due(AdjustStage::Locked, Some(&dates), day(9)).is_empty());
    assert!(adjust_reminders_due(AdjustStage::Drafting, None, day(9)).is_empty());
}

#[test]
fn a_moment_is_written_as_item_3_writes_it() {
    assert_eq!(moment_text(at(6, 4, 12, 0)), "torsdag 4 juni kl. 12");
    assert_eq!(moment_text(at(6, 4, 9, 30)), "torsdag 4 juni kl. 9:30");
}
