//! A unit's action plan as a print document: every action with every field of the plan, in the
//! same columns as its XLSX (seed 002's "Åtgärder från checklistor"), on landscape pages, headed
//! by how many are open, overdue and closed on the day it was printed.

use chrono::NaiveDate;
use maud::html;

use app::actions::PlanAction;
use app::domain::ActionStatus;
use app::exports::tables::{action_table, Table};

use super::parts::{data_table, document, full_day, LANDSCAPE};

/// The document's title, also its file name's stem.
pub fn title(unit_name: &str) -> String {
    format!("Handlingsplan {unit_name}")
}

/// The plan's table without its "Enhet" column: the whole document is one unit's.
fn unit_table(actions: &[PlanAction]) -> Table {
    let mut table = action_table(actions);
    if let Some(i) = table.headers.iter().position(|h| h == "Enhet") {
        table.headers.remove(i);
        for row in &mut table.rows {
            row.remove(i);
        }
    }
    table
}

/// The whole document: HTML with its styles inline.
pub fn action_plan_html(unit_name: &str, actions: &[PlanAction], today: NaiveDate) -> String {
    let count = |status: ActionStatus| actions.iter().filter(|a| a.status == status).count();
    let overdue = actions.iter().filter(|a| a.overdue()).count();
    let body = html! {
        p.org { (unit_name) }
        h1 { "Handlingsplan" }
        p {
            (actions.len()) " åtgärder: " (count(ActionStatus::NotStarted)) " ej påbörjade, "
            (count(ActionStatus::InProgress)) " pågående, " (count(ActionStatus::Done))
            " avslutade. " (overdue) " har passerat slutdatum."
        }
        p.stamp { "Utskriven " (full_day(today)) "." }
        (data_table(&unit_table(actions)))
    };
    document(&title(unit_name), LANDSCAPE, body)
}
