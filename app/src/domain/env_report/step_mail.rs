//! The mail a step of a report's workflow sends: a submitted report to whoever decides on it
//! at the level above, a returned or accepted one back to its writers.

use super::workflow::ReportStep;

/// What a step says: `year`'s report of `node`, `above` the level that decides on it, the
/// `comment` of a return, `link` to the report. `None` for a top level adopting its own.
pub fn step_mail(
    step: ReportStep,
    year: i32,
    node: &str,
    above: Option<&str>,
    comment: &str,
    link: &str,
) -> Option<(String, String)> {
    let above = above?;
    let report = format!("Arbetsmiljörapporten {year} för {node}");
    let (subject, what) = match step {
        ReportStep::Submit => (
            format!("{report} är inskickad"),
            format!(
                "{report} är inskickad till {above}. Läs den och godkänn den, eller skicka \
                 tillbaka den med en kommentar om vad som ska ändras."
            ),
        ),
        ReportStep::Return => (
            format!("{report} är återsänd"),
            format!(
                "{above} har skickat tillbaka {} med kommentaren:\n\n{comment}\n\nÄndra \
                 rapporten och skicka in den igen.",
                lower_first(&report)
            ),
        ),
        ReportStep::Accept => (
            format!("{report} är godkänd"),
            format!("{above} har godkänt {}.", lower_first(&report)),
        ),
    };
    Some((
        subject,
        format!("Hej!\n\n{what}\n\nRapporten: {link}\n\nÅrshjul"),
    ))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_says_what_happened_and_where_the_report_is() {
        let link = "https://arshjul.example/enhet/4/arbetsmiljorapport?ar=2026";
        let (subject, body) = step_mail(
            ReportStep::Submit,
            2026,
            "Eken",
            Some("Avdelningen för äldreomsorg"),
            "",
            link,
        )
        .unwrap();
        assert_eq!(subject, "Arbetsmiljörapporten 2026 för Eken är inskickad");
        assert!(body.contains("inskickad till Avdelningen för äldreomsorg"));
        assert!(body.contains(&format!("Rapporten: {link}")));
        let (subject, body) = step_mail(
            ReportStep::Return,
            2026,
            "Eken",
            Some("Avdelningen för äldreomsorg"),
            "Lägg till sjukfrånvaron.",
            link,
        )
        .unwrap();
        assert_eq!(subject, "Arbetsmiljörapporten 2026 för Eken är återsänd");
        assert!(body.contains(
            "Avdelningen för äldreomsorg har skickat tillbaka arbetsmiljörapporten 2026 för Eken \
             med kommentaren:\n\nLägg till sjukfrånvaron."
        ));
        let (subject, _) =
            step_mail(ReportStep::Accept, 2026, "Eken", Some("Avd"), "", link).unwrap();
        assert_eq!(subject, "Arbetsmiljörapporten 2026 för Eken är godkänd");
        assert_eq!(
            step_mail(ReportStep::Submit, 2026, "Kommunen", None, "", link),
            None
        );
    }
}
