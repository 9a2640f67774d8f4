//! `/samverkan/:group_id/foretagshalsovard?ar=`: the occupational health service's statistics of
//! the group's node for a year, as the provider's report shows them (the totals, a chart of the
//! months against the year before, the tables), and for those who write the group's agendas the
//! form that enters them.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{health_service, HealthServiceView, SaveHealthService};
use crate::domain::health_service::{
    tkr, Area, HealthFigures, Level, AREA_FIELDS, MONTHS, MONTH_FIELDS,
};
use crate::domain::health_service_tables::{capitalised, health_tables, HealthTable};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    field_message, query_year, route_id, success_count, ChangeForm, Loaded, TextField,
};

/// The form's names of the month boxes, in [`MONTH_FIELDS`]' order.
const MONTH_NAMES: [&str; 12] = [
    "amounts[m1]",
    "amounts[m2]",
    "amounts[m3]",
    "amounts[m4]",
    "amounts[m5]",
    "amounts[m6]",
    "amounts[m7]",
    "amounts[m8]",
    "amounts[m9]",
    "amounts[m10]",
    "amounts[m11]",
    "amounts[m12]",
];

/// The form's names of the area boxes, in [`AREA_FIELDS`]' order.
const AREA_NAMES: [[&str; 3]; 3] = [
    [
        "amounts[remedial_organisation]",
        "amounts[remedial_group]",
        "amounts[remedial_individual]",
    ],
    [
        "amounts[preventive_organisation]",
        "amounts[preventive_group]",
        "amounts[preventive_individual]",
    ],
    [
        "amounts[promotive_organisation]",
        "amounts[promotive_group]",
        "amounts[promotive_individual]",
    ],
];

/// The statistics page.
#[component]
pub fn HealthServicePage() -> impl IntoView {
    let group_id = route_id("group_id");
    let year = query_year();
    let save = ServerAction::<SaveHealthService>::new();
    let saved = success_count(save);
    let page = Resource::new(
        move || (group_id.get(), year.get(), saved.get()),
        |(group_id, year, _)| async move {
            match group_id {
                Some(id) => health_service(id, year).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=page view=move |v| view! { <HealthBody page=v save /> } /> }
}

#[component]
fn HealthBody(page: HealthServiceView, save: ServerAction<SaveHealthService>) -> impl IntoView {
    let i18n = use_i18n();
    let (group_id, year) = (page.group_id, page.year);
    let here = format!("/samverkan/{group_id}/foretagshalsovard");
    let title = t_string!(i18n, fhv_title, year = year).to_string();
    let shown = match page.figures.clone() {
        Some(figures) => view! { <FiguresView page=page.clone() figures /> }.into_any(),
        None => view! { <p class="empty">{t!(i18n, fhv_none, year = year)}</p> }.into_any(),
    };
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=format!("/samverkan/{group_id}")>{page.group_name.clone()}</a></p>
        <h1>{title}</h1>
        <p class="lead">{page.node_name.clone()}</p>
        <nav class="year-nav" aria-label=t_string!(i18n, fhv_years_nav).to_string()>
            <a href=format!("{here}?ar={}", year - 1)>{t!(i18n, fhv_prev, year = year - 1)}</a>
            " "
            <a href=format!("{here}?ar={}", year + 1)>{t!(i18n, fhv_next, year = year + 1)}</a>
        </nav>
        {shown}
        {page.may_edit.then(|| view! { <FiguresForm page=page.clone() save /> })}
    }
}

/// The totals, the chart and the tables.
#[component]
fn FiguresView(page: HealthServiceView, figures: HealthFigures) -> impl IntoView {
    let i18n = use_i18n();
    let chart = format!(
        "/samverkan/{}/foretagshalsovard/{}/diagram.svg",
        page.group_id, page.year
    );
    let totals = std::iter::once(&figures)
        .chain(page.last.as_ref())
        .map(|f| {
            view! { <li>{t!(i18n, fhv_total, year = f.year, tkr = tkr(f.months_total()))}</li> }
        })
        .collect_view();
    let tables = health_tables(&figures, page.last.as_ref())
        .into_iter()
        .map(|table| view! { <FigureTable table /> })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="fhv-statistik">
            <h2 id="fhv-statistik">{t!(i18n, fhv_provider_line, provider = figures.provider.clone())}</h2>
            <ul class="fhv-totals">{totals}</ul>
            <img class="fhv-chart" src=chart width="720" height="360"
                alt=t_string!(i18n, fhv_chart_alt, year = page.year).to_string() />
            {tables}
        </section>
    }
}

/// One table, its first column naming the rows.
#[component]
fn FigureTable(table: HealthTable) -> impl IntoView {
    let headers = table
        .headers
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells
                .map(|c| view! { <td class="num">{c}</td> })
                .collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    let name = table.name.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=name>
            <table class="data-table fhv-table">
                <caption>{table.name}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The form that enters the year's figures: the provider, the months and the areas.
#[component]
fn FiguresForm(page: HealthServiceView, save: ServerAction<SaveHealthService>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || save.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let input = page.input.clone();
    let amount = move |field: &str| input.amounts.get(field).cloned().unwrap_or_default();
    let months = MONTH_FIELDS
        .iter()
        .zip(MONTH_NAMES)
        .zip(MONTHS)
        .map(|((&field, name), month)| {
            let label = capitalised(month);
            view! {
                <TextField id=format!("fhv-{field}") name value=amount(field) label error=err(field) />
            }
        })
        .collect_view();
    let areas = Area::ALL
        .iter()
        .zip(AREA_FIELDS)
        .zip(AREA_NAMES)
        .map(|((&area, fields), names)| {
            let boxes = Level::ALL
                .iter()
                .zip(fields)
                .zip(names)
                .map(|((&level, field), name)| {
                    let label = format!("{}, {}", area.label(), level.label().to_lowercase());
                    view! {
                        <TextField id=format!("fhv-{field}") name value=amount(field) label error=err(field) />
                    }
                })
                .collect_view();
            view! { <div class="fhv-boxes">{boxes}</div> }
        })
        .collect_view();
    let ids = vec![
        ("group_id", page.group_id.to_string()),
        ("year", page.year.to_string()),
    ];
    view! {
        <section class="panel" aria-labelledby="fhv-lagg-in">
            <h2 id="fhv-lagg-in">{t!(i18n, fhv_form_heading, year = page.year)}</h2>
            <p>{t!(i18n, fhv_form_intro)}</p>
            <ChangeForm action=save ids beside_fields=true
                label=Signal::derive(move || t_string!(i18n, fhv_save).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, saving).to_string())
                done=Signal::derive(move || t_string!(i18n, fhv_saved).to_string())>
                <TextField id="fhv-provider" name="provider" required=true value=page.input.provider.clone()
                    autocomplete="off" label=t_string!(i18n, fhv_provider).to_string() error=err("provider") />
                <fieldset>
                    <legend>{t!(i18n, fhv_months_legend)}</legend>
                    <div class="fhv-boxes">{months}</div>
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, fhv_areas_legend)}</legend>
                    {areas}
                </fieldset>
            </ChangeForm>
        </section>
    }
}
