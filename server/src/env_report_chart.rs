//! The work environment report's sick leave charts (seed 004: sick leave by sex, and a node
//! beside the level above), drawn by plotters as SVG: for each of the last five years a bar per
//! series. The page shows them beside the table that holds the same figures (their text
//! alternative); the report's PDF embeds them. Only numbers, years and the series' names are
//! drawn.

use plotters::prelude::*;

use app::domain::env_report::{Series, SickHistory};

use crate::chart_style::{draw_legend, draw_mesh, nice_top};

/// The series' colours, each at least 3:1 against white (WCAG 1.4.11): dark blue, a burnt
/// orange and a green, told apart also without colour by the legend's order.
const COLOURS: [RGBColor; 3] = [
    RGBColor(0x1d, 0x4f, 0x91),
    RGBColor(0xb3, 0x54, 0x1e),
    RGBColor(0x3c, 0x7a, 0x2a),
];

/// The chart's size in pixels.
pub const SIZE: (u32, u32) = (720, 360);

/// Sick leave by sex (total, women, men) per year.
pub fn by_sex_chart(history: &SickHistory, node: &str) -> Result<String, String> {
    let series: Vec<&Series> = history.by_sex.iter().collect();
    grouped_bars(
        &format!("Sjukfrånvaro i procent – {node}"),
        &history.years,
        &series,
    )
}

/// The node's total sick leave beside the level above's, per year; `None` at the top.
pub fn above_chart(history: &SickHistory, node: &str) -> Option<Result<String, String>> {
    let above = history.above.as_ref()?;
    let own = Series {
        label: node.to_string(),
        ..history.total()?.clone()
    };
    Some(grouped_bars(
        &format!("Sjukfrånvaro i procent – {node} och {}", above.label),
        &history.years,
        &[&own, above],
    ))
}

/// For each year a bar per series (percent in hundredths), a legend of the series.
fn grouped_bars(caption: &str, years: &[i32], series: &[&Series]) -> Result<String, String> {
    let percent = |v: Option<i64>| v.map_or(0.0, |v| v as f64 / 100.0);
    let highest = series
        .iter()
        .flat_map(|s| s.values.iter())
        .map(|v| percent(*v))
        .fold(0.0_f64, f64::max);
    let top = nice_top(highest);
    let count = years.len().max(1) as f64;
    let width = 0.8 / series.len().max(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 22).into_font().color(&BLACK))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..count, 0f64..top)
            .map_err(|e| e.to_string())?;
        draw_mesh(&mut chart, "%")?;
        for (i, year) in years.iter().enumerate() {
            let x = i as f64 + 0.5;
            root.draw(&Text::new(
                year.to_string(),
                (chart.backend_coord(&(x, 0.0)).0 - 19, SIZE.1 as i32 - 38),
                ("sans-serif", 17).into_font().color(&BLACK),
            ))
            .map_err(|e| e.to_string())?;
        }
        for (k, s) in series.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            let bars = s.values.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| {
                    let left = i as f64 + 0.1 + k as f64 * width;
                    Rectangle::new(
                        [(left, 0.0), (left + width * 0.9, percent(Some(v)))],
                        colour.filled(),
                    )
                })
            });
            chart
                .draw_series(bars)
                .map_err(|e| e.to_string())?
                .label(s.label.clone())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour.filled())
                });
        }
        draw_legend(&mut chart)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn history(above: bool) -> SickHistory {
        let series = |label: &str, values: [Option<i64>; 5]| Series {
            label: label.into(),
            values: values.to_vec(),
        };
        SickHistory {
            years: vec![2021, 2022, 2023, 2024, 2025],
            by_sex: vec![
                series("Totalt", [None, Some(610), Some(650), Some(700), Some(770)]),
                series("Kvinnor", [None, None, Some(720), Some(760), Some(810)]),
                series("Män", [None; 5]),
            ],
            above: above.then(|| series("Avdelningen", [Some(500); 5])),
        }
    }

    #[test]
    fn by_sex_draws_a_bar_per_year_with_a_figure_and_names_every_series() {
        let svg = by_sex_chart(&history(false), "Eken").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Sjukfrånvaro i procent – Eken"));
        for label in ["2021", "2025", "Totalt", "Kvinnor", "Män"] {
            assert!(svg.contains(label), "{label}");
        }
        assert_eq!(
            svg.matches("#1D4F91").count(),
            4 + 1,
            "four bars and the legend"
        );
        assert_eq!(svg.matches("#B3541E").count(), 3 + 1);
        assert_eq!(
            svg.matches("#3C7A2A").count(),
            1,
            "no figure: only the legend"
        );
    }

    #[test]
    fn beside_the_level_above_only_where_there_is_one() {
        assert!(above_chart(&history(false), "Eken").is_none());
        let svg = above_chart(&history(true), "Eken").unwrap().unwrap();
        assert!(svg.contains("Eken och Avdelningen"));
        assert_eq!(svg.matches("#B3541E").count(), 5 + 1);
    }
}
