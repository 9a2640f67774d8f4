//! The session of the request being served, read once. A page's render calls the header's
//! `get_current_user` and several server functions, each of which asks who is signed in; they
//! share one read of the session row (with the person's roles) instead of one each.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::error::AppError;

use super::sessions_db::OpenSession;

/// What this request has learnt of its session so far. The server provides a fresh one for
/// every request (page or server function); outside a request there is none and every ask reads
/// the database.
#[derive(Clone, Default)]
pub struct RequestSession {
    session: Arc<Mutex<Option<Option<OpenSession>>>>,
}

impl RequestSession {
    /// The request's session: `read` runs on the first ask only; concurrent asks wait for it.
    pub async fn session<F, Fut>(read: F) -> Result<Option<OpenSession>, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Option<OpenSession>, AppError>>,
    {
        let slot = leptos::prelude::use_context::<RequestSession>().map(|this| this.session);
        read_once(slot, read).await
    }

    /// Forgets what was read: the request has just started or ended a session.
    pub async fn forget() {
        if let Some(this) = leptos::prelude::use_context::<RequestSession>() {
            *this.session.lock().await = None;
        }
    }
}

/// The slot's value, from `read` when the slot is still empty; every time without a slot.
async fn read_once<T, F, Fut>(slot: Option<Arc<Mutex<Option<T>>>>, read: F) -> Result<T, AppError>
where
    T: Clone,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let Some(slot) = slot else {
        return read().await;
    };
    let mut cached = slot.lock().await;
    if let Some(known) = cached.as_ref() {
        return Ok(known.clone());
    }
    let value = read().await?;
    *cached = Some(value.clone());
    Ok(value)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use leptos::prelude::{provide_context, Owner};

    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    }

    #[test]
    fn a_request_reads_its_session_once_until_it_signs_in_or_out() {
        let owner = Owner::new();
        owner.with(|| provide_context(RequestSession::default()));
        let reads = AtomicUsize::new(0);
        let read = || async {
            reads.fetch_add(1, Ordering::SeqCst);
            Ok(None)
        };
        owner.with(|| {
            runtime().block_on(async {
                for _ in 0..3 {
                    assert!(RequestSession::session(read).await.expect("read").is_none());
                }
                assert_eq!(reads.load(Ordering::SeqCst), 1);
                RequestSession::forget().await;
                RequestSession::session(read).await.expect("read");
            })
        });
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn outside_a_request_every_ask_reads() {
        let reads = AtomicUsize::new(0);
        runtime().block_on(async {
            for _ in 0..2 {
                RequestSession::session(|| async {
                    reads.fetch_add(1, Ordering::SeqCst);
                    Ok(None)
                })
                .await
                .expect("read");
            }
        });
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }
}
