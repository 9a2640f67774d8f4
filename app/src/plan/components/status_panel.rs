//! The plan's standing against the rules, from the domain's `PlanStatus`.

use leptos::prelude::*;

use crate::domain::PlanStatus;
use crate::i18n::*;

/// Minimum APTs, unplaced topics and topics outside their month, each with a clear mark.
#[component]
pub fn StatusPanel(
    status: PlanStatus,
    /// Actions offered beside the status (for editors).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = status;
    let meetings_ok = s.missing_meetings == 0;
    let topics_ok = s.unplaced_topics == 0;
    let mark = move |ok: bool| {
        if ok {
            view! { <span class="badge badge--ok">{t!(i18n, status_ok_label)}</span> }.into_any()
        } else {
            view! { <span class="badge badge--warn">{t!(i18n, status_warn_label)}</span> }
                .into_any()
        }
    };
    view! {
        <section class="panel status" aria-labelledby="status-rubrik">
            <h2 id="status-rubrik">{t!(i18n, status_heading)}</h2>
            <ul class="status__list">
                <li class=if meetings_ok { "status__item status__item--ok" } else { "status__item status__item--warn" }>
                    {mark(meetings_ok)}
                    <span>
                        {t!(i18n, status_apts, planned = move || s.meetings_planned, min = move || s.min_apts)}
                        {(!meetings_ok).then(|| view! {
                            " " {t!(i18n, status_apts_missing, count = move || s.missing_meetings, min = move || s.min_apts)}
                        })}
                    </span>
                </li>
                <li class=if topics_ok { "status__item status__item--ok" } else { "status__item status__item--warn" }>
                    {mark(topics_ok)}
                    <span>
                        {if topics_ok {
                            t!(i18n, status_topics_placed, count = move || s.total_topics).into_any()
                        } else {
                            t!(i18n, status_topics_unplaced, count = move || s.unplaced_topics, total = move || s.total_topics).into_any()
                        }}
                    </span>
                </li>
                {(s.out_of_month_topics > 0).then(|| view! {
                    <li class="status__item status__item--note">
                        {t!(i18n, status_out_of_month, count = move || s.out_of_month_topics)}
                    </li>
                })}
            </ul>
            {children.map(|c| c())}
        </section>
    }
}
