//! Open sign-up: who may get an account by signing in through the organisation's provider
//! without being in the register yet. Only an organisation that has switched it on, and only
//! for its own e-mail domains; such an account holds no roles until HR gives it one.

use super::form_input::{problem, FieldProblem};

/// The most domains an organisation lists (a municipality has a handful: its own, its
/// schools', its companies').
pub const MAX_EMAIL_DOMAINS: usize = 20;

/// The longest "whom to ask" text.
pub const MAX_WHOM_TO_ASK: usize = 300;

/// Reads the organisation's e-mail domains as typed ("exempelstad.se, skola.exempelstad.se",
/// one per line or separated by commas or spaces, an `@` in front allowed): lower-case, without
/// repeats, in the order given. Refuses anything that is not a domain name, beside the field.
pub fn check_email_domains(text: &str) -> Result<Vec<String>, FieldProblem> {
    let mut domains: Vec<String> = Vec::new();
    for word in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let domain = word.trim().trim_start_matches('@').to_lowercase();
        if domain.is_empty() {
            continue;
        }
        if !is_domain(&domain) {
            return Err(problem(
                "email_domains",
                format!("{domain} är ingen domän. Skriv till exempel exempelstad.se."),
            ));
        }
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    if domains.len() > MAX_EMAIL_DOMAINS {
        return Err(problem(
            "email_domains",
            format!("Högst {MAX_EMAIL_DOMAINS} domäner."),
        ));
    }
    Ok(domains)
}

/// A domain name: labels of letters, digits and hyphens, at least two of them.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The settings of open sign-up as the form sends them, checked together: switching it on
/// needs at least one domain, so nobody from anywhere gets an account.
pub fn check_sign_up(
    domains: &str,
    open: bool,
    whom_to_ask: &str,
) -> Result<(Vec<String>, bool, String), FieldProblem> {
    let domains = check_email_domains(domains)?;
    if open && domains.is_empty() {
        return Err(problem(
            "email_domains",
            "Skriv organisationens e-postdomäner för att slå på öppen inloggning.",
        ));
    }
    let whom = whom_to_ask.trim();
    if whom.chars().count() > MAX_WHOM_TO_ASK {
        return Err(problem(
            "whom_to_ask",
            format!("Högst {MAX_WHOM_TO_ASK} tecken."),
        ));
    }
    Ok((domains, open, whom.to_string()))
}

/// Whether an address (already checked and lower-case) belongs to one of the domains: the
/// domain itself, never a look-alike (`exempelstad.se.example.com`, `annanexempelstad.se`).
pub fn in_domains(email: &str, domains: &[String]) -> bool {
    email
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domains.iter().any(|d| d == domain))
}

/// A name for an account made by open sign-up when the provider gave none: the address's
/// local part with its dots as spaces, each word capitalised ("anna.berg" → "Anna Berg").
pub fn name_from_email(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    let name = local
        .split(['.', '_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        email.to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_read_in_any_common_separator_without_repeats() {
        assert_eq!(
            check_email_domains(
                " Exempelstad.se, @skola.exempelstad.se\nexempelstad.se ; bolag.se"
            ),
            Ok(vec![
                "exempelstad.se".to_string(),
                "skola.exempelstad.se".to_string(),
                "bolag.se".to_string()
            ])
        );
        assert_eq!(check_email_domains("  "), Ok(vec![]));
    }

    #[test]
    fn what_is_not_a_domain_is_named_beside_the_field() {
        for bad in [
            "exempelstad",
            "exempel stad.se x",
            "-a.se",
            "a..se",
            "anna@exempelstad.se",
        ] {
            let err = check_email_domains(bad).unwrap_err();
            assert_eq!(err.field, "email_domains", "{bad}");
        }
        assert!(
            check_email_domains("åre.se").is_ok(),
            "Swedish letters are fine"
        );
    }

    #[test]
    fn open_sign_up_needs_a_domain_and_a_short_whom_to_ask() {
        assert_eq!(
            check_sign_up("", true, "").unwrap_err().field,
            "email_domains"
        );
        assert!(check_sign_up("", false, "").is_ok());
        let long = "x".repeat(MAX_WHOM_TO_ASK + 1);
        assert_eq!(
            check_sign_up("a.se", true, &long).unwrap_err().field,
            "whom_to_ask"
        );
        assert_eq!(
            check_sign_up("a.se", true, "  HR-enheten, hr@a.se "),
            Ok((vec!["a.se".into()], true, "HR-enheten, hr@a.se".into()))
        );
    }

    #[test]
    fn only_the_domain_itself_matches() {
        let domains = vec!["exempelstad.se".to_string()];
        assert!(in_domains("anna@exempelstad.se", &domains));
        assert!(!in_domains("anna@exempelstad.se.example.com", &domains));
        assert!(!in_domains("anna@annanexempelstad.se", &domains));
        assert!(!in_domains("anna@skola.exempelstad.se", &domains));
        assert!(!in_domains("exempelstad.se", &domains));
    }

    #[test]
    fn a_name_is_made_from_the_address_when_the_provider_gives_none() {
        assert_eq!(name_from_email("anna.berg@exempelstad.se"), "Anna Berg");
        assert_eq!(name_from_email("åsa_ek-lind@a.se"), "Åsa Ek Lind");
        assert_eq!(name_from_email("@a.se"), "@a.se");
    }
}
