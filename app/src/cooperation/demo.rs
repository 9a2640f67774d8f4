//! The demo's cooperation group (seeds/demo_org.json, "cooperation"): a förvaltningsgrupp with
//! both sides, the seed's standing agenda and a meeting plan for each demo year, with a written
//! protocol of its September meeting (`demo_protocol.rs`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Deserialize;

use super::db;
use crate::db::Db;
use crate::domain::cooperation::{check_meeting_rule, check_member, MemberInput};
use crate::domain::CheckedMeeting;

/// A group as the demo file writes it.
#[derive(Deserialize)]
pub struct DemoGroup {
    node: String,
    name: String,
    safety_committee: bool,
    place: String,
    /// Month and day (`MM-DD`) of each meeting, in every demo year.
    dates: Vec<String>,
    members: Vec<DemoMember>,
}

#[derive(Deserialize)]
struct DemoMember {
    email: String,
    side: String,
    function: String,
    #[serde(default)]
    union: String,
    role: String,
}

/// Makes the groups with their members and meetings in `years`.
pub async fn seed(
    db: &Db,
    groups: &[DemoGroup],
    nodes: &HashMap<String, i64>,
    people: &HashMap<String, i64>,
    years: &[i32],
) -> anyhow::Result<()> {
    let first_year = years.iter().copied().min().unwrap_or(2026);
    let made = Utc
        .with_ymd_and_hms(first_year, 1, 2, 8, 0, 0)
        .single()
        .ok_or_else(|| anyhow::anyhow!("the demo's first day"))?;
    for group in groups {
        let node = *nodes
            .get(&group.node)
            .ok_or_else(|| anyhow::anyhow!("demo group in unknown node {}", group.node))?;
        let rule = check_meeting_rule("4", "7", group.safety_committee)
            .map_err(|p| anyhow::anyhow!("{}", p.message))?;
        let id = db::create_group(db, node, &group.name, rule, made)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo group {} twice", group.name))?;
        for member in &group.members {
            let person = *people
                .get(&member.email)
                .ok_or_else(|| anyhow::anyhow!("unknown demo member {}", member.email))?;
            let checked = check_member(&MemberInput {
                function_title: member.function.clone(),
                side: member.side.clone(),
                union_name: member.union.clone(),
                role: member.role.clone(),
            })
            .map_err(|p| anyhow::anyhow!("{}: {}", member.email, p.message))?;
            db::save_member(db, id, person, &checked).await?;
        }
        if let Some(secretary) = group
            .members
            .iter()
            .find(|m| m.role == "secretary")
            .and_then(|m| people.get(&m.email))
        {
            crate::health_service::demo::seed(db, node, first_year, *secretary, made).await?;
        }
        for year in years {
            let mut made_on = HashMap::new();
            for date in &group.dates {
                let date = NaiveDate::parse_from_str(&format!("{year}-{date}"), "%Y-%m-%d")?;
                let meeting = CheckedMeeting {
                    date,
                    start: NaiveTime::from_hms_opt(10, 30, 0).unwrap_or_default(),
                    end: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
                    location: group.place.clone(),
                    online_link: None,
                };
                made_on.insert(
                    date.format("%m-%d").to_string(),
                    db::add_meeting(db, id, &meeting, made).await?,
                );
            }
            if let Some(september) = made_on.get("09-21") {
                let november = made_on.get("11-30").copied();
                super::demo_protocol::seed(db, id, node, *year, *september, november, people, made)
                    .await?;
            }
        }
    }
    Ok(())
}
