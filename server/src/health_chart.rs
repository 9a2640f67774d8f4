//! The occupational health service's use per month as a bar chart (seed 002's bilaga 1:
//! "Tjänstenyttjande per månad i tkr - 2025 vs 2024"), drawn by plotters as SVG: the year's bar
//! beside the year before's for every month. The page shows it as an image beside the table
//! that holds the same figures (its text alternative); a bilaga's PDF embeds it. Only numbers,
//! month names and years are drawn, never typed text.

use plotters::prelude::*;

use crate::chart_style::{draw_legend, draw_mesh, nice_top};

use app::domain::health_service::HealthFigures;

/// The month names on the axis.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The year's bars: dark blue, 8.6:1 against white.
const THIS_YEAR: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
/// The year before's bars: a lighter blue that still keeps 3:1 against white (WCAG 1.4.11).
const LAST_YEAR: RGBColor = RGBColor(0x5b, 0x8b, 0xc9);

/// The chart's size in pixels.
pub const SIZE: (u32, u32) = (720, 360);

/// The chart of `this` year's months beside `last` year's, as an SVG document.
pub fn month_chart(this: &HealthFigures, last: Option<&HealthFigures>) -> Result<String, String> {
    let tkr = |kronor: Option<i64>| kronor.map_or(0.0, |k| k as f64 / 1000.0);
    let highest = this
        .months
        .iter()
        .chain(last.iter().flat_map(|l| l.months.iter()))
        .map(|k| tkr(*k))
        .fold(0.0_f64, f64::max);
    let top = nice_top(highest);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let caption = match last {
            Some(l) => format!(
                "Tjänstenyttjande per månad i tkr – {} och {}",
                this.year, l.year
            ),
            None => format!("Tjänstenyttjande per månad i tkr – {}", this.year),
        };
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 24).into_font().color(&BLACK))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..12f64, 0f64..top)
            .map_err(|e| e.to_string())?;
        draw_mesh(&mut chart, "tkr")?;
        for (m, name) in MONTHS.iter().enumerate() {
            let x = m as f64 + 0.5;
            root.draw(&Text::new(
                *name,
                (chart.backend_coord(&(x, 0.0)).0 - 13, SIZE.1 as i32 - 38),
                ("sans-serif", 17).into_font().color(&BLACK),
            ))
            .map_err(|e| e.to_string())?;
        }
        let bars = |figures: &HealthFigures, offset: f64, color: RGBColor| {
            figures
                .months
                .iter()
                .enumerate()
                .filter_map(move |(m, kronor)| {
                    kronor.map(|k| {
                        let left = m as f64 + offset;
                        Rectangle::new([(left, 0.0), (left + 0.38, tkr(Some(k)))], color.filled())
                    })
                })
                .collect::<Vec<_>>()
        };
        if let Some(last) = last {
            chart
                .draw_series(bars(last, 0.1, LAST_YEAR))
                .map_err(|e| e.to_string())?
                .label(last.year.to_string())
                .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], LAST_YEAR.filled()));
        }
        chart
            .draw_series(bars(
                this,
                if last.is_some() { 0.52 } else { 0.31 },
                THIS_YEAR,
            ))
            .map_err(|e| e.to_string())?
            .label(this.year.to_string())
            .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], THIS_YEAR.filled()));
        draw_legend(&mut chart)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn figures(year: i32, months: [Option<i64>; 12]) -> HealthFigures {
        HealthFigures {
            year,
            provider: "Feelgood".into(),
            months,
            areas: [[0; 3]; 3],
        }
    }

    #[test]
    fn the_chart_is_an_svg_with_both_years_and_every_month() {
        let this = figures(2025, [Some(58_000); 12]);
        let mut last_months = [Some(29_000); 12];
        last_months[11] = None;
        let svg = month_chart(&this, Some(&figures(2024, last_months))).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("2025 och 2024"));
        for month in MONTHS {
            assert!(svg.contains(month), "{month}");
        }
        assert_eq!(
            svg.matches("#1D4F91").count(),
            12 + 1,
            "twelve bars and the legend"
        );
        assert_eq!(
            svg.matches("#5B8BC9").count(),
            11 + 1,
            "a month not reported has no bar"
        );
    }

    #[test]
    fn a_year_alone_and_a_year_of_nothing_still_draw() {
        let svg = month_chart(&figures(2025, [None; 12]), None).unwrap();
        assert!(svg.contains("i tkr – 2025"));
    }
}
