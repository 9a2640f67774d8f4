//! The language switch: a plain form, before and after hydration. The server sets the
//! preference cookie and sends the person back to the page, which loads in the chosen language.
//! (Switching in the browser alone left the cookie to leptos_i18n's effect, which now and then
//! did not write it on a busy phone, so the choice was forgotten at the next load.)

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::*;

/// A button that switches between Swedish and English; the choice is remembered in a cookie.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let target = move || match i18n.get_locale() {
        Locale::sv => Locale::en,
        Locale::en => Locale::sv,
    };
    let return_to = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/sprak">
            <input type="hidden" name="locale" value=move || target().to_string() />
            <input type="hidden" name="tillbaka" value=return_to />
            <button
                type="submit"
                class="button button--quiet"
                lang=move || target().to_string()
            >
                {t!(i18n, switch_language)}
            </button>
        </form>
    }
}
