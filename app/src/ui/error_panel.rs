//! How an error reaches the user: a translated sentence, the right HTTP status when the page is
//! rendered on the server, and a way on (sign in, or back to the start page).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::error::AppError;
use crate::i18n::*;

/// Sets the HTTP status of the server-rendered page (no-op in the browser).
fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Shows an error as the page's content. Not signed in sends the person to the sign-in page.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    // Not signed in becomes a redirect (302), so it must not overwrite the status.
    if error != AppError::NotSignedIn {
        set_status(error.status_code());
    }
    match error {
        AppError::NotSignedIn => view! { <Redirect path="/logga-in" /> }.into_any(),
        AppError::NotFound => view! { <NotFoundPage /> }.into_any(),
        AppError::Forbidden => view! {
            <Title text=t_string!(i18n, err_forbidden_title).to_string() />
            <section class="panel panel--error" aria-labelledby="fel-rubrik">
                <h1 id="fel-rubrik">{t!(i18n, err_forbidden_title)}</h1>
                <p>{t!(i18n, err_forbidden)}</p>
                <p><a href="/">{t!(i18n, go_home)}</a></p>
            </section>
        }
        .into_any(),
        other => {
            let message = error_message(other);
            view! {
                <Title text=t_string!(i18n, err_title).to_string() />
                <section class="panel panel--error" role="alert" aria-labelledby="fel-rubrik">
                    <h1 id="fel-rubrik">{t!(i18n, err_title)}</h1>
                    <p>{message}</p>
                    <p><a href="/">{t!(i18n, go_home)}</a></p>
                </section>
            }
            .into_any()
        }
    }
}

/// A translated sentence for an error, for inline messages (forms) and panels.
pub fn error_message(error: AppError) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || error_text(i18n, &error)
}

/// The translated sentence for an error in the given language context. Reactive closures that
/// run late (a form's error after its post) pass the context they captured when the component
/// was made, rather than looking it up again.
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::NotSignedIn => t_string!(i18n, err_not_signed_in).to_string(),
        AppError::InvalidCredentials => t_string!(i18n, err_invalid_credentials).to_string(),
        AppError::Forbidden => t_string!(i18n, err_forbidden).to_string(),
        AppError::TooManyAttempts { minutes } => {
            t_string!(i18n, err_too_many_attempts, minutes = *minutes).to_string()
        }
        AppError::TooManyRequests { seconds } => {
            t_string!(i18n, err_too_many_requests, seconds = *seconds).to_string()
        }
        AppError::NotFound => t_string!(i18n, err_not_found).to_string(),
        AppError::Invalid { message, .. } | AppError::Conflict { message } => message.clone(),
        AppError::Internal => t_string!(i18n, err_internal).to_string(),
        AppError::Transport => t_string!(i18n, err_transport).to_string(),
    }
}

/// The page for an address that does not exist (HTTP 404).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    set_status(404);
    view! {
        <Title text=t_string!(i18n, err_not_found_title).to_string() />
        <section class="panel" aria-labelledby="fel-rubrik">
            <h1 id="fel-rubrik">{t!(i18n, err_not_found_title)}</h1>
            <p>{t!(i18n, err_not_found)}</p>
            <p><a href="/">{t!(i18n, go_home)}</a></p>
        </section>
    }
}
