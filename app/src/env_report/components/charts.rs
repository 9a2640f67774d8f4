//! Sick leave over five years in the report's sick leave section: two charts drawn on the
//! server (by sex; the node beside the level above) and the table of the same figures, which is
//! their text alternative. Server-rendered; a save of the figures gives the images a new address
//! so the browser fetches them again.

use leptos::prelude::*;

use crate::domain::env_report::{percent_text as percent, SickHistory};
use crate::env_report::SavedFigures;
use crate::i18n::*;

/// The charts and their table, while any year has a figure.
#[component]
pub(super) fn SickLeaveCharts(
    node_id: i64,
    year: i32,
    /// The figures as last loaded or saved.
    figures: RwSignal<SavedFigures>,
    /// How many saves of the figures this page has seen: part of the images' address.
    saves: ReadSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/enhet/{node_id}/arbetsmiljorapport/{year}");
    move || {
        let history = figures.with(|f| f.sick_history.clone())?;
        let v = saves.get();
        let above = history.above.as_ref().map(|a| {
            let alt = t_string!(i18n, er_chart_above_alt, above = a.label.clone()).to_string();
            view! {
                <img class="er-chart" src=format!("{base}/sjukfranvaro-jamforelse.svg?v={v}") alt=alt
                    width="720" height="360" loading="lazy" />
            }
        });
        Some(view! {
            <h3>{t!(i18n, er_chart_heading)}</h3>
            <img class="er-chart" src=format!("{base}/sjukfranvaro.svg?v={v}")
                alt=t_string!(i18n, er_chart_by_sex_alt).to_string()
                width="720" height="360" loading="lazy" />
            {above}
            <HistoryTable history />
        })
    }
}

/// The figures of the charts, a row per year.
#[component]
fn HistoryTable(history: SickHistory) -> impl IntoView {
    let i18n = use_i18n();
    let columns: Vec<_> = history.by_sex.iter().chain(history.above.iter()).collect();
    let headings = columns
        .iter()
        .map(|s| view! { <th scope="col" class="num">{s.label.clone()}</th> })
        .collect_view();
    let rows = history
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let cells = columns
                .iter()
                .map(|s| view! { <td class="num">{percent(s.values.get(i).copied().flatten())}</td> })
                .collect_view();
            view! { <tr><th scope="row">{*year}</th>{cells}</tr> }
        })
        .collect_view();
    let caption = t_string!(i18n, er_history_caption).to_string();
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=label>
            <table class="data-table er-figures">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{t!(i18n, er_history_year)}</th>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
