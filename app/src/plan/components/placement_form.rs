//! Choosing the meeting a topic goes in: the meetings of the topic's month(s) come first, marked
//! as suggested; the others follow; or "not placed".

use chrono::Datelike;
use leptos::prelude::*;

use super::meeting_fields::field_message;
use crate::i18n::*;
use crate::plan::{PlaceTopic, TopicDetail};
use crate::ui::{format_date, ChangeForm};

/// The placement form of the topic page (shown to editors only).
#[component]
pub fn PlacementForm(action: ServerAction<PlaceTopic>, detail: TopicDetail) -> impl IntoView {
    let i18n = use_i18n();
    let t = detail.topic.clone();
    let Some(plan_version) = detail.plan_version else {
        return ().into_any();
    };
    let in_months = |month: u32| month >= t.month_start && month <= t.month_end;
    let mut meetings = detail.meetings.clone();
    meetings.retain(|m| !m.cancelled || Some(m.id) == t.meeting_id);
    meetings.sort_by_key(|m| (!in_months(m.date.month()), m.date));
    let current = t.meeting_id;
    let options = meetings
        .into_iter()
        .map(|m| {
            let suggested = in_months(m.date.month());
            let mut label = format_date(i18n, m.date);
            if suggested {
                label.push_str(&format!(" ({})", t_string!(i18n, placement_suggested)));
            }
            view! { <option value=m.id.to_string() selected=current == Some(m.id)>{label}</option> }
        })
        .collect_view();
    let result = move || action.value().get();
    let field_error = move || field_message(result(), "meeting_id");
    let ids = vec![
        ("unit_id", detail.unit_id.to_string()),
        ("topic_id", t.id.to_string()),
        ("year", detail.year.to_string()),
        ("plan_version", plan_version.to_string()),
    ];
    view! {
        <section class="panel placement" aria-labelledby="placera-rubrik">
            <h2 id="placera-rubrik">{t!(i18n, placement_heading)}</h2>
            <ChangeForm action ids beside_fields=true
                label=Signal::derive(move || t_string!(i18n, placement_button).to_string())
                done=Signal::derive(move || t_string!(i18n, placement_saved).to_string())>
                <div class="field">
                    <label for="placera-mote">{t!(i18n, placement_label)}</label>
                    <select id="placera-mote" name="meeting_id" aria-describedby="placera-fel">
                        <option value="" selected=current.is_none()>{t!(i18n, placement_none)}</option>
                        {options}
                    </select>
                    <p id="placera-fel" class="field__error">{field_error}</p>
                </div>
            </ChangeForm>
        </section>
    }
    .into_any()
}
