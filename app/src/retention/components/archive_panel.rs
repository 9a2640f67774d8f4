//! The unit's archive export, offered on the plan page to those who keep the unit's records:
//! every record of the unit in one zip with an index, for delivery to the archive. A form's
//! button posts for it (an export is recorded; a GET never changes anything), and the browser
//! saves the answer as a file, with or without JavaScript.

use leptos::prelude::*;

use crate::i18n::*;

/// The archive section of a unit's plan page.
#[component]
pub fn ArchivePanel(unit_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("/export/arkiv/{unit_id}.zip");
    view! {
        <section class="panel" aria-labelledby="arkiv-rubrik">
            <h2 id="arkiv-rubrik">{t!(i18n, archive_heading)}</h2>
            <p>{t!(i18n, archive_intro)}</p>
            <form method="post" action=action>
                <button type="submit" class="button button--secondary">{t!(i18n, archive_download)}</button>
            </form>
        </section>
    }
}
