//! The report's rules: the seed's words, values as typed and shown, the roll-up's sums and
//! weighted percents, suggestions, the workflow and the deadlines.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::figures::broken_references;
use super::workflow::{check_answer, check_deadline, check_return_comment};
use super::*;

fn percent() -> FigureKind {
    FigureKind::Percent {
        basis: "hours_worked_total".into(),
    }
}

#[test]
fn the_sections_and_questions_are_the_seeds_in_its_order() {
    let titles: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles[0],
        "Bedömning och utvärdering av föregående års åtgärder"
    );
    assert_eq!(titles[3], "Sjukfrånvaro");
    assert_eq!(
        titles[13],
        "Utvalda risker och åtgärder som rapporteras vidare"
    );
    for s in Section::ALL {
        assert_eq!(Section::from_code(s.code()), Some(s));
    }
    let rounds: Vec<&str> = questions_in(Section::Rounds).map(|q| q.text).collect();
    assert_eq!(
        rounds,
        [
            "Har kartläggning av arbetsmiljön (arbetsmiljöronder) genomförts?",
            "Har rutiner och instruktioner för arbetsmiljöarbetet följts?",
            "Har skyddsombud medverkat?",
            "Har åtgärder återrapporterats till medarbetarna?",
        ]
    );
    assert_eq!(
        question("injuries_reported_back").unwrap().text,
        "Har anmälda arbetsskador och tillbud samt utredningar och åtgärder av dessa \
         återrapporterats till medarbetarna under året?"
    );
    assert_eq!(
        question("managers_certified")
            .unwrap()
            .text_for("Huddinge kommun"),
        "Är samtliga chefer i verksamheten certifierade i Huddinge kommuns arbetsmiljöarbete?"
    );
    assert_eq!(genitive("Vaxholms stad"), "Vaxholms stads");
    assert_eq!(genitive("Mora stads"), "Mora stads");
    assert_eq!(YesNo::Partly.label(), "Delvis");
}

