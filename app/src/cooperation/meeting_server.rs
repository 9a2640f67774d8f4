//! Server functions of a cooperation meeting: its page, the agenda written from the standing
//! agenda, sub-items, and what members send in before the meeting.

use leptos::prelude::*;

use super::CoopMeetingView;
#[cfg(feature = "ssr")]
use super::{access::GroupAccess, db};
use crate::error::AppError;

/// A meeting of the group: its agenda and what members sent in.
#[server(prefix = "/api", endpoint = "samverkan/mote")]
pub async fn coop_meeting(group_id: i64, meeting_id: i64) -> Result<CoopMeetingView, AppError> {
    let access = GroupAccess::read(group_id).await?;
    meeting_view(&access, meeting_id).await
}

/// The meeting's page as `access` may see it (a handful of queries).
#[cfg(feature = "ssr")]
async fn meeting_view(access: &GroupAccess, meeting_id: i64) -> Result<CoopMeetingView, AppError> {
    use super::{CoopItemView, CoopSubItemView, SubmissionView};
    use crate::domain::cooperation::agenda::{CoopItemKind, SubmissionKind};
    use crate::domain::cooperation::sub_item_letter;

    let group_id = access.group.id;
    let meeting = access.meeting(meeting_id).await?;
    let rows = db::items(&access.state.db, meeting_id).await?;
    let items = rows
        .iter()
        .filter(|r| r.parent_id.is_none())
        .zip(1..)
        .map(|(item, number)| CoopItemView {
            id: item.id,
            number,
            title: item.title.clone(),
            subs: rows
                .iter()
                .filter(|r| r.parent_id == Some(item.id))
                .enumerate()
                .map(|(i, sub)| CoopSubItemView {
                    id: sub.id,
                    letter: sub_item_letter(i),
                    title: sub.title.clone(),
                    kind: sub.kind.as_deref().and_then(CoopItemKind::from_code),
                })
                .collect(),
        })
        .collect();
    let submissions = db::submissions(&access.state.db, group_id, meeting_id)
        .await?
        .into_iter()
        .map(|s| SubmissionView {
            id: s.id,
            from: s.union_name.unwrap_or(s.name),
            kind: SubmissionKind::from_code(&s.kind).unwrap_or(SubmissionKind::Question),
            title: s.title,
            body: s.body,
            placed: s.item_id.is_some(),
        })
        .collect();
    let (first_sent, sendings) = db::notice_sent(&access.state.db, meeting_id).await?;
    let notice = crate::domain::notice_timing(
        meeting.meeting_date,
        access.group.rule().notice_days,
        first_sent,
        access.state.clock.today(),
    );
    let recipients = db::notice_recipients(&access.state.db, group_id)
        .await?
        .len();
    let locked = db::protocol_locked(&access.state.db, meeting_id).await?;
    Ok(CoopMeetingView {
        group_id,
        group_name: access.group.name.clone(),
        meeting_id,
        date: meeting.meeting_date,
        start: meeting.start_time,
        end: meeting.end_time,
        location: meeting.location,
        cancelled: meeting.cancelled,
        locked,
        reads_protocol: locked || access.role.is_some(),
        can_edit: access.may_edit() && !locked,
        is_member: access.role.is_some() && !locked,
        items,
        submissions,
        notice,
        notices_sent: u32::try_from(sendings).unwrap_or(0),
        recipients: u32::try_from(recipients).unwrap_or(0),
    })
}

/// Writes the meeting's agenda from the group's standing agenda (with a sub-item per unit below
/// the node under "Samverkan"); refused when the meeting has one.
#[server(prefix = "/api", endpoint = "samverkan/mote/dagordning")]
pub async fn compose_coop_agenda(group_id: i64, meeting_id: i64) -> Result<(), AppError> {
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.edit()?;
    access.open_protocol(meeting_id).await?;
    let db = &access.state.db;
    let units = db::units_below(db, access.group.node_id).await?;
    let now = access.state.clock.now();
    if !db::compose(db, group_id, meeting_id, &units, now).await? {
        return Err(problem("agenda", "Mötet har redan en dagordning.").into());
    }
    Ok(())
}

