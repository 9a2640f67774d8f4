//! E-mail addresses as Årshjul compares them. An address is a person's key for signing in and
//! for the provider's first match, so two addresses that only look alike must not meet: the
//! text is brought to Unicode's compatibility form (NFKC, so full-width and other variant letters
//! become the letters they stand for) and then only ASCII letters are lower-cased. Unicode's own
//! case folding is not used: it turns, for example, the Kelvin sign into a plain `k`.

use unicode_normalization::{is_nfkc, UnicodeNormalization};

/// The form an address is stored and looked up in.
pub fn normal_email(text: &str) -> String {
    text.nfkc().collect::<String>().trim().to_ascii_lowercase()
}

/// Whether an address someone else vouches for (the organisation's provider) is already in its
/// plain form, so that it can only match the address it spells. An address written with
/// compatibility characters (a full-width `@`, the Kelvin sign) is a look-alike and is not
/// matched to anyone.
pub fn is_plain_email(text: &str) -> bool {
    is_nfkc(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_ascii_lower_cased() {
        assert_eq!(normal_email(" Anna.Berg@Kommun.SE "), "anna.berg@kommun.se");
        // Letters outside ASCII keep their case: only what the address spells is compared.
        assert_eq!(normal_email("ÅSA@kommun.se"), "Åsa@kommun.se");
    }

    #[test]
    fn compatibility_letters_become_what_they_stand_for() {
        // Full-width letters and the full-width at sign.
        assert_eq!(normal_email("ａｎｎａ＠kommun.se"), "anna@kommun.se");
        assert_eq!(normal_email("\u{212A}alle@kommun.se"), "kalle@kommun.se");
    }

    #[test]
    fn a_look_alike_from_a_provider_is_not_plain() {
        assert!(is_plain_email("anna.berg@kommun.se"));
        assert!(is_plain_email(" åsa@kommun.se "));
        assert!(!is_plain_email("\u{212A}alle@kommun.se"));
        assert!(!is_plain_email("anna＠kommun.se"));
        // A decomposed å (a + combining ring) is not the plain form either.
        assert!(!is_plain_email("a\u{030A}sa@kommun.se"));
    }
}
