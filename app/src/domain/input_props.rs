//! Property tests of the input checks every server function runs its form through: whatever a
//! client posts (any text, any length, any script), a check answers, never panics, and a
//! refusal names one of the form's fields with a message to show beside it. Then the texts that
//! leave the app or come back to it (e-mail addresses, return paths, spreadsheet cells, the
//! audit trail's bounded lines) keep their promises for any input.
//!
//! Each property runs `PROPTEST_CASES` cases (128 unless set; the test command sets more and
//! reports the total).

use proptest::prelude::*;

use super::*;

/// Any text a form could carry, short or long, with whitespace, digits and dashes in it.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t0-9:./-]{0,24}",
        "\\PC{0,6000}",
        Just(String::new()),
    ]
}

fn refusal_is_shown_beside(problem: &FieldProblem, fields: &[&str]) -> Result<(), TestCaseError> {
    prop_assert!(
        fields.contains(&problem.field),
        "field {} not in {:?}",
        problem.field,
        fields
    );
    prop_assert!(!problem.message.trim().is_empty());
    Ok(())
}

/// The cases per property: `PROPTEST_CASES`, else 128.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_meeting_is_checked_whatever_is_posted(
        date in text(), start in text(), end in text(), location in text(), link in text(),
        year in 1900i32..2200,
    ) {
        let input = MeetingInput { date, start, end, location, online_link: link };
        if let Err(p) = check_meeting(&input, year) {
            refusal_is_shown_beside(&p, &["date", "start", "end", "location", "online_link"])?;
        }
    }

    #[test]
    fn an_agenda_item_is_checked_whatever_is_posted(
        title in text(), description in text(), presenter in text(), minutes in text(),
        kind in text(),
    ) {
        let input = AgendaItemInput { title, description, presenter, minutes, kind };
        match check_agenda_item(&input) {
            Ok(item) => prop_assert!(!item.title.trim().is_empty()),
            Err(p) => refusal_is_shown_beside(
                &p,
                &["title", "description", "presenter", "minutes", "kind"],
            )?,
        }
    }

    #[test]
    fn an_action_is_checked_whatever_is_posted(
        title in text(), responsible in text(), due in text(),
    ) {
        let input = ActionInput { title, responsible, due };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        if let Err(p) = check_action(&input, &[1, 2, 3], today) {
            refusal_is_shown_beside(&p, &["title", "responsible", "due"])?;
        }
    }

    #[test]
    fn a_plan_action_is_checked_whatever_is_posted(
        title in text(), description in text(), responsible in text(), start in text(),
        end in text(), comment in text(),
    ) {
        let input = PlanActionInput { title, description, responsible, start, end, comment };
        if let Err(p) = check_plan_action(&input, &[1, 2, 3]) {
            refusal_is_shown_beside(
                &p,
                &["title", "description", "responsible", "start", "end", "comment"],
            )?;
        }
    }

    #[test]
    fn topics_questions_and_rules_are_checked_whatever_is_posted(
        a in text(), b in text(), c in text(), d in text(),
    ) {
        let topic = TopicInput { title: a.clone(), month: b.clone(), guidance: c.clone() };
        if let Err(p) = check_topic(&topic) {
            refusal_is_shown_beside(&p, &["title", "month", "guidance"])?;
        }
        let question = QuestionInput { area: a.clone(), text: b.clone(), help: c.clone(), scale: d.clone() };
        if let Err(p) = check_question(&question) {
            refusal_is_shown_beside(&p, &["area", "text", "help", "scale"])?;
        }
        let rules = RulesInput { min_apts_per_year: a, notice_days: b, vote_threshold: c, minutes_days: d };
        if let Err(p) = check_rules(&rules) {
            refusal_is_shown_beside(&p, &["min_apts_per_year", "notice_days", "vote_threshold", "minutes_days"])?;
        }
    }

    #[test]
    fn texts_counts_and_votes_are_checked_whatever_is_posted(
        a in text(), b in text(), c in text(),
    ) {
        let _ = check_title(&a, "title");
        let _ = check_text(&a, "description", 5000).map(|t| assert!(t.chars().count() <= 5000));
        let _ = check_decline_reason(&a);
        let _ = check_point_title(&a);
        let _ = check_effect(&a, &b);
        let _ = check_count(&a, "red");
        let _ = check_threshold(&a);
        for method in [WorkloadMethod::TrafficLight, WorkloadMethod::Quadrant] {
            let _ = vote_choice(method, Some(&a), Some(&b), Some(&c));
        }
        let (_, problems) = check_audit_filter(&AuditFilterInput { from: a, to: b, person: c });
        for p in &problems {
            refusal_is_shown_beside(p, &["from", "to"])?;
        }
    }

    #[test]
    fn a_forms_ids_are_only_ever_numbers(body in text()) {
        let ids = crate::audit::catalogue::ids_in_form(&body);
        for pair in ids.split(", ").filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or_default();
            prop_assert!(key == "id" || key.ends_with("_id"));
            prop_assert!(value.parse::<i64>().is_ok());
        }
    }

    #[test]
    fn an_address_has_one_normal_form(text in text()) {
        let once = normal_email(&text);
        prop_assert_eq!(normal_email(&once), once.clone());
        prop_assert!(!once.chars().any(|c| c.is_ascii_uppercase()));
        if let Ok(checked) = check_email(&text) {
            prop_assert_eq!(normal_email(&checked), checked.clone());
            prop_assert!(checked.contains('@'));
        }
        // A plain address from a provider matches exactly what it spells, case aside.
        if is_plain_email(&text) {
            prop_assert_eq!(once.to_lowercase(), text.trim().to_lowercase());
        }
    }

    #[test]
    fn a_return_path_stays_on_this_site(path in prop_oneof![
        text(),
        "/[a-z/%\\\\\t.:?#-]{0,30}",
        "[/\\\\]{1,3}[a-z.]{0,12}",
    ]) {
        if let Some(back) = crate::domain::return_path::same_site_path(&path) {
            prop_assert!(back.starts_with('/'));
            prop_assert!(!back.starts_with("//") && !back.starts_with("/\\"));
            prop_assert!(!back.chars().any(|c| c.is_control() || c == '\\'));
        }
    }

    #[test]
    fn a_cell_never_starts_a_formula(cell in text()) {
        let safe = crate::domain::spreadsheet_cell::neutralise(&cell);
        let first = safe.chars().next();
        prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')));
        prop_assert!(safe.ends_with(cell.as_str()));
    }

    #[test]
    fn what_leaves_as_one_line_is_one_bounded_line(text in text(), max in 1usize..600) {
        let line = crate::domain::plain_text::one_line(&text);
        prop_assert!(!line.chars().any(char::is_control));
        let clipped = crate::domain::plain_text::clipped(&text, max);
        prop_assert!(clipped.chars().count() <= max);
        prop_assert!(!clipped.chars().any(char::is_control));
        let lines = crate::domain::plain_text::lines(&text);
        prop_assert!(!lines.chars().any(|c| c != '\n' && c.is_control()));
    }

    #[test]
    fn sign_up_domains_are_checked_whatever_is_posted(text in text(), email in text()) {
        if let Ok(domains) = crate::domain::sign_up::check_email_domains(&text) {
            for d in &domains {
                prop_assert!(!d.is_empty() && !d.contains('@') && !d.contains(char::is_whitespace));
            }
            let _ = crate::domain::sign_up::in_domains(&email, &domains);
        }
        let _ = crate::domain::sign_up::name_from_email(&email);
    }
}
