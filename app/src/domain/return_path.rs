//! Where a form may send the browser back to: only a path on this site. Browsers drop tabs and
//! line breaks inside a URL and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would
//! become `//evil.example`, another site; any such character refuses the path.

/// The path to return to, when it is one on this site.
pub fn same_site_path(path: &str) -> Option<&str> {
    let mut chars = path.chars();
    let starts_here = chars.next() == Some('/') && !matches!(chars.next(), Some('/'));
    let plain = !path
        .chars()
        .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    (starts_here && plain).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_site_is_kept() {
        for path in ["/", "/enhet/12?ar=2027", "/nasta-apt#punkt-3", "/s%C3%B6k"] {
            assert_eq!(same_site_path(path), Some(path));
        }
    }

    #[test]
    fn anything_a_browser_could_read_as_another_site_is_refused() {
        for path in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "evil.example",
            "",
            "/ /evil.example",
        ] {
            assert_eq!(same_site_path(path), None, "{path:?}");
        }
    }
}
