//! Views of sign-in: the sign-in page and the signed-in person's menu.

mod sign_in_page;
mod user_menu;

pub use sign_in_page::SignInPage;
pub use user_menu::UserMenu;
