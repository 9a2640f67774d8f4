//! Sign-in, sign-out and who is asking: local accounts with argon2id passwords and server-side
//! sessions.

pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod password;
mod server;
#[cfg(feature = "ssr")]
pub mod session;

use serde::{Deserialize, Serialize};

pub use server::{demo_accounts, get_current_user, sign_in, sign_out, SignIn, SignOut};

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

/// The demo accounts and their shared password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoSignIns {
    /// The password every demo account has.
    pub password: String,
    /// The accounts.
    pub accounts: Vec<DemoAccount>,
}
