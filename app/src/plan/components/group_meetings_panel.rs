//! "Samverkan": the meetings of the node's cooperation groups in the plan's year, as text beside
//! the wheel's diamonds (each mark jumps to its line here). Server-rendered; nothing reacts.

use leptos::prelude::*;

use crate::i18n::*;
use crate::plan::NodeGroupMeeting;
use crate::ui::{format_date, format_time};

/// The list; nothing when the node has no group meetings that year.
#[component]
pub fn GroupMeetingsPanel(meetings: Vec<NodeGroupMeeting>, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    if meetings.is_empty() {
        return ().into_any();
    }
    let rows = meetings
        .into_iter()
        .map(|m| {
            let line = format!(
                "{} {}–{}: {}",
                format_date(i18n, m.date),
                format_time(i18n, m.start),
                format_time(i18n, m.end),
                m.group_name
            );
            view! {
                <li id=format!("samverkan-{}", m.id)>
                    {line}
                    {m.cancelled.then(|| view! { " " <strong>{t!(i18n, meeting_cancelled)}</strong> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="samverkan-rubrik">
            <h2 id="samverkan-rubrik">{t!(i18n, plan_group_meetings_heading, year = year)}</h2>
            <ul>{rows}</ul>
        </section>
    }
    .into_any()
}
