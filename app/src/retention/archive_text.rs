//! The archive export's documents as plain UTF-8 text, one record each: published minutes (every
//! version), agendas and checklists. Plain text is an archival format that any system reads; the
//! words are the product's Swedish ones.

use chrono::NaiveDate;

use crate::checklists::ChecklistView;
use crate::domain::ItemKind;
use crate::minutes::PublishedMinutes;

/// A meeting as the documents head it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingHead {
    /// The unit's name.
    pub unit: String,
    /// The day.
    pub date: NaiveDate,
    /// "13:00–14:30".
    pub time: String,
    /// Where.
    pub location: String,
    /// Cancelled meetings keep their records.
    pub cancelled: bool,
}

/// An agenda item as archived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchivedItem {
    /// Title.
    pub title: String,
    /// Text under the title.
    pub description: String,
    /// Who presents it.
    pub presenter: String,
    /// Planned minutes.
    pub minutes: i32,
    /// Kind of item.
    pub kind: Option<ItemKind>,
}

fn kind_sv(kind: Option<ItemKind>) -> &'static str {
    match kind {
        Some(ItemKind::Information) => "Information",
        Some(ItemKind::Dialogue) => "Dialog",
        Some(ItemKind::Decision) => "Beslut",
        Some(ItemKind::FollowUp) => "Uppföljning",
        None => "",
    }
}

fn head(out: &mut String, title: &str, meeting: &MeetingHead) {
    out.push_str(&format!(
        "{title}\n{}\n\n",
        "=".repeat(title.chars().count())
    ));
    out.push_str(&format!("Enhet: {}\n", meeting.unit));
    out.push_str(&format!("Datum: {}, {}\n", meeting.date, meeting.time));
    if !meeting.location.is_empty() {
        out.push_str(&format!("Plats: {}\n", meeting.location));
    }
    if meeting.cancelled {
        out.push_str("Mötet är inställt.\n");
    }
}

/// A meeting's agenda: its sections with items, kinds and planned time.
pub fn agenda_text(meeting: &MeetingHead, sections: &[(String, Vec<ArchivedItem>)]) -> String {
    let mut out = String::new();
    head(
        &mut out,
        &format!("Dagordning, APT {}", meeting.date),
        meeting,
    );
    for (title, items) in sections {
        out.push_str(&format!(
            "\n{title}\n{}\n",
            "-".repeat(title.chars().count())
        ));
        for (n, item) in items.iter().enumerate() {
            let mut facts = vec![kind_sv(item.kind).to_string()];
            if item.minutes > 0 {
                facts.push(format!("{} min", item.minutes));
            }
            if !item.presenter.is_empty() {
                facts.push(item.presenter.clone());
            }
            facts.retain(|f| !f.is_empty());
            out.push_str(&format!(
                "{}. {} ({})\n",
                n + 1,
                item.title,
                facts.join(", ")
            ));
            for line in item.description.lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("   {}\n", line.trim_end()));
            }
        }
    }
    out
}

/// One published version of a meeting's minutes, as it was published.
pub fn minutes_text(
    meeting: &MeetingHead,
    version: i64,
    published: &str,
    by: &str,
    minutes: &PublishedMinutes,
) -> String {
    let mut out = String::new();
    head(
        &mut out,
        &format!("Minnesanteckningar, APT {}", meeting.date),
        meeting,
    );
    out.push_str(&format!(
        "Version {version}, publicerad {published} av {by}\n"
    ));
    out.push_str(&format!("\nNärvarande: {}\n", list(&minutes.present)));
    out.push_str(&format!("Frånvarande: {}\n", list(&minutes.absent)));
    for section in &minutes.sections {
        let title = &section.title;
        out.push_str(&format!(
            "\n{title}\n{}\n",
            "-".repeat(title.chars().count())
        ));
        for (n, item) in section.items.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, item.title));
            if !item.reached {
                out.push_str("   Punkten hanns inte med.\n");
            }
            for (label, text) in [("Anteckningar", &item.notes), ("Beslut", &item.decision)] {
                if !text.trim().is_empty() {
                    out.push_str(&format!("   {label}: {}\n", indent(text)));
                }
            }
        }
    }
    if !minutes.actions.is_empty() {
        out.push_str("\nÅtgärder\n--------\n");
        for a in &minutes.actions {
            let mut facts = Vec::new();
            if let Some(r) = &a.responsible {
                facts.push(format!("ansvarig {r}"));
            }
            if let Some(d) = a.due {
                facts.push(format!("klart senast {d}"));
            }
            let facts = if facts.is_empty() {
                String::new()
            } else {
                format!(" ({})", facts.join(", "))
            };
            out.push_str(&format!("- {}{facts}\n", a.title));
        }
    }
    out
}

