//! Server functions of a cooperation meeting's protocol. Members of the group read it; only its
//! chair and its secretary write it (attendance, each item's minutes and decision, the questions
//! the employer takes with it, item 3's dates).

use std::collections::HashMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{access::GroupAccess, db};
use super::{CoopMinutesInput, CoopProtocolView, SavedCoopMinutes};
use crate::error::AppError;

/// The meeting's protocol as the person may read it: members the draft as it stands (or, once
/// locked, the document as approved), with where its justering stands; an employee of the node
/// the last locked version when the group publishes to all employees. With `version`, that
/// locked version as approved (the protocol's history, also while a correction is open).
#[server(prefix = "/api", endpoint = "samverkan/protokoll")]
pub async fn coop_protocol(
    group_id: i64,
    meeting_id: i64,
    #[server(default)] version: Option<u32>,
) -> Result<CoopProtocolView, AppError> {
    super::adjusting_read::protocol_for_reader(group_id, meeting_id, version).await
}

/// Marks who was there (Närvarande, partly "punkt 4–12"), and who was kept away (Förhinder):
/// `status[<person>]` is `present`, `absent` or empty, `from_item`/`to_item` only for one who was
/// there partly. Replaces the meeting's attendance as a whole.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/narvaro")]
pub async fn save_coop_attendance(
    group_id: i64,
    meeting_id: i64,
    #[server(default)] status: HashMap<String, String>,
    #[server(default)] from_item: HashMap<String, String>,
    #[server(default)] to_item: HashMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::cooperation::protocol::{check_attendance, AttendanceInput};

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    let db = &access.state.db;
    let items = db::items(db, meeting_id)
        .await?
        .iter()
        .filter(|i| i.parent_id.is_none())
        .count();
    let items = u32::try_from(items).unwrap_or(u32::MAX);
    let empty = String::new();
    let mut marks = Vec::new();
    for member in db::attendees(db, group_id, meeting_id).await? {
        let key = member.person_id.to_string();
        let input = AttendanceInput {
            name: &member.name,
            status: status.get(&key).unwrap_or(&empty),
            from_item: from_item.get(&key).unwrap_or(&empty),
            to_item: to_item.get(&key).unwrap_or(&empty),
        };
        if let Some(mark) = check_attendance(input, items)? {
            marks.push((member.person_id, mark));
        }
    }
    db::save_attendance(db, meeting_id, &marks).await?;
    Ok(())
}

/// Adds one called in for the meeting (Adjungerade); they need no account.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/adjungerad")]
pub async fn add_coop_adjunct(
    group_id: i64,
    meeting_id: i64,
    name: String,
    #[server(default)] function_title: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::protocol::check_adjunct;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    let (name, function_title) = check_adjunct(&name, &function_title)?;
    db::add_adjunct(&access.state.db, meeting_id, &name, &function_title).await?;
    Ok(())
}

