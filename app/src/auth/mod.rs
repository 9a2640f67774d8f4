//! Sign-in, sign-out and who is asking: local accounts with argon2id passwords, the
//! organisation's OpenID Connect provider, and server-side sessions behind a private cookie.

mod account;
#[cfg(feature = "ssr")]
pub mod client;
pub mod components;
#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod db;
pub mod links;
#[cfg(feature = "ssr")]
pub mod links_db;
#[cfg(feature = "ssr")]
pub mod oidc;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod request_session;
mod server;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod sessions_db;
mod sign_in_problem;
#[cfg(feature = "ssr")]
pub mod throttle;

use serde::{Deserialize, Serialize};

pub use account::{
    end_my_other_sessions, end_my_session, my_sessions, EndMyOtherSessions, EndMySession,
    SessionSummary,
};
pub use links::{
    account_link, choose_password, request_reset, ChoosePassword, LinkMailed, LinkView,
    RequestReset,
};
pub use server::{get_current_user, sign_in, sign_in_choices, sign_out, SignIn, SignOut};
pub use sign_in_problem::SignInProblem;

/// The signed-in person as the pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// The person's id.
    pub id: i64,
    /// Full name, shown in the header.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
}

/// A demo sign-in listed on the sign-in page in demo mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAccount {
    /// Full name.
    pub name: String,
    /// E-mail to sign in with.
    pub email: String,
    /// What the person does, e.g. "Enhetschef, Hemtjänst Norr".
    pub description: String,
}

/// The ways to sign in that the sign-in page offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// E-mail and password (off when the organisation signs in through its provider only).
    pub local_accounts: bool,
    /// The organisation's OpenID provider, by the name its button shows.
    pub provider: Option<String>,
    /// The demo accounts, in demo mode with local accounts on.
    pub demo: Option<DemoSignIns>,
}

/// The demo accounts and their shared password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoSignIns {
    /// The password every demo account has.
    pub password: String,
    /// The accounts.
    pub accounts: Vec<DemoAccount>,
}
