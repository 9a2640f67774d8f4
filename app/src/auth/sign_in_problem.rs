//! Why a sign-in through the organisation's provider did not end signed in. The server sends
//! the browser back to `/logga-in?fel=<code>`, and the page names the problem in Swedish; the
//! codes are the only thing that crosses, so no provider's error text reaches the page.

/// A reason an OpenID Connect sign-in was refused or could not finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    /// The person cancelled at the provider, or the provider refused them.
    Cancelled,
    /// The sign-in took too long, was started in another tab or browser, or was replayed.
    Expired,
    /// The provider could not be reached, or answered with an error.
    Unavailable,
    /// The provider's answer could not be verified (signature, audience, nonce, token hash).
    Unverified,
    /// The provider gave no e-mail address to match a person with.
    NoEmail,
    /// The provider says the e-mail address is not verified.
    EmailNotVerified,
    /// No active person in Årshjul has the e-mail address.
    UnknownPerson,
    /// The address's account already signs in as another person at the provider.
    OtherIdentity,
    /// Sign-in through a provider is not configured here.
    NotOffered,
    /// Too many sign-in attempts from this address: wait and try again.
    TooManyAttempts,
}

impl SignInProblem {
    /// Every problem, for the page's lookup and the tests.
    pub const ALL: [SignInProblem; 10] = [
        SignInProblem::Cancelled,
        SignInProblem::Expired,
        SignInProblem::Unavailable,
        SignInProblem::Unverified,
        SignInProblem::NoEmail,
        SignInProblem::EmailNotVerified,
        SignInProblem::UnknownPerson,
        SignInProblem::OtherIdentity,
        SignInProblem::NotOffered,
        SignInProblem::TooManyAttempts,
    ];

    /// The code in the sign-in page's query string (`?fel=`) and in the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            SignInProblem::Cancelled => "avbruten",
            SignInProblem::Expired => "utgangen",
            SignInProblem::Unavailable => "tjansten",
            SignInProblem::Unverified => "obekraftad",
            SignInProblem::NoEmail => "ingen-epost",
            SignInProblem::EmailNotVerified => "overifierad",
            SignInProblem::UnknownPerson => "okand",
            SignInProblem::OtherIdentity => "annan-identitet",
            SignInProblem::NotOffered => "ej-erbjuden",
            SignInProblem::TooManyAttempts => "for-manga-forsok",
        }
    }

    /// The problem a query-string code names; `None` for anything else (ignored by the page).
    pub fn from_code(code: &str) -> Option<SignInProblem> {
        SignInProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_no_two_share_one() {
        for problem in SignInProblem::ALL {
            assert_eq!(SignInProblem::from_code(problem.code()), Some(problem));
        }
        let mut codes: Vec<_> = SignInProblem::ALL.iter().map(|p| p.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), SignInProblem::ALL.len());
        assert_eq!(SignInProblem::from_code("<script>"), None);
    }
}
