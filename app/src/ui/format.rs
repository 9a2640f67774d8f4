//! Dates, times, months and labels in the person's language.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use leptos_i18n::I18nContext;

use crate::domain::Role;
use crate::i18n::*;
use crate::plan::TopicKind;

/// The month's full name, e.g. "Januari".
pub fn month_name(i18n: I18nContext<Locale>, month: u32) -> String {
    match month {
        1 => t_string!(i18n, month_1).to_string(),
        2 => t_string!(i18n, month_2).to_string(),
        3 => t_string!(i18n, month_3).to_string(),
        4 => t_string!(i18n, month_4).to_string(),
        5 => t_string!(i18n, month_5).to_string(),
        6 => t_string!(i18n, month_6).to_string(),
        7 => t_string!(i18n, month_7).to_string(),
        8 => t_string!(i18n, month_8).to_string(),
        9 => t_string!(i18n, month_9).to_string(),
        10 => t_string!(i18n, month_10).to_string(),
        11 => t_string!(i18n, month_11).to_string(),
        _ => t_string!(i18n, month_12).to_string(),
    }
}

/// The month's short name, e.g. "jan".
pub fn month_short(i18n: I18nContext<Locale>, month: u32) -> String {
    match month {
        1 => t_string!(i18n, month_short_1).to_string(),
        2 => t_string!(i18n, month_short_2).to_string(),
        3 => t_string!(i18n, month_short_3).to_string(),
        4 => t_string!(i18n, month_short_4).to_string(),
        5 => t_string!(i18n, month_short_5).to_string(),
        6 => t_string!(i18n, month_short_6).to_string(),
        7 => t_string!(i18n, month_short_7).to_string(),
        8 => t_string!(i18n, month_short_8).to_string(),
        9 => t_string!(i18n, month_short_9).to_string(),
        10 => t_string!(i18n, month_short_10).to_string(),
        11 => t_string!(i18n, month_short_11).to_string(),
        _ => t_string!(i18n, month_short_12).to_string(),
    }
}

fn weekday_name(locale: Locale, weekday: Weekday) -> &'static str {
    match (locale, weekday) {
        (Locale::sv, Weekday::Mon) => "måndag",
        (Locale::sv, Weekday::Tue) => "tisdag",
        (Locale::sv, Weekday::Wed) => "onsdag",
        (Locale::sv, Weekday::Thu) => "torsdag",
        (Locale::sv, Weekday::Fri) => "fredag",
        (Locale::sv, Weekday::Sat) => "lördag",
        (Locale::sv, Weekday::Sun) => "söndag",
        (Locale::en, Weekday::Mon) => "Monday",
        (Locale::en, Weekday::Tue) => "Tuesday",
        (Locale::en, Weekday::Wed) => "Wednesday",
        (Locale::en, Weekday::Thu) => "Thursday",
        (Locale::en, Weekday::Fri) => "Friday",
        (Locale::en, Weekday::Sat) => "Saturday",
        (Locale::en, Weekday::Sun) => "Sunday",
    }
}

/// A date as people write it: "tisdag 13 januari 2026" / "Tuesday 13 January 2026".
pub fn format_date(i18n: I18nContext<Locale>, date: NaiveDate) -> String {
    let locale = i18n.get_locale();
    let month = month_name(i18n, date.month());
    let month = match locale {
        Locale::sv => month.to_lowercase(),
        Locale::en => month,
    };
    format!(
        "{} {} {} {}",
        weekday_name(locale, date.weekday()),
        date.day(),
        month,
        date.year()
    )
}

/// A time as "13.00" (Swedish) or "13:00" (English).
pub fn format_time(i18n: I18nContext<Locale>, time: NaiveTime) -> String {
    match i18n.get_locale() {
        Locale::sv => time.format("%H.%M").to_string(),
        Locale::en => time.format("%H:%M").to_string(),
    }
}

/// The translated name of a role.
pub fn role_label(i18n: I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Chef => t_string!(i18n, role_chef).to_string(),
        Role::BitradandeChef => t_string!(i18n, role_bitradande_chef).to_string(),
        Role::Skyddsombud => t_string!(i18n, role_skyddsombud).to_string(),
        Role::Huvudskyddsombud => t_string!(i18n, role_huvudskyddsombud).to_string(),
        Role::Medarbetare => t_string!(i18n, role_medarbetare).to_string(),
        Role::Hr => t_string!(i18n, role_hr).to_string(),
        Role::FackligForetradare => t_string!(i18n, role_facklig_foretradare).to_string(),
    }
}

/// The translated name of a topic kind.
pub fn kind_label(i18n: I18nContext<Locale>, kind: TopicKind) -> String {
    match kind {
        TopicKind::Information => t_string!(i18n, kind_information).to_string(),
        TopicKind::Dialogue => t_string!(i18n, kind_dialogue).to_string(),
        TopicKind::FollowUp => t_string!(i18n, kind_follow_up).to_string(),
    }
}

/// When and where, as one line: "tisdag 10 mars 2026 · vecka 11 · 13:00–15:00 · Eken".
pub fn when_and_where(
    i18n: I18nContext<Locale>,
    date: chrono::NaiveDate,
    start: chrono::NaiveTime,
    end: chrono::NaiveTime,
    place: &str,
    link: Option<&str>,
) -> String {
    let week = t_string!(i18n, meeting_week, week = crate::domain::iso_week(date)).to_string();
    let mut text = format!(
        "{} · {week} · {}–{}",
        format_date(i18n, date),
        format_time(i18n, start),
        format_time(i18n, end)
    );
    if !place.is_empty() {
        text.push_str(" · ");
        text.push_str(place);
    }
    if link.is_some() {
        text.push_str(" · ");
        text.push_str(t_string!(i18n, meeting_digital));
    }
    text
}

/// The translated name of an agenda item's type.
pub fn item_kind_label(i18n: I18nContext<Locale>, kind: crate::domain::ItemKind) -> String {
    use crate::domain::ItemKind;
    match kind {
        ItemKind::Information => t_string!(i18n, kind_information).to_string(),
        ItemKind::Dialogue => t_string!(i18n, kind_dialogue).to_string(),
        ItemKind::Decision => t_string!(i18n, kind_decision).to_string(),
        ItemKind::FollowUp => t_string!(i18n, kind_follow_up).to_string(),
    }
}

/// How long ago `at` was, seen at `now`: "nyss", "för 3 minuter sedan", "för 2 timmar sedan".
pub fn time_ago(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let minutes = (now - at).num_minutes().max(0);
    match minutes {
        0 => "nyss".to_string(),
        1 => "för 1 minut sedan".to_string(),
        2..=59 => format!("för {minutes} minuter sedan"),
        60..=119 => "för en timme sedan".to_string(),
        _ => format!("för {} timmar sedan", minutes / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::time_ago;
    use chrono::{TimeDelta, TimeZone, Utc};

    #[test]
    fn how_long_ago_reads_in_minutes_then_hours() {
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 0).unwrap();
        let ago = |minutes| time_ago(now - TimeDelta::minutes(minutes), now);
        assert_eq!(ago(0), "nyss");
        assert_eq!(ago(1), "för 1 minut sedan");
        assert_eq!(ago(3), "för 3 minuter sedan");
        assert_eq!(ago(75), "för en timme sedan");
        assert_eq!(ago(180), "för 3 timmar sedan");
        assert_eq!(ago(-5), "nyss", "a change stamped after now");
    }
}
