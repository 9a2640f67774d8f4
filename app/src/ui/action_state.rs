//! What a page needs to know of its actions: how many times they succeeded, so data reloads
//! after a save but a failed attempt leaves the form (and what the person typed) alone.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The action's version at its last success (0 before any).
pub fn success_count<S>(action: ServerAction<S>) -> Memo<usize>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&usize>| {
        let version = action.version().get();
        match action.value().get() {
            Some(Ok(_)) => version,
            _ => previous.copied().unwrap_or(0),
        }
    })
}

/// The message of the action's last attempt when it failed, for a form's `FormError`.
pub fn failure_message<S>(action: ServerAction<S>) -> Signal<Option<String>>
where
    S: ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| crate::ui::error_message(e)())
    })
}

/// Whether the action's last attempt succeeded and no newer one is under way, so a form's
/// confirmation ("Sparat.") never speaks of an earlier save while the next one still runs.
pub fn saved_and_idle<S>(action: ServerAction<S>) -> Signal<bool>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    let pending = action.pending();
    Signal::derive(move || !pending.get() && matches!(action.value().get(), Some(Ok(_))))
}

/// Which row (a question, a person, an agenda item…) the action was last sent for, kept after
/// the action forgets its input, so that a page with one action and many row forms shows each
/// message beside the form that was sent and no other. An effect, not a memo: a memo nobody
/// reads while the action runs would miss the input before it is forgotten.
pub fn sent_for<S, K>(
    action: ServerAction<S>,
    key: impl Fn(&S) -> Option<K> + Send + Sync + 'static,
) -> ReadSignal<Option<K>>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
    K: Clone + PartialEq + Send + Sync + 'static,
{
    let sent = RwSignal::new(None);
    Effect::new(move |_| {
        let now = action.input().with(|input| input.as_ref().and_then(&key));
        if now.is_some() && sent.with_untracked(|s| *s != now) {
            sent.set(now);
        }
    });
    sent.read_only()
}

/// The action's last result when it was sent for the row `mine` (see [`sent_for`]), `None` for
/// every other row.
pub fn result_for<S, K>(
    action: ServerAction<S>,
    sent: ReadSignal<Option<K>>,
    mine: K,
) -> Signal<Option<Result<S::Output, S::Error>>>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
    K: Clone + PartialEq + Send + Sync + 'static,
{
    Signal::derive(move || {
        sent.with(|s| s.as_ref() == Some(&mine))
            .then(|| action.value().get())
            .flatten()
    })
}
