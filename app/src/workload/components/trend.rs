//! "Arbetsbelastning under året" on the unit's page: each checked APT's figures in a table.

use leptos::prelude::*;

use super::workload_page::tally_lines;
use crate::i18n::*;
use crate::ui::format_date;
use crate::workload::WorkloadPoint;

/// The year's workload checks (nothing when there are none).
#[component]
pub fn WorkloadTrend(points: Vec<WorkloadPoint>, unit_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    (!points.is_empty()).then(|| {
        let rows = points
            .into_iter()
            .map(|p| {
                let href = format!("/enhet/{unit_id}/mote/{}/avstamning", p.meeting_id);
                let source = if p.voted {
                    t_string!(i18n, workload_source_votes).to_string()
                } else {
                    t_string!(i18n, workload_source_record).to_string()
                };
                let total = p.tally.red + p.tally.yellow + p.tally.green;
                let bar = (total > 0).then(|| {
                    let pct = |n: u32| format!("width: {}%", n * 100 / total);
                    view! {
                        <span class="light-bar" aria-hidden="true">
                            <span class="light-bar__red" style=pct(p.tally.red)></span>
                            <span class="light-bar__yellow" style=pct(p.tally.yellow)></span>
                            <span class="light-bar__green" style=pct(p.tally.green)></span>
                        </span>
                    }
                });
                view! {
                    <tr>
                        <th scope="row"><a href=href>{format_date(i18n, p.date)}</a></th>
                        <td>{bar}{tally_lines(i18n, &p.tally).join(" ")}</td>
                        <td>{source}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="panel workload-trend" aria-labelledby="belastning-rubrik">
                <h2 id="belastning-rubrik">{t!(i18n, workload_trend_heading)}</h2>
                <div class="table-scroll">
                    <table class="demo-table">
                        <thead><tr>
                            <th scope="col">{t!(i18n, workload_trend_meeting)}</th>
                            <th scope="col">{t!(i18n, workload_trend_figures)}</th>
                            <th scope="col">{t!(i18n, workload_trend_source)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}