#[test]
fn the_template_is_sound_and_heads_its_tables_as_the_seed() {
    let figures = default_figures();
    assert!(broken_references(&figures).is_empty());
    let sick: Vec<(&str, &str)> = figures
        .iter()
        .filter(|f| f.section == Section::SickLeave && f.kind != FigureKind::Basis)
        .map(|f| (f.group.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(sick[0], ("", "Total sjukfrånvaro"));
    assert_eq!(sick[3], ("Kort sjukfrånvaro (0-14 dagar)", "Totalt"));
    assert_eq!(sick[8], ("Lång sjukfrånvaro (15- dagar)", "Män"));
    let table = figure_table(Section::SickLeave);
    assert_eq!(
        column_headings(&table, 2023),
        ["R12 2023-12", "R12 2022-12", "Skillnad"]
    );
    assert_eq!(
        column_headings(&figure_table(Section::Injuries), 2025),
        ["2025", "Föregående år", "Skillnad"]
    );
    assert_eq!(
        figure_table(Section::Overtime).heading,
        "Arbetstid (timmar)"
    );

    let mut broken = figures.clone();
    broken.push(FigureDef {
        code: "x".into(),
        section: Section::SickLeave,
        group: String::new(),
        label: "Ålder 60+".into(),
        kind: FigureKind::Percent {
            basis: "leavers".into(),
        },
    });
    assert_eq!(broken_references(&broken), ["x"], "a count is no basis");
}

#[test]
fn values_are_typed_with_a_comma_and_shown_as_the_seed() {
    assert_eq!(parse_value("7,7", &percent()), Ok(Some(770)));
    assert_eq!(parse_value(" 8.46 % ", &percent()), Ok(Some(846)));
    assert_eq!(parse_value("", &percent()), Ok(None));
    assert_eq!(parse_value("1 563", &FigureKind::Count), Ok(Some(156_300)));
    assert_eq!(
        parse_value("24054,5", &FigureKind::Hours),
        Ok(Some(2_405_450))
    );
    assert!(parse_value("101", &percent()).is_err(), "over 100 percent");
    assert!(parse_value("-3", &FigureKind::Count).is_err(), "negative");
    assert!(
        parse_value("3,5", &FigureKind::Count).is_err(),
        "a count is whole"
    );
    assert_eq!(parse_value("3,0", &FigureKind::Count), Ok(Some(300)));
    assert!(parse_value("7,777", &percent()).is_err(), "three decimals");
    assert!(parse_value("sju", &percent()).is_err());
    assert!(parse_value("99999999999999", &FigureKind::Hours).is_err());

    assert_eq!(show_value(770, &percent()), "7,7");
    assert_eq!(show_value(846, &percent()), "8,5");
    assert_eq!(show_value(99_000, &FigureKind::Count), "990");
    assert_eq!(show_value(2_405_450, &FigureKind::Hours), "24055");
    assert_eq!(value_input(846), "8,46");
    assert_eq!(value_input(2_405_450), "24054,5");
    assert_eq!(value_input(99_000), "990");
}

#[test]
fn the_difference_is_computed_from_what_is_shown() {
    // Seed 004: 7,7 against 8,5 is -0,8; 626 against 660 avgångar is -34; 11,8 against 11,2
    // is 0,6.
    assert_eq!(
        difference(Some(770), Some(850), &percent()).as_deref(),
        Some("-0,8")
    );
    assert_eq!(
        difference(Some(774), Some(846), &percent()).as_deref(),
        Some("-0,8"),
        "7,74 shows as 7,7 and 8,46 as 8,5"
    );
    assert_eq!(
        difference(Some(62_600), Some(66_000), &FigureKind::Count).as_deref(),
        Some("-34")
    );
    assert_eq!(
        difference(Some(1180), Some(1120), &percent()).as_deref(),
        Some("0,6")
    );
    assert_eq!(difference(Some(1), None, &percent()), None);
}

fn tally(values: &[(i64, Option<i64>)]) -> Tally {
    let mut t = Tally::default();
    for &(v, w) in values {
        t.nodes += 1;
        t.sum += v;
        match w {
            Some(w) => {
                t.weighted += v * w;
                t.weight += w;
            }
            None => t.unweighted += 1,
        }
    }
    t
}

#[test]
fn a_percent_is_weighted_by_its_basis_never_averaged() {
    // A unit of 1 000 hours at 10 % and one of 9 000 hours at 5 %: 5,5 %, not the mean 7,5 %.
    let t = tally(&[(1000, Some(1000)), (500, Some(9000))]);
    assert_eq!(
        rolled(&percent(), &t),
        Rolled {
            value: Some(550),
            left_out: 0
        }
    );
    // One without its hours is left out, and said to be.
    let t = tally(&[(1000, Some(1000)), (500, Some(9000)), (9000, None)]);
    assert_eq!(
        rolled(&percent(), &t),
        Rolled {
            value: Some(550),
            left_out: 1
        }
    );
    // A single node's percent stands on its own; several without any basis cannot be weighed.
    assert_eq!(rolled(&percent(), &tally(&[(770, None)])).value, Some(770));
    assert_eq!(
        rolled(&percent(), &tally(&[(770, None), (800, None)])),
        Rolled {
            value: None,
            left_out: 2
        }
    );
    assert_eq!(rolled(&percent(), &Tally::default()).value, None);
    // Counts add up.
    let counts = tally(&[(99_000, None), (74_800, None)]);
    assert_eq!(rolled(&FigureKind::Count, &counts).value, Some(173_800));
}

#[test]
fn the_template_rolls_up_with_its_sums() {
    let figures = default_figures();
    let mut tallies = HashMap::new();
    tallies.insert("extra_hours".to_string(), tally(&[(2_405_400, None)]));
    tallies.insert(
        "overtime_hours".to_string(),
        tally(&[(1_000_000, None), (1_948_500, None)]),
    );
    let values = roll_up(&figures, &tallies);
    // Seed 004: 24054 + 29485 = 53539.
    assert_eq!(values["working_hours_sum"].value, Some(5_353_900));
    assert_eq!(values["injuries"].value, None, "nothing reported");
    let none = roll_up(&figures, &HashMap::new());
    assert_eq!(none["working_hours_sum"].value, None);
}

#[test]
fn answers_are_counted_and_those_short_of_yes_named() {
    let answers = vec![
        (
            "Barn- och utbildningsförvaltningen".to_string(),
            Some(YesNo::Yes),
        ),
        ("Kommunstyrelsens förvaltning".to_string(), Some(YesNo::No)),
        ("Socialförvaltningen".to_string(), Some(YesNo::Partly)),
        ("Kultur- och fritidsförvaltningen".to_string(), None),
    ];
    let t = tally_answers(&answers);
    assert_eq!((t.yes, t.no, t.partly, t.unanswered), (1, 1, 1, 1));
    assert_eq!(
        t.not_yes,
        vec![
            ("Kommunstyrelsens förvaltning".to_string(), YesNo::No),
            ("Socialförvaltningen".to_string(), YesNo::Partly),
        ]
    );
}

#[test]
fn a_suggestion_follows_the_facts_and_overriding_it_needs_a_reason() {
    assert_eq!(suggest(3, 3), Some(YesNo::Yes));
    assert_eq!(suggest(1, 3), Some(YesNo::Partly));
    assert_eq!(suggest(0, 3), Some(YesNo::No));
    assert_eq!(suggest(0, 0), None, "nothing was due");

    assert_eq!(
        check_answer("ja", Some(YesNo::Yes), "ignored"),
        Ok((Some(YesNo::Yes), String::new()))
    );
    let refused = check_answer("nej", Some(YesNo::Yes), " ").unwrap_err();
    assert_eq!(refused.field, "reason");
    assert_eq!(
        check_answer("nej", Some(YesNo::Yes), "Ronden i november ställdes in."),
        Ok((
            Some(YesNo::No),
            "Ronden i november ställdes in.".to_string()
        ))
    );
    assert_eq!(
        check_answer("delvis", None, ""),
        Ok((Some(YesNo::Partly), String::new()))
    );
    assert_eq!(
        check_answer("", Some(YesNo::Yes), ""),
        Ok((None, String::new()))
    );
    assert_eq!(
        check_answer("kanske", None, "").unwrap_err().field,
        "answer"
    );
}

#[test]
fn the_workflow_goes_draft_submitted_then_returned_or_accepted() {
    use ReportStatus::*;
    use ReportStep::*;
    assert_eq!(after(Draft, Submit, true), Ok(Submitted));
    assert_eq!(
        after(Draft, Submit, false),
        Ok(Accepted),
        "the top adopts its own"
    );
    assert_eq!(after(Submitted, Return, true), Ok(Returned));
    assert_eq!(after(Returned, Submit, true), Ok(Submitted));
    assert_eq!(after(Submitted, Accept, true), Ok(Accepted));
    assert!(after(Submitted, Submit, true).is_err());
    assert!(after(Draft, Accept, true).is_err());
    assert!(after(Accepted, Return, true).is_err());
    assert!(Draft.writable() && Returned.writable());
    assert!(!Submitted.writable() && !Accepted.writable());
    for s in ReportStatus::ALL {
        assert_eq!(ReportStatus::from_code(s.code()), Some(s));
    }
    assert!(check_return_comment("  ").is_err());
    assert_eq!(
        check_return_comment(" Lägg till sjukfrånvaron. ").as_deref(),
        Ok("Lägg till sjukfrånvaron.")
    );
}

#[test]
fn deadlines_fall_in_the_year_after_by_the_kind_of_node() {
    let rules = default_deadlines();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(deadline("enhet", 2025, &rules), day(2026, 1, 31));
    assert_eq!(deadline("förvaltning", 2025, &rules), day(2026, 2, 28));
    assert_eq!(deadline("okänd", 2025, &rules), day(2026, 1, 31));
    let leap = vec![DeadlineRule {
        kind: "avdelning".into(),
        month: 2,
        day: 29,
    }];
    assert_eq!(deadline("avdelning", 2026, &leap), day(2027, 2, 28));
    assert_eq!(deadline("avdelning", 2027, &leap), day(2028, 2, 29));
    assert_eq!(check_deadline("2", "29"), Ok((2, 29)));
    assert_eq!(check_deadline("4", "31").unwrap_err().field, "day");
    assert_eq!(check_deadline("13", "1").unwrap_err().field, "month");
}

#[test]
fn the_writer_is_the_nodes_editor_and_the_level_above_decides() {
    use crate::domain::access::{Membership, Role};
    let at = |node_id, role| Membership { node_id, role };
    // Municipality 1, administration 2, unit 3.
    let unit = [3, 2, 1];
    let admin = [2, 1];
    assert_eq!(
        report_right(&[at(3, Role::Chef)], &unit),
        ReportRight::Write
    );
    assert_eq!(report_right(&[at(1, Role::Hr)], &unit), ReportRight::Write);
    assert_eq!(report_right(&[at(2, Role::Chef)], &unit), ReportRight::Read);
    assert_eq!(
        report_right(&[at(2, Role::Skyddsombud)], &unit),
        ReportRight::Read
    );
    assert_eq!(
        report_right(&[at(3, Role::Medarbetare)], &unit),
        ReportRight::ReadAccepted
    );
    assert_eq!(
        report_right(&[at(3, Role::Chef)], &admin),
        ReportRight::None,
        "a unit's chef does not read the administration's"
    );
    assert!(decides_for(&[at(2, Role::Chef)], &admin));
    assert!(!decides_for(&[at(3, Role::Chef)], &admin));
    assert!(
        !decides_for(&[at(1, Role::Hr)], &[]),
        "nothing above the top"
    );
}

#[test]
fn arshjul_suggests_from_its_records_and_says_on_what() {
    let facts = KnownFacts {
        rounds_done: 3,
        rounds_due: 4,
        checklists_done: 5,
        done_with_safety: 5,
        ..KnownFacts::default()
    };
    let (answer, basis) = suggestion("rounds_done", &facts).unwrap();
    assert_eq!(answer, YesNo::Partly);
    assert_eq!(basis, "3 av 4 arbetsmiljöronder är klara i Årshjul.");
    assert_eq!(
        suggestion("safety_representative", &facts).map(|s| s.0),
        Some(YesNo::Yes)
    );
    assert_eq!(
        suggestion("inspection", &facts),
        None,
        "Årshjul cannot know"
    );
    assert_eq!(
        suggestion("rounds_done", &KnownFacts::default()),
        None,
        "nothing due"
    );
    let lines = facts_for(Section::Rounds, 2025, &facts);
    assert_eq!(
        lines[0],
        "Arbetsmiljöronder klara: 3 av 4 (checklistorna i Årshjul)."
    );
    assert!(facts_for(Section::Summary, 2025, &facts).is_empty());
}

#[test]
fn only_the_rounds_section_has_suggestions() {
    let with: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| super::facts::suggests_in(*s))
        .collect();
    assert_eq!(with, [Section::Rounds]);
}

#[test]
fn the_meetings_section_says_what_the_units_apts_were_with_its_source() {
    use crate::domain::compliance::{ComplianceRules, UnitCompliance};
    use crate::domain::env_report::{facts_for, meeting_facts};

    let rules = ComplianceRules {
        min_apts: 8,
        notice_days: 7,
        minutes_days: 14,
    };
    let unit = |planned, held, on_time| UnitCompliance {
        planned,
        held,
        notices_on_time: on_time,
        minutes_in_time: on_time,
        topics: 10,
        topics_covered: 4,
        ..UnitCompliance::default()
    };
    let facts = KnownFacts {
        meetings: meeting_facts(&[unit(8, 6, 6), unit(5, 4, 2)], rules),
        ..KnownFacts::default()
    };
    let lines = facts_for(Section::Meetings, 2025, &facts);
    assert_eq!(
        lines[0],
        "APT 2025: 10 hållna av 13 planerade i 2 enheter; 1 av 2 har minst 8 APT planerade \
         (planerna i Årshjul)."
    );
    assert!(lines[1].contains("minst 7 dagar före vid 8 av 10 hållna APT"));
    assert!(lines[2].contains("inom 14 dagar vid 8 av 10"));
    assert_eq!(
        lines[3],
        "Ämnen i årshjulet tagna på en hållen APT: 8 av 20 (planerna i Årshjul)."
    );
}

#[test]
fn an_added_figure_is_checked_against_the_template() {
    use crate::domain::env_report::figures::check_new_figure;

    let template = default_figures();
    let field = |r: Result<FigureDef, crate::domain::form_input::FieldProblem>| {
        r.map(|_| ()).map_err(|p| p.field)
    };
    let added = check_new_figure(
        "sick_leave",
        "Sjukfrånvaro ≥ 60 dagar",
        " 30-49 år ",
        "percent",
        "hours_worked_total",
        &template,
    )
    .unwrap();
    assert_eq!(
        (added.section, added.label.as_str()),
        (Section::SickLeave, "30-49 år")
    );
    assert_eq!(
        field(check_new_figure("okänt", "", "X", "count", "", &template)),
        Err("section")
    );
    assert_eq!(
        field(check_new_figure(
            "injuries", "", "  ", "count", "", &template
        )),
        Err("label")
    );
    assert_eq!(
        field(check_new_figure("injuries", "", "X", "tal", "", &template)),
        Err("kind")
    );
    assert_eq!(
        field(check_new_figure(
            "sick_leave",
            "",
            "X",
            "percent",
            "injuries",
            &template
        )),
        Err("basis"),
        "a percent is weighted by a basis, not by any figure"
    );
    assert_eq!(
        field(check_new_figure(
            "injuries",
            "",
            "antal rapporterade tillbud",
            "count",
            "",
            &template
        )),
        Err("label"),
        "the seed's own row"
    );
}
