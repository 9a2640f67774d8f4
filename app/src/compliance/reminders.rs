//! A unit's reminders (`domain::unit_reminders`) reckoned from the database: listed on its
//! chef's start page while they hold, and mailed once to its chefs and deputies by the hourly
//! job, through the outbox (mailed with SMTP, otherwise kept there for HR to read).

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};

use super::reminders_db::{self, Recipient, ReminderFacts, ReminderMail};
use super::ReminderLine;
use crate::db::Db;
use crate::domain::env_report::{deadline, ReportStatus};
use crate::domain::unit_reminders::{
    meeting_reminder, report_reminder, sam_reminder, MeetingState, UnitReminder,
};

/// A reminder for one node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueReminder {
    /// The node.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// What it reminds of.
    pub reminder: UnitReminder,
}

/// Every reminder `facts` call for on `today`: the APTs', then each node's SAM follow-up and
/// reports (last year's, due early this year; this year's, when its deadline is near already).
pub fn due(facts: &ReminderFacts, today: NaiveDate) -> Vec<DueReminder> {
    let mut found = Vec::new();
    for node in &facts.nodes {
        let here = |reminder| DueReminder {
            unit_id: node.id,
            unit_name: node.name.clone(),
            reminder,
        };
        let notice_days = facts.notice_days_of(node.org_id);
        for m in facts.meetings.iter().filter(|m| m.unit_id == node.id) {
            let state = MeetingState {
                meeting_id: m.meeting_id,
                date: m.meeting_date,
                cancelled: false,
                notice_sent: m.notice_sent,
                minutes_published: m.minutes_published,
            };
            if let Some(r) = meeting_reminder(&state, today, notice_days) {
                found.push(here(r));
            }
        }
        if node.has_plan {
            if let Some(r) = sam_reminder(node.sam_done, today) {
                found.push(here(r));
            }
        }
        let rules = facts.deadlines_of(node.org_id);
        let reports = [
            (today.year() - 1, &node.last_year_status),
            (today.year(), &node.this_year_status),
        ];
        for (year, status) in reports {
            let sent = status
                .as_deref()
                .and_then(ReportStatus::from_code)
                .is_some_and(|s| !s.writable());
            let due = deadline(&node.kind, year, &rules);
            if let Some(r) = report_reminder(year, due, sent, today) {
                found.push(here(r));
            }
        }
    }
    found
}

/// The reminders of the nodes `person_id` is chef or deputy of, most pressing first, as lines
/// of the start page.
pub async fn reminders_for(
    db: &Db,
    person_id: i64,
    today: NaiveDate,
) -> sqlx::Result<Vec<ReminderLine>> {
    let facts = reminders_db::reminder_facts(db, today, Some(person_id)).await?;
    let mut due = due(&facts, today);
    // Stable: within each, the APTs' before the SAM follow-up's and the reports'.
    due.sort_by(|a, b| {
        (!a.reminder.urgent(), &a.unit_name).cmp(&(!b.reminder.urgent(), &b.unit_name))
    });
    Ok(due
        .into_iter()
        .map(|d| ReminderLine {
            text: d.reminder.text(&d.unit_name),
            href: d.reminder.link(d.unit_id),
            action: d.reminder.action_label().to_string(),
            urgent: d.reminder.urgent(),
        })
        .collect())
}

/// Queues the mails of today's reminders not sent before, each to the node's active chefs and
/// deputies with an address; returns how many reminders went out. A reminder of a node with
/// nobody to mail is kept for its start page and not marked, so a chef named later still gets it.
#[tracing::instrument(skip_all, err)]
pub async fn queue_unit_reminders(
    db: &Db,
    today: NaiveDate,
    mail: bool,
    public_url: Option<&str>,
) -> sqlx::Result<usize> {
    let facts = reminders_db::reminder_facts(db, today, None).await?;
    let due = due(&facts, today);
    if due.is_empty() {
        return Ok(0);
    }
    // A reminder is reckoned at most 70 days after what it is about first called for it.
    let since = today.checked_sub_days(Days::new(70)).unwrap_or(today);
    let sent = reminders_db::sent_since(db, since).await?;
    let mut recipients: HashMap<i64, Vec<Recipient>> = HashMap::new();
    for r in reminders_db::recipients(db).await? {
        recipients.entry(r.node_id).or_default().push(r);
    }
    let status = if mail { "queued" } else { "stored" };
    let base = public_url.unwrap_or("").trim_end_matches('/');
    let mut queued = 0;
    for d in due {
        let (kind, key) = (d.reminder.kind(), d.reminder.key());
        if sent.contains(&(d.unit_id, kind.to_string(), key.clone())) {
            continue;
        }
        let link = format!("{base}{}", d.reminder.link(d.unit_id));
        let (subject, body) = d.reminder.mail(&d.unit_name, &link);
        let mails: Vec<ReminderMail<'_>> = recipients
            .get(&d.unit_id)
            .into_iter()
            .flatten()
            .map(|r| ReminderMail {
                person_id: r.person_id,
                to: &r.email,
                subject: &subject,
                body: &body,
            })
            .collect();
        if mails.is_empty() {
            continue;
        }
        if reminders_db::mark_sent(db, (d.unit_id, kind, &key), today, &mails, status).await? {
            queued += 1;
        }
    }
    Ok(queued)
}
