//! Text as it leaves the app in other formats (calendar files, e-mail): free of control
//! characters. A bare carriage return in a meeting's place would end the line in a calendar
//! file and start a property of the writer's choosing; in a mail header, a header. The formats'
//! own escapers know their special characters but not these, so every text passes here first.

use std::borrow::Cow;

/// One line: every control character (line breaks, tabs, C1 controls, the Unicode line and
/// paragraph separators) becomes a space, so nothing can start a new line.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(breaks) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if breaks(c) { ' ' } else { c })
            .collect(),
    )
}

/// At most `max` characters of one line: longer text is cut and ends in `…` (what the audit trail
/// keeps of a request's path or a typed address, however long the request made it).
pub fn clipped(text: &str, max: usize) -> String {
    let line = one_line(text);
    if line.chars().count() <= max {
        return line.into_owned();
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Several lines: `\r\n` and a bare `\r` become `\n` (the formats' escapers know `\n`), a tab
/// becomes a space, and every other control character goes.
pub fn lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && breaks(c)) {
        return Cow::Borrowed(text);
    }
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    Cow::Owned(
        unified
            .chars()
            .filter_map(|c| match c {
                '\n' => Some('\n'),
                '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn breaks(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_text_keeps_its_start_and_says_it_was_cut() {
        assert_eq!(clipped("kort", 10), "kort");
        assert_eq!(clipped("åäöåäöåäö", 4), "åäö…");
        assert_eq!(clipped("a\r\nb", 10), "a  b");
        assert_eq!(clipped(&"/x".repeat(10_000), 200).chars().count(), 200);
    }

    #[test]
    fn one_line_turns_every_break_into_a_space() {
        assert_eq!(one_line("Eken"), "Eken");
        assert!(matches!(one_line("Eken"), Cow::Borrowed(_)));
        assert_eq!(
            one_line("Eken\rATTENDEE:mailto:x@evil.example"),
            "Eken ATTENDEE:mailto:x@evil.example"
        );
        assert_eq!(
            one_line("a\r\nb\nc\td\u{85}e\u{2028}f\u{7}"),
            "a  b c d e f "
        );
        assert_eq!(one_line("Åsa Öberg – APT"), "Åsa Öberg – APT");
    }

    #[test]
    fn lines_keep_line_breaks_as_newlines_only() {
        assert_eq!(lines("a\nb"), "a\nb");
        assert!(matches!(lines("a\nb"), Cow::Borrowed(_)));
        assert_eq!(lines("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(lines("a\tb\u{0}c\u{1b}[31md\u{2029}e"), "a bc[31md e");
    }
}
