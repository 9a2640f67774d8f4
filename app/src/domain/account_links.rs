//! One-time links that let a person choose a password: the invitation HR's adding of a person
//! sends, and the reset "Glömt lösenordet?" sends. How long each holds, whether a link still
//! holds, and what a new password must be. Plain data in, a decision or a Swedish sentence out.

use chrono::{DateTime, Duration, Utc};

use super::form_input::{problem, FieldProblem};

/// The shortest password accepted: long enough that a phrase is the easy way to reach it.
pub const MIN_PASSWORD: usize = 10;

/// The longest password accepted (hashing is deliberately slow, so the input is bounded).
pub const MAX_PASSWORD: usize = 128;

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkPurpose {
    /// A new person chooses their first password.
    Invite,
    /// A person who forgot their password chooses a new one.
    Reset,
}

impl LinkPurpose {
    /// The code stored in `account_links.purpose`.
    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::Invite => "invite",
            LinkPurpose::Reset => "reset",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<LinkPurpose> {
        match code {
            "invite" => Some(LinkPurpose::Invite),
            "reset" => Some(LinkPurpose::Reset),
            _ => None,
        }
    }

    /// How long a link holds: an invitation a week (people do not read work mail every day),
    /// a reset an hour (whoever asked is waiting for it).
    pub fn lifetime(self) -> Duration {
        match self {
            LinkPurpose::Invite => Duration::days(7),
            LinkPurpose::Reset => Duration::hours(1),
        }
    }
}

/// Why a link no longer holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// It has been used (or a newer link replaced it).
    Used,
    /// Its time is out.
    Expired,
}

impl LinkProblem {
    /// What the page says instead of the form.
    pub fn message(self) -> &'static str {
        match self {
            LinkProblem::Used => {
                "Länken är redan använd. Logga in med ditt lösenord, eller be om en ny länk \
                 under Glömt lösenordet?"
            }
            LinkProblem::Expired => {
                "Länken har slutat gälla. Be om en ny länk under Glömt lösenordet?, eller be \
                 den som bjöd in dig att skicka en ny inbjudan."
            }
        }
    }
}

/// Whether a link holds at `now`.
pub fn check_link(
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), LinkProblem> {
    if used_at.is_some() {
        Err(LinkProblem::Used)
    } else if now >= expires_at {
        Err(LinkProblem::Expired)
    } else {
        Ok(())
    }
}

/// A new password's length and its repetition; how guessable it is, the server judges beside it
/// (`auth::password::too_guessable`), since that needs a dictionary the browser should not load.
pub fn check_new_password(password: &str, repeated: &str) -> Result<(), FieldProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(problem(
            "password",
            format!(
                "Lösenordet ska ha minst {MIN_PASSWORD} tecken. Ett par ord med mellanslag \
                 går bra."
            ),
        ));
    }
    if length > MAX_PASSWORD {
        return Err(problem(
            "password",
            format!("Lösenordet får ha högst {MAX_PASSWORD} tecken."),
        ));
    }
    if password != repeated {
        return Err(problem(
            "repeated",
            "Lösenorden är inte likadana. Skriv samma två gånger.",
        ));
    }
    Ok(())
}

/// What a password too easy to guess gets, beside the field.
pub const TOO_GUESSABLE: &str = "Lösenordet är för lätt att gissa: det är vanligt eller liknar \
     ditt namn eller din e-postadress. Välj en längre fras som bara du känner till.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_holds_until_used_or_out_of_time() {
        let now = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let expires = now + LinkPurpose::Reset.lifetime();
        assert_eq!(check_link(expires, None, now), Ok(()));
        assert_eq!(check_link(expires, Some(now), now), Err(LinkProblem::Used));
        assert_eq!(
            check_link(expires, None, expires),
            Err(LinkProblem::Expired)
        );
        assert!(LinkPurpose::Invite.lifetime() > LinkPurpose::Reset.lifetime());
        assert_eq!(LinkPurpose::from_code("invite"), Some(LinkPurpose::Invite));
        assert_eq!(LinkPurpose::from_code("x"), None);
    }

    #[test]
    fn a_new_password_is_long_enough_and_typed_the_same_twice() {
        assert_eq!(
            check_new_password("kort", "kort").unwrap_err().field,
            "password"
        );
        assert_eq!(
            check_new_password("en lång fras här", "en lång fras här!")
                .unwrap_err()
                .field,
            "repeated"
        );
        assert!(check_new_password("en lång fras här", "en lång fras här").is_ok());
        let long = "x".repeat(MAX_PASSWORD + 1);
        assert!(check_new_password(&long, &long).is_err());
    }
}
