//! The unit's archive export, offered on the plan page to those who keep the unit's records:
//! every record of the unit in one zip with an index, for delivery to the archive.

use leptos::prelude::*;

use crate::i18n::*;

/// The archive section of a unit's plan page.
#[component]
pub fn ArchivePanel(unit_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/export/arkiv/{unit_id}.zip");
    view! {
        <section class="panel" aria-labelledby="arkiv-rubrik">
            <h2 id="arkiv-rubrik">{t!(i18n, archive_heading)}</h2>
            <p>{t!(i18n, archive_intro)}</p>
            <p><a href=href download="">{t!(i18n, archive_download)}</a></p>
        </section>
    }
}