/// Removes one called in for the meeting.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/adjungerad/ta-bort")]
pub async fn remove_coop_adjunct(
    group_id: i64,
    meeting_id: i64,
    adjunct_id: i64,
) -> Result<(), AppError> {
    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    if !db::remove_adjunct(&access.state.db, meeting_id, adjunct_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Saves what the protocol says of an item or sub-item: what was said and what was decided.
/// Refused as stale when someone saved other text after the form was opened; the typed text
/// stays in the form.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/punkt")]
pub async fn save_coop_minutes(
    group_id: i64,
    meeting_id: i64,
    item_id: i64,
    text: CoopMinutesInput,
) -> Result<SavedCoopMinutes, AppError> {
    use crate::domain::cooperation::protocol::check_item_minutes;
    use db::MinutesSave;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    let (minutes, decision) = check_item_minutes(&text.minutes, &text.decision)?;
    let before = (
        text.minutes_before.trim().replace("\r\n", "\n"),
        text.decision_before.trim().replace("\r\n", "\n"),
    );
    match db::save_item_minutes(
        &access.state.db,
        meeting_id,
        item_id,
        (&before.0, &before.1),
        &minutes,
        &decision,
    )
    .await?
    {
        MinutesSave::Saved => Ok(SavedCoopMinutes {
            item_id,
            minutes,
            decision,
        }),
        MinutesSave::Stale => Err(AppError::stale(crate::error::Edited::Notes, None)),
        MinutesSave::NotFound => Err(AppError::NotFound),
    }
}

/// Records a question the employer takes with it ("Arbetsgivaren tar med sig frågan om …")
/// under an item of the meeting; it stays open under "Föregående protokoll" of the group's
/// later meetings until one answers it. Returns the item, so its form shows the outcome.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/uppfoljning")]
pub async fn add_coop_follow_up(
    group_id: i64,
    meeting_id: i64,
    item_id: i64,
    #[server(default)] asked_by: String,
    question: String,
) -> Result<i64, AppError> {
    use crate::domain::cooperation::protocol::check_follow_up;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    let checked = check_follow_up(&asked_by, &question)?;
    let now = access.state.clock.now();
    if !db::add_follow_up(
        &access.state.db,
        group_id,
        meeting_id,
        item_id,
        &checked.asked_by,
        &checked.question,
        now,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(item_id)
}

/// Removes a question recorded at this meeting by mistake, while no meeting has answered it.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/uppfoljning/ta-bort")]
pub async fn remove_coop_follow_up(
    group_id: i64,
    meeting_id: i64,
    follow_up_id: i64,
) -> Result<(), AppError> {
    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    access.open_protocol(meeting_id).await?;
    if !db::remove_follow_up(&access.state.db, meeting_id, follow_up_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Answers, at this meeting, a question the employer took with it at an earlier one (or changes
/// the answer this meeting gave). Returns the follow-up, so its form shows the outcome.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/uppfoljning/svar")]
pub async fn answer_coop_follow_up(
    group_id: i64,
    meeting_id: i64,
    follow_up_id: i64,
    answer: String,
) -> Result<i64, AppError> {
    use crate::domain::cooperation::protocol::check_follow_up_answer;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let answer = check_follow_up_answer(&answer)?;
    if !db::answer_follow_up(
        &access.state.db,
        group_id,
        meeting_id,
        meeting.meeting_date,
        follow_up_id,
        &answer,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(follow_up_id)
}

/// Sets item 3's dates: the day the protocol is sent out, when comments are due at the latest
/// (default kl. 12), and the day it is signed.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/justeringsdatum")]
pub async fn save_coop_adjust_dates(
    group_id: i64,
    meeting_id: i64,
    sent_on: String,
    due_date: String,
    #[server(default)] due_time: String,
    signed_on: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::protocol::{check_adjust_dates, AdjustDatesInput};

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let dates = check_adjust_dates(
        AdjustDatesInput {
            sent_on: &sent_on,
            due_date: &due_date,
            due_time: &due_time,
            signed_on: &signed_on,
        },
        meeting.meeting_date,
    )?;
    db::save_adjust_dates(&access.state.db, meeting_id, &dates).await?;
    Ok(())
}

/// Item 12: puts the next meeting into the group's plan (unless the plan has one that day), after
/// this one. Returns the new meeting's id, or the one already planned that day.
#[server(prefix = "/api", endpoint = "samverkan/protokoll/nasta-mote")]
pub async fn set_next_coop_meeting(
    group_id: i64,
    meeting_id: i64,
    meeting: crate::domain::MeetingInput,
) -> Result<i64, AppError> {
    use crate::domain::check_meeting;
    use crate::domain::cooperation::protocol::check_next_meeting;

    let access = GroupAccess::read(group_id).await?.write_protocol()?;
    let this = access.open_protocol(meeting_id).await?;
    let year = check_next_meeting(&meeting.date, this.meeting_date)?;
    let checked = check_meeting(&meeting, year)?;
    let db = &access.state.db;
    let planned = db::meetings(db, group_id, year)
        .await?
        .into_iter()
        .find(|m| m.meeting_date == checked.date && !m.cancelled);
    if let Some(planned) = planned {
        return Ok(planned.id);
    }
    Ok(db::add_meeting(db, group_id, &checked, access.state.clock.now()).await?)
}
