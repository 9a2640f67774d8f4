//! Server functions of sign-in. Each reads like a short story: who asks, may they, do it.

use leptos::prelude::*;

use super::{CurrentUser, DemoSignIns};
use crate::error::AppError;

/// Signs in with e-mail and password, then sends the browser to the start page.
#[server(prefix = "/api", endpoint = "logga-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use super::{db, password as pw, session};
    use crate::state::app_state;

    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(AppError::Invalid {
            field: "email".into(),
            message: "Skriv din e-postadress.".into(),
        });
    }
    if password.is_empty() {
        return Err(AppError::Invalid {
            field: "password".into(),
            message: "Skriv ditt lösenord.".into(),
        });
    }
    let state = app_state()?;
    let record = db::find_login(&state.db, &email).await?;
    let person = match record {
        Some(r) if r.active => match &r.password_hash {
            Some(hash) if pw::verify_password(&password, hash) => r.user,
            _ => return Err(AppError::InvalidCredentials),
        },
        _ => {
            pw::verify_against_dummy(&password);
            return Err(AppError::InvalidCredentials);
        }
    };
    session::start(person.id).await?;
    tracing::info!(person_id = person.id, "signed in");
    leptos_axum::redirect("/");
    Ok(())
}

/// Signs out and returns to the sign-in page. The browser is told to drop what it keeps of the
/// site (the offline copy of the next APT among it), so the next person on a shared phone finds
/// none of it.
#[server(prefix = "/api", endpoint = "logga-ut")]
pub async fn sign_out() -> Result<(), AppError> {
    use http::{HeaderName, HeaderValue};

    super::session::end().await?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            HeaderName::from_static("clear-site-data"),
            HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
    leptos_axum::redirect("/logga-in");
    Ok(())
}

/// The signed-in person, or `None`.
#[server(prefix = "/api", endpoint = "jag")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    super::session::current_user().await
}

/// The demo sign-ins, only in demo mode (empty otherwise: no accounts are advertised).
#[server(prefix = "/api", endpoint = "demo-konton")]
pub async fn demo_accounts() -> Result<Option<DemoSignIns>, AppError> {
    let state = crate::state::app_state()?;
    if !state.demo {
        return Ok(None);
    }
    crate::org::demo::demo_sign_ins(&state.db).await.map(Some)
}
