//! The annual wheel drawn as SVG: twelve month sectors from the top, clockwise; the meetings as
//! marks on their dates, the node's cooperation meetings as diamonds on theirs, the topics as
//! dots in their months, and a "today" hand.
//! Every mark is a link with a name, and the same content is listed in text below.
//!
//! The SVG is written as a string (the same on server and browser) and set as inner HTML: links
//! inside SVG must be created in the SVG namespace, which a plain string guarantees.

use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

use leptos::prelude::*;

use crate::domain::year_fraction;
use crate::i18n::*;
use crate::plan::UnitPlan;
use crate::ui::{format_date, month_short};

const OUTER: f64 = 150.0;
const MONTH_INNER: f64 = 98.0;
const LABEL_R: f64 = 133.0;
const MEETING_R: f64 = 112.0;
const GROUP_R: f64 = 102.0;
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

/// Escapes text for SVG text content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Texts the wheel shows, in the person's language.
struct WheelTexts {
    title: String,
    description: String,
    months: Vec<String>,
    today: String,
    meeting_labels: Vec<String>,
    group_labels: Vec<String>,
    cancelled: String,
}

/// Writes the wheel as SVG markup.
fn wheel_svg(plan: &UnitPlan, texts: &WheelTexts) -> String {
    let mut svg = String::with_capacity(16_384);
    let _ = write!(
        svg,
        r#"<svg class="wheel__svg" viewBox="-160 -160 320 320" role="group" aria-labelledby="hjul-titel hjul-beskrivning"><title id="hjul-titel">{}</title><desc id="hjul-beskrivning">{}</desc>"#,
        escape(&texts.title),
        escape(&texts.description)
    );
    for (index, name) in texts.months.iter().enumerate() {
        let m = index as f64;
        let (from, to) = (m / 12.0, (m + 1.0) / 12.0);
        let (lx, ly) = point(LABEL_R, (from + to) / 2.0);
        let class = if index % 2 == 1 {
            "wheel__month wheel__month--even"
        } else {
            "wheel__month"
        };
        let _ = write!(
            svg,
            r#"<path class="{class}" d="{}"/><path class="wheel__topic-sector" d="{}"/><text class="wheel__label" x="{lx:.1}" y="{ly:.1}" text-anchor="middle" dominant-baseline="middle" aria-hidden="true">{}</text>"#,
            sector(MONTH_INNER, OUTER, from, to),
            sector(HUB, MONTH_INNER, from, to),
            escape(name)
        );
    }
    if plan.today.year() == plan.year {
        let turn = date_turn(plan.today);
        let (x1, y1) = point(HUB, turn);
        let (x2, y2) = point(OUTER + 4.0, turn);
        let _ = write!(
            svg,
            r#"<g class="wheel__today"><title>{}</title><line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/><circle cx="{x2:.1}" cy="{y2:.1}" r="4"/></g>"#,
            escape(&texts.today)
        );
    }
    let mut by_month: Vec<Vec<(i64, &str)>> = vec![Vec::new(); 12];
    for t in &plan.topics {
        let index = usize::try_from(t.month_start.clamp(1, 12) - 1).unwrap_or(0);
        by_month[index].push((t.id, t.title.as_str()));
    }
    for (index, topics) in by_month.iter().enumerate() {
        let n = topics.len() as f64;
        for (i, (id, title)) in topics.iter().enumerate() {
            let turn = index as f64 / 12.0 + (i as f64 + 1.0) / (n + 1.0) / 12.0;
            let r = if i % 2 == 0 { TOPIC_R } else { TOPIC_R - 18.0 };
            let (x, y) = point(r, turn);
            let _ = write!(
                svg,
                r#"<a class="wheel__link" href="/enhet/{}/amne/{id}?ar={}" aria-label="{title}"><title>{title}</title><rect class="wheel__topic" x="{:.1}" y="{:.1}" width="10" height="10" rx="2"/></a>"#,
                plan.unit_id,
                plan.year,
                x - 5.0,
                y - 5.0,
                title = escape(title)
            );
        }
    }
    for (meeting, label) in plan.meetings.iter().zip(&texts.meeting_labels) {
        let (x, y) = point(MEETING_R, date_turn(meeting.date));
        let href = if plan.can_edit {
            format!("/enhet/{}/mote/{}", plan.unit_id, meeting.id)
        } else {
            format!("#mote-{}", meeting.id)
        };
        let (class, label) = if meeting.cancelled {
            (
                "wheel__meeting wheel__meeting--cancelled",
                format!("{label} ({})", texts.cancelled),
            )
        } else {
            ("wheel__meeting", label.clone())
        };
        let _ = write!(
            svg,
            r#"<a class="wheel__link" href="{href}" aria-label="{label}"><title>{label}</title><circle class="{class}" cx="{x:.1}" cy="{y:.1}" r="6"/></a>"#,
            label = escape(&label)
        );
    }
    // The node's cooperation meetings: diamonds (a shape of their own, not only a colour) just
    // inside the APTs' ring, each jumping to its line in the list below.
    for (meeting, label) in plan.group_meetings.iter().zip(&texts.group_labels) {
        let (x, y) = point(GROUP_R, date_turn(meeting.date));
        let (class, label) = if meeting.cancelled {
            (
                "wheel__group wheel__group--cancelled",
                format!("{label} ({})", texts.cancelled),
            )
        } else {
            ("wheel__group", label.clone())
        };
        let _ = write!(
            svg,
            r##"<a class="wheel__link" href="#samverkan-{id}" aria-label="{label}"><title>{label}</title><rect class="{class}" x="{:.1}" y="{:.1}" width="9" height="9" transform="rotate(45 {x:.1} {y:.1})"/></a>"##,
            x - 4.5,
            y - 4.5,
            id = meeting.id,
            label = escape(&label)
        );
    }
    let _ = write!(
        svg,
        r#"<circle class="wheel__hub" r="{HUB}"/><text class="wheel__year" text-anchor="middle" dominant-baseline="middle" aria-hidden="true">{}</text></svg>"#,
        plan.year
    );
    svg
}

