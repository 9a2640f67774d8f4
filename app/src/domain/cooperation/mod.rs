//! Cooperation groups (samverkansgrupp, förvaltningsgrupp; in many organisations also the
//! skyddskommitté): who sits on which side with what function, the standing agenda of seed 002,
//! and how often a group must meet. Plain rules, unit-tested here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod adjusting;
pub mod agenda;
pub mod bilagor;
pub mod protocol;

use super::access::{Membership, Role};
use super::form_input::{problem, FieldProblem, NOT_AN_OPTION};

/// The longest group name, function title or union name kept.
pub const MAX_GROUP_TEXT: usize = 120;

/// Whether the person keeps the groups of a node (its members, standing agenda and meeting plan):
/// HR at the node or above it, or the chef of the node itself (the förvaltningschef of a
/// förvaltning). `ancestry` is the node's id followed by its parents.
pub fn can_keep_group(memberships: &[Membership], ancestry: &[i64]) -> bool {
    memberships.iter().any(|m| match m.role {
        Role::Hr => ancestry.contains(&m.node_id),
        Role::Chef => ancestry.first() == Some(&m.node_id),
        _ => false,
    })
}

/// The side of the table a member sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// Arbetsgivaren: förvaltningschef, HR-chef, chefssekreterare, …
    Employer,
    /// The employees' side: union representatives (each with their union) and safety
    /// representatives.
    Employees,
}

impl Side {
    /// Both sides, employer first as a protocol lists them.
    pub const ALL: [Side; 2] = [Side::Employer, Side::Employees];

    /// The code stored in the database and posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            Side::Employer => "employer",
            Side::Employees => "employees",
        }
    }

    /// Parses a stored or posted code; anything else is refused.
    pub fn from_code(code: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The side's Swedish name.
    pub fn label(self) -> &'static str {
        match self {
            Side::Employer => "Arbetsgivaren",
            Side::Employees => "Arbetstagarsidan",
        }
    }
}

/// What a member does in the group besides taking part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupRole {
    /// Ordförande: leads the meetings.
    Chair,
    /// Sekreterare (often the chefssekreterare): keeps the agenda and writes the protocol.
    Secretary,
    /// Ledamot.
    Member,
}

impl GroupRole {
    /// Every role, chair first.
    pub const ALL: [GroupRole; 3] = [GroupRole::Chair, GroupRole::Secretary, GroupRole::Member];

    /// The code stored in the database and posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            GroupRole::Chair => "chair",
            GroupRole::Secretary => "secretary",
            GroupRole::Member => "member",
        }
    }

    /// Parses a stored or posted code; anything else is refused.
    pub fn from_code(code: &str) -> Option<GroupRole> {
        GroupRole::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The role's Swedish name.
    pub fn label(self) -> &'static str {
        match self {
            GroupRole::Chair => "Ordförande",
            GroupRole::Secretary => "Sekreterare",
            GroupRole::Member => "Ledamot",
        }
    }
}

/// A member as the form posts it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInput {
    /// The function title the protocol shows ("Förvaltningschef", "DIK och skyddsombud").
    pub function_title: String,
    /// `employer` or `employees`.
    pub side: String,
    /// The union a member of the employees' side represents ("Vision", "Kommunal", …).
    #[serde(default)]
    pub union_name: String,
    /// `chair`, `secretary` or `member`.
    pub role: String,
}

/// A member's checked fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedMember {
    /// The function title, trimmed.
    pub function_title: String,
    /// The side.
    pub side: Side,
    /// The union, for the employees' side only.
    pub union_name: Option<String>,
    /// The role in the group.
    pub role: GroupRole,
}

