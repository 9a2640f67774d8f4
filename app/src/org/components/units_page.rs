//! The start page: the units the person may see, each with its plan's standing.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::{Access, PlanStatus};
use crate::i18n::*;
use crate::org::{my_units, ScopeSummary, UnitSummary};
use crate::ui::role_label;
use crate::ui::Loaded;

/// `/`: the person's units.
#[component]
pub fn UnitsPage() -> impl IntoView {
    let i18n = use_i18n();
    let units = Resource::new(|| (), |_| my_units(None));
    view! {
        <Title text=t_string!(i18n, units_title).to_string() />
        <Loaded resource=units view=move |page| {
                    let year = page.year;
                    let tools = (page.keeps_template || page.can_push || page.reads_outbox || page.sees_rollup || page.keeps_groups).then(|| view! {
                        <nav class="panel tools" aria-labelledby="verktyg-rubrik">
                            <h2 id="verktyg-rubrik">{t!(i18n, tools_heading)}</h2>
                            <ul>
                                {page.keeps_template.then(|| view! {
                                    <li><a href="/mall">{t!(i18n, template_title)}</a></li>
                                    <li><a href="/mall/checklistor">{t!(i18n, checklist_templates_link)}</a></li>
                                    <li><a href="/gallring">{t!(i18n, retention_link)}</a></li>
                                })}
                                {page.can_push.then(|| view! { <li><a href="/obligatoriska-amnen">{t!(i18n, push_title)}</a></li> })}
                                {page.reads_outbox.then(|| view! { <li><a href="/utkorg">{t!(i18n, outbox_title)}</a></li> })}
                                {page.reads_outbox.then(|| view! { <li><a href="/organisation">{t!(i18n, tools_organisation)}</a></li> })}
                                {page.reads_outbox.then(|| view! { <li><a href="/konton">{t!(i18n, tools_accounts)}</a></li> })}
                                {page.reads_outbox.then(|| view! { <li><a href="/logg">{t!(i18n, tools_audit)}</a></li> })}
                                {page.keeps_groups.then(|| view! { <li><a href="/samverkan">{t!(i18n, coop_title)}</a></li> })}
                                {page.sees_rollup.then(|| view! {
                                    <li><a href="/uppfoljning">{t!(i18n, rollup_link)}</a></li>
                                    <li><a href="/uppfoljning/atgarder">{t!(i18n, action_rollup_link)}</a></li>
                                })}
                            </ul>
                        </nav>
                    });
                    view! {
                        <h1>{t!(i18n, units_title)}</h1>
                        <p class="lead">{t!(i18n, units_intro, year = move || year)}</p>
                        {page.first_run.then(|| view! {
                            <p class="notice">{t!(i18n, units_first_run)} " " <a href="/kom-igang">{t!(i18n, units_first_run_link)}</a></p>
                        })}
                        {tools}
                        <MyGroups groups=page.groups.clone() />
                        <MyReminders reminders=page.reminders.clone() />
                        <MyActions actions=page.my_actions.clone() />
                        <MyScopes scopes=page.scopes.clone() />
                        {if let Some(ask) = page.ask.clone() {
                            view! { <NoRoles ask /> }.into_any()
                        } else if page.units.is_empty() && !page.scopes.is_empty() {
                            ().into_any()
                        } else if page.units.is_empty() {
                            view! { <p class="empty">{t!(i18n, units_none)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="unit-list">
                                    {page.units.into_iter().map(|u| view! { <UnitCard unit=u year /> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any()
                } />
    }
}

/// The parts of the organisation with more units than are listed, each with its units counted
/// and links to the overviews that list them.
#[component]
fn MyScopes(scopes: Vec<ScopeSummary>) -> impl IntoView {
    let i18n = use_i18n();
    (!scopes.is_empty()).then(|| {
        let cards = scopes
            .into_iter()
            .map(|s| {
                let roles = s
                    .roles
                    .iter()
                    .map(|r| role_label(i18n, *r))
                    .collect::<Vec<_>>()
                    .join(", ");
                let path = s.path.join(" › ");
                let compliance = s.compliance.then(|| {
                    view! { <li><a href=format!("/enhet/{}/efterlevnad", s.id)>{t!(i18n, units_scope_compliance)}</a></li> }
                });
                let rollup = s.rollup.then(|| {
                    view! { <li><a href=format!("/uppfoljning?nod={}", s.id)>{t!(i18n, rollup_link)}</a></li> }
                });
                view! {
                    <li class="unit-card">
                        <h3 class="unit-card__name">{s.name}</h3>
                        {(!path.is_empty()).then(|| view! { <p class="unit-card__path">{path}</p> })}
                        <p class="unit-card__role">{roles}</p>
                        <p>{t!(i18n, units_scope_count, count = s.units)}</p>
                        <ul>{compliance}{rollup}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="mina-delar">
                <h2 id="mina-delar">{t!(i18n, units_scopes_heading)}</h2>
                <p>{t!(i18n, units_scopes_intro)}</p>
                <ul class="unit-list">{cards}</ul>
            </section>
        }
    })
}

/// The cooperation groups the person sits in, each a link to its page.
#[component]
fn MyGroups(groups: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    (!groups.is_empty()).then(|| {
        let links = groups
            .into_iter()
            .map(|(id, name)| view! { <li><a href=format!("/samverkan/{id}")>{name}</a></li> })
            .collect_view();
        view! {
            <nav class="panel" aria-labelledby="mina-grupper">
                <h2 id="mina-grupper">{t!(i18n, coop_my_groups)}</h2>
                <ul>{links}</ul>
            </nav>
        }
    })
}

/// A signed-in person with no role anywhere (an account made by open sign-up, or one whose
/// roles were all taken away): whom to ask for one.
#[component]
fn NoRoles(ask: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lines = ask
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="ingen-roll">
            <h2 id="ingen-roll">{t!(i18n, no_roles_heading)}</h2>
            <p>{t!(i18n, no_roles_text)}</p>
            <ul>{lines}</ul>
        </section>
    }
}

#[component]
fn UnitCard(unit: UnitSummary, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let roles = unit
        .roles
        .iter()
        .map(|r| role_label(i18n, *r))
        .collect::<Vec<_>>()
        .join(", ");
    let access = move || match unit.access {
        Access::Manage => t_string!(i18n, access_manage).to_string(),
        Access::Edit => t_string!(i18n, access_edit).to_string(),
        _ => t_string!(i18n, access_read).to_string(),
    };
    let roles_text = if roles.is_empty() { access() } else { roles };
    let href = format!("/enhet/{}", unit.id);
    let path = unit.path.join(" › ");
    view! {
        <li class="unit-card">
            <h2 class="unit-card__name">
                <a href=href>{unit.name}</a>
                {unit.closed.then(|| view! { " " <span class="badge badge--warn">{t!(i18n, org_closed)}</span> })}
            </h2>
            <p class="unit-card__path">{path}</p>
            <p class="unit-card__role">{roles_text}</p>
            {(!unit.closed).then(|| view! { <PlanSummary status=unit.status year /> })}
        </li>
    }
}

/// The plan's standing in a few words, e.g. "9 APT, 2 ämnen saknas".
#[component]
pub fn PlanSummary(status: Option<PlanStatus>, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let Some(s) = status else {
        return view! {
            <p class="summary summary--warn">{t!(i18n, plan_missing_for_year, year = move || year)}</p>
        }
        .into_any();
    };
    let count = s.meetings_planned;
    let missing = s.unplaced_topics;
    let missing_meetings = s.missing_meetings;
    let class = if s.meets_rules() {
        "summary summary--ok"
    } else {
        "summary summary--warn"
    };
    let text = move || match (missing_meetings, missing) {
        (0, 0) => t_string!(i18n, summary_ok, count = count).to_string(),
        (0, m) => t_string!(i18n, summary_missing_topics, count = count, missing = m).to_string(),
        (mm, 0) => {
            t_string!(i18n, summary_missing_meetings, count = count, missing = mm).to_string()
        }
        (mm, m) => t_string!(
            i18n,
            summary_missing_both,
            count = count,
            missing_meetings = mm,
            missing = m
        )
        .to_string(),
    };
    view! { <p class=class>{text}</p> }.into_any()
}

/// "Mina åtgärder": the open actions the person is responsible for, with how soon each is due;
/// the in-product side of the reminders.
#[component]
fn MyActions(actions: Vec<crate::actions::PlanAction>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = actions.is_empty();
    let items = actions
        .into_iter()
        .map(|a| {
            let href = format!("/enhet/{}/atgarder#atgard-{}", a.unit_id, a.id);
            let when = a.end.zip(a.days_left).map(|(end, days)| {
                match days {
                    d if d < 0 => view! { <span class="badge badge--warn">{t!(i18n, action_overdue)}</span> }.into_any(),
                    0 => view! { <span class="badge badge--warn">{t!(i18n, action_due_today)}</span> }.into_any(),
                    d if d <= 7 => view! { <span class="badge badge--warn">{t!(i18n, action_due_in, days = d)}</span> }.into_any(),
                    _ => view! { <span class="badge">{t!(i18n, minutes_due, date = crate::ui::format_date(i18n, end))}</span> }.into_any(),
                }
            });
            view! {
                <li>
                    <a href=href>{a.title.clone()}</a> " – " {a.unit_name.clone()} " " {when}
                </li>
            }
        })
        .collect_view();
    (!empty).then(|| {
        view! {
            <section class="panel" aria-labelledby="mina-atgarder">
                <h2 id="mina-atgarder">{t!(i18n, my_actions_title)}</h2>
                <ul class="my-actions">{items}</ul>
            </section>
        }
    })
}

/// What the person's nodes have due (a notice, minutes, the SAM follow-up, the report), each with
/// a link to where it is done; the same reminders are mailed once.
#[component]
fn MyReminders(reminders: Vec<crate::compliance::ReminderLine>) -> impl IntoView {
    let i18n = use_i18n();
    (!reminders.is_empty()).then(|| {
        let items = reminders
            .into_iter()
            .map(|r| {
                view! {
                    <li>
                        {r.urgent.then(|| view! { <span class="badge badge--warn">{t!(i18n, reminder_urgent)}</span> " " })}
                        {r.text} " " <a href=r.href>{r.action}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="mina-paminnelser">
                <h2 id="mina-paminnelser">{t!(i18n, reminders_heading)}</h2>
                <ul class="reminders">{items}</ul>
            </section>
        }
    })
}
