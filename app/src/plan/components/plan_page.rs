//! `/enhet/:unit_id`: a unit's annual plan with its wheel, status and month-by-month list.

use leptos::prelude::*;
use leptos_meta::Title;

use super::calendar_panel::CalendarPanel;
use super::edit_forms::{AddMeetingForm, CreatePlanForms, OwnTopicForm, PlaceAllForm};
use super::group_meetings_panel::GroupMeetingsPanel;
use super::month_list::MonthList;
use super::status_panel::StatusPanel;
use super::template_news::TemplateNewsPanel;
use super::wheel::Wheel;
use crate::error::AppError;
use crate::i18n::*;
use crate::plan::{
    get_unit_plan, AddMeeting, AddOwnTopic, CreatePlan, PlaceAllSuggested, RenewCalendarFeed,
    TakeInTopics, UnitPlan,
};
use crate::retention::components::ArchivePanel;
use crate::ui::Loaded;
use crate::ui::{query_year, route_id, success_count};
use crate::workload::components::WorkloadTrend;

/// The plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let _i18n = use_i18n();
    let unit_id = route_id("unit_id");
    let year = query_year();
    // Actions live here, below the router, so a form posted without JavaScript gets its errors
    // back from the URL; the plan reloads after each successful change.
    let create = ServerAction::<CreatePlan>::new();
    let add = ServerAction::<AddMeeting>::new();
    let added = success_count(add);
    let created = success_count(create);
    let place_all = ServerAction::<PlaceAllSuggested>::new();
    let placed = success_count(place_all);
    let renew = ServerAction::<RenewCalendarFeed>::new();
    let renewed = success_count(renew);
    let own_topic = ServerAction::<AddOwnTopic>::new();
    let topic_added = success_count(own_topic);
    let take_in = ServerAction::<TakeInTopics>::new();
    let taken_in = success_count(take_in);
    let plan = Resource::new(
        move || {
            let changes = (
                added.get(),
                created.get(),
                placed.get(),
                renewed.get(),
                topic_added.get(),
                taken_in.get(),
            );
            (unit_id.get(), year.get(), changes)
        },
        |(unit_id, year, _)| async move {
            match unit_id {
                Some(id) => get_unit_plan(id, year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=plan view=move |plan| view! { <PlanView plan create add place_all renew own_topic take_in /> } />
    }
}

#[component]
fn PlanView(
    plan: UnitPlan,
    create: ServerAction<CreatePlan>,
    add: ServerAction<AddMeeting>,
    place_all: ServerAction<PlaceAllSuggested>,
    renew: ServerAction<RenewCalendarFeed>,
    own_topic: ServerAction<AddOwnTopic>,
    take_in: ServerAction<TakeInTopics>,
) -> impl IntoView {
    let i18n = use_i18n();
    let year = plan.year;
    let unit_name = plan.unit_name.clone();
    let title_name = unit_name.clone();
    let base = format!("/enhet/{}", plan.unit_id);
    let prev = format!("{base}?ar={}", year - 1);
    let next = format!("{base}?ar={}", year + 1);
    let path = plan.unit_path.join(" › ");
    let can_edit = plan.can_edit;
    let offer_place_all =
        can_edit && plan.status.unplaced_topics > 0 && plan.meetings.iter().any(|m| !m.cancelled);
    let (plan_unit, plan_version) = (plan.unit_id, plan.plan_version);
    view! {
        <Title text=format!("{} – {}", title_name, t_string!(i18n, plan_title, year = year)) />
        <div class="plan-head">
            <p class="plan-head__path">{path}</p>
            <h1>
                <span class="plan-head__unit">{unit_name}</span>
                <span class="plan-head__year">{t!(i18n, plan_title, year = move || year)}</span>
            </h1>
            <nav class="year-nav" aria-label=move || t_string!(i18n, plan_year_nav).to_string()>
                <a href=prev rel="prev">{t!(i18n, plan_prev_year, year = move || year - 1)}</a>
                <a href=next rel="next">{t!(i18n, plan_next_year, year = move || year + 1)}</a>
            </nav>
            <p class="plan-head__links">
                <a href=format!("/enhet/{}/forslag", plan.unit_id)>{t!(i18n, proposals_link)}</a>
                " · "
                <a href=format!("/enhet/{}/atgarder", plan.unit_id)>{t!(i18n, action_plan_link)}</a>
                " · "
                <a href=format!("/enhet/{}/checklistor?ar={}", plan.unit_id, plan.year)>{t!(i18n, checklists_link)}</a>
                " · "
                <a href=format!("/enhet/{}/arbetsmiljorapport?ar={}", plan.unit_id, plan.year - 1)>
                    {t!(i18n, er_link, year = move || year - 1)}
                </a>
                {can_edit.then(|| view! {
                    " · "
                    <a href=format!("/enhet/{}/efterlevnad?ar={}", plan.unit_id, plan.year)>
                        {t!(i18n, cmp_link, year = year)}
                    </a>
                })}
            </p>
            <p class="plan-head__access">
                {move || if can_edit {
                    t_string!(i18n, plan_can_edit).to_string()
                } else {
                    t_string!(i18n, plan_read_only).to_string()
                }}
            </p>
        </div>
        {if plan.exists {
            view! {
                <div class="plan-layout">
                    <StatusPanel status=plan.status>
                        {offer_place_all.then(|| view! {
                            <PlaceAllForm action=place_all unit_id=plan_unit year plan_version />
                        })}
                    </StatusPanel>
                    <Wheel plan=plan.clone() />
                </div>
                {(can_edit && !plan.template_news.is_empty()).then(|| view! {
                    <TemplateNewsPanel action=take_in news=plan.template_news.clone()
                        unit_id=plan_unit year plan_version />
                })}
                <MonthList plan=plan.clone() />
                <WorkloadTrend points=plan.workload.clone() unit_id=plan.unit_id />
                {can_edit.then(|| view! {
                    <AddMeetingForm action=add unit_id=plan.unit_id year=plan.year plan_version=plan.plan_version />
                    <OwnTopicForm action=own_topic unit_id=plan.unit_id year=plan.year plan_version=plan.plan_version />
                })}
                <CalendarPanel unit_id=plan.unit_id year=plan.year feed_url=plan.feed_url.clone()
                    renew />
                <section class="panel recurring" aria-labelledby="lopande-rubrik">
                    <h2 id="lopande-rubrik">{t!(i18n, recurring_heading)}</h2>
                    <ul>
                        {plan.recurring_points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                    </ul>
                </section>
                {can_edit.then(|| view! { <ArchivePanel unit_id=plan.unit_id /> })}
            }.into_any()
        } else if can_edit {
            view! {
                <CreatePlanForms action=create unit_id=plan.unit_id year=plan.year can_copy=plan.previous_year_has_plan />
            }.into_any()
        } else {
            view! { <p class="panel empty">{t!(i18n, plan_none, year = move || year)}</p> }.into_any()
        }}
        // The node's cooperation meetings, also where it has no APT plan of its own.
        <GroupMeetingsPanel meetings=plan.group_meetings.clone() year=plan.year />
    }
}