/// Checks a member's fields: a function title, a side, a union on the employees' side (and none
/// on the employer's), and a chair and secretary from the employer's side.
pub fn check_member(input: &MemberInput) -> Result<CheckedMember, FieldProblem> {
    let side = Side::from_code(input.side.trim()).ok_or_else(|| problem("side", NOT_AN_OPTION))?;
    let role =
        GroupRole::from_code(input.role.trim()).ok_or_else(|| problem("role", NOT_AN_OPTION))?;
    let function_title = input.function_title.trim();
    if function_title.is_empty() {
        return Err(problem(
            "function_title",
            "Skriv personens funktion i gruppen, till exempel Förvaltningschef eller \
             DIK och skyddsombud.",
        ));
    }
    if function_title.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "function_title",
            format!("Funktionen får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    let union_name = input.union_name.trim();
    let union_name = match side {
        Side::Employees if union_name.is_empty() => {
            return Err(problem(
                "union_name",
                "Skriv vilket fackförbund ledamoten företräder, till exempel Vision eller \
                 Kommunal.",
            ))
        }
        Side::Employees if union_name.chars().count() > MAX_GROUP_TEXT => {
            return Err(problem(
                "union_name",
                format!("Fackförbundets namn får vara högst {MAX_GROUP_TEXT} tecken."),
            ))
        }
        Side::Employees => Some(union_name.to_string()),
        Side::Employer if !union_name.is_empty() => {
            return Err(problem(
                "union_name",
                "Arbetsgivarens ledamöter företräder inget fackförbund. Lämna fältet tomt \
                 eller välj arbetstagarsidan.",
            ))
        }
        Side::Employer => None,
    };
    if role != GroupRole::Member && side != Side::Employer {
        return Err(problem(
            "role",
            "Ordförande och sekreterare är arbetsgivarens ledamöter.",
        ));
    }
    Ok(CheckedMember {
        function_title: function_title.to_string(),
        side,
        union_name,
        role,
    })
}

/// Checks a group's name.
pub fn check_group_name(name: &str) -> Result<String, FieldProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(problem(
            "name",
            "Skriv gruppens namn, till exempel Förvaltningsgrupp eller Samverkansgrupp Museer \
             och konst.",
        ));
    }
    if name.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "name",
            format!("Namnet får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    Ok(name.to_string())
}

/// The fewest meetings a year a group may plan, and the most.
pub const MEETINGS_PER_YEAR: std::ops::RangeInclusive<u32> = 1..=24;

/// The days of notice a group may ask for, and the default (as for an APT).
pub const NOTICE_DAYS: std::ops::RangeInclusive<u32> = 1..=30;

/// The notice a group gives unless it decides otherwise.
pub const DEFAULT_NOTICE_DAYS: u32 = 7;

/// How a group meets: its yearly minimum, its notice, and whether it acts as skyddskommitté.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRule {
    /// The fewest meetings a year.
    pub min_meetings: u32,
    /// Days between the notice and the meeting.
    pub notice_days: u32,
    /// Whether the group is also the skyddskommitté, which meets at least once a quarter.
    pub safety_committee: bool,
}

/// Checks a group's settings: the minimum and the notice as whole numbers in range, and a
/// skyddskommitté meeting at least four times (once a quarter).
pub fn check_meeting_rule(
    min_meetings: &str,
    notice_days: &str,
    safety_committee: bool,
) -> Result<MeetingRule, FieldProblem> {
    let min = min_meetings
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| MEETINGS_PER_YEAR.contains(n))
        .ok_or_else(|| {
            problem(
                "min_meetings",
                format!(
                    "Skriv hur många möten gruppen minst ska ha per år, {}–{}.",
                    MEETINGS_PER_YEAR.start(),
                    MEETINGS_PER_YEAR.end()
                ),
            )
        })?;
    let notice = notice_days
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| NOTICE_DAYS.contains(n))
        .ok_or_else(|| {
            problem(
                "notice_days",
                format!(
                    "Skriv hur många dagar före mötet kallelsen ska gå ut, {}–{}.",
                    NOTICE_DAYS.start(),
                    NOTICE_DAYS.end()
                ),
            )
        })?;
    if safety_committee && min < 4 {
        return Err(problem(
            "min_meetings",
            "En skyddskommitté möts minst en gång per kvartal, alltså minst 4 gånger per år.",
        ));
    }
    Ok(MeetingRule {
        min_meetings: min,
        notice_days: notice,
        safety_committee,
    })
}

