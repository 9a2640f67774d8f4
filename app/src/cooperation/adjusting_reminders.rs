//! The justering's reminders (`domain::cooperation::adjusting::adjust_reminders_due`): the day
//! before the comment deadline to every member, and from item 3's signing day on to each signer
//! who has not approved the wording as it stands. Each is sent once per version
//! (`coop_adjust_reminders`) through the outbox, by the same hourly job as the actions'
//! reminders.

use chrono::{NaiveDate, NaiveDateTime};

use super::adjusting_read::{facts_of, fingerprint, signers_of_group};
use super::adjusting_text::{approve_reminder_text, comments_reminder_text, AdjustSubject};
use super::db::{self, AdjustMessage};
use super::protocol_read::protocol_of;
use crate::db::Db;
use crate::domain::cooperation::adjusting::{adjust_reminders_due, AdjustReminder};
use crate::error::AppError;

/// Queues the justering reminders due at `now` (local time); returns how many messages.
pub async fn queue_adjust_reminders(
    db: &Db,
    now: NaiveDateTime,
    status: &str,
    public_url: Option<&str>,
) -> Result<usize, AppError> {
    let today: NaiveDate = now.date();
    let base = public_url.unwrap_or("").trim_end_matches('/');
    let mut queued = 0;
    for open in db::versions_out_for_approval(db).await? {
        let Some(dates) = db::adjust_dates(db, open.meeting_id).await? else {
            continue;
        };
        let versions = db::versions(db, open.meeting_id).await?;
        let facts = facts_of(versions.last(), Some(&dates));
        let due = adjust_reminders_due(facts.stage(now), Some(&dates), today);
        if due.is_empty() {
            continue;
        }
        let (Some(group), Some(meeting)) = (
            db::group(db, open.group_id).await?,
            db::group_meeting(db, open.group_id, open.meeting_id).await?,
        ) else {
            continue;
        };
        let link = format!(
            "{base}/samverkan/{}/mote/{}/protokoll",
            group.id, open.meeting_id
        );
        let about = AdjustSubject {
            group: &group.name,
            date: meeting.meeting_date,
            link: &link,
        };
        for kind in due {
            let (to, (subject, body)) = match kind {
                AdjustReminder::Comments => (
                    db::notice_recipients(db, group.id).await?,
                    comments_reminder_text(&about, dates.comments_due),
                ),
                AdjustReminder::Approve => {
                    let view = protocol_of(db, &group, meeting.clone()).await?;
                    let wording = fingerprint(&view);
                    let approved: Vec<i64> = db::approvals(db, open.version_id)
                        .await?
                        .into_iter()
                        .filter(|a| a.fingerprint == wording)
                        .map(|a| a.person_id)
                        .collect();
                    let signing = signers_of_group(db, group.id, open.meeting_id).await?;
                    let to = db::notice_recipients(db, group.id)
                        .await?
                        .into_iter()
                        .filter(|p| signing.contains(&p.id) && !approved.contains(&p.id))
                        .collect();
                    (to, approve_reminder_text(&about))
                }
            };
            let messages = AdjustMessage::to_each(&to, &subject, &body);
            if db::record_adjust_reminder(
                db,
                open.version_id,
                kind.code(),
                today,
                &messages,
                status,
            )
            .await?
            {
                queued += messages.len();
            }
        }
    }
    Ok(queued)
}
