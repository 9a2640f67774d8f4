//! Choosing a password through a one-time link: the invitation a new person gets when HR adds
//! them, and the reset "Glömt lösenordet?" sends. The link goes by mail through the outbox (so
//! a slow mail server never holds up the page), holds for a while, works once, and choosing a
//! password through it ends every session the account had.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::account_links::LinkPurpose;
use crate::error::AppError;

/// What the page of a link shows above its form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    /// Whose password is chosen.
    pub name: String,
    /// The e-mail they sign in with.
    pub email: String,
    /// An invitation or a reset.
    pub purpose: LinkPurpose,
}

/// Whether a link's mail went to the outbox for sending, or stays there because no mail server
/// is set up (`ARSHJUL_SMTP_HOST`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkMailed {
    /// Queued for the mail server.
    Queued,
    /// No mail server: the mail was not sent.
    NoMailServer,
}

/// Makes a link for the person and queues the mail that carries it.
#[cfg(feature = "ssr")]
pub async fn send_link(
    state: &crate::state::AppState,
    person_id: i64,
    name: &str,
    email: &str,
    purpose: LinkPurpose,
    sent_by: Option<&str>,
) -> Result<LinkMailed, AppError> {
    use super::links_db::{self, LinkMail};

    let token = crate::tokens::random_token();
    let origin = state.link_origin();
    let url = format!("{origin}/valj-losenord/{token}");
    let (subject, body) = match purpose {
        LinkPurpose::Invite => (
            "Välkommen till Årshjul".to_string(),
            format!(
                "Hej {name}!\n\n{} har lagt till dig i Årshjul, där arbetsplatsträffarna \
                 planeras, hålls och följs upp.\n\nVälj ditt lösenord här. Länken gäller i sju \
                 dagar och kan användas en gång:\n{url}\n\nSedan loggar du in med {email}.\n\n\
                 Har du inte väntat dig det här brevet kan du bortse från det.\n",
                sent_by.unwrap_or("Din arbetsgivare")
            ),
        ),
        LinkPurpose::Reset => (
            "Nytt lösenord till Årshjul".to_string(),
            format!(
                "Hej {name}!\n\nNågon, förhoppningsvis du, bad om ett nytt lösenord till \
                 Årshjul för {email}.\n\nVälj ett nytt lösenord här. Länken gäller i en timme \
                 och kan användas en gång:\n{url}\n\nBad du inte om det kan du bortse från \
                 brevet. Ditt lösenord är då oförändrat.\n"
            ),
        ),
    };
    let mailed = if state.mailer.is_some() {
        LinkMailed::Queued
    } else {
        LinkMailed::NoMailServer
    };
    let mail = LinkMail {
        to: email,
        subject: &subject,
        body: &body,
        status: match mailed {
            LinkMailed::Queued => "queued",
            LinkMailed::NoMailServer => "stored",
        },
    };
    links_db::create(
        &state.db,
        person_id,
        purpose,
        &token,
        state.clock.now(),
        &mail,
    )
    .await?;
    state.outbox_wake.notify_one();
    Ok(mailed)
}

/// The link's page: whose password it sets, or why it no longer holds.
#[server(prefix = "/api", endpoint = "konto/lank")]
pub async fn account_link(token: String) -> Result<LinkView, AppError> {
    let (link, purpose) = open_link(&token).await?;
    Ok(LinkView {
        name: link.name,
        email: link.email,
        purpose,
    })
}

/// Finds a link that still holds; a Swedish message beside the page otherwise.
#[cfg(feature = "ssr")]
async fn open_link(token: &str) -> Result<(super::links_db::FoundLink, LinkPurpose), AppError> {
    use crate::domain::account_links::check_link;
    use crate::domain::form_input::problem;

    let state = crate::state::app_state()?;
    if !state.sign_in.local_accounts {
        return Err(AppError::Forbidden);
    }
    let token: String = token.trim().chars().take(100).collect();
    let found = super::links_db::find(&state.db, &token).await?;
    let Some(link) = found.filter(|l| l.active) else {
        return Err(problem(
            "link",
            "Länken finns inte. Kontrollera att hela adressen i brevet kom med.",
        )
        .into());
    };
    check_link(link.expires_at, link.used_at, state.clock.now())
        .map_err(|p| problem("link", p.message()))?;
    let purpose = LinkPurpose::from_code(&link.purpose).ok_or(AppError::Internal)?;
    Ok((link, purpose))
}

/// Sets the password through the link, once; every session of the account ends.
#[server(prefix = "/api", endpoint = "konto/valj-losenord")]
pub async fn choose_password(
    token: String,
    password: String,
    repeated: String,
) -> Result<(), AppError> {
    use super::{links_db, password as pw, sessions_db};
    use crate::audit::{self, Event};
    use crate::domain::account_links::{check_new_password, TOO_GUESSABLE};
    use crate::domain::form_input::problem;

    let state = crate::state::app_state()?;
    let (link, purpose) = open_link(&token).await?;
    check_new_password(&password, &repeated)?;
    let own = [link.name.clone(), link.email.clone()];
    let checked = password.clone();
    let guessable = tokio::task::spawn_blocking(move || {
        let own: Vec<&str> = own.iter().map(String::as_str).collect();
        pw::too_guessable(&checked, &own)
    })
    .await
    .map_err(|e| AppError::internal("checking a new password", e))?;
    if guessable {
        return Err(problem("password", TOO_GUESSABLE).into());
    }
    let hash = tokio::task::spawn_blocking(move || pw::hash_password(&password))
        .await
        .map_err(|e| AppError::internal("hashing a new password", e))?
        .map_err(|e| AppError::internal("hashing a new password", e))?;
    let now = state.clock.now();
    if !links_db::use_link(&state.db, link.id, link.person_id, &hash.0, now).await? {
        return Err(problem(
            "link",
            crate::domain::account_links::LinkProblem::Used.message(),
        )
        .into());
    }
    sessions_db::end_all_of(&state.db, link.person_id, None, "password_changed", now).await?;
    audit::record_for(
        Some(link.person_id),
        &link.name,
        Event::new("password_chosen")
            .subject("person", link.person_id)
            .detail(purpose.code()),
    )
    .await?;
    Ok(())
}

/// "Glömt lösenordet?": mails a reset link when the address belongs to an active account. The
/// answer is the same either way, so the form tells nobody which addresses have accounts.
#[server(prefix = "/api", endpoint = "konto/glomt-losenord")]
pub async fn request_reset(email: String) -> Result<(), AppError> {
    use crate::audit::{self, Event};
    use crate::domain::{check_email, minutes_to_wait};

    let state = crate::state::app_state()?;
    if !state.sign_in.local_accounts {
        return Err(AppError::Forbidden);
    }
    let email = check_email(&email)?;
    let address = super::session::request_origin().address;
    if let Err(wait) = state.sign_in_throttle.check(&address) {
        let minutes = minutes_to_wait(chrono::Duration::from_std(wait).unwrap_or_default());
        return Err(AppError::TooManyAttempts { minutes });
    }
    let found = super::db::find_login(&state.db, &email).await?;
    match found.filter(|f| f.active) {
        Some(person) => {
            send_link(
                &state,
                person.user.id,
                &person.user.name,
                &person.user.email,
                LinkPurpose::Reset,
                None,
            )
            .await?;
            audit::record_for(
                Some(person.user.id),
                &person.user.name,
                Event::new("password_reset_requested").subject("person", person.user.id),
            )
            .await?;
        }
        None => {
            audit::record_for(
                None,
                &email,
                Event::new("password_reset_requested").detail("okänd adress"),
            )
            .await?;
        }
    }
    Ok(())
}