/// Where a group's plan for a year stands against its rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupYearStatus {
    /// Meetings planned in the year (cancelled ones not counted).
    pub planned: u32,
    /// The yearly minimum.
    pub required: u32,
    /// Quarters (1–4) without a meeting, for a skyddskommitté; empty otherwise.
    pub quarters_without_meeting: Vec<u32>,
}

impl GroupYearStatus {
    /// Whether the plan meets the rule.
    pub fn is_complete(&self) -> bool {
        self.planned >= self.required && self.quarters_without_meeting.is_empty()
    }
}

/// The plan's status for `year` from the dates of its meetings that are not cancelled.
pub fn group_year_status(rule: MeetingRule, year: i32, dates: &[NaiveDate]) -> GroupYearStatus {
    let in_year: Vec<&NaiveDate> = dates.iter().filter(|d| d.year() == year).collect();
    let quarters_without_meeting = if rule.safety_committee {
        (1..=4)
            .filter(|q| !in_year.iter().any(|d| (d.month() - 1) / 3 + 1 == *q))
            .collect()
    } else {
        Vec::new()
    };
    GroupYearStatus {
        planned: u32::try_from(in_year.len()).unwrap_or(u32::MAX),
        required: rule.min_meetings,
        quarters_without_meeting,
    }
}

/// One item of a group's standing agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StandingItem {
    /// The title, as seed 002 writes it.
    pub title: &'static str,
    /// Whether the item gets one sub-item per unit or staff directly below the group's node
    /// (item 10, Samverkan).
    pub per_unit: bool,
    /// What the item is for in the protocol (items 1, 3 and 12).
    pub purpose: Option<protocol::ItemPurpose>,
}

/// The default standing agenda, word for word from seed 002 (a förvaltningsgrupp's protocol).
pub const STANDING_AGENDA: [StandingItem; 12] = [
    special("Föregående protokoll", protocol::ItemPurpose::Previous),
    item("Godkännande av dagordning"),
    special(
        "Fastställande av datum för justering",
        protocol::ItemPurpose::Adjust,
    ),
    item("Arbetsmiljö och hälsa"),
    item("Verksamhetsfrågor"),
    item("Ekonomifrågor"),
    item("Information till och från FVG"),
    item("Lika rättigheter och möjligheter"),
    item("Utbildnings- och utvecklingsfrågor"),
    StandingItem {
        title: "Samverkan",
        per_unit: true,
        purpose: None,
    },
    item("Övriga förvaltningsövergripande frågor"),
    special("Nästa förvaltningsgrupp", protocol::ItemPurpose::Next),
];

const fn item(title: &'static str) -> StandingItem {
    StandingItem {
        title,
        per_unit: false,
        purpose: None,
    }
}

const fn special(title: &'static str, purpose: protocol::ItemPurpose) -> StandingItem {
    StandingItem {
        title,
        per_unit: false,
        purpose: Some(purpose),
    }
}

/// Checks a standing item's title.
pub fn check_standing_title(title: &str) -> Result<String, FieldProblem> {
    let title = title.trim();
    if title.is_empty() {
        return Err(problem("title", "Skriv punktens rubrik."));
    }
    if title.chars().count() > MAX_GROUP_TEXT {
        return Err(problem(
            "title",
            format!("Rubriken får vara högst {MAX_GROUP_TEXT} tecken."),
        ));
    }
    Ok(title.to_string())
}

/// The letter of the `index`th sub-item (from 0): a, b, …, z, then aa, ab, … as a protocol goes
/// on past 26.
pub fn sub_item_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'a' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests;
