//! The demo group's written protocol (invented names and matters, in seed 002's words and
//! shape): the September meeting of each demo year has its attendance, items, a question the
//! employer takes with it and item 3's dates; the November meeting has its agenda, so the
//! question comes back under "Föregående protokoll".

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::db;
use crate::db::Db;
use crate::domain::cooperation::agenda::CoopItemKind;
use crate::domain::cooperation::protocol::{AdjustDates, Attendance};

/// Who was there in September, by e-mail.
const ATTENDANCE: [(&str, Attendance); 6] = [
    (
        "lars.ekstrom@exempelstad.se",
        Attendance::Present { items: None },
    ),
    (
        "maja.lindgren@exempelstad.se",
        Attendance::Present { items: None },
    ),
    ("fredrik.holmqvist@exempelstad.se", Attendance::Absent),
    (
        "hanna.aberg@exempelstad.se",
        Attendance::Present { items: None },
    ),
    (
        "leila.karimi@exempelstad.se",
        Attendance::Present {
            items: Some((4, 12)),
        },
    ),
    (
        "sofia.bergstrom@exempelstad.se",
        Attendance::Present { items: None },
    ),
];

/// Writes the protocol of `september` (a meeting of `group` at `node` in `year`) and the
/// agenda of `november`, when the group has it.
#[allow(clippy::too_many_arguments)]
pub async fn seed(
    db: &Db,
    group: i64,
    node: i64,
    year: i32,
    september: i64,
    november: Option<i64>,
    people: &HashMap<String, i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let units = db::units_below(db, node).await?;
    db::compose(db, group, september, &units, now).await?;
    if let Some(november) = november {
        db::compose(db, group, november, &units, now).await?;
    }
    let marks: Vec<(i64, Attendance)> = ATTENDANCE
        .iter()
        .filter_map(|(email, mark)| people.get(*email).map(|id| (*id, *mark)))
        .collect();
    db::save_attendance(db, september, &marks).await?;
    db::add_adjunct(db, september, "Karin Sandberg", "Controller").await?;

    let items = db::items(db, september).await?;
    let top: Vec<i64> = items
        .iter()
        .filter(|i| i.parent_id.is_none())
        .map(|i| i.id)
        .collect();
    let write = |item: i64, minutes: &'static str, decision: &'static str| async move {
        db::save_item_minutes(db, september, item, ("", ""), minutes, decision).await
    };
    if let [previous, agenda, _adjust, health, _business, economy, information, .., next] =
        top.as_slice()
    {
        write(
            *previous,
            "",
            "Föregående protokoll lades till handlingarna.",
        )
        .await?;
        write(
            *agenda,
            "Övriga frågor anmäldes.",
            "Dagordningen godkändes.",
        )
        .await?;
        let occupational = db::add_sub_item(
            db,
            september,
            *health,
            "Uppföljning av företagshälsovård",
            Some(CoopItemKind::Information),
            now,
        )
        .await?;
        if let Some(sub) = occupational {
            write(
                sub,
                "Arbetsgivaren informerade om användningen av företagshälsovården under första \
                 halvåret. Fler förebyggande insatser har genomförts än föregående år.\n\n\
                 Vision frågade hur förvaltningen arbetar vidare med främjande insatser. \
                 Arbetsgivaren svarade att arbetet fortsätter i dialog med cheferna.",
                "",
            )
            .await?;
            db::add_follow_up(
                db,
                group,
                september,
                sub,
                "Vision",
                "hur arbetet med friskfaktorer kan kopplas till företagshälsovårdens utbud",
                now,
            )
            .await?;
        }
        write(
            *economy,
            "Arbetsgivaren informerade om tertialrapport 2. Det samlade resultatet följer \
             budget.\n\nAkademikerförbundet SSR frågade om vakanta tjänster tillsätts under \
             hösten. Arbetsgivaren svarade att tjänsterna tillsätts enligt plan.",
            "",
        )
        .await?;
        write(*information, "Inget att notera.", "").await?;
        write(*next, "Nästa förvaltningsgrupp hålls den 30 november.", "").await?;
    }
    let date = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day);
    if let (Some(sent_on), Some(due), Some(signed_on)) = (date(9, 23), date(9, 24), date(9, 28)) {
        let dates = AdjustDates {
            sent_on,
            comments_due: due.and_hms_opt(12, 0, 0).unwrap_or_default(),
            signed_on,
        };
        db::save_adjust_dates(db, september, &dates).await?;
    }
    Ok(())
}
