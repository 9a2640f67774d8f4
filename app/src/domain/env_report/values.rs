//! A key figure's value as it is typed, kept and shown: kept exactly in hundredths (so sums and
//! weights are integer arithmetic on both databases), typed with a Swedish decimal comma, shown
//! as the seed shows it (a percent with one decimal, "7,7"; counts and hours whole, "990"), and
//! the difference to the year before computed from what is shown, so the table adds up for its
//! reader ("7,7  8,5  -0,8").

use super::figures::FigureKind;

/// The largest value kept (in hundredths): a hundred billion, far above any municipality's hours.
pub const MAX_VALUE: i64 = 10_000_000_000_000;

/// What a box that is not a number says.
pub const NOT_A_NUMBER: &str = "Skriv ett tal, till exempel 7,7 eller 990.";

/// A value typed for a figure of `kind`, in hundredths; `None` when the box is empty. Refuses,
/// with a Swedish sentence for beside the box, anything not a number, a negative value, a count
/// with decimals, more than two decimals, and a percent over 100.
pub fn parse_value(text: &str, kind: &FigureKind) -> Result<Option<i64>, &'static str> {
    let trimmed = text.trim();
    if trimmed.starts_with('-') || trimmed.starts_with('\u{2212}') {
        return Err("Skriv ett tal som inte är negativt.");
    }
    let Some((whole, fraction)) =
        crate::domain::typed_number::decimal_parts(trimmed, "%").map_err(|()| NOT_A_NUMBER)?
    else {
        return Ok(None);
    };
    if fraction.len() > 2 {
        return Err("Skriv högst två decimaler.");
    }
    let counted = matches!(kind, FigureKind::Count);
    if counted && !fraction.trim_end_matches('0').is_empty() {
        return Err("Skriv ett heltal, till exempel 990.");
    }
    let too_large = "Talet är för stort.";
    let whole: i64 = whole.parse().map_err(|_| too_large)?;
    let fraction: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let value = whole
        .checked_mul(100)
        .and_then(|v| v.checked_add(fraction))
        .filter(|&v| v <= MAX_VALUE)
        .ok_or(too_large)?;
    if matches!(kind, FigureKind::Percent { .. }) && value > 10_000 {
        return Err("En andel kan inte vara mer än 100 procent.");
    }
    Ok(Some(value))
}

/// How many hundredths one shown step is: a tenth for a percent, a whole for the rest.
fn step(kind: &FigureKind) -> i64 {
    if matches!(kind, FigureKind::Percent { .. }) {
        10
    } else {
        100
    }
}

/// The value as it is shown, in shown steps (tenths of a percent, whole counts and hours),
/// rounded half away from zero.
pub fn shown_steps(value: i64, kind: &FigureKind) -> i64 {
    let step = step(kind);
    let half = step / 2;
    if value >= 0 {
        (value + half) / step
    } else {
        -((-value + half) / step)
    }
}

/// Shown steps as the seed writes them: "7,7", "-0,8", "990", "-34".
pub fn show_steps(steps: i64, kind: &FigureKind) -> String {
    if matches!(kind, FigureKind::Percent { .. }) {
        let sign = if steps < 0 { "-" } else { "" };
        format!("{sign}{},{}", steps.abs() / 10, steps.abs() % 10)
    } else {
        steps.to_string()
    }
}

/// A value as the report shows it.
pub fn show_value(value: i64, kind: &FigureKind) -> String {
    show_steps(shown_steps(value, kind), kind)
}

/// A value as a form shows it back, without losing what was typed: "7,73", "990", "24054,5".
pub fn value_input(value: i64) -> String {
    let (whole, part) = (value / 100, value % 100);
    if part == 0 {
        whole.to_string()
    } else {
        let fraction = format!("{part:02}");
        format!("{whole},{}", fraction.trim_end_matches('0'))
    }
}

/// The difference to the year before as the report shows it, computed from the two values as
/// shown (so "7,7" against "8,5" is "-0,8" whatever the hundredths); `None` when either year
/// has no value.
pub fn difference(this: Option<i64>, last: Option<i64>, kind: &FigureKind) -> Option<String> {
    let (this, last) = (this?, last?);
    Some(show_steps(
        shown_steps(this, kind) - shown_steps(last, kind),
        kind,
    ))
}
