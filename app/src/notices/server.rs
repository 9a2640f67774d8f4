//! Server functions of notices: sending the agenda to the unit (with the late-sending check and
//! updates after changes), and the outbox for administrators.

use leptos::prelude::*;

use super::OutboxMessage;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::UnitAccess;

/// Where a meeting's notice stands (four small queries).
#[cfg(feature = "ssr")]
pub async fn notice_state(
    state: &crate::state::AppState,
    org_id: i64,
    unit_id: i64,
    meeting: &crate::plan::Meeting,
    agenda_version: i64,
) -> Result<super::NoticeState, AppError> {
    use super::db;
    use crate::domain::notice_timing;

    let rules = crate::org::db::rules(&state.db, org_id).await?;
    let (sent, last_version) = db::notices(&state.db, meeting.id).await?;
    let today = state.clock.today();
    let timing = notice_timing(
        meeting.first_date(),
        rules.notice_days,
        sent.first().map(|n| n.sent_on),
        today,
    );
    Ok(super::NoticeState {
        timing,
        agenda_changed: last_version.is_some_and(|v| v < agenda_version),
        sent,
        recipients: u32::try_from(db::recipients(&state.db, unit_id).await?.len()).unwrap_or(0),
        delivery: db::delivery(&state.db, meeting.id).await?,
        smtp: state.mailer.is_some(),
    })
}

#[cfg(feature = "ssr")]
fn refuse(field: &str, message: String) -> AppError {
    AppError::Invalid {
        field: field.to_string(),
        message,
    }
}

/// Sends the agenda the chef sees (`agenda_version`) to every member of the unit: the notice, or
/// an update once the agenda changed after it. After the deadline it goes only when the chef
/// confirms (`confirm_late`). Returns how many it went to.
#[server(prefix = "/api", endpoint = "kallelse/skicka")]
pub async fn send_notice(
    unit_id: i64,
    meeting_id: i64,
    agenda_version: i64,
    #[server(default)] confirm_late: Option<String>,
) -> Result<u32, AppError> {
    use super::db::{self, NewMessage, NewNotice};
    use super::mail::{compose, invitation};

    let UnitAccess {
        viewer,
        state,
        grant,
    } = UnitAccess::read(unit_id).await?;
    if !grant.access.can_edit() {
        return Err(AppError::Forbidden);
    }
    let agenda = crate::meetings::load::load_agenda(&state, &grant, meeting_id).await?;
    let notice = agenda.notice.clone().ok_or(AppError::Forbidden)?;
    if agenda.agenda_version != agenda_version {
        return Err(AppError::Conflict {
            message: "Dagordningen har ändrats efter att du öppnade den. Ladda om sidan, se \
                      ändringen och skicka sedan."
                .into(),
        });
    }
    if agenda.sections.iter().all(|s| s.items.is_empty()) {
        return Err(refuse(
            "notice",
            "Dagordningen är tom. Skapa den innan kallelsen skickas.".into(),
        ));
    }
    let update = !notice.sent.is_empty();
    if update && !notice.agenda_changed {
        return Err(refuse(
            "notice",
            "Dagordningen har inte ändrats sedan kallelsen skickades.".into(),
        ));
    }
    crate::domain::notice::check_late_confirmed(notice.timing, confirm_late.as_deref())?;
    let recipients = db::recipients(&state.db, unit_id).await?;
    if recipients.is_empty() {
        return Err(refuse(
            "notice",
            "Enheten har inga medlemmar med e-postadress.".into(),
        ));
    }
    let origin = state.link_origin();
    let (subject, body) = compose(&agenda, update, &origin);
    let (plan_id, _, _) = crate::plan::db::meeting_plan(&state.db, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let versions = crate::plan::db::meeting_versions(&state.db, plan_id).await?;
    let ics = invitation(&agenda, &versions, &origin);
    let messages: Vec<NewMessage> = recipients
        .iter()
        .map(|r| NewMessage {
            person_id: r.id,
            to: r.email.clone(),
            subject: subject.clone(),
            body: body.clone(),
            ics: ics.clone(),
        })
        .collect();
    let recorded = db::record(
        &state.db,
        &NewNotice {
            meeting_id,
            update,
            agenda_version,
            sent_by: viewer.user.id,
            sent_on: state.clock.today(),
            sent_at: state.clock.now(),
            messages: &messages,
            status: if state.mailer.is_some() {
                "queued"
            } else {
                "stored"
            },
        },
    )
    .await?;
    if recorded.is_none() {
        return Err(AppError::Conflict {
            message: "Dagordningen ändrades medan kallelsen förbereddes. Ladda om sidan och \
                      skicka igen."
                .into(),
        });
    }
    state.outbox_wake.notify_one();
    Ok(u32::try_from(messages.len()).unwrap_or(u32::MAX))
}

/// The outbox: the newest messages of notices in the units below the HR person's nodes.
#[server(prefix = "/api", endpoint = "utkorg")]
pub async fn get_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    use crate::auth::session::require_viewer;
    use crate::state::app_state;

    let viewer = require_viewer().await?;
    let state = app_state()?;
    let tree = state.org_tree().await?;
    let hr_nodes = viewer.hr_nodes();
    if hr_nodes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let units: Vec<i64> = tree
        .tree
        .leaves()
        .into_iter()
        .filter(|u| tree.tree.ancestry(*u).iter().any(|n| hr_nodes.contains(n)))
        .collect();
    Ok(super::db::outbox(&state.db, &units, 200).await?)
}