/// Adds a lettered sub-item with its kind under a numbered item of the meeting; the SAM
/// follow-up ("Uppföljning av det systematiska arbetsmiljöarbetet …") attaches the node's unit
/// results of the meeting's year to it.
#[server(prefix = "/api", endpoint = "samverkan/mote/underpunkt")]
pub async fn add_coop_sub_item(
    group_id: i64,
    meeting_id: i64,
    parent_id: i64,
    title: String,
    kind: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::agenda::check_sub_item;
    use crate::domain::cooperation::bilagor::brings_unit_results;

    let access = GroupAccess::read(group_id).await?.edit()?;
    let meeting = access.open_protocol(meeting_id).await?;
    let (title, kind) = check_sub_item(&title, &kind)?;
    let now = access.state.clock.now();
    let sub_id = db::add_sub_item(
        &access.state.db,
        meeting_id,
        parent_id,
        &title,
        Some(kind),
        now,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    // The SAM follow-up brings the unit results with it, as they stand now.
    if brings_unit_results(&title) {
        let year = chrono::Datelike::year(&meeting.meeting_date);
        super::attach_results_now(&access, meeting_id, sub_id, year).await?;
    }
    Ok(())
}

/// A member sends in a question or a comment before the meeting.
#[server(prefix = "/api", endpoint = "samverkan/mote/anmal")]
pub async fn send_in(
    group_id: i64,
    meeting_id: i64,
    kind: String,
    title: String,
    #[server(default)] body: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::agenda::check_submission;

    let access = GroupAccess::read(group_id).await?.member()?;
    access.open_protocol(meeting_id).await?;
    let (kind, title, body) = check_submission(&kind, &title, &body)?;
    let now = access.state.clock.now();
    db::submit(
        &access.state.db,
        meeting_id,
        access.viewer.user.id,
        kind.code(),
        &title,
        &body,
        now,
    )
    .await?;
    Ok(())
}

/// The secretary places what a member sent in under a numbered item, as a sub-item in the seed's
/// words ("Anmäld fråga från DIK: Sociala medier").
#[server(prefix = "/api", endpoint = "samverkan/mote/placera")]
pub async fn place_submission(
    group_id: i64,
    meeting_id: i64,
    submission_id: i64,
    parent_id: String,
) -> Result<(), AppError> {
    use crate::domain::cooperation::agenda::{placed_title, SubmissionKind};
    use crate::domain::required_id;

    let access = GroupAccess::read(group_id).await?.edit()?;
    access.open_protocol(meeting_id).await?;
    let parent_id = required_id(
        &parent_id,
        "parent_id",
        "Välj under vilken punkt den ska tas upp.",
    )?;
    let db = &access.state.db;
    let sent = db::submissions(db, group_id, meeting_id)
        .await?
        .into_iter()
        .find(|s| s.id == submission_id)
        .ok_or(AppError::NotFound)?;
    let kind = SubmissionKind::from_code(&sent.kind).unwrap_or(SubmissionKind::Question);
    let from = sent.union_name.clone().unwrap_or(sent.name.clone());
    let title = placed_title(kind, &from, &sent.title);
    let now = access.state.clock.now();
    if !db::place_submission(db, meeting_id, submission_id, parent_id, &title, now).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Sends the meeting's notice with its agenda to every member of the group through the outbox
/// (again as an update when it went out before). After the group's deadline it goes only when the
/// sender confirms (`confirm_late`). Returns how many it went to.
#[server(prefix = "/api", endpoint = "samverkan/mote/kallelse")]
pub async fn send_coop_notice(
    group_id: i64,
    meeting_id: i64,
    #[server(default)] confirm_late: Option<String>,
) -> Result<u32, AppError> {
    use super::notice_text::{notice_text, NoticeMeeting};
    use crate::domain::form_input::problem;

    let access = GroupAccess::read(group_id).await?.edit()?;
    access.open_protocol(meeting_id).await?;
    let view = meeting_view(&access, meeting_id).await?;
    if view.items.is_empty() {
        return Err(problem("notice", "Skriv dagordningen innan kallelsen skickas.").into());
    }
    if view.cancelled {
        return Err(problem("notice", "Mötet är inställt.").into());
    }
    crate::domain::notice::check_late_confirmed(view.notice, confirm_late.as_deref())?;
    let db = &access.state.db;
    let to = db::notice_recipients(db, group_id).await?;
    if to.is_empty() {
        return Err(problem("notice", "Gruppen har inga ledamöter med e-postadress.").into());
    }
    let (subject, body) = notice_text(&NoticeMeeting {
        group: &view.group_name,
        date: view.date,
        start: view.start,
        end: view.end,
        location: &view.location,
        items: &view.items,
        link: format!(
            "{}/samverkan/{group_id}/mote/{meeting_id}",
            access.state.link_origin()
        ),
    });
    let status = if access.state.mailer.is_some() {
        "queued"
    } else {
        "stored"
    };
    db::record_notice(
        db,
        &db::CoopNotice {
            meeting_id,
            sent_by: access.viewer.user.id,
            sent_at: access.state.clock.now(),
            sent_on: access.state.clock.today(),
            subject: &subject,
            body: &body,
            to: &to,
            status,
        },
    )
    .await?;
    access.state.outbox_wake.notify_one();
    Ok(u32::try_from(to.len()).unwrap_or(u32::MAX))
}
