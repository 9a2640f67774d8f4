//! `/enhet/:unit_id/checklistor`: the unit's follow-up checklists for a year, each with how far it
//! has come; the chef opens one to fill it in with the safety representative.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{kind_hint, ProgressLine};
use crate::checklists::{
    get_unit_checklists, ChecklistSummary, OpenUnitChecklist, UnitChecklistsView,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{failure_message, format_date, route_id, ChangeForm, FormError};

/// The unit's checklists page.
#[component]
pub fn ChecklistsPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let year = crate::ui::query_year();
    let open = ServerAction::<OpenUnitChecklist>::new();
    let list = Resource::new(
        move || (unit_id.get(), year.get()),
        |(unit, year)| async move {
            match unit {
                Some(u) => get_unit_checklists(u, year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=list view=move |v| view! { <ChecklistsBody view=v open /> } />
    }
}

#[component]
fn ChecklistsBody(
    view: UnitChecklistsView,
    open: ServerAction<OpenUnitChecklist>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(
        i18n,
        checklists_title,
        unit = view.unit_name.clone(),
        year = view.year
    )
    .to_string();
    let back = format!("/enhet/{}?ar={}", view.unit_id, view.year);
    let unit_name = view.unit_name.clone();
    let base = format!("/enhet/{}/checklistor", view.unit_id);
    let prev = format!("{base}?ar={}", view.year - 1);
    let next = format!("{base}?ar={}", view.year + 1);
    let rows = view
        .checklists
        .into_iter()
        .map(|c| view! { <ChecklistRow c unit_id=view.unit_id year=view.year can_open=view.can_open open /> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_plan, unit = move || unit_name.clone())}</a></p>
        <h1>{title}</h1>
        <nav class="year-nav" aria-label=t_string!(i18n, checklists_years).to_string()>
            <a href=prev>{t!(i18n, checklists_year_link, year = view.year - 1)}</a>
            " · "
            <a href=next>{t!(i18n, checklists_year_link, year = view.year + 1)}</a>
        </nav>
        <FormError message=failure_message(open) />
        <ul class="checklist-list">{rows}</ul>
    }
}

#[component]
fn ChecklistRow(
    c: ChecklistSummary,
    unit_id: i64,
    year: i32,
    can_open: bool,
    open: ServerAction<OpenUnitChecklist>,
) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = open.pending();
    let name = format!("{} {year}", c.title);
    let heading = format!("checklista-{}", c.kind.code());
    let labelled = heading.clone();
    let state = match (c.id, c.done_on) {
        (_, Some(day)) => {
            t_string!(i18n, checklist_done_on, date = format_date(i18n, day)).to_string()
        }
        (Some(_), None) => t_string!(i18n, checklist_in_progress).to_string(),
        (None, None) => t_string!(i18n, checklist_not_opened).to_string(),
    };
    let badge = if c.done_on.is_some() {
        "badge badge--ok"
    } else {
        "badge"
    };
    let link = c.id.map(|id| {
        let href = format!("/enhet/{unit_id}/checklista/{id}");
        let text = if can_open && c.done_on.is_none() {
            t_string!(i18n, checklist_continue, name = name.clone()).to_string()
        } else {
            t_string!(i18n, checklist_read, name = name.clone()).to_string()
        };
        view! { <a class="button button--secondary" href=href>{text}</a> }
    });
    let opener = (c.id.is_none() && can_open).then(|| {
        let label = t_string!(i18n, checklist_open, name = name.clone()).to_string();
        view! {
            <ChangeForm action=open ids=vec![("unit_id", unit_id.to_string()), ("year", year.to_string()), ("kind", (c.kind.code()).to_string())] class="inline-form" failure_shown_above=true variant="secondary"
                label=Signal::derive(move || label.clone())
                busy_label=Signal::derive(move || t_string!(i18n, opening).to_string()) />
        }
    });
    let progress_label = t_string!(i18n, checklist_progress_label, name = name.clone()).to_string();
    let answered = c.progress.answered;
    view! {
        <li class="panel checklist-summary" aria-labelledby=labelled>
            <h2 id=heading>{name.clone()}</h2>
            <p class="muted">{kind_hint(i18n, c.kind)}</p>
            <p><span class=badge>{state}</span></p>
            {c.id.is_some().then(|| view! {
                <ProgressLine answered=Signal::derive(move || answered) total=c.progress.total label=progress_label.clone() />
            })}
            {link}
            {opener}
        </li>
    }
}
