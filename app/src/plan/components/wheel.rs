//! The annual wheel drawn as SVG: twelve month sectors from the top, clockwise; the meetings as
//! marks on their dates, the topics as dots in their months, and a "today" hand.
//! Every mark is a link with a title, and the same content is listed in text below.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::year_fraction;
use crate::i18n::*;
use crate::plan::UnitPlan;
use crate::ui::{format_date, month_name, month_short};

const OUTER: f64 = 150.0;
const MONTH_INNER: f64 = 98.0;
const LABEL_R: f64 = 133.0;
const MEETING_R: f64 = 112.0;
const TOPIC_R: f64 = 76.0;
const HUB: f64 = 42.0;

/// Point on the circle of radius `r` at `turn` (0.0 = top, clockwise).
fn point(r: f64, turn: f64) -> (f64, f64) {
    let angle = turn * std::f64::consts::TAU;
    (r * angle.sin(), -r * angle.cos())
}

/// The SVG path of a ring sector between two turns.
fn sector(r_in: f64, r_out: f64, from: f64, to: f64) -> String {
    let (x1, y1) = point(r_out, from);
    let (x2, y2) = point(r_out, to);
    let (x3, y3) = point(r_in, to);
    let (x4, y4) = point(r_in, from);
    format!(
        "M{x1:.2} {y1:.2}A{r_out} {r_out} 0 0 1 {x2:.2} {y2:.2}L{x3:.2} {y3:.2}A{r_in} {r_in} 0 0 0 {x4:.2} {y4:.2}Z"
    )
}

/// Where a date lies on the wheel (turn from the top).
fn date_turn(date: NaiveDate) -> f64 {
    year_fraction(date)
}

/// The wheel of one plan.
#[component]
pub fn Wheel(plan: UnitPlan) -> impl IntoView {
    let i18n = use_i18n();
    let unit_id = plan.unit_id;
    let year = plan.year;
    let meetings_count = plan.meetings.len();
    let topics_count = plan.topics.len();

    let months = (1..=12u32)
        .map(|m| {
            let from = f64::from(m - 1) / 12.0;
            let to = f64::from(m) / 12.0;
            let (lx, ly) = point(LABEL_R, (from + to) / 2.0);
            let class = if m % 2 == 0 { "wheel__month wheel__month--even" } else { "wheel__month" };
            view! {
                <g>
                    <path class=class d=sector(MONTH_INNER, OUTER, from, to) />
                    <path class="wheel__topic-sector" d=sector(HUB, MONTH_INNER, from, to) />
                    <text class="wheel__label" x=format!("{lx:.1}") y=format!("{ly:.1}") text-anchor="middle" dominant-baseline="middle">
                        {month_short(i18n, m)}
                    </text>
                </g>
            }
        })
        .collect_view();

    let meetings = plan
        .meetings
        .iter()
        .map(|m| {
            let (x, y) = point(MEETING_R, date_turn(m.date));
            let href = format!("#mote-{}", m.id);
            let label = format_date(i18n, m.date);
            let aria = label.clone();
            let class = if m.cancelled {
                "wheel__meeting wheel__meeting--cancelled"
            } else {
                "wheel__meeting"
            };
            view! {
                <a href=href class="wheel__link" aria-label=aria>
                    <title>{label}</title>
                    <circle class=class cx=format!("{x:.1}") cy=format!("{y:.1}") r="6" />
                </a>
            }
        })
        .collect_view();

    let mut by_month: Vec<Vec<(i64, String)>> = vec![Vec::new(); 12];
    for t in &plan.topics {
        let index = usize::try_from(t.month_start.clamp(1, 12) - 1).unwrap_or(0);
        by_month[index].push((t.id, t.title.clone()));
    }
    let topics = by_month
        .into_iter()
        .enumerate()
        .flat_map(|(index, topics)| {
            let n = topics.len();
            topics.into_iter().enumerate().map(move |(i, (id, title))| {
                let month_from = index as f64 / 12.0;
                let turn = month_from + (i as f64 + 1.0) / (n as f64 + 1.0) / 12.0;
                let r = if i % 2 == 0 { TOPIC_R } else { TOPIC_R - 18.0 };
                let (x, y) = point(r, turn);
                let href = format!("/enhet/{unit_id}/amne/{id}?ar={year}");
                let aria = title.clone();
                view! {
                    <a href=href class="wheel__link" aria-label=aria>
                        <title>{title}</title>
                        <rect class="wheel__topic" x=format!("{:.1}", x - 5.0) y=format!("{:.1}", y - 5.0) width="10" height="10" rx="2" />
                    </a>
                }
            })
        })
        .collect_view();

    let today = (plan.today.year() == year).then(|| {
        let turn = date_turn(plan.today);
        let (x1, y1) = point(HUB, turn);
        let (x2, y2) = point(OUTER + 4.0, turn);
        let label = format!("{}: {}", t_string!(i18n, wheel_today), format_date(i18n, plan.today));
        view! {
            <g class="wheel__today">
                <title>{label}</title>
                <line x1=format!("{x1:.1}") y1=format!("{y1:.1}") x2=format!("{x2:.1}") y2=format!("{y2:.1}") />
                <circle cx=format!("{x2:.1}") cy=format!("{y2:.1}") r="4" />
            </g>
        }
    });

    let first_month = month_name(i18n, 1);
    view! {
        <figure class="panel wheel" aria-labelledby="hjul-rubrik">
            <h2 id="hjul-rubrik">{t!(i18n, wheel_heading)}</h2>
            <svg
                class="wheel__svg"
                viewBox="-160 -160 320 320"
                aria-labelledby="hjul-titel hjul-beskrivning"
                data-first-month=first_month
            >
                <title id="hjul-titel">{t!(i18n, wheel_heading)} " " {year}</title>
                <desc id="hjul-beskrivning">
                    {t!(i18n, wheel_desc, meetings = move || meetings_count, topics = move || topics_count)}
                </desc>
                {months}
                {today}
                {topics}
                {meetings}
                <circle class="wheel__hub" r=HUB />
                <text class="wheel__year" text-anchor="middle" dominant-baseline="middle">{year}</text>
            </svg>
        </figure>
    }
}
