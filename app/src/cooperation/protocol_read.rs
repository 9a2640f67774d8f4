//! Reads a cooperation meeting's protocol as its page shows it, in a handful of queries
//! whatever the size of the group: the meeting, its node, its items with their text, the
//! members with their attendance, the adjuncts, the follow-ups, item 3's dates, the next
//! meeting and the bilagor.

use super::access::GroupAccess;
use super::db::{self, FollowUpRow, ItemRow};
use super::{
    AdjunctView, AttendeeView, BilagaView, CoopProtocolView, FollowUpView, GroupMeetingView,
    ProtocolItemView, ProtocolSubView, ProtocolText,
};
use crate::domain::cooperation::agenda::CoopItemKind;
use crate::domain::cooperation::bilagor::BilagaKind;
use crate::domain::cooperation::protocol::ItemPurpose;
use crate::domain::cooperation::{sub_item_letter, Side};
use crate::error::AppError;

/// The protocol of the group's meeting `meeting_id`, as `access` may see it.
pub async fn protocol_view(
    access: &GroupAccess,
    meeting_id: i64,
) -> Result<CoopProtocolView, AppError> {
    let meeting = access.meeting(meeting_id).await?;
    let mut view = protocol_of(&access.state.db, &access.group, meeting).await?;
    view.can_write = access.writes_protocol();
    Ok(view)
}

/// The protocol of `meeting` of `group` as it stands, for nobody in particular (no forms).
pub async fn protocol_of(
    db: &crate::db::Db,
    group: &db::GroupRow,
    meeting: db::MeetingRow,
) -> Result<CoopProtocolView, AppError> {
    let meeting_id = meeting.id;
    let node_name = db::group_node(db, group.node_id)
        .await?
        .map(|n| n.name)
        .unwrap_or_default();
    let rows = db::items(db, meeting_id).await?;
    let follow_ups = db::follow_ups(db, group.id, meeting_id, meeting.meeting_date).await?;
    let attendees = db::attendees(db, group.id, meeting_id)
        .await?
        .into_iter()
        .map(|a| AttendeeView {
            attendance: a.attendance(),
            person_id: a.person_id,
            side: Side::from_code(&a.side).unwrap_or(Side::Employees),
            name: a.name,
            function_title: a.function_title,
        })
        .collect();
    let adjuncts = db::adjuncts(db, meeting_id)
        .await?
        .into_iter()
        .map(|a| AdjunctView {
            id: a.id,
            name: a.name,
            function_title: a.function_title,
        })
        .collect();
    let dates = db::adjust_dates(db, meeting_id).await?;
    let next_meeting = db::next_meeting_after(db, group.id, meeting.meeting_date)
        .await?
        .map(GroupMeetingView::from);
    let members = db::members(db, group.id).await?;
    let named = db::approvers(db, meeting_id).await?;
    let secretary = members
        .iter()
        .find(|m| m.is_secretary())
        .map(|m| m.name.clone());
    let approvers = members
        .iter()
        .filter(|m| named.contains(&m.person_id))
        .map(|m| m.name.clone())
        .collect();
    let bilagor = db::attachments(db, meeting_id)
        .await?
        .into_iter()
        .zip(1..)
        .map(|(a, number)| BilagaView {
            id: a.id,
            number,
            item_id: a.item_id,
            kind: BilagaKind::from_code(&a.kind).unwrap_or(BilagaKind::File),
            title: a.title,
        })
        .collect();
    let raised_here = |item_id: i64| -> Vec<FollowUpView> {
        follow_ups
            .iter()
            .filter(|f| f.raised_meeting_id == meeting_id && f.item_id == item_id)
            .map(follow_up_view)
            .collect()
    };
    let text = |row: &ItemRow| ProtocolText {
        minutes: row.minutes.clone(),
        decision: row.decision.clone(),
        follow_ups: raised_here(row.id),
    };
    let items = rows
        .iter()
        .filter(|r| r.parent_id.is_none())
        .zip(1..)
        .map(|(item, number)| ProtocolItemView {
            id: item.id,
            number,
            title: item.title.clone(),
            purpose: item.purpose.as_deref().and_then(ItemPurpose::from_code),
            text: text(item),
            subs: rows
                .iter()
                .filter(|r| r.parent_id == Some(item.id))
                .enumerate()
                .map(|(i, sub)| ProtocolSubView {
                    id: sub.id,
                    letter: sub_item_letter(i),
                    kind: sub.kind.as_deref().and_then(CoopItemKind::from_code),
                    title: sub.title.clone(),
                    text: text(sub),
                })
                .collect(),
        })
        .collect();
    let earlier_follow_ups = follow_ups
        .iter()
        .filter(|f| f.raised_meeting_id != meeting_id)
        .map(follow_up_view)
        .collect();
    Ok(CoopProtocolView {
        group_id: group.id,
        group_name: group.name.clone(),
        node_name,
        meeting_id,
        date: meeting.meeting_date,
        start: meeting.start_time,
        end: meeting.end_time,
        location: meeting.location,
        can_write: false,
        attendees,
        adjuncts,
        items,
        earlier_follow_ups,
        dates,
        next_meeting,
        secretary,
        approvers,
        bilagor,
        locked: None,
        adjusting: None,
    })
}

/// A follow-up as a protocol shows it: its answer only once a meeting gave one.
fn follow_up_view(row: &FollowUpRow) -> FollowUpView {
    FollowUpView {
        id: row.id,
        raised_on: row.raised_on,
        asked_by: row.asked_by.clone(),
        question: row.question.clone(),
        answer: row.closed_meeting_id.map(|_| row.answer.clone()),
    }
}
