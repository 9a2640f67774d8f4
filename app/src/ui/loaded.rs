//! The one way a page shows what it loads: the loading line while the server function runs, the
//! error panel (with its HTTP status and way on) when it failed, and the page's body when it is
//! there.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;
use crate::ui::ErrorPanel;

/// The common loading line, announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
}

/// Shows `resource`: [`Loading`] while it loads, an [`ErrorPanel`] when it failed, and
/// `view(value)` once it is there.
#[component]
pub fn Loaded<T, F, V>(
    /// What the page loads.
    resource: Resource<Result<T, AppError>>,
    /// The page's body for the loaded value.
    view: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=Loading>
            {move || resource.get().map(|result| match result {
                Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                Ok(value) => view(value).into_any(),
            })}
        </Suspense>
    }
}
