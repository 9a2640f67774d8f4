//! `/uppfoljning`: a checklist rolled up over a node of the organisation for a year, for HR and
//! the cooperation group: which units have not finished, and per question the distribution and
//! every unit's answer and analysis under the unit's name (the seed's "Analys – årlig uppföljning").
//! The picker is a plain GET form; the export links download the same data as XLSX or CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::rollup_analysis::RollupAnalysisPanel;
use super::rollup_parts_view::{PartCountsTable, PartsTable};
use super::{answer_label, kind_name};
use crate::checklists::{get_rollup, RolledQuestion, RollupView, SaveRollupAnalysis, UnitState};
use crate::domain::ChecklistKind;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::NodePicker;
use crate::ui::{format_date, success_count};

/// The roll-up page.
#[component]
pub fn RollupPage() -> impl IntoView {
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("nod").and_then(|v| v.parse::<i64>().ok()),
                q.get("checklista"),
                q.get("ar").and_then(|v| v.parse::<i32>().ok()),
            )
        })
    });
    let save_analysis = ServerAction::<SaveRollupAnalysis>::new();
    let saved = success_count(save_analysis);
    let rollup = Resource::new(
        move || (params.get(), saved.get()),
        |((node, kind, year), _)| get_rollup(node, kind, year),
    );
    view! {
        <Loaded resource=rollup view=move |r| view! { <RollupBody rollup=r save_analysis /> } />
    }
}

/// The query string of a roll-up, for links and exports.
pub fn rollup_query(rollup: &RollupView) -> String {
    format!(
        "nod={}&checklista={}&ar={}",
        rollup.node_id,
        rollup.kind.code(),
        rollup.year
    )
}

