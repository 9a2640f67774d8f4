//! Property tests of the input checks every server function runs its form through: whatever a
//! client posts (any text, any length, any script), a check answers, never panics, and a
//! refusal names one of the form's fields with a message to show beside it.

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

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
        let rules = RulesInput { min_apts_per_year: a, notice_days: b, vote_threshold: c };
        if let Err(p) = check_rules(&rules) {
            refusal_is_shown_beside(&p, &["min_apts_per_year", "notice_days", "vote_threshold"])?;
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
}
