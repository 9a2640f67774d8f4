//! The default annual wheel (from the district's "Årshjul för arbetsplatsträffar"), bundled in
//! the binary and loaded into every new organisation's template.

use serde::Deserialize;

use crate::db::Db;

/// The bundled wheel, kept as data in `seeds/annual_wheel.json`.
const DEFAULT_WHEEL_JSON: &str = include_str!("../../../seeds/annual_wheel.json");

/// The default wheel as read from the bundled file.
#[derive(Debug, Deserialize)]
pub struct WheelTemplate {
    /// The points on every APT.
    pub recurring_points: Vec<RecurringPointSeed>,
    /// The topics, month by month.
    pub topics: Vec<TopicSeed>,
}

/// One recurring point.
#[derive(Debug, Deserialize)]
pub struct RecurringPointSeed {
    /// Its title.
    pub title: String,
}

/// One topic of the wheel.
#[derive(Debug, Deserialize)]
pub struct TopicSeed {
    /// Title as the wheel writes it.
    pub title: String,
    /// First month.
    pub month_start: u32,
    /// Last month.
    pub month_end: u32,
    /// Contact function.
    pub contact: String,
    /// Guidance text.
    pub guidance: String,
    /// OSA tip, if any.
    pub osa_tip: Option<String>,
    /// Material goes with the notice.
    pub send_with_notice: bool,
    /// information, dialogue or follow_up.
    pub kind: String,
    /// Links to material.
    pub links: Vec<LinkSeed>,
}

/// One link of a topic.
#[derive(Debug, Deserialize)]
pub struct LinkSeed {
    /// Link text.
    pub label: String,
    /// Address, when the source gives one.
    pub url: Option<String>,
}

/// Parses the bundled wheel. It is checked by a unit test, so a parse failure is a build bug.
pub fn default_wheel() -> Result<WheelTemplate, serde_json::Error> {
    serde_json::from_str(DEFAULT_WHEEL_JSON)
}

/// Loads the default wheel into an organisation's template (topics, links, recurring points).
pub async fn install_default_wheel(db: &Db, org_id: i64) -> anyhow::Result<()> {
    let wheel = default_wheel()?;
    super::db::insert_template(db, org_id, &wheel).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_wheel_has_every_month_with_topics_and_the_recurring_points() {
        let wheel = default_wheel().expect("bundled wheel parses");
        let months: std::collections::BTreeSet<u32> =
            wheel.topics.iter().map(|t| t.month_start).collect();
        assert_eq!(
            months.into_iter().collect::<Vec<_>>(),
            vec![1, 2, 3, 4, 5, 8, 10, 11, 12]
        );
        assert_eq!(wheel.recurring_points.len(), 5);
        assert!(wheel
            .topics
            .iter()
            .any(|t| t.title == "Info om sjukfrånvarorutiner vid enheten"
                && t.contact == "Hr-avdelningen"));
        for topic in &wheel.topics {
            assert!((1..=12).contains(&topic.month_start), "{}", topic.title);
            assert!(topic.month_end >= topic.month_start, "{}", topic.title);
            assert!(
                ["information", "dialogue", "follow_up"].contains(&topic.kind.as_str()),
                "{}",
                topic.title
            );
        }
    }
}