/// The wheel of one plan. For editors a meeting's mark opens its edit page; for everyone else it
/// jumps to the meeting in the list.
#[component]
pub fn Wheel(plan: UnitPlan) -> impl IntoView {
    let i18n = use_i18n();
    let meetings = plan.meetings.len();
    let topics = plan.topics.len();
    let texts = WheelTexts {
        title: format!("{} {}", t_string!(i18n, wheel_heading), plan.year),
        description: t_string!(i18n, wheel_desc, meetings = meetings, topics = topics).to_string(),
        months: (1..=12).map(|m| month_short(i18n, m)).collect(),
        today: format!(
            "{}: {}",
            t_string!(i18n, wheel_today),
            format_date(i18n, plan.today)
        ),
        meeting_labels: plan
            .meetings
            .iter()
            .map(|m| format_date(i18n, m.date))
            .collect(),
        group_labels: plan
            .group_meetings
            .iter()
            .map(|m| format!("{}: {}", m.group_name, format_date(i18n, m.date)))
            .collect(),
        cancelled: t_string!(i18n, meeting_cancelled).to_string(),
    };
    let svg = wheel_svg(&plan, &texts);
    view! {
        <figure class="panel wheel" aria-labelledby="hjul-rubrik">
            <h2 id="hjul-rubrik">{t!(i18n, wheel_heading)}</h2>
            <div class="wheel__canvas" inner_html=svg></div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_markup_out_of_titles() {
        assert_eq!(
            escape(r#"a <b> & "c" 'd'"#),
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn the_first_month_starts_at_the_top_and_runs_clockwise() {
        let (x, y) = point(100.0, 0.0);
        assert!(x.abs() < 1e-9 && (y + 100.0).abs() < 1e-9);
        let (x, y) = point(100.0, 0.25);
        assert!((x - 100.0).abs() < 1e-9 && y.abs() < 1e-9);
    }
}
