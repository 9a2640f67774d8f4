//! `/samverkan/:group_id`: a cooperation group's meeting plan for a year against its rule, its
//! members on both sides, and its standing agenda. Those who keep the group get the forms that
//! change each part (`group_forms.rs`).

use leptos::prelude::*;
use leptos_meta::Title;

use super::group_forms::{
    GroupActions, MeetingForm, MemberForm, RemoveMember, SettingsForm, StandingForms,
};
use crate::cooperation::{group, GroupMeetingView, GroupView, MemberView};
use crate::domain::cooperation::{GroupRole, Side};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{format_date, format_time, query_year, route_id, Loaded};

/// The group's page.
#[component]
pub fn GroupPage() -> impl IntoView {
    let group_id = route_id("group_id");
    let year = query_year();
    let actions = GroupActions::new();
    let changed = actions.changes();
    let page = Resource::new(
        move || (group_id.get(), year.get(), changed.get()),
        |(group_id, year, _)| async move {
            match group_id {
                Some(id) => group(id, year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=page view=move |g| view! { <GroupBody group=g actions /> } /> }
}

#[component]
fn GroupBody(group: GroupView, actions: GroupActions) -> impl IntoView {
    let i18n = use_i18n();
    let keep = group.can_keep;
    view! {
        <Title text=group.name.clone() />
        <p class="back-link"><a href="/samverkan">{t!(i18n, coop_all_groups)}</a></p>
        <h1>{group.name.clone()}</h1>
        <p class="lead">{group.node_name.clone()}
            {group.safety_committee.then(|| format!(" · {}", t_string!(i18n, coop_safety_committee_badge)))}
        </p>
        <p><a href=format!("/samverkan/{}/foretagshalsovard", group.id)>{t!(i18n, fhv_link)}</a></p>
        <PlanPanel group=group.clone() actions />
        <MembersPanel group=group.clone() actions />
        <StandingForms group=group.clone() actions />
        {keep.then(|| view! { <SettingsForm group=group.clone() action=actions.settings /> })}
        {keep.then(|| view! { <ArchivePanel group_id=group.id year=group.year /> })}
    }
}

/// The year's locked protocols with their bilagor in one zip for the archive, for those who keep
/// the group: a form's button posts for it (an export is on record), with or without JavaScript.
#[component]
fn ArchivePanel(group_id: i64, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="samverkan-arkiv">
            <h2 id="samverkan-arkiv">{t!(i18n, coop_archive_heading)}</h2>
            <p>{t!(i18n, coop_archive_intro)}</p>
            <form method="post" action=format!("/samverkan/{group_id}/arkiv/{year}.zip")>
                <button type="submit" class="button button--secondary">
                    {t!(i18n, coop_archive_download, year = year)}
                </button>
            </form>
        </section>
    }
}

/// The person's own subscription address for the group's meetings: made or renewed here (the
/// old one stops), served only while they sit in the group or keep it.
#[component]
fn GroupFeed(
    group_id: i64,
    feed_url: Option<String>,
    action: ServerAction<crate::cooperation::RenewGroupCalendarFeed>,
) -> impl IntoView {
    use crate::ui::{ChangeForm, TextField};

    let i18n = use_i18n();
    let has_feed = feed_url.is_some();
    view! {
        {feed_url.map(|url| view! {
            <TextField id="samverkan-kalender-adress" kind="url" readonly=true value=url
                label=t_string!(i18n, coop_feed_label).to_string()
                hint=t_string!(i18n, coop_feed_hint).to_string() />
        })}
        <ChangeForm action ids=vec![("group_id", group_id.to_string())] variant="secondary"
            label=Signal::derive(move || if has_feed {
                t_string!(i18n, calendar_renew).to_string()
            } else {
                t_string!(i18n, calendar_create).to_string()
            }) />
    }
}

/// The year's meetings and where they stand against the group's rule.
#[component]
fn PlanPanel(group: GroupView, actions: GroupActions) -> impl IntoView {
    let i18n = use_i18n();
    let year = group.year;
    let status = group.status.clone();
    let count = t_string!(
        i18n,
        coop_planned,
        planned = status.planned,
        required = status.required,
        year = year
    )
    .to_string();
    let quarters = status
        .quarters_without_meeting
        .iter()
        .map(|q| {
            let text = t_string!(i18n, coop_quarter_missing, quarter = *q).to_string();
            view! { <li>{text}</li> }
        })
        .collect_view();
    let state_class = if status.is_complete() {
        "status status--ok"
    } else {
        "status status--warn"
    };
    let rows = group
        .meetings
        .iter()
        .cloned()
        .map(|m| view! { <MeetingRow meeting=m group_id=group.id keep=group.can_keep actions /> })
        .collect_view();
    let empty = group.meetings.is_empty();
    view! {
        <section class="panel" aria-labelledby="motesplan">
            <h2 id="motesplan">{t!(i18n, coop_plan_heading, year = year)}</h2>
            <nav class="year-nav" aria-label=t_string!(i18n, coop_year_nav).to_string()>
                <a href=format!("/samverkan/{}?ar={}", group.id, year - 1)>{format!("← {}", year - 1)}</a>
                " "
                <a href=format!("/samverkan/{}?ar={}", group.id, year + 1)>{format!("{} →", year + 1)}</a>
            </nav>
            <div class=state_class role="status">
                <p>{count}</p>
                <ul>{quarters}</ul>
            </div>
            {if empty {
                view! { <p class="empty">{t!(i18n, coop_no_meetings)}</p> }.into_any()
            } else {
                view! { <ul class="coop-meetings">{rows}</ul> }.into_any()
            }}
            <p><a href=format!("/samverkan/{}/kalender.ics?ar={year}", group.id) download="">
                {t!(i18n, coop_calendar_download, year = year)}
            </a></p>
            <GroupFeed group_id=group.id feed_url=group.feed_url.clone() action=actions.feed />
            {group.can_keep.then(|| view! { <MeetingForm group_id=group.id year action=actions.meeting /> })}
        </section>
    }
}

#[component]
fn MeetingRow(
    meeting: GroupMeetingView,
    group_id: i64,
    keep: bool,
    actions: GroupActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let when = format!(
        "{}, {}–{}",
        format_date(i18n, meeting.date),
        format_time(i18n, meeting.start),
        format_time(i18n, meeting.end)
    );
    let place = (!meeting.location.is_empty()).then(|| format!(", {}", meeting.location));
    let cancelled = meeting.cancelled;
    view! {
        <li class="coop-meeting">
            <a href=format!("/samverkan/{group_id}/mote/{}", meeting.id) class:cancelled=cancelled>
                {when.clone()}{place}
            </a>
            {cancelled.then(|| view! { <strong>" " {t!(i18n, coop_cancelled)}</strong> })}
            {keep.then(|| view! {
                <super::group_forms::CancelMeeting group_id meeting_id=meeting.id cancelled when
                    action=actions.cancel />
            })}
        </li>
    }
}

/// The members, the employer's side first, and the form that adds one.
#[component]
fn MembersPanel(group: GroupView, actions: GroupActions) -> impl IntoView {
    let i18n = use_i18n();
    let side = |side: Side| {
        let members: Vec<MemberView> = group
            .members
            .iter()
            .filter(|m| m.side == side)
            .cloned()
            .collect();
        let heading = match side {
            Side::Employer => t_string!(i18n, coop_employer_side).to_string(),
            Side::Employees => t_string!(i18n, coop_employees_side).to_string(),
        };
        let id = format!("sida-{}", side.code());
        let rows = members
            .into_iter()
            .map(|m| view! { <MemberRow member=m group_id=group.id keep=group.can_keep actions /> })
            .collect_view();
        view! {
            <h3 id=id.clone()>{heading}</h3>
            <ul class="coop-members" aria-labelledby=id>{rows}</ul>
        }
    };
    view! {
        <section class="panel" aria-labelledby="ledamoter">
            <h2 id="ledamoter">{t!(i18n, coop_members_heading)}</h2>
            {group.members.is_empty().then(|| view! { <p class="empty">{t!(i18n, coop_no_members)}</p> })}
            {side(Side::Employer)}
            {side(Side::Employees)}
            {group.can_keep.then(|| view! { <MemberForm group_id=group.id action=actions.member /> })}
        </section>
    }
}

#[component]
fn MemberRow(
    member: MemberView,
    group_id: i64,
    keep: bool,
    actions: GroupActions,
) -> impl IntoView {
    let mut line = member.function_title.clone();
    if let Some(union) = member
        .union_name
        .as_ref()
        .filter(|u| !line.contains(u.as_str()))
    {
        line = format!("{line} ({union})");
    }
    let role = (member.role != GroupRole::Member).then(|| format!(", {}", member.role.label()));
    view! {
        <li class="coop-member">
            <strong>{member.name.clone()}</strong> " " <span>{line}</span> {role}
            {member.email.clone().map(|e| view! { <span class="muted">" " {e}</span> })}
            {keep.then(|| view! {
                <RemoveMember group_id person_id=member.person_id name=member.name.clone()
                    action=actions.remove_member />
            })}
        </li>
    }
}
