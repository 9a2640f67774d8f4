//! A number as a person types it in a Swedish form ("1 234,5", "58.5", "7,7 %"): the one
//! reading every figure box shares, so amounts in tkr and the report's key figures accept the
//! same spellings.

/// The whole and fractional digits of `text` once `unit` is taken off its end, the spaces
/// dropped and a decimal comma read as a point: `Ok(None)` when nothing is typed,
/// `Err(())` unless what is left is digits with at most one decimal mark.
#[allow(clippy::result_unit_err)] // Each caller says in its own words what it takes.
pub fn decimal_parts(text: &str, unit: &str) -> Result<Option<(String, String)>, ()> {
    let cleaned: String = text
        .trim()
        .trim_end_matches(unit)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(());
    }
    Ok(Some((whole.to_string(), fraction.to_string())))
}

#[cfg(test)]
mod tests {
    use super::decimal_parts;

    #[test]
    fn swedish_spellings_are_read_and_others_refused() {
        let parts = |w: &str, f: &str| Ok(Some((w.to_string(), f.to_string())));
        assert_eq!(decimal_parts(" 1 234,25 ", ""), parts("1234", "25"));
        assert_eq!(decimal_parts("58.5", ""), parts("58", "5"));
        assert_eq!(decimal_parts("703 tkr", "tkr"), parts("703", ""));
        assert_eq!(decimal_parts("7,7 %", "%"), parts("7", "7"));
        assert_eq!(decimal_parts("   ", ""), Ok(None));
        assert_eq!(decimal_parts(",5", ""), Err(()));
        assert_eq!(decimal_parts("1,2,3", ""), Err(()));
        assert_eq!(decimal_parts("-4", ""), Err(()));
        assert_eq!(decimal_parts("sju", ""), Err(()));
    }
}
