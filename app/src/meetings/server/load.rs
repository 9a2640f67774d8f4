//! Loading one agenda with everything its page (and its notice) needs: a handful of queries, the
//! editor-only parts only for editors.

use crate::error::AppError;
use crate::meetings::{db, AgendaView};
use crate::org::access::UnitMeeting;
use crate::org::guard::UnitGrant;
use crate::state::AppState;

/// The agenda of a meeting of the granted unit, as the grant may see it (sections are left in;
/// the caller hides them from members before the notice has gone out).
pub async fn load_agenda(
    state: &AppState,
    grant: &UnitGrant,
    meeting_id: i64,
) -> Result<AgendaView, AppError> {
    use crate::domain::agenda_timing;

    let unit_id = grant.unit_id;
    let (UnitMeeting { plan_id, year, .. }, meeting) =
        crate::org::access::unit_meeting(state, grant, meeting_id).await?;
    let sections = db::agenda(&state.db, meeting_id).await?;
    let can_edit = grant.access.can_edit();
    let timing = agenda_timing(
        sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.minutes)),
        meeting.start,
        meeting.end,
    );
    let agenda_version = db::agenda_version(&state.db, meeting_id).await?;
    let (waiting, not_reached) = db::agenda_counts(&state.db, unit_id, meeting_id).await?;
    // A reader needs only to know whether the notice went out; the editor sees its whole state
    // (timing, recipients, delivery).
    let (published, notice) = if can_edit {
        let notice =
            crate::notices::notice_state(state, grant.org_id, unit_id, &meeting, agenda_version)
                .await?;
        (!notice.sent.is_empty(), Some(notice))
    } else {
        let (sent, _) = crate::notices::db::notices(&state.db, meeting_id).await?;
        (!sent.is_empty(), None)
    };
    let help = db::topic_help(&state.db, meeting_id).await?;
    let material = help
        .iter()
        .filter(|h| h.send_with_notice)
        .flat_map(|h| h.links.iter().cloned())
        .collect();
    let (missing_from_plan, topic_help, waiting_proposals) = if can_edit {
        let content = db::plan_content(&state.db, grant.org_id, plan_id, meeting_id).await?;
        let items: Vec<_> = sections.iter().flat_map(|s| s.items.iter()).collect();
        let missing = content
            .points
            .iter()
            .filter(|(id, _)| !items.iter().any(|i| i.point_id == Some(*id)))
            .count()
            + content
                .topics
                .iter()
                .filter(|(id, _, _)| !items.iter().any(|i| i.topic_id == Some(*id)))
                .count();
        (u32::try_from(missing).unwrap_or(u32::MAX), help, waiting)
    } else {
        (0, Vec::new(), 0)
    };
    Ok(AgendaView {
        unit_id,
        unit_name: grant.unit_name(),
        year,
        agenda_version,
        next_meeting: db::next_meeting(&state.db, meeting_id).await?,
        meeting,
        sections,
        timing,
        can_edit,
        missing_from_plan,
        topic_help,
        material,
        attachments: db::attachments(&state.db, meeting_id).await?,
        waiting_proposals,
        not_reached,
        published,
        notice,
    })
}
