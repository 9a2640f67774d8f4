//! Getting the plan into Outlook: the year as a calendar file, and the person's own subscription
//! address for the unit (anyone who reads the unit makes or renews theirs; renewing stops the
//! old address, and it stops by itself when they no longer belong).

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::RenewCalendarFeed;
use crate::ui::{ChangeForm, TextField};

/// The calendar section of the plan page.
#[component]
pub fn CalendarPanel(
    unit_id: i64,
    year: i32,
    feed_url: Option<String>,
    renew: ServerAction<RenewCalendarFeed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let download = format!("/enhet/{unit_id}/kalender.ics?ar={year}");
    let has_feed = feed_url.is_some();
    view! {
        <section class="panel calendar" aria-labelledby="kalender-rubrik">
            <h2 id="kalender-rubrik">{t!(i18n, calendar_heading)}</h2>
            <p><a href=download download="">{t!(i18n, calendar_download, year = move || year)}</a></p>
            {feed_url.map(|url| view! {
                <TextField id="kalender-adress" kind="url" readonly=true value=url
                    label=t_string!(i18n, calendar_feed_label).to_string()
                    hint=t_string!(i18n, calendar_feed_hint).to_string() />
            })}
            {view! {
                <ChangeForm action=renew ids=vec![("unit_id", unit_id.to_string())] variant="secondary"
                    label=Signal::derive(move || if has_feed {
                        t_string!(i18n, calendar_renew).to_string()
                    } else {
                        t_string!(i18n, calendar_create).to_string()
                    }) />
            }}
        </section>
    }
}
