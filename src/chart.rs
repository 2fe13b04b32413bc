//! Chart drawing, generic over plotters' `DrawingBackend`: the same code draws on a canvas in the
//! browser and to SVG in native tests. Drawing returns the pixel↔data mapping for interaction.

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Indicator};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// What an indicator chart shows, in chart coordinates (x is a fractional year).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorChart {
    pub observed: Vec<(f64, f64)>,
    pub baseline: Option<(f64, f64)>,
    pub target: Option<(f64, f64)>,
    pub precision: u8,
}

impl IndicatorChart {
    /// Gathers an indicator's observed values, baseline and target.
    pub fn of(ds: &Dataset, ind: &Indicator) -> IndicatorChart {
        let observed = ds
            .observations_of(&ind.id)
            .iter()
            .filter_map(|o| o.value.map(|v| (o.period.as_year_fraction(), v)))
            .collect();
        IndicatorChart {
            observed,
            baseline: ind.baseline.map(|m| (m.period.as_year_fraction(), m.value)),
            target: ind.target.map(|m| (m.period.as_year_fraction(), m.value)),
            precision: ind.precision,
        }
    }

    /// Data ranges with a margin: whole years on x, zero included on y when values are positive.
    pub fn ranges(&self) -> (Range<f64>, Range<f64>) {
        let pts = self
            .observed
            .iter()
            .chain(self.baseline.iter())
            .chain(self.target.iter());
        let (mut x0, mut x1, mut y0, mut y1) = (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        );
        for &(x, y) in pts {
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        if !x0.is_finite() {
            return (2020.0..2021.0, 0.0..1.0);
        }
        let (x0, x1) = (x0.floor() - 0.5, x1.ceil() + 0.5);
        let y0 = if y0 >= 0.0 { 0.0 } else { y0 };
        let span = if y1 > y0 { y1 - y0 } else { y1.abs().max(1.0) };
        (x0..x1, y0..y1 + span * 0.1)
    }
}

/// Colours and sizes; `scale` is the device pixel ratio.
#[derive(Debug, Clone, Copy)]
pub struct ChartStyle {
    pub scale: f64,
    pub line: RGBColor,
    pub target: RGBColor,
    pub trajectory: RGBColor,
    pub text: RGBColor,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            line: RGBColor(0x00, 0x5a, 0x9c),
            target: RGBColor(0xc0, 0x39, 0x2b),
            trajectory: RGBColor(0x6b, 0x6b, 0x6b),
            text: RGBColor(0x22, 0x22, 0x22),
        }
    }
}

/// Where the plot sits in pixels and which data it spans; pixel ↔ data conversions for interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub pixels_x: Range<i32>,
    pub pixels_y: Range<i32>,
    pub data_x: Range<f64>,
    pub data_y: Range<f64>,
}

impl Mapping {
    /// The pixel of a data point.
    pub fn to_pixel(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let fx = (x - self.data_x.start) / (self.data_x.end - self.data_x.start);
        let fy = (y - self.data_y.start) / (self.data_y.end - self.data_y.start);
        let px = self.pixels_x.start as f64 + fx * (self.pixels_x.end - self.pixels_x.start) as f64;
        let py = self.pixels_y.end as f64 - fy * (self.pixels_y.end - self.pixels_y.start) as f64;
        (px, py)
    }
}

