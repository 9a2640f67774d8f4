//! Reminders to an action's responsible person: a week before its end date, the day before, and
//! once it is overdue (`domain::reminder_due`), each sent once. The message goes through the
//! notices' outbox: mailed when SMTP is configured, otherwise kept there for administrators.

use std::sync::Arc;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::db::{BeginWrite, Db};
use crate::domain::{reminder_due, ActionStatus, Reminder};
use crate::with_db;

#[derive(sqlx::FromRow)]
struct Candidate {
    id: i64,
    title: String,
    status: String,
    due_date: NaiveDate,
    unit_id: i64,
    unit_name: String,
    person_id: i64,
    email: String,
    name: String,
}

/// The subject and text of a reminder, in Swedish.
pub fn reminder_text(
    kind: Reminder,
    title: &str,
    unit: &str,
    person: &str,
    end: NaiveDate,
    link: &str,
) -> (String, String) {
    let subject = match kind {
        Reminder::WeekBefore => format!("Påminnelse: åtgärden ”{title}” ska vara klar {end}"),
        Reminder::DayBefore => format!("Påminnelse: åtgärden ”{title}” ska vara klar i morgon"),
        Reminder::Overdue => format!("Försenad åtgärd: ”{title}” (slutdatum {end})"),
    };
    let state = match kind {
        Reminder::Overdue => "Slutdatumet har passerat.",
        _ => "Slutdatumet närmar sig.",
    };
    let body = format!(
        "Hej {person}!\n\nDu är ansvarig för åtgärden ”{title}” i handlingsplanen för {unit}. \
         {state} Slutdatum: {end}.\n\nNär åtgärden är genomförd avslutar du den och följer upp \
         om den fick avsedd effekt.\n\nHandlingsplanen: {link}\n\nÅrshjul"
    );
    (subject, body)
}

/// Queues today's reminders; returns how many were queued.
pub async fn queue_reminders(
    db: &Db,
    today: NaiveDate,
    mail: bool,
    public_url: Option<&str>,
) -> sqlx::Result<usize> {
    const CANDIDATES: &str = "SELECT a.id, a.title, a.status, a.due_date, a.unit_id,
             u.name AS unit_name, p.id AS person_id, p.email, p.name
         FROM actions a
         JOIN people p ON p.id = a.responsible_id
         JOIN org_nodes u ON u.id = a.unit_id
         WHERE a.status <> 'done' AND a.due_date IS NOT NULL AND a.due_date <= $1
           AND p.active AND p.email <> ''";
    const SENT: &str = "SELECT r.action_id, r.kind FROM action_reminders r
         JOIN actions a ON a.id = r.action_id WHERE a.status <> 'done'";
    const MARK: &str = "INSERT INTO action_reminders (action_id, kind, sent_on) VALUES ($1, $2, $3)
         ON CONFLICT (action_id, kind) DO NOTHING";
    const MESSAGE: &str = "INSERT INTO outbox (action_id, person_id, to_address, subject,
             body_text, status)
         VALUES ($1, $2, $3, $4, $5, $6)";
    let horizon = today.checked_add_days(Days::new(7)).unwrap_or(today);
    let candidates: Vec<Candidate> = with_db!(db, pool => {
        sqlx::query_as(CANDIDATES).bind(horizon).fetch_all(pool).await
    })?;
    let sent: Vec<(i64, String)> =
        with_db!(db, pool => sqlx::query_as(SENT).fetch_all(pool).await)?;
    let status = if mail { "queued" } else { "stored" };
    let base = public_url.unwrap_or("").trim_end_matches('/');
    let mut queued = 0;
    for c in candidates {
        let state = ActionStatus::from_code(&c.status).unwrap_or(ActionStatus::NotStarted);
        let Some(kind) = reminder_due(state, Some(c.due_date), today) else {
            continue;
        };
        if sent.iter().any(|(a, k)| *a == c.id && k == kind.code()) {
            continue;
        }
        let link = format!("{base}/enhet/{}/atgarder#atgard-{}", c.unit_id, c.id);
        let (subject, body) =
            reminder_text(kind, &c.title, &c.unit_name, &c.name, c.due_date, &link);
        let done = with_db!(db, pool => {
            let mut tx = pool.begin_write().await?;
            let marked = sqlx::query(MARK)
                .bind(c.id).bind(kind.code()).bind(today)
                .execute(&mut *tx).await?;
            if marked.rows_affected() == 1 {
                sqlx::query(MESSAGE)
                    .bind(c.id).bind(c.person_id).bind(&c.email).bind(&subject).bind(&body)
                    .bind(status)
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<bool, sqlx::Error>(marked.rows_affected() == 1)
        })?;
        if done {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Checks for reminders (the actions', the units' and the protocols' justering) at start and then every
/// hour, waking the outbox worker when any were queued.
pub fn spawn(db: Db, mail: bool, public_url: Option<String>, wake: Arc<Notify>, clock: Clock) {
    tokio::spawn(async move {
        loop {
            let today = clock.today();
            match queue_reminders(&db, today, mail, public_url.as_deref()).await {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(count = n, "action reminders queued");
                    wake.notify_one();
                }
                Err(e) => tracing::error!(%e, "action reminders"),
            }
            match crate::compliance::reminders::queue_unit_reminders(
                &db,
                today,
                mail,
                public_url.as_deref(),
            )
            .await
            {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(count = n, "unit reminders queued");
                    wake.notify_one();
                }
                Err(e) => tracing::error!(%e, "unit reminders"),
            }
            let status = if mail { "queued" } else { "stored" };
            let now = clock.local_now().naive_local();
            let url = public_url.as_deref();
            match crate::cooperation::adjusting_reminders::queue_adjust_reminders(
                &db, now, status, url,
            )
            .await
            {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(count = n, "protocol reminders queued");
                    wake.notify_one();
                }
                Err(e) => tracing::error!(%e, "protocol reminders"),
            }
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_say_what_when_and_where() {
        let end = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let (subject, body) = reminder_text(
            Reminder::Overdue,
            "Byt lysrör",
            "Hemtjänst Norr",
            "Anna",
            end,
            "https://arshjul.example/enhet/4/atgarder#atgard-9",
        );
        assert_eq!(
            subject,
            "Försenad åtgärd: ”Byt lysrör” (slutdatum 2026-03-31)"
        );
        assert!(body.contains("Hej Anna!"));
        assert!(body.contains("handlingsplanen för Hemtjänst Norr"));
        assert!(body.contains("https://arshjul.example/enhet/4/atgarder#atgard-9"));
        let (subject, _) = reminder_text(Reminder::DayBefore, "X", "U", "A", end, "");
        assert_eq!(subject, "Påminnelse: åtgärden ”X” ska vara klar i morgon");
    }
}
