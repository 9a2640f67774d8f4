//! The roll-up page over more units than it lists (see `checklists::rollup_parts`): the node's
//! parts with their units counted, each a link to its own roll-up, and per question the answers
//! counted per part. Server-rendered tables; nothing here needs the browser.

use leptos::prelude::*;

use super::answer_label;
use crate::checklists::{RolledQuestion, RollupView};
use crate::i18n::*;

/// The parts of the node and how far their units have come.
#[component]
pub fn PartsTable(rollup: RollupView) -> impl IntoView {
    let i18n = use_i18n();
    let total: u32 = rollup.parts.iter().map(|p| p.units).sum();
    let finished: u32 = rollup.parts.iter().map(|p| p.done).sum();
    let rows = rollup
        .parts
        .iter()
        .map(|p| {
            let href = format!(
                "/uppfoljning?nod={}&checklista={}&ar={}",
                p.node_id,
                rollup.kind.code(),
                rollup.year
            );
            view! {
                <tr>
                    <th scope="row"><a href=href>{p.name.clone()}</a></th>
                    <td class="num">{p.units}</td>
                    <td class="num">{p.done}</td>
                    <td class="num">{p.in_progress}</td>
                    <td class="num">{p.units - p.done - p.in_progress}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="delar">
            <h2 id="delar">{t!(i18n, rollup_parts, finished = finished, total = total)}</h2>
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="delar">
                <table class="data-table">
                    <caption class="visually-hidden">{t!(i18n, rollup_parts_caption)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, rollup_part)}</th>
                        <th scope="col">{t!(i18n, rollup_part_units)}</th>
                        <th scope="col">{t!(i18n, rollup_part_done)}</th>
                        <th scope="col">{t!(i18n, rollup_part_started)}</th>
                        <th scope="col">{t!(i18n, rollup_part_not_started)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// A question's answers counted per part: a column per answer given anywhere below the node.
#[component]
pub fn PartCountsTable(q: RolledQuestion) -> impl IntoView {
    let i18n = use_i18n();
    let label = format!("fraga-{}-delar", q.number);
    let caption_id = label.clone();
    let answers: Vec<_> = q.counts.iter().map(|c| c.answer).collect();
    let head = answers
        .iter()
        .map(|&a| view! { <th scope="col">{answer_label(i18n, a)}</th> })
        .collect_view();
    let rows = q
        .by_part
        .iter()
        .map(|p| {
            let cells = answers
                .iter()
                .map(|&a| {
                    let n = p
                        .counts
                        .iter()
                        .find(|c| c.answer == a)
                        .map_or(0, |c| c.count);
                    view! { <td class="num">{n}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{p.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-labelledby=label>
            <table class="data-table">
                <caption id=caption_id>{t!(i18n, rollup_part_counts_caption, number = q.number)}</caption>
                <thead><tr><th scope="col">{t!(i18n, rollup_part)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
