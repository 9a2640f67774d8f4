//! What Årshjul knows of a node's year, said in the report with its source, and the answers it
//! suggests from it: the rounds done of those due, the checklists done with a safety
//! representative, the actions opened, closed, closed with effect and overdue, and the units'
//! APTs (held against the rule, notices and minutes in time, the wheel's topics reached).

use super::rollup::suggest;
use super::sections::{Section, YesNo};

/// The counts the report reads from Årshjul's own records, over the node and everything below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KnownFacts {
    /// Rounds marked done (one per unit and kind of round).
    pub rounds_done: i64,
    /// Rounds due: each unit does each kind of round the organisation keeps once a year.
    pub rounds_due: i64,
    /// Checklists of any kind marked done.
    pub checklists_done: i64,
    /// Of those, the ones a safety representative took part in.
    pub done_with_safety: i64,
    /// Actions opened during the year.
    pub opened: i64,
    /// Actions closed during the year.
    pub closed: i64,
    /// Of those, with their effect checked as reached.
    pub closed_with_effect: i64,
    /// Actions not done and past their end date.
    pub overdue: i64,
    /// Actions opened before the year and still not done.
    pub earlier_open: i64,
    /// The APTs of the units below, summed from the compliance overview's counts.
    pub meetings: MeetingFacts,
}

/// The APTs of a year over the units of a subtree, for the section on workplace meetings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeetingFacts {
    /// Units counted.
    pub units: u32,
    /// Of those, the ones with at least the rule's APTs planned.
    pub units_with_enough: u32,
    /// The rule's APTs a year.
    pub min_apts: u32,
    /// The rule's days of notice.
    pub notice_days: u32,
    /// The rule's days to publish minutes in.
    pub minutes_days: u32,
    /// APTs planned.
    pub planned: u32,
    /// APTs held.
    pub held: u32,
    /// Held APTs whose notice went out in time.
    pub notices_on_time: u32,
    /// Held APTs whose minutes were published in time.
    pub minutes_in_time: u32,
    /// Topics of the wheel in the plans.
    pub topics: u32,
    /// Of those, reached at a held APT.
    pub topics_covered: u32,
}

/// The units' counts summed for the report.
pub fn meeting_facts(
    units: &[crate::domain::compliance::UnitCompliance],
    rules: crate::domain::compliance::ComplianceRules,
) -> MeetingFacts {
    let sum = |f: fn(&crate::domain::compliance::UnitCompliance) -> u32| {
        units.iter().map(f).fold(0u32, u32::saturating_add)
    };
    MeetingFacts {
        units: u32::try_from(units.len()).unwrap_or(u32::MAX),
        units_with_enough: u32::try_from(
            units.iter().filter(|u| u.planned >= rules.min_apts).count(),
        )
        .unwrap_or(u32::MAX),
        min_apts: rules.min_apts,
        notice_days: rules.notice_days,
        minutes_days: rules.minutes_days,
        planned: sum(|u| u.planned),
        held: sum(|u| u.held),
        notices_on_time: sum(|u| u.notices_on_time),
        minutes_in_time: sum(|u| u.minutes_in_time),
        topics: sum(|u| u.topics),
        topics_covered: sum(|u| u.topics_covered),
    }
}

/// The questions Årshjul suggests an answer to.
pub const SUGGESTED: [&str; 2] = ["rounds_done", "safety_representative"];

/// Whether Årshjul suggests an answer to any question of `section` (so its facts are worth
/// reading before a save).
pub fn suggests_in(section: Section) -> bool {
    super::sections::questions_in(section).any(|q| SUGGESTED.contains(&q.code))
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// What Årshjul suggests for question `code`, with what it rests on ("3 av 4 ronder är klara"),
/// when its records say anything about it.
pub fn suggestion(code: &str, facts: &KnownFacts) -> Option<(YesNo, String)> {
    match code {
        "rounds_done" => suggest(count(facts.rounds_done), count(facts.rounds_due)).map(|a| {
            (
                a,
                format!(
                    "{} av {} arbetsmiljöronder är klara i Årshjul.",
                    facts.rounds_done, facts.rounds_due
                ),
            )
        }),
        "safety_representative" => {
            suggest(count(facts.done_with_safety), count(facts.checklists_done)).map(|a| {
                (
                    a,
                    format!(
                        "Skyddsombud deltog i {} av {} klara checklistor och ronder i Årshjul.",
                        facts.done_with_safety, facts.checklists_done
                    ),
                )
            })
        }
        _ => None,
    }
}

/// The lines a section shows of what Årshjul knows, each naming its source.
pub fn facts_for(section: Section, year: i32, facts: &KnownFacts) -> Vec<String> {
    match section {
        Section::PreviousActions => vec![
            format!(
                "Åtgärder från tidigare år som ännu inte är klara: {} (handlingsplanerna i Årshjul).",
                facts.earlier_open
            ),
            format!(
                "Åtgärder {year}: {} öppnade, {} avslutade, varav {} med bekräftad effekt; {} är \
                 försenade (handlingsplanerna i Årshjul).",
                facts.opened, facts.closed, facts.closed_with_effect, facts.overdue
            ),
        ],
        Section::Rounds => vec![
            format!(
                "Arbetsmiljöronder klara: {} av {} (checklistorna i Årshjul).",
                facts.rounds_done, facts.rounds_due
            ),
            format!(
                "Klara checklistor och ronder där skyddsombud deltog: {} av {} (checklistorna i \
                 Årshjul).",
                facts.done_with_safety, facts.checklists_done
            ),
        ],
        Section::Meetings => {
            let m = &facts.meetings;
            vec![
                format!(
                    "APT {year}: {} hållna av {} planerade i {} {}; {} av {} har minst {} APT \
                     planerade (planerna i Årshjul).",
                    m.held,
                    m.planned,
                    m.units,
                    if m.units == 1 { "enhet" } else { "enheter" },
                    m.units_with_enough,
                    m.units,
                    m.min_apts
                ),
                format!(
                    "Kallelsen gick ut minst {} dagar före vid {} av {} hållna APT (kallelserna i \
                     Årshjul).",
                    m.notice_days, m.notices_on_time, m.held
                ),
                format!(
                    "Minnesanteckningarna publicerades inom {} dagar vid {} av {} hållna APT \
                     (minnesanteckningarna i Årshjul).",
                    m.minutes_days, m.minutes_in_time, m.held
                ),
                format!(
                    "Ämnen i årshjulet tagna på en hållen APT: {} av {} (planerna i Årshjul).",
                    m.topics_covered, m.topics
                ),
            ]
        }
        _ => Vec::new(),
    }
}
