//! Getting the plan into Outlook: the year as a calendar file, and the unit's subscription address
//! (which the chef can make or renew; renewing stops the old address).

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::RenewCalendarFeed;
use crate::ui::{failure_message, FormError, SubmitButton};

/// The calendar section of the plan page.
#[component]
pub fn CalendarPanel(
    unit_id: i64,
    year: i32,
    feed_url: Option<String>,
    can_edit: bool,
    renew: ServerAction<RenewCalendarFeed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let download = format!("/enhet/{unit_id}/kalender.ics?ar={year}");
    let has_feed = feed_url.is_some();
    let pending = renew.pending();
    let failure = failure_message(renew);
    view! {
        <section class="panel calendar" aria-labelledby="kalender-rubrik">
            <h2 id="kalender-rubrik">{t!(i18n, calendar_heading)}</h2>
            <p><a href=download download="">{t!(i18n, calendar_download, year = move || year)}</a></p>
            {feed_url.map(|url| view! {
                <div class="field">
                    <label for="kalender-adress">{t!(i18n, calendar_feed_label)}</label>
                    <input id="kalender-adress" type="url" readonly value=url aria-describedby="kalender-hjalp" />
                    <p id="kalender-hjalp" class="field__hint">{t!(i18n, calendar_feed_hint)}</p>
                </div>
            })}
            {can_edit.then(|| view! {
                <ActionForm action=renew>
                    <input type="hidden" name="unit_id" value=unit_id />
                    <FormError message=failure />
                    <SubmitButton pending variant="secondary"
                        label=Signal::derive(move || if has_feed {
                            t_string!(i18n, calendar_renew).to_string()
                        } else {
                            t_string!(i18n, calendar_create).to_string()
                        })
                        busy_label=Signal::derive(move || t_string!(i18n, saving).to_string()) />
                </ActionForm>
            })}
        </section>
    }
}
