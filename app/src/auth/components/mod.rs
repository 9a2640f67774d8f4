//! Views of sign-in: the sign-in page, the signed-in person's menu and their own sessions.

mod password_pages;
mod sessions_page;
mod sign_in_page;
mod user_menu;

pub use password_pages::{ChoosePasswordPage, ForgotPasswordPage};
pub use sessions_page::SessionsPage;
pub use sign_in_page::SignInPage;
pub use user_menu::UserMenu;
