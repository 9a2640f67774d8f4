//! The demo group's written protocol (invented names and matters, in seed 002's words and
//! shape): the September meeting of each demo year has its attendance, items, a question the
//! employer takes with it, item 3's dates and the unit results attached under 4 b (bilaga 1–3),
//! and is approved, locked and published; the November
//! meeting has its agenda, so the question comes back under "Föregående protokoll".

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
        let follow_up = db::add_sub_item(
            db,
            september,
            *health,
            "Uppföljning av det systematiska arbetsmiljöarbetet och aktiva åtgärder",
            Some(CoopItemKind::Information),
            now,
        )
        .await?;
        if let (Some(sub), Some(&secretary)) =
            (follow_up, people.get("maja.lindgren@exempelstad.se"))
        {
            write(
                sub,
                "Arbetsgivaren informerade om resultatet av uppföljningen av det systematiska \
                 arbetsmiljöarbetet och arbetet med aktiva åtgärder. Arbetsgivaren har \
                 tillsammans med huvudskyddsombud tagit fram en handlingsplan på \
                 förvaltningsnivå utifrån resultatet.",
                "",
            )
            .await?;
            let at = super::ResultsAt {
                meeting_id: september,
                item_id: sub,
                year,
                by: secretary,
                now,
                today: now.date_naive(),
            };
            super::freeze_unit_results(db, node, &at)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
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
        adjust(db, group, september, &dates, people).await?;
    }
    Ok(())
}

/// The justering of the September protocol as item 3 set it: Hanna Åberg approves with the
/// secretary, the draft goes out on its day, Vision comments, both approve on the signing day,
/// and the protocol is locked and published.
async fn adjust(
    db: &Db,
    group_id: i64,
    september: i64,
    dates: &AdjustDates,
    people: &HashMap<String, i64>,
) -> anyhow::Result<()> {
    use super::adjusting_read::{document_of, fingerprint};
    use chrono::{Local, NaiveDateTime, TimeZone};

    let (Some(&approver), Some(&secretary)) = (
        people.get("hanna.aberg@exempelstad.se"),
        people.get("maja.lindgren@exempelstad.se"),
    ) else {
        return Ok(());
    };
    let at = |moment: NaiveDateTime| {
        Local
            .from_local_datetime(&moment)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    };
    let moment = |day: NaiveDate, h: u32, m: u32| at(day.and_hms_opt(h, m, 0).unwrap_or_default());
    db::save_approvers(db, september, &[approver]).await?;
    let group = db::group(db, group_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo group"))?;
    let meeting = db::group_meeting(db, group_id, september)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's September meeting"))?;
    let view = super::protocol_read::protocol_of(db, &group, meeting)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let wording = fingerprint(&view);
    let document = serde_json::to_string(&document_of(&view))?;
    db::send_draft(
        db,
        september,
        1,
        secretary,
        moment(dates.sent_on, 9, 0),
        &[],
        "stored",
    )
    .await?;
    let version = db::versions(db, september)
        .await?
        .first()
        .map(|v| v.id)
        .ok_or_else(|| anyhow::anyhow!("the demo protocol's version"))?;
    db::add_comment(
        db,
        version,
        approver,
        "Vision vill att det framgår att frågan om friskfaktorer kom från Vision.",
        moment(dates.sent_on, 15, 10),
    )
    .await?;
    let signers = [secretary, approver];
    for (person, time) in [(approver, (8, 40)), (secretary, (9, 5))] {
        db::approve(
            db,
            &db::Approval {
                version_id: version,
                person_id: person,
                at: moment(dates.signed_on, time.0, time.1),
                fingerprint: &wording,
                method: "password",
            },
            &db::Lock {
                signers: &signers,
                document: &document,
                messages: &[],
                status: "stored",
            },
        )
        .await?;
    }
    Ok(())
}
