//! The demo organisation's annual SAM follow-up for 2026 (invented answers): Hemtjänst Norr has
//! finished it with its safety representative and made actions of two weak answers, Solgården is
//! half-way, the other units have not begun. So the checklists, the action plan and the roll-up
//! show something on a first start.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::actions::db::{add_plan_action, update_plan_action, NewActionLink};
use crate::checklists::db as checklist_db;
use crate::db::Db;
use crate::domain::{ActionSource, ActionStatus, Answer, CheckedPlanAction, ChecklistKind};

const YEAR: i32 = 2026;

/// When the demo's follow-up was answered and finished: a spring day of its year, whatever day
/// the demo starts on.
fn answered_at() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(YEAR, 3, 17)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .map_or(DateTime::UNIX_EPOCH, |t| t.and_utc())
}

/// An action of the demo: title, the responsible person's e-mail, start, end, status.
type DemoAction = (
    &'static str,
    &'static str,
    (i32, u32, u32),
    (i32, u32, u32),
    ActionStatus,
);

/// A weak answer of the demo and the action made of it.
struct Weak {
    question_starts: &'static str,
    answer: Answer,
    analysis: &'static str,
    action: Option<DemoAction>,
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Seeds the follow-up; the tree's nodes and the people are looked up by name and e-mail.
pub async fn seed(
    db: &Db,
    org_id: i64,
    nodes: &HashMap<String, i64>,
    people: &HashMap<String, i64>,
) -> anyhow::Result<()> {
    let templates = checklist_db::make_year_templates(db, org_id, YEAR).await?;
    let Some(sam_id) = templates
        .iter()
        .find(|t| t.kind == ChecklistKind::SamAnnual)
        .and_then(|t| t.id)
    else {
        return Ok(());
    };
    let questions = checklist_db::template_questions(db, sam_id).await?;
    let answered = answered_at();
    let person = |email: &str| people.get(email).copied();
    let (Some(anna), Some(sofia), Some(mattias)) = (
        person("anna.lindqvist@exempelstad.se"),
        person("sofia.bergstrom@exempelstad.se"),
        person("mattias.hakansson@exempelstad.se"),
    ) else {
        return Ok(());
    };

    // Hemtjänst Norr: done, with two actions.
    if let Some(&unit) = nodes.get("Hemtjänst Norr") {
        let weak = [
            Weak {
                question_starts: "Är stadens Arbetsmiljöpolicy",
                answer: Answer::PartlyAgree,
                analysis:
                    "Policyn gicks igenom i januari, men de som började under hösten har inte \
                           fått den.",
                action: Some((
                    "Gå igenom personalpolicyn på APT i januari",
                    "anna.lindqvist@exempelstad.se",
                    (2026, 12, 1),
                    (2027, 1, 31),
                    ActionStatus::NotStarted,
                )),
            },
            Weak {
                question_starts: "Genomförs riskbedömningar av verksamhetens arbetsmiljö",
                answer: Answer::PartlyAgree,
                analysis: "Riskbedömningar görs vid nya brukare men dokumenteras inte alltid.",
                action: Some((
                    "Mall för dokumenterad riskbedömning vid ny brukare",
                    "amina.hassan@exempelstad.se",
                    (2026, 10, 1),
                    (2026, 12, 18),
                    ActionStatus::InProgress,
                )),
            },
        ];
        let id = checklist_db::open_checklist(db, unit, sam_id, YEAR, anna).await?;
        checklist_db::save_participants(db, id, &[anna, sofia], "").await?;
        for q in &questions {
            let weak = weak.iter().find(|w| q.text.starts_with(w.question_starts));
            let (answer, analysis) =
                weak.map_or((Answer::FullyAgree, ""), |w| (w.answer, w.analysis));
            checklist_db::save_answer(db, id, q.id, answer, analysis, (None, ""), (anna, answered))
                .await?;
            let Some((title, owner, (sy, sm, sd), (ey, em, ed), status)) =
                weak.and_then(|w| w.action)
            else {
                continue;
            };
            let action = CheckedPlanAction {
                title: title.into(),
                description: String::new(),
                responsible: person(owner),
                start: day(sy, sm, sd),
                end: day(ey, em, ed),
                comment: String::new(),
            };
            let link = NewActionLink {
                checklist: Some((id, q.id)),
                answer: Some(answer),
                ..NewActionLink::default()
            };
            let a =
                add_plan_action(db, unit, ActionSource::Checklist, &link, &action, anna).await?;
            if status != ActionStatus::NotStarted {
                update_plan_action(db, unit, a, 1, &action, status).await?;
            }
        }
        checklist_db::set_done(db, id, Some((anna, answered))).await?;
    }

    // Solgården: half-way, one weak answer without an action yet.
    if let Some(&unit) = nodes.get("Solgårdens vård- och omsorgsboende") {
        let id = checklist_db::open_checklist(db, unit, sam_id, YEAR, mattias).await?;
        checklist_db::save_participants(db, id, &[mattias, sofia], "").await?;
        for (i, q) in questions.iter().take(8).enumerate() {
            let (answer, analysis) = if i == 6 {
                (
                    Answer::Disagree,
                    "Skriftliga instruktioner för förflyttning av boende saknas på två avdelningar.",
                )
            } else {
                (Answer::FullyAgree, "")
            };
            checklist_db::save_answer(
                db,
                id,
                q.id,
                answer,
                analysis,
                (None, ""),
                (mattias, answered),
            )
            .await?;
        }
    }
    Ok(())
}