/// Draws an indicator chart: observed line and points, baseline point, target point with a
/// horizontal target line, and the dashed required trajectory from baseline to target.
pub fn draw_indicator<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &IndicatorChart,
    lang: Lang,
    style: &ChartStyle,
) -> Result<Mapping, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = |v: f64| (v * style.scale).round() as i32;
    root.fill(&WHITE)?;
    let (xr, yr) = chart.ranges();
    let font = ("sans-serif", s(13.0)).into_font().color(&style.text);
    let mut cc = ChartBuilder::on(root)
        .margin(s(12.0))
        .x_label_area_size(s(28.0))
        .y_label_area_size(s(56.0))
        .build_cartesian_2d(xr.clone(), yr.clone())?;
    let precision = chart.precision;
    let y_decimals = if yr.end - yr.start < 10.0 {
        precision.max(1)
    } else {
        precision.min(1)
    };
    let y_fmt = move |y: &f64| {
        format::number(
            *y,
            if y.fract().abs() < 1e-9 {
                0
            } else {
                y_decimals
            },
            lang,
        )
    };
    let x_fmt = |x: &f64| format!("{:.0}", x);
    let year_count = (xr.end - xr.start).round().max(1.0) as usize;
    cc.configure_mesh()
        .x_labels(year_count.min(12) + 1)
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font.clone())
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .axis_style(RGBColor(0x88, 0x88, 0x88))
        .draw()?;

    if let (Some(b), Some(t)) = (chart.baseline, chart.target) {
        let traj = ShapeStyle {
            color: style.trajectory.to_rgba(),
            filled: false,
            stroke_width: s(2.0) as u32,
        };
        cc.draw_series(DashedLineSeries::new(vec![b, t], s(8.0), s(5.0), traj))?;
    }
    if let Some(t) = chart.target {
        let thin = ShapeStyle {
            color: style.target.mix(0.6),
            filled: false,
            stroke_width: s(1.0) as u32,
        };
        cc.draw_series(DashedLineSeries::new(
            vec![(xr.start, t.1), (xr.end, t.1)],
            s(3.0),
            s(4.0),
            thin,
        ))?;
        cc.draw_series(std::iter::once(TriangleMarker::new(
            t,
            s(7.0),
            style.target.filled(),
        )))?;
    }
    if let Some(b) = chart.baseline {
        cc.draw_series(std::iter::once(Circle::new(
            b,
            s(5.0),
            style.trajectory.stroke_width(s(2.0) as u32),
        )))?;
    }
    let line = ShapeStyle {
        color: style.line.to_rgba(),
        filled: false,
        stroke_width: s(2.5) as u32,
    };
    cc.draw_series(LineSeries::new(chart.observed.iter().copied(), line))?;
    cc.draw_series(
        chart
            .observed
            .iter()
            .map(|&p| Circle::new(p, s(4.0), style.line.filled())),
    )?;
    root.present()?;
    let (pixels_x, pixels_y) = cc.plotting_area().get_pixel_range();
    Ok(Mapping {
        pixels_x,
        pixels_y,
        data_x: xr,
        data_y: yr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> IndicatorChart {
        IndicatorChart {
            observed: vec![(2020.0, 0.0), (2021.0, 1200.0), (2022.0, 2400.5)],
            baseline: Some((2020.0, 0.0)),
            target: Some((2025.0, 5000.0)),
            precision: 0,
        }
    }

    fn svg_of(chart: &IndicatorChart, lang: Lang) -> (String, Mapping) {
        let mut svg = String::new();
        let mapping = {
            let root = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            draw_indicator(&root, chart, lang, &ChartStyle::default()).unwrap()
        };
        (svg, mapping)
    }

    #[test]
    fn ranges_cover_observations_baseline_and_target() {
        let (x, y) = sample().ranges();
        assert_eq!(x, 2019.5..2025.5);
        assert_eq!(y.start, 0.0);
        assert!(y.end >= 5000.0);
    }

    #[test]
    fn svg_has_observed_line_dashed_trajectory_and_french_labels() {
        let (svg, _) = svg_of(&sample(), Lang::Fr);
        let observed = svg.matches("stroke=\"#005A9C\"").count();
        assert!(observed >= 1, "observed line is drawn");
        let dashes = svg.matches("stroke=\"#6B6B6B\"").count();
        assert!(
            dashes >= 5,
            "trajectory drawn as many dashes, found {dashes}"
        );
        assert!(svg.contains("<polygon"), "target marker");
        assert!(
            svg.contains("5\u{202f}000"),
            "French thousands separator in y labels"
        );
        let (svg_en, _) = svg_of(&sample(), Lang::En);
        assert!(svg_en.contains("5,000"));
    }

    #[test]
    fn mapping_places_points_inside_the_plot() {
        let (_, m) = svg_of(&sample(), Lang::Fr);
        let (px, py) = m.to_pixel((2022.0, 2400.5));
        assert!(m.pixels_x.contains(&(px as i32)) && m.pixels_y.contains(&(py as i32)));
        let (left, bottom) = m.to_pixel((m.data_x.start, m.data_y.start));
        assert_eq!(
            (left as i32, bottom as i32),
            (m.pixels_x.start, m.pixels_y.end)
        );
    }

    #[test]
    fn draws_an_empty_chart_without_panicking() {
        let (svg, _) = svg_of(&IndicatorChart::default(), Lang::Fr);
        assert!(svg.starts_with("<svg"));
    }
}
