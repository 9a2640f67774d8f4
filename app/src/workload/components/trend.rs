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
                // An SVG bar: its widths are attributes, not inline styles, which the page's
                // Content-Security-Policy refuses.
                let bar = (total > 0).then(|| {
                    let share = |n: u32| n * 100 / total;
                    let (red, yellow) = (share(p.tally.red), share(p.tally.yellow));
                    let green = 100 - red - yellow;
                    view! {
                        <svg class="light-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="light-bar__red" x="0" y="0" height="10" width=red.to_string()></rect>
                            <rect class="light-bar__yellow" x=red.to_string() y="0" height="10" width=yellow.to_string()></rect>
                            <rect class="light-bar__green" x=(red + yellow).to_string() y="0" height="10" width=green.to_string()></rect>
                        </svg>
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