/// A unit's checklist with every question, its answer, analysis and follow-up.
pub fn checklist_text(view: &ChecklistView) -> String {
    let mut out = String::new();
    let title = format!("{} {}", view.title, view.year);
    out.push_str(&format!(
        "{title}\n{}\n\n",
        "=".repeat(title.chars().count())
    ));
    out.push_str(&format!("Enhet: {}\n", view.unit_name));
    out.push_str(&format!("Mallversion: {}\n", view.template_version));
    match &view.done {
        Some((day, by)) => out.push_str(&format!("Klarmarkerad {day} av {by}\n")),
        None => out.push_str("Inte klarmarkerad\n"),
    }
    let took_part = view.took_part();
    out.push_str(&format!("Deltagare: {}\n", list(&took_part)));
    if !view.other_participants.trim().is_empty() {
        out.push_str(&format!(
            "Övriga deltagare: {}\n",
            view.other_participants.trim()
        ));
    }
    for area in &view.areas {
        let t = &area.title;
        out.push_str(&format!("\n{t}\n{}\n", "-".repeat(t.chars().count())));
        for q in &area.questions {
            out.push_str(&format!("{}. {}\n", q.number, q.text));
            let answer = q.answer.map(|a| a.label()).unwrap_or("Inte besvarad");
            out.push_str(&format!("   Svar: {answer}\n"));
            if !q.analysis.trim().is_empty() {
                out.push_str(&format!("   Analys: {}\n", indent(&q.analysis)));
            }
            for a in &q.actions {
                out.push_str(&format!("   Åtgärd: {}\n", a.title));
            }
            if let Some(reason) = q.no_action_reason.as_deref().filter(|r| !r.is_empty()) {
                out.push_str(&format!("   Ingen åtgärd: {}\n", indent(reason)));
            }
        }
    }
    out
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "–".to_string()
    } else {
        names.join(", ")
    }
}

/// Continuation lines of a multi-line text, indented under its label.
fn indent(text: &str) -> String {
    text.replace("\r\n", "\n")
        .trim()
        .lines()
        .collect::<Vec<_>>()
        .join("\n      ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::{PublishedAction, PublishedItem, PublishedSection};

    fn meeting() -> MeetingHead {
        MeetingHead {
            unit: "Hemtjänst Norr".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            time: "13:00–14:30".into(),
            location: "Eken".into(),
            cancelled: false,
        }
    }

    #[test]
    fn minutes_keep_what_was_said_decided_and_who_attended() {
        let minutes = PublishedMinutes {
            format: PublishedMinutes::FORMAT,
            present: vec!["Anna".into(), "Mehmet".into()],
            absent: vec![],
            sections: vec![PublishedSection {
                title: "Stående punkter".into(),
                items: vec![
                    PublishedItem {
                        title: "Arbetsmiljö".into(),
                        notes: "Vi pratade om larmen.\nOch om nycklarna.".into(),
                        decision: "Chefen ser över rutinen.".into(),
                        reached: true,
                    },
                    PublishedItem {
                        title: "Övrigt".into(),
                        reached: false,
                        ..PublishedItem::default()
                    },
                ],
            }],
            actions: vec![PublishedAction {
                title: "Ny larmrutin".into(),
                responsible: Some("Anna".into()),
                due: NaiveDate::from_ymd_opt(2026, 4, 1),
                item: None,
            }],
        };
        let text = minutes_text(&meeting(), 2, "2026-03-11 09:12", "Anna", &minutes);
        assert!(text.starts_with("Minnesanteckningar, APT 2026-03-10\n"));
        assert!(text.contains("Version 2, publicerad 2026-03-11 09:12 av Anna"));
        assert!(text.contains("Närvarande: Anna, Mehmet\nFrånvarande: –"));
        assert!(text.contains(
            "1. Arbetsmiljö\n   Anteckningar: Vi pratade om larmen.\n      Och om nycklarna."
        ));
        assert!(text.contains("   Beslut: Chefen ser över rutinen."));
        assert!(text.contains("2. Övrigt\n   Punkten hanns inte med."));
        assert!(text.contains("- Ny larmrutin (ansvarig Anna, klart senast 2026-04-01)"));
    }

    #[test]
    fn an_agenda_lists_its_sections_items_kinds_and_time() {
        let sections = vec![(
            "Ämnen".to_string(),
            vec![ArchivedItem {
                title: "Hot och våld".into(),
                description: "Genomgång av rutinen.".into(),
                presenter: "Skyddsombudet".into(),
                minutes: 15,
                kind: Some(ItemKind::Dialogue),
            }],
        )];
        let text = agenda_text(&meeting(), &sections);
        assert!(text.contains("Plats: Eken"));
        assert!(text.contains(
            "Ämnen\n-----\n1. Hot och våld (Dialog, 15 min, Skyddsombudet)\n   Genomgång av rutinen."
        ));
    }
}
