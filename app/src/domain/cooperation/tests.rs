//! The rules of cooperation groups.

use super::*;

fn member(side: &str, union: &str, role: &str) -> MemberInput {
    MemberInput {
        function_title: "DIK och skyddsombud".into(),
        side: side.into(),
        union_name: union.into(),
        role: role.into(),
    }
}

#[test]
fn hr_above_and_the_nodes_own_chef_keep_its_groups() {
    let m = |node_id, role| Membership { node_id, role };
    let ancestry = [20, 10, 1];
    assert!(can_keep_group(&[m(1, Role::Hr)], &ancestry));
    assert!(can_keep_group(&[m(20, Role::Chef)], &ancestry));
    assert!(!can_keep_group(&[m(10, Role::Chef)], &ancestry));
    assert!(!can_keep_group(&[m(30, Role::Hr)], &ancestry));
    assert!(!can_keep_group(
        &[m(20, Role::FackligForetradare)],
        &ancestry
    ));
    assert!(!can_keep_group(&[m(20, Role::Huvudskyddsombud)], &ancestry));
}

#[test]
fn a_member_of_the_employees_side_names_their_union() {
    let checked = check_member(&member("employees", " DIK ", "member")).unwrap();
    assert_eq!(checked.union_name.as_deref(), Some("DIK"));
    assert_eq!(checked.side, Side::Employees);
    let missing = check_member(&member("employees", " ", "member")).unwrap_err();
    assert_eq!(missing.field, "union_name");
}

#[test]
fn the_employer_represents_no_union_and_holds_the_chair_and_the_pen() {
    assert_eq!(
        check_member(&member("employer", "Vision", "member"))
            .unwrap_err()
            .field,
        "union_name"
    );
    assert_eq!(
        check_member(&member("employer", "", "chair")).unwrap().role,
        GroupRole::Chair
    );
    let union_chair = check_member(&member("employees", "Vision", "secretary")).unwrap_err();
    assert_eq!(union_chair.field, "role");
}

#[test]
fn a_member_needs_a_function_and_real_choices() {
    let mut input = member("employer", "", "member");
    input.function_title = "  ".into();
    assert_eq!(check_member(&input).unwrap_err().field, "function_title");
    assert_eq!(
        check_member(&member("both", "", "member"))
            .unwrap_err()
            .field,
        "side"
    );
    assert_eq!(
        check_member(&member("employer", "", "boss"))
            .unwrap_err()
            .field,
        "role"
    );
}

#[test]
fn a_group_name_is_required_and_bounded() {
    assert_eq!(
        check_group_name(" Förvaltningsgrupp ").unwrap(),
        "Förvaltningsgrupp"
    );
    assert_eq!(check_group_name("").unwrap_err().field, "name");
    assert_eq!(
        check_group_name(&"x".repeat(121)).unwrap_err().field,
        "name"
    );
}

#[test]
fn a_safety_committee_meets_at_least_once_a_quarter() {
    let rule = check_meeting_rule("4", "7", true).unwrap();
    assert_eq!(rule.min_meetings, 4);
    assert_eq!(
        check_meeting_rule("3", "7", true).unwrap_err().field,
        "min_meetings"
    );
    assert!(check_meeting_rule("2", "7", false).is_ok());
    assert_eq!(
        check_meeting_rule("0", "7", false).unwrap_err().field,
        "min_meetings"
    );
    assert_eq!(
        check_meeting_rule("4", "31", false).unwrap_err().field,
        "notice_days"
    );
    assert_eq!(
        check_meeting_rule("4", "sju", false).unwrap_err().field,
        "notice_days"
    );
}

#[test]
fn the_year_status_counts_the_years_meetings_and_names_empty_quarters() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let dates = [
        d(2, 2),
        d(3, 31),
        d(6, 1),
        d(12, 14),
        NaiveDate::from_ymd_opt(2027, 8, 1).unwrap(),
    ];
    let committee = MeetingRule {
        min_meetings: 4,
        notice_days: 7,
        safety_committee: true,
    };
    let status = group_year_status(committee, 2026, &dates);
    assert_eq!(status.planned, 4);
    assert_eq!(status.quarters_without_meeting, vec![3]);
    assert!(!status.is_complete());
    let group = MeetingRule {
        safety_committee: false,
        ..committee
    };
    assert!(group_year_status(group, 2026, &dates).is_complete());
    assert!(!group_year_status(group, 2027, &dates).is_complete());
}

#[test]
fn the_standing_agenda_is_the_seeds_twelve_items() {
    assert_eq!(STANDING_AGENDA.len(), 12);
    assert_eq!(STANDING_AGENDA[0].title, "Föregående protokoll");
    assert_eq!(STANDING_AGENDA[11].title, "Nästa förvaltningsgrupp");
    let per_unit: Vec<_> = STANDING_AGENDA.iter().filter(|i| i.per_unit).collect();
    assert_eq!(per_unit.len(), 1);
    assert_eq!(per_unit[0].title, "Samverkan");
}

#[test]
fn sub_items_are_lettered_on_past_z() {
    assert_eq!(sub_item_letter(0), "a");
    assert_eq!(sub_item_letter(4), "e");
    assert_eq!(sub_item_letter(25), "z");
    assert_eq!(sub_item_letter(26), "aa");
    assert_eq!(sub_item_letter(27), "ab");
}
