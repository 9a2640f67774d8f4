//! Starting an organisation for real (`/kom-igang`): the administrator that `server
//! create-admin` made names the organisation, imports or builds its tree, invites HR, decides
//! how people sign in, and says when it is ready. Only the organisation's administrator (HR at
//! its root) reads or changes any of it; the demo organisations are ready from the start.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::keeping::check;
use crate::error::AppError;

/// Someone who keeps the organisation (HR at its root).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keeper {
    /// The person.
    pub person_id: i64,
    /// Full name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Whether they have chosen a password (an invited one who has not may be invited again).
    pub has_password: bool,
    /// The asker themselves.
    pub own: bool,
}

/// The organisation's open sign-up settings, as its form shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpSettings {
    /// Its e-mail domains, separated by commas.
    pub email_domains: String,
    /// A person of those domains who signs in through the provider gets an account.
    pub open_sign_up: bool,
    /// Whom a person without roles should ask.
    pub whom_to_ask: String,
    /// Whether the organisation's OpenID provider is set up here (open sign-up needs it).
    pub provider: bool,
}

/// Everything the first-run page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstRunPage {
    /// The organisation (its root node).
    pub org_id: i64,
    /// Its name.
    pub name: String,
    /// The root's kind and HR code, which naming it keeps.
    pub kind: String,
    /// The root's HR code.
    pub code: String,
    /// Still being set up.
    pub setting_up: bool,
    /// Nodes below the root.
    pub nodes: i64,
    /// People of the organisation.
    pub people: i64,
    /// HR imports applied.
    pub imports: i64,
    /// HR at the root, the asker among them.
    pub keepers: Vec<Keeper>,
    /// Sign-up settings.
    pub sign_up: SignUpSettings,
}

/// The organisation the asker administers: HR at a root (the first such, for the rare person
/// who is HR at the root of two). Anyone else is refused.
#[cfg(feature = "ssr")]
async fn administered() -> Result<check::Kept, AppError> {
    let top = check::top_kept().await?;
    let kept = check::kept(top).await?;
    if kept.node().parent_id.is_some() {
        return Err(AppError::Forbidden);
    }
    Ok(kept)
}

/// The first-run page of the organisation the asker administers.
#[server(prefix = "/api", endpoint = "kom-igang")]
pub async fn first_run() -> Result<FirstRunPage, AppError> {
    use super::{keeping_db, starting_db};
    use crate::domain::Role;

    let kept = administered().await?;
    let db = &kept.state.db;
    let org_id = kept.id();
    let start = starting_db::start(db, org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let sign_up = starting_db::sign_up(db, org_id).await?;
    let keepers = keeping_db::members(db, org_id)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Hr.code())
        .map(|m| Keeper {
            own: m.person_id == kept.viewer.user.id,
            person_id: m.person_id,
            name: m.name,
            email: m.email,
            has_password: m.has_password,
        })
        .collect();
    let node = kept.node();
    Ok(FirstRunPage {
        org_id,
        name: start.name,
        kind: node.kind.clone(),
        code: node.code.clone().unwrap_or_default(),
        setting_up: start.setting_up,
        nodes: start.nodes,
        people: start.people,
        imports: start.imports,
        keepers,
        sign_up: SignUpSettings {
            email_domains: sign_up.email_domains,
            open_sign_up: sign_up.open_sign_up,
            whom_to_ask: sign_up.whom_to_ask,
            provider: kept.state.sign_in.oidc.is_some(),
        },
    })
}

/// Says the organisation is ready: the start page stops leading its administrator here.
#[server(prefix = "/api", endpoint = "kom-igang/klar")]
pub async fn finish_first_run() -> Result<(), AppError> {
    let kept = administered().await?;
    super::starting_db::set_setting_up(&kept.state.db, kept.id(), false).await?;
    Ok(())
}

/// Stores how people of the organisation sign in: its e-mail domains, whether a person of
/// them gets an account (with no roles) by signing in through the provider, and whom such a
/// person is told to ask. A checkbox sends its value only when ticked.
#[server(prefix = "/api", endpoint = "kom-igang/inloggning")]
pub async fn save_sign_up_settings(
    email_domains: String,
    open_sign_up: Option<String>,
    whom_to_ask: String,
) -> Result<(), AppError> {
    use crate::domain::sign_up::check_sign_up;

    let kept = administered().await?;
    let (domains, open, whom) =
        check_sign_up(&email_domains, open_sign_up.is_some(), &whom_to_ask)?;
    super::starting_db::save_sign_up(&kept.state.db, kept.id(), &domains, open, &whom).await?;
    Ok(())
}
