//! The signed-in person's name and the sign-out button in the header.

use leptos::prelude::*;

use crate::auth::{CurrentUser, SignOut};
use crate::i18n::*;
use crate::ui::SubmitButton;

/// Name, link to the units and a sign-out form (a POST that works without JavaScript).
#[component]
pub fn UserMenu(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let sign_out = ServerAction::<SignOut>::new();
    let pending = sign_out.pending();
    let name = user.name.clone();
    view! {
        <a class="site-nav__link" href="/">{t!(i18n, nav_units)}</a>
        // A full page load (not the router's), so the service worker sees it and keeps the page.
        <a class="site-nav__link" href="/nasta-apt" rel="external">{t!(i18n, nav_next)}</a>
        <a class="site-nav__link site-nav__user" href="/konto">{t!(i18n, signed_in_as, name = move || name.clone())}</a>
        <ActionForm action=sign_out attr:class="site-nav__signout">
            <SubmitButton pending=pending variant="quiet"
                    label=Signal::derive(move || t_string!(i18n, sign_out).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, signing_out).to_string()) />
        </ActionForm>
    }
}
