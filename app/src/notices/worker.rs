//! The outbox worker: sends queued messages over SMTP in the background, so "Skicka kallelse"
//! answers at once and a slow or absent mail server never blocks a page. It wakes when a notice
//! is queued and once a minute (for retries and for messages left queued by a restart).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::db;
use super::mail::Mailer;
use crate::clock::Clock;
use crate::db::Db;

/// Attempts before a message is marked as failed for good.
const MAX_ATTEMPTS: i64 = 3;

/// Sends what is queued now; returns how many messages were handled.
pub async fn deliver_queued(db: &Db, mailer: &Mailer, clock: Clock) -> sqlx::Result<usize> {
    let mut handled = 0;
    loop {
        let batch = db::queued(db, 50).await?;
        if batch.is_empty() {
            return Ok(handled);
        }
        let mut progressed = false;
        for message in batch {
            let outcome = mailer
                .send(
                    &message.to_address,
                    &message.subject,
                    &message.body_text,
                    message.ics.as_deref(),
                )
                .await;
            match outcome {
                Ok(()) => {
                    db::mark(db, message.id, "sent", None, clock.now()).await?;
                    progressed = true;
                }
                Err(error) => {
                    tracing::warn!(message_id = message.id, %error, "notice not delivered");
                    let status = if message.attempts + 1 >= MAX_ATTEMPTS {
                        "failed"
                    } else {
                        "queued"
                    };
                    db::mark(db, message.id, status, Some(&error), clock.now()).await?;
                    if status == "failed" {
                        progressed = true;
                    }
                }
            }
            handled += 1;
        }
        // A mail server that refuses everything leaves the rest for the next round.
        if !progressed {
            return Ok(handled);
        }
    }
}

/// Starts the worker; `wake` is notified whenever a notice is queued.
pub fn spawn(db: Db, mailer: Arc<Mailer>, wake: Arc<Notify>, clock: Clock) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_queued(&db, &mailer, clock).await {
                tracing::error!(%e, "outbox worker");
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            }
        }
    });
}
