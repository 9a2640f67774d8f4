//! E-mail addresses as Årshjul compares them. An address is a person's key for signing in and
//! for the provider's first match, so two addresses that only look alike must not meet: the
//! text is brought to Unicode's compatibility form (NFKC, so full-width and other variant letters
//! become the letters they stand for) and then only ASCII letters are lower-cased. Unicode's own
//! case folding is not used: it turns, for example, the Kelvin sign into a plain `k`.

use unicode_normalization::{is_nfkc, UnicodeNormalization};

/// The form an address is stored and looked up in. Lower-casing can make a letter that composes
/// with the mark after it (`J` and a combining caron stay apart, `j` and the caron become `ǰ`),
/// so the text is composed once more after it: the form of a form is the form itself.
pub fn normal_email(text: &str) -> String {
    let lowered = text.nfkc().collect::<String>().trim().to_ascii_lowercase();
    lowered.nfkc().collect::<String>().trim().to_string()
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
    fn a_letter_lower_cased_next_to_a_mark_is_composed_so_the_form_is_stable() {
        // Found by the property test: a script capital J with a combining caron.
        let once = normal_email("\u{1D4A5}\u{30C}");
        assert_eq!(once, "\u{1F0}");
        assert_eq!(normal_email(&once), once);
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
