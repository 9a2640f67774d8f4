//! The demo's plans: ten APTs a year per unit on a weekday of its own, every topic placed in a
//! meeting of its first month. Used for the current year and for the archive's past year.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

use crate::db::Db;
use crate::plan::db::{self as plan_db, NewMeeting};

/// A plan of ten APTs with every topic in a meeting of its first month; returns the plan's id.
pub(super) async fn seed_plan(
    db: &Db,
    org_id: i64,
    unit_id: i64,
    index: usize,
    year: i32,
) -> anyhow::Result<i64> {
    let plan_id = plan_db::create_plan_from_template(db, unit_id, org_id, year).await?;
    let mut meeting_by_month = std::collections::HashMap::new();
    for (month, meeting) in meeting_days(index, year) {
        let id = plan_db::insert_meeting(db, plan_id, &meeting).await?;
        meeting_by_month.insert(month, id);
    }
    for topic in plan_db::plan_topics(db, plan_id).await? {
        let meeting = meeting_by_month.get(&topic.month_start).copied();
        plan_db::place_topic(db, plan_id, topic.id, meeting).await?;
    }
    Ok(plan_id)
}

/// The APTs of the `index`th unit's year, by month: ten months (June or September skipped in
/// turn), on a weekday, time and place of its own. Shared with the city demo, which writes
/// them set-based for every fourth unit at a time.
pub(super) fn meeting_days(index: usize, year: i32) -> Vec<(u32, NewMeeting)> {
    let (weekday, start, end, location, link) = match index % 4 {
        0 => (
            Weekday::Tue,
            (13, 0),
            (14, 30),
            "Konferensrummet Eken",
            None,
        ),
        1 => (
            Weekday::Wed,
            (9, 0),
            (10, 30),
            "Personalrummet",
            Some("https://mote.exempelstad.se/apt-solgarden"),
        ),
        2 => (
            Weekday::Tue,
            (14, 0),
            (15, 30),
            "Samlingssalen, plan 3",
            None,
        ),
        _ => (
            Weekday::Wed,
            (8, 30),
            (10, 0),
            "Digitalt möte",
            Some("https://mote.exempelstad.se/apt-ekonomiskt-bistand"),
        ),
    };
    let skipped = if index.is_multiple_of(2) { 9 } else { 6 };
    [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
        .into_iter()
        .filter(|&m| m != skipped)
        .filter_map(|month| {
            let week = if month == 8 { 4 } else { 2 };
            let date = nth_weekday(year, month, weekday, week)?;
            Some((
                month,
                NewMeeting {
                    date,
                    start: time(start),
                    end: time(end),
                    location: location.to_string(),
                    online_link: link.map(str::to_string),
                },
            ))
        })
        .collect()
}

fn time((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// The `n`th `weekday` of a month (n from 1).
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u64) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first.checked_add_days(Days::new(u64::from(offset) + 7 * (n - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nth_weekday_is_found() {
        // 2026-01-13 is the second Tuesday of January 2026.
        assert_eq!(
            nth_weekday(2026, 1, Weekday::Tue, 2),
            NaiveDate::from_ymd_opt(2026, 1, 13)
        );
        // 2026-08-26 is the fourth Wednesday of August 2026.
        assert_eq!(
            nth_weekday(2026, 8, Weekday::Wed, 4),
            NaiveDate::from_ymd_opt(2026, 8, 26)
        );
    }
}
