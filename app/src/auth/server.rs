//! Server functions of sign-in. Each reads like a short story: who asks, may they, do it.

use leptos::prelude::*;

use super::{CurrentUser, SignInOptions};
use crate::error::AppError;

/// Signs in with e-mail and password, then sends the browser to the start page.
///
/// Attempts are limited per client address (in memory, before any hashing), per account and
/// client address, and per account unless this browser has signed in to it before (failed
/// attempts in the audit trail, `domain::sign_in_limits`); every success and failure is recorded
/// there.
#[server(prefix = "/api", endpoint = "logga-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use super::{db, password as pw, session, sessions_db::SignInMethod};
    use crate::audit::{self, Event};
    use crate::domain::sign_in_limits::sign_in_wait;
    use crate::domain::{minutes_to_wait, FAILURE_WINDOW};
    use crate::state::app_state;

    let state = app_state()?;
    let email = crate::domain::normal_email(&email);
    if !state.sign_in.local_accounts {
        // The organisation signs in through its provider only; no password is even checked.
        let email: String = email.chars().take(254).collect();
        audit::record_for(
            None,
            &email,
            Event::new("sign_in_refused").detail("password: local accounts are off"),
        )
        .await?;
        return Err(AppError::Forbidden);
    }
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
    let email: String = email.chars().take(254).collect();
    let address = session::request_origin().address;
    if let Err(wait) = state.sign_in_throttle.check(&address) {
        let minutes = minutes_to_wait(chrono::Duration::from_std(wait).unwrap_or_default());
        audit::record_for(
            None,
            &email,
            Event::new("sign_in_throttled").detail("address"),
        )
        .await?;
        return Err(AppError::TooManyAttempts { minutes });
    }
    let now = state.clock.now();
    let (from_client, on_account) =
        audit::db::failed_sign_ins_since(&state.db, &email, &address, now - FAILURE_WINDOW).await?;
    let known = session::known_accounts();
    let record = db::find_login(&state.db, &email).await?;
    let known_device = record.as_ref().is_some_and(|r| known.contains(&r.user.id));
    if let Some((minutes, limit)) = sign_in_wait(from_client, on_account, known_device, now) {
        audit::record_for(
            None,
            &email,
            Event::new("sign_in_throttled").detail(limit.code()),
        )
        .await?;
        return Err(AppError::TooManyAttempts { minutes });
    }
    let stored = record
        .as_ref()
        .filter(|r| r.active)
        .and_then(|r| r.password_hash.clone());
    let verified = pw::check_password(password, stored).await;
    let person = match record {
        Some(r) if verified => r.user,
        other => {
            let actor_id = other.map(|r| r.user.id);
            audit::record_for(actor_id, &email, Event::new("sign_in_failed")).await?;
            return Err(AppError::InvalidCredentials);
        }
    };
    session::start(person.id, SignInMethod::Password).await?;
    session::remember_device(&known, person.id)?;
    audit::record_for(
        Some(person.id),
        &email,
        Event::new("sign_in").detail("password"),
    )
    .await?;
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

    if let Some(open) = super::session::current_session().await? {
        crate::audit::record_for(
            Some(open.user.id),
            &open.user.email,
            crate::audit::Event::new("sign_out"),
        )
        .await?;
    }
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

/// The ways to sign in: the provider's button, the password form, and in demo mode the demo
/// accounts (never listed otherwise: no accounts are advertised).
#[server(prefix = "/api", endpoint = "inloggningssatt")]
pub async fn sign_in_choices() -> Result<SignInOptions, AppError> {
    let state = crate::state::app_state()?;
    let local_accounts = state.sign_in.local_accounts;
    let demo = if state.demo && local_accounts {
        Some(crate::org::demo::demo_sign_ins(&state.db).await?)
    } else {
        None
    };
    Ok(SignInOptions {
        local_accounts,
        provider: state
            .sign_in
            .oidc
            .as_ref()
            .map(|p| p.display_name().to_string()),
        demo,
    })
}
