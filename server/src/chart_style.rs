//! What the app's bar charts share (the health service's months, the report's sick leave): one
//! look for the grid, axes and legend, black text on white, and a round top for the axis.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// A chart of the app: SVG, numbers on both axes.
pub type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The grid and axes: no lines across the bars, whole numbers on the value axis named `y_desc`.
pub fn draw_mesh(chart: &mut Chart<'_, '_>, y_desc: &str) -> Result<(), String> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc(y_desc)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 17).into_font().color(&BLACK))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xd0, 0xd0, 0xd0))
        .axis_style(BLACK)
        .draw()
        .map_err(|e| e.to_string())
}

/// The legend of the series drawn, top right, framed.
pub fn draw_legend<'a, 'b: 'a>(chart: &mut Chart<'a, 'b>) -> Result<(), String> {
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(("sans-serif", 17).into_font().color(&BLACK))
        .background_style(WHITE)
        .border_style(BLACK)
        .draw()
        .map_err(|e| e.to_string())
}

/// A round top for the axis a little above the highest bar: 1, 2 or 5 times a power of ten.
pub fn nice_top(highest: f64) -> f64 {
    if highest <= 0.0 {
        return 10.0;
    }
    let wanted = highest * 1.1;
    let power = 10f64.powf(wanted.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * power)
        .find(|top| *top >= wanted)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_round_number_above_the_highest_bar() {
        assert_eq!(nice_top(0.0), 10.0);
        assert_eq!(nice_top(90.0), 100.0);
        assert_eq!(nice_top(95.0), 200.0);
        assert_eq!(nice_top(41.0), 50.0);
        assert_eq!(nice_top(3.0), 5.0);
    }
}
