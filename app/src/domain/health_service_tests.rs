use super::*;

fn input(provider: &str, amounts: &[(&str, &str)]) -> HealthInput {
    HealthInput {
        provider: provider.into(),
        amounts: amounts
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect(),
    }
}

/// Seed 002's bilaga 1 for 2025: 293 tkr efterhjälpande, 408 förebyggande, 2 främjande.
fn seed_2025() -> HealthFigures {
    check_health_input(
        2025,
        &input(
            "Feelgood",
            &[
                ("m1", "41,5"),
                ("m2", "63"),
                ("remedial_individual", "293"),
                ("preventive_organisation", "46"),
                ("preventive_group", "115"),
                ("preventive_individual", "247"),
                ("promotive_individual", "2"),
            ],
        ),
    )
    .unwrap()
}

#[test]
fn amounts_are_typed_in_tkr_and_kept_in_kronor() {
    assert_eq!(parse_tkr(""), Ok(None));
    assert_eq!(parse_tkr("  "), Ok(None));
    assert_eq!(parse_tkr("0"), Ok(Some(0)));
    assert_eq!(parse_tkr("58"), Ok(Some(58_000)));
    assert_eq!(parse_tkr("58,5"), Ok(Some(58_500)));
    assert_eq!(parse_tkr("58.25"), Ok(Some(58_250)));
    assert_eq!(parse_tkr("1 234,125"), Ok(Some(1_234_125)));
    assert_eq!(parse_tkr("703 tkr"), Ok(Some(703_000)));
    for refused in ["-3", "tre", "58,1234", ",5", "5,5,5", "1e3"] {
        assert_eq!(parse_tkr(refused), Err(NOT_AN_AMOUNT), "{refused}");
    }
    assert!(parse_tkr("99999999999999999999").is_err());
    assert!(parse_tkr("1000000001").is_err());
}

#[test]
fn tkr_are_shown_whole_as_the_report_writes_them() {
    assert_eq!(tkr(703_499), "703");
    assert_eq!(tkr(2_002), "2");
    assert_eq!(tkr(500), "1");
    assert_eq!(tkr(0), "0");
    assert_eq!(tkr(1_234_000), "1\u{a0}234");
    assert_eq!(tkr_input(58_500), "58,5");
    assert_eq!(tkr_input(58_250), "58,25");
    assert_eq!(tkr_input(703_000), "703");
}

#[test]
fn shares_are_whole_per_cent_of_the_total() {
    let figures = seed_2025();
    assert_eq!(figures.areas_total(), 703_000);
    assert_eq!(
        percent(figures.area_total(Area::Remedial), figures.areas_total()),
        42
    );
    assert_eq!(
        percent(figures.area_total(Area::Preventive), figures.areas_total()),
        58
    );
    assert_eq!(
        percent(figures.area_total(Area::Promotive), figures.areas_total()),
        0
    );
    assert_eq!(figures.level_total(Level::Individual), 542_000);
    assert_eq!(percent(5, 0), 0);
}

#[test]
fn an_empty_month_is_not_reported_and_an_empty_area_is_nothing() {
    let figures = seed_2025();
    assert_eq!(figures.months[0], Some(41_500));
    assert_eq!(figures.months[2], None);
    assert_eq!(figures.months_total(), 104_500);
    assert_eq!(figures.cell(Area::Remedial, Level::Organisation), 0);
    assert_eq!(figures.provider, "Feelgood");
}

#[test]
fn every_bad_box_is_named_beside_its_field() {
    let problems = check_health_input(
        2025,
        &input(" ", &[("m3", "mycket"), ("promotive_group", "-1")]),
    )
    .unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["provider", "m3", "promotive_group"]);
    assert_eq!(problems[1].message, NOT_AN_AMOUNT);
    let long = "x".repeat(MAX_PROVIDER + 1);
    assert_eq!(
        check_health_input(2025, &input(&long, &[])).unwrap_err()[0].field,
        "provider"
    );
}

#[test]
fn figures_shown_in_the_form_read_back_the_same() {
    let figures = seed_2025();
    assert_eq!(
        check_health_input(2025, &HealthInput::of(&figures)),
        Ok(figures)
    );
}

#[test]
fn every_code_reads_back() {
    for area in Area::ALL {
        assert_eq!(Area::from_code(area.code()), Some(area));
    }
    for level in Level::ALL {
        assert_eq!(Level::from_code(level.code()), Some(level));
    }
    assert_eq!(Area::from_code("other"), None);
    assert_eq!(Level::from_code("other"), None);
}
