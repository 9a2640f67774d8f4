//! The demo organisations' records of an earlier year (2019, invented): some units held their
//! APTs, composed the agendas of the first two and published minutes of them. They are old
//! enough for a culling decision to reach and for the archive export to have history, so
//! retention (`/gallring`) and the export show something on a first start.

use std::collections::HashMap;

use serde::Deserialize;

use crate::db::Db;
use crate::meetings::db as agenda_db;
use crate::minutes::{db as minutes_db, snapshot, Attendee};
use crate::plan::db as plan_db;

/// The year of the archived records.
pub const ARCHIVE_YEAR: i32 = 2019;

/// A unit with archived records, as the demo file names it.
#[derive(Deserialize)]
pub(super) struct ArchiveUnit {
    /// The unit's name in the tree.
    pub unit: String,
    /// The e-mail of its chef, who published the minutes.
    pub chef: String,
}

/// What was said at the first item of each archived meeting.
const NOTES: [(&str, &str); 2] = [
    (
        "Genomgång av föregående minnesanteckningar. Inga synpunkter.",
        "Minnesanteckningarna lades till handlingarna.",
    ),
    (
        "Frågan om larmrutinerna följs upp till nästa möte.",
        "Chefen återkommer med svar.",
    ),
];

/// Seeds the archive of `units`: a plan of `ARCHIVE_YEAR` per unit (with the weekday of its
/// place in `unit_order`), and for its first two meetings an agenda and published minutes with
/// everyone in the unit present.
pub(super) async fn seed(
    db: &Db,
    org_id: i64,
    units: &[ArchiveUnit],
    unit_order: &[&str],
    ids: &HashMap<String, i64>,
    people: &HashMap<String, i64>,
    members: &HashMap<String, Vec<String>>,
) -> anyhow::Result<()> {
    for archived in units {
        let unit_name = archived.unit.as_str();
        let (Some(&unit), Some(&chef)) = (ids.get(unit_name), people.get(&archived.chef)) else {
            anyhow::bail!(
                "demo archive of unknown unit {unit_name} or chef {}",
                archived.chef
            );
        };
        let index = unit_order.iter().position(|u| *u == unit_name).unwrap_or(0);
        let plan = super::demo_plans::seed_plan(db, org_id, unit, index, ARCHIVE_YEAR).await?;
        let attendees: Vec<Attendee> = members
            .get(unit_name)
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(n, name)| Attendee {
                person_id: i64::try_from(n).unwrap_or_default(),
                name: name.clone(),
                present: Some(true),
            })
            .collect();
        for (meeting, (notes, decision)) in plan_db::meetings(db, plan).await?.iter().zip(NOTES) {
            let content = agenda_db::plan_content(db, org_id, plan, meeting.id).await?;
            agenda_db::compose(db, unit, meeting.id, &content)
                .await
                .map_err(|e| anyhow::anyhow!("demo agenda: {e:?}"))?;
            let agenda = agenda_db::agenda(db, meeting.id).await?;
            if let Some(item) = agenda.iter().flat_map(|s| s.items.iter()).next() {
                minutes_db::save_item(db, meeting.id, item.id, ("", ""), notes, decision, true)
                    .await?;
            }
            let agenda = agenda_db::agenda(db, meeting.id).await?;
            let published = snapshot(&agenda, &attendees, &[]);
            // Published the afternoon of the meeting, as a chef would.
            let at = meeting.date.and_time(meeting.end).and_utc();
            let text = serde_json::to_string(&published)?;
            minutes_db::publish(db, meeting.id, &text, chef, at).await?;
        }
    }
    Ok(())
}