#[component]
fn RollupBody(
    rollup: RollupView,
    save_analysis: ServerAction<SaveRollupAnalysis>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", rollup.title, rollup.year);
    let title = t_string!(
        i18n,
        rollup_title,
        name = name.clone(),
        node = rollup.node_name.clone()
    )
    .to_string();
    let query = rollup_query(&rollup);
    let kind_options = ChecklistKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=k == rollup.kind>{kind_name(i18n, k)}</option> })
        .collect_view();
    let unfinished: Vec<_> = rollup
        .units
        .iter()
        .filter(|u| !matches!(u.state, UnitState::Done(_)))
        .cloned()
        .collect();
    let finished = rollup.units.len() - unfinished.len();
    let by_parts = !rollup.parts.is_empty();
    let part_units: u32 = rollup.parts.iter().map(|p| p.units).sum();
    let unit_rows = rollup
        .units
        .iter()
        .map(|u| {
            let state = match &u.state {
                UnitState::NotStarted => t_string!(i18n, checklist_not_opened).to_string(),
                UnitState::InProgress { answered, total } => t_string!(
                    i18n,
                    rollup_in_progress,
                    answered = *answered,
                    total = *total
                )
                .to_string(),
                UnitState::Done(day) => {
                    t_string!(i18n, checklist_done_on, date = format_date(i18n, *day)).to_string()
                }
            };
            let link = u
                .checklist_id
                .map(|c| format!("/enhet/{}/checklista/{c}", u.unit_id));
            view! {
                <tr>
                    <th scope="row">{match link {
                        Some(href) => view! { <a href=href>{u.name.clone()}</a> }.into_any(),
                        None => view! { <span>{u.name.clone()}</span> }.into_any(),
                    }}</th>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    let mut areas: Vec<(String, Vec<RolledQuestion>)> = Vec::new();
    for q in rollup.questions.iter().cloned() {
        match areas.last_mut() {
            Some((area, list)) if *area == q.area => list.push(q),
            _ => areas.push((q.area.clone(), vec![q])),
        }
    }
    let areas = areas
        .into_iter()
        .map(|(area, questions)| {
            let questions = questions
                .into_iter()
                .map(|q| view! { <RolledQuestionView q /> })
                .collect_view();
            view! {
                <section class="panel rollup-area">
                    <h2>{area}</h2>
                    {questions}
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{name.clone()}</h1>
        {if by_parts {
            view! { <p class="lead">{t!(i18n, rollup_parts_lead, node = rollup.node_name.clone(), units = part_units)}</p> }.into_any()
        } else {
            view! { <p class="lead">{t!(i18n, rollup_lead, node = rollup.node_name.clone())}</p> }.into_any()
        }}
        <form method="get" action="/uppfoljning" class="panel rollup-picker">
            <NodePicker nodes=rollup.nodes.clone() selected=rollup.node_id />
            <div class="field">
                <label for="checklista">{t!(i18n, rollup_kind)}</label>
                <select id="checklista" name="checklista">{kind_options}</select>
            </div>
            <div class="field">
                <label for="ar">{t!(i18n, rollup_year)}</label>
                <input id="ar" name="ar" type="number" min="2000" max="2100" value=rollup.year />
            </div>
            <button type="submit" class="button button--secondary">{t!(i18n, rollup_show)}</button>
        </form>
        <p class="rollup-exports">
            <a class="button button--secondary" href=format!("/export/uppfoljning.xlsx?{query}") download>{t!(i18n, export_xlsx)}</a>
            " "
            <a class="button button--secondary" href=format!("/export/uppfoljning.csv?{query}") download>{t!(i18n, export_csv)}</a>
            " "
            <a href=format!("/uppfoljning/atgarder?nod={}&ar={}", rollup.node_id, rollup.year)>{t!(i18n, action_rollup_link)}</a>
        </p>
        {if by_parts {
            view! { <PartsTable rollup=rollup.clone() /> }.into_any()
        } else {
            view! {
                <section class="panel" aria-labelledby="enheter">
                    <h2 id="enheter">{t!(i18n, rollup_units, finished = finished, total = rollup.units.len())}</h2>
                    <table class="data-table">
                        <caption class="visually-hidden">{t!(i18n, rollup_units_caption)}</caption>
                        <thead><tr><th scope="col">{t!(i18n, rollup_unit)}</th><th scope="col">{t!(i18n, action_status)}</th></tr></thead>
                        <tbody>{unit_rows}</tbody>
                    </table>
                </section>
            }.into_any()
        }}
        <RollupAnalysisPanel rollup=rollup.clone() action=save_analysis />
        {areas}
    }
}

#[component]
fn RolledQuestionView(q: RolledQuestion) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("fraga-{}", q.number);
    let labelled = heading.clone();
    let scroll_label = heading.clone();
    let counts = q
        .counts
        .iter()
        .map(|c| format!("{}: {}", answer_label(i18n, c.answer), c.count))
        .collect::<Vec<_>>()
        .join(" · ");
    let rows = q
        .answers
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <th scope="row">{a.unit_name.clone()}</th>
                    <td>{answer_label(i18n, a.answer)}</td>
                    <td class="pre-line">{a.analysis.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = q.counts.is_empty();
    let by_parts = !q.by_part.is_empty();
    view! {
        <section class="rollup-question" aria-labelledby=labelled>
            <h3 id=heading class="question__text">{format!("{}. {}", q.number, q.text)}</h3>
            {if empty {
                view! { <p class="muted">{t!(i18n, rollup_no_answers)}</p> }.into_any()
            } else if by_parts {
                view! {
                    <p><strong>{counts}</strong></p>
                    <PartCountsTable q=q.clone() />
                }.into_any()
            } else {
                view! {
                    <p><strong>{counts}</strong></p>
                    <div class="table-scroll" tabindex="0" role="group" aria-labelledby=scroll_label>
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, rollup_answers_caption, number = q.number)}</caption>
                            <thead><tr>
                                <th scope="col">{t!(i18n, rollup_unit)}</th>
                                <th scope="col">{t!(i18n, rollup_answer)}</th>
                                <th scope="col">{t!(i18n, checklist_analysis)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
