//! The plan as an accessible list, month by month: each meeting with date, ISO week, time, place,
//! notice deadline and its topics; and the topics not yet placed under their month.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::{holiday_on, iso_week, notice_deadline, notice_timing, NoticeTiming};
use crate::i18n::*;
use crate::plan::{Meeting, PlanTopic, UnitPlan};
use crate::ui::{format_date, format_time, kind_label, month_name};

/// The list for the whole year.
#[component]
pub fn MonthList(plan: UnitPlan) -> impl IntoView {
    let i18n = use_i18n();
    let months = (1..=12u32)
        .map(|month| {
            let meetings: Vec<Meeting> = plan
                .meetings
                .iter()
                .filter(|m| m.date.month() == month)
                .cloned()
                .collect();
            let unplaced: Vec<PlanTopic> = plan
                .topics
                .iter()
                .filter(|t| t.meeting_id.is_none() && t.month_start == month)
                .cloned()
                .collect();
            let heading_id = format!("manad-{month}");
            let labelled_by = heading_id.clone();
            let month_meetings = meetings
                .into_iter()
                .map(|m| {
                    let topics: Vec<PlanTopic> = plan
                        .topics
                        .iter()
                        .filter(|t| t.meeting_id == Some(m.id))
                        .cloned()
                        .collect();
                    let sent = plan
                        .notices_sent
                        .iter()
                        .find(|(id, _)| *id == m.id)
                        .map(|(_, day)| *day);
                    view! {
                        <MeetingItem meeting=m topics sent unit_id=plan.unit_id year=plan.year
                            notice_days=plan.rules.notice_days today=plan.today can_edit=plan.can_edit />
                    }
                })
                .collect_view();
            let has_meetings = plan.meetings.iter().any(|m| m.date.month() == month);
            view! {
                <section class="month" aria-labelledby=labelled_by>
                    <h3 id=heading_id class="month__name">{month_name(i18n, month)}</h3>
                    {if has_meetings {
                        view! { <ul class="month__meetings">{month_meetings}</ul> }.into_any()
                    } else {
                        view! { <p class="month__empty">{t!(i18n, month_no_meeting)}</p> }.into_any()
                    }}
                    {(!unplaced.is_empty()).then(|| view! {
                        <div class="month__unplaced">
                            <h4>{t!(i18n, month_topics_unplaced)}</h4>
                            <TopicLinks topics=unplaced unit_id=plan.unit_id year=plan.year />
                        </div>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="panel month-list" aria-labelledby="lista-rubrik">
            <h2 id="lista-rubrik">{t!(i18n, list_heading)}</h2>
            <div class="month-list__grid">{months}</div>
        </section>
    }
}

#[component]
fn MeetingItem(
    meeting: Meeting,
    topics: Vec<PlanTopic>,
    sent: Option<chrono::NaiveDate>,
    unit_id: i64,
    year: i32,
    notice_days: u32,
    today: chrono::NaiveDate,
    can_edit: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("mote-{}", meeting.id);
    let holiday = holiday_on(meeting.date);
    let deadline_date = notice_deadline(meeting.first_date(), notice_days);
    let timing = notice_timing(meeting.first_date(), notice_days, sent, today);
    let further = meeting
        .sessions
        .iter()
        .map(|s| {
            let mut text = format!(
                "{} ({}) {}–{}",
                format_date(i18n, s.date),
                t_string!(i18n, meeting_week, week = iso_week(s.date)),
                format_time(i18n, s.start),
                format_time(i18n, s.end)
            );
            if !s.location.is_empty() {
                text.push_str(", ");
                text.push_str(&s.location);
            }
            let holiday = holiday_on(s.date).map(|name| view! {
                " " <span class="badge badge--warn">{t!(i18n, meeting_holiday, name = move || name)}</span>
            });
            view! { <li>{text}{holiday}</li> }
        })
        .collect_view();
    let has_further = !meeting.sessions.is_empty();
    let days_left = (deadline_date - today).num_days();
    let edit_href = format!("/enhet/{unit_id}/mote/{}", meeting.id);
    let date = format_date(i18n, meeting.date);
    let week = iso_week(meeting.date);
    let time = format!(
        "{}–{}",
        format_time(i18n, meeting.start),
        format_time(i18n, meeting.end)
    );
    let deadline = format_date(i18n, deadline_date);
    let edit_label = format!(
        "{} {}",
        t_string!(i18n, edit_meeting_title),
        format_date(i18n, meeting.date)
    );
    let cancelled = meeting.cancelled;
    let agenda_href = format!("/enhet/{unit_id}/mote/{}/dagordning", meeting.id);
    let agenda_label = t_string!(
        i18n,
        agenda_page_title,
        date = format_date(i18n, meeting.date)
    )
    .to_string();
    view! {
        <li id=id class="meeting" class:meeting--cancelled=cancelled>
            <p class="meeting__when">
                <strong>{date}</strong>
                " · " {t!(i18n, meeting_week, week = move || week)}
                " · " {time}
                {cancelled.then(|| view! { " · " <span class="badge badge--warn">{t!(i18n, meeting_cancelled)}</span> })}
            </p>
            <p class="meeting__where">
                {meeting.location.clone()}
                {meeting.online_link.clone().map(|link| view! {
                    " · " <a href=link.clone()>{t!(i18n, meeting_digital)}</a>
                })}
            </p>
            {has_further.then(|| view! {
                <div class="meeting__sessions">
                    <p>{t!(i18n, meeting_more_sessions)}</p>
                    <ul>{further}</ul>
                </div>
            })}
            {holiday.map(|name| view! {
                <p class="meeting__holiday"><span class="badge badge--warn">{t!(i18n, meeting_holiday, name = move || name)}</span></p>
            })}
            <p class="meeting__deadline">
                {match timing {
                    NoticeTiming::OnTime { sent } | NoticeTiming::Late { sent, .. } => {
                        let day = format_date(i18n, sent);
                        view! {
                            {t!(i18n, meeting_notice_sent, date = move || day.clone())}
                            {timing.is_late().then(|| view! { " " <span class="badge badge--warn">{t!(i18n, meeting_notice_late)}</span> })}
                        }.into_any()
                    }
                    NoticeTiming::Overdue { .. } if !cancelled && meeting.date >= today => view! {
                        {t!(i18n, meeting_notice_deadline, date = move || deadline.clone())} " "
                        <span class="badge badge--warn">{t!(i18n, meeting_notice_overdue)}</span>
                    }.into_any(),
                    _ => view! {
                        {t!(i18n, meeting_notice_deadline, date = move || deadline.clone())}
                        {(!cancelled && days_left >= 0).then(|| view! { " " {t!(i18n, meeting_days_left, count = move || days_left)} })}
                    }.into_any(),
                }}
            </p>
            <p class="meeting__actions">
                <a href=agenda_href aria-label=agenda_label>{t!(i18n, agenda_link)}</a>
                {can_edit.then(|| view! {
                    <a href=edit_href aria-label=edit_label>{t!(i18n, edit_meeting_link)}</a>
                })}
            </p>
            {if topics.is_empty() {
                view! { <p class="meeting__no-topics">{t!(i18n, meeting_no_topics)}</p> }.into_any()
            } else {
                view! { <TopicLinks topics unit_id year /> }.into_any()
            }}
        </li>
    }
}

#[component]
fn TopicLinks(topics: Vec<PlanTopic>, unit_id: i64, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="topic-links">
            {topics.into_iter().map(|t| {
                let href = format!("/enhet/{unit_id}/amne/{}?ar={year}", t.id);
                let kind = kind_label(i18n, t.kind);
                view! {
                    <li>
                        <a href=href>{t.title}</a>
                        " " <span class="tag">{kind}</span>
                        {t.send_with_notice.then(|| view! { " " <span class="tag tag--notice">{t!(i18n, with_notice)}</span> })}
                        {t.required_by.map(|by| view! { " " <span class="tag tag--required">{t!(i18n, required_by, node = move || by.clone())}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
