//! The filter of HR's audit log, checked: a period given as dates, a person's name, and the page
//! to start from. A bad date is named beside its field and the rest of the filter still applies.

use chrono::NaiveDate;

use super::FieldProblem;

/// The filter as typed into the log page's form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilterInput {
    /// First day, `YYYY-MM-DD`, or empty.
    pub from: String,
    /// Last day, `YYYY-MM-DD`, or empty.
    pub to: String,
    /// Part of the acting person's name or e-mail, or empty.
    pub person: String,
}

/// The filter the query uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// From the start of this day.
    pub from: Option<NaiveDate>,
    /// To the end of this day.
    pub to: Option<NaiveDate>,
    /// Text the person's name or e-mail contains, whatever its case.
    pub person: Option<String>,
}

fn day(text: &str, field: &'static str) -> Result<Option<NaiveDate>, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| FieldProblem {
            field,
            message: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.".into(),
        })
}

/// Checks the filter. Returns what could be used, and the problems of the fields that could
/// not (each field left out of the filter).
pub fn check_audit_filter(input: &AuditFilterInput) -> (AuditFilter, Vec<FieldProblem>) {
    let mut problems = Vec::new();
    let mut take = |result: Result<Option<NaiveDate>, FieldProblem>| {
        result.unwrap_or_else(|p| {
            problems.push(p);
            None
        })
    };
    let from = take(day(&input.from, "from"));
    let mut to = take(day(&input.to, "to"));
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            problems.push(FieldProblem {
                field: "to",
                message: "Slutdatumet kan inte vara före startdatumet.".into(),
            });
            to = None;
        }
    }
    let person: String = input.person.trim().chars().take(100).collect();
    let filter = AuditFilter {
        from,
        to,
        person: (!person.is_empty()).then_some(person),
    };
    (filter, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(from: &str, to: &str, person: &str) -> AuditFilterInput {
        AuditFilterInput {
            from: from.into(),
            to: to.into(),
            person: person.into(),
        }
    }

    #[test]
    fn an_empty_filter_asks_for_everything() {
        let (filter, problems) = check_audit_filter(&AuditFilterInput::default());
        assert_eq!(filter, AuditFilter::default());
        assert!(problems.is_empty());
    }

    #[test]
    fn dates_and_person_are_taken() {
        let (filter, problems) = check_audit_filter(&input("2026-01-01", "2026-01-31", " Åsa "));
        assert!(problems.is_empty());
        assert_eq!(filter.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(filter.to, NaiveDate::from_ymd_opt(2026, 1, 31));
        assert_eq!(filter.person.as_deref(), Some("Åsa"));
    }

    #[test]
    fn a_bad_date_is_named_and_the_rest_still_applies() {
        let (filter, problems) = check_audit_filter(&input("1 mars", "2026-02-30", "eva"));
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].field, "from");
        assert_eq!(problems[1].field, "to");
        assert_eq!(filter.person.as_deref(), Some("eva"));
        assert_eq!(filter.from, None);
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let (filter, problems) = check_audit_filter(&input("2026-05-01", "2026-04-01", ""));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "to");
        assert!(filter.from.is_some() && filter.to.is_none());
    }
}
