//! The links between the pages of a long list (HR's accounts, a city's combined action plan):
//! plain links that keep the list's filters, so paging works without JavaScript too.

use leptos::prelude::*;

use crate::i18n::*;

/// "Föregående sida · Sida 2 av 9 · Nästa sida" under a list of `pages` pages. `base` is the
/// list's address with its filters and without `sida` (e.g. `/konton?sok=berg`); nothing is
/// shown for a single page.
#[component]
pub fn Pager(page: u32, pages: u32, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let joiner = if base.contains('?') { '&' } else { '?' };
    let link = move |to: u32| format!("{base}{joiner}sida={to}");
    let previous = (page > 1).then(|| {
        view! { <a href=link(page - 1) rel="prev">{t!(i18n, pager_previous)}</a> }
    });
    let next = (page < pages).then(|| {
        view! { <a href=link(page + 1) rel="next">{t!(i18n, pager_next)}</a> }
    });
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t_string!(i18n, pager_label).to_string()>
                {previous}
                " "
                <span aria-current="page">{t!(i18n, pager_page_of, page = page, pages = pages)}</span>
                " "
                {next}
            </nav>
        }
    })
}
