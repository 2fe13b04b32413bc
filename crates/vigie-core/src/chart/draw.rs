//! Drawing indicator charts (lines or bars) on any plotters backend; drawing returns the
//! pixel↔data mapping and the drawn points, which hover, keyboard focus and zoom are built on.

use super::hit::DrawnPoint;
use super::lttb::lttb_indices;
use crate::format;
use crate::kpi::forecast;
use crate::lang::Lang;
use crate::model::{Dataset, Indicator, Observation, Provenance};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// What the tooltip, the table and the CSV say of one value besides x and y.
#[derive(Debug, Clone, PartialEq)]
pub struct PointInfo {
    /// The period as written (`2021`, `2021-Q3`…).
    pub label: String,
    pub provenance: Provenance,
    /// A status flag (provisional, estimated…); flagged points are drawn hollow.
    pub flag: Option<String>,
    pub note: String,
}

/// One line of the chart: a series or a disaggregation, stored by columns so that a million points
/// cost two arrays.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    pub name: String,
    /// Fractional years of the periods' starts, sorted.
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Empty, or one entry per point.
    pub info: Vec<PointInfo>,
}

impl Series {
    /// The number of points.
    pub fn len(&self) -> usize {
        self.xs.len().min(self.ys.len())
    }

    /// True without points.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The label of point `i`: its period as written, or its x with one decimal.
    pub fn label(&self, i: usize) -> String {
        self.info.get(i).map_or_else(
            || format!("{:.1}", self.xs.get(i).copied().unwrap_or(f64::NAN)),
            |p| p.label.clone(),
        )
    }

    /// The flag of point `i`.
    pub fn flag(&self, i: usize) -> Option<&str> {
        self.info.get(i).and_then(|p| p.flag.as_deref())
    }
}

/// What an indicator chart shows, in chart coordinates (x is a fractional year).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorChart {
    pub series: Vec<Series>,
    pub baseline: Option<(f64, f64)>,
    pub target: Option<(f64, f64)>,
    /// The least-squares line through the first series, from its last point to the target date.
    pub forecast: Option<[(f64, f64); 2]>,
    pub precision: u8,
    pub unit: String,
    /// Disaggregations left out because there were more than `MAX_SERIES` (the chart says so), or
    /// because the person chose others.
    pub more_series: usize,
    /// The key of each series drawn (`SeriesChoice::key`), in `series`' order.
    pub keys: Vec<Option<u32>>,
}

/// The most series one chart draws: the headline and the first disaggregations met. A file with
/// thousands of them (Eurostat regions × ages × sexes) still opens; its table and CSV hold them all.
pub const MAX_SERIES: usize = 12;

/// Line or bar chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Line,
    Bars,
}

/// What the person chose to see: the x range (zoom), hidden series, line or bars, and how many
/// points a series may draw before LTTB thins it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    pub x_range: Option<Range<f64>>,
    pub hidden: Vec<bool>,
    pub kind: ChartKind,
    pub max_points: usize,
}

impl Default for ChartView {
    fn default() -> Self {
        ChartView {
            x_range: None,
            hidden: Vec::new(),
            kind: ChartKind::Line,
            max_points: 2000,
        }
    }
}

impl ChartView {
    /// True when series `i` is shown.
    pub fn shows(&self, i: usize) -> bool {
        !self.hidden.get(i).copied().unwrap_or(false)
    }
}

/// A series' name: its dimensions (`sex = F, geo = FR`), or the indicator's name for the headline.
fn series_name(ds: &Dataset, ind: &Indicator, o: &Observation, lang: Lang) -> String {
    let dims = ds.dimensions_of(o);
    if dims.is_empty() {
        lang.pick(&ind.name).to_owned()
    } else {
        dims.iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A series a person may choose to draw: its key (`None` for the headline, else its number in
/// the dataset's series), its name, and how many values it has.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesChoice {
    pub key: Option<u32>,
    pub name: String,
    pub values: usize,
}

/// Every series of `ind` that has a value, the headline first, then in the order of the data.
pub fn series_choices(ds: &Dataset, ind: &Indicator, lang: Lang) -> Vec<SeriesChoice> {
    let mut out: Vec<SeriesChoice> = Vec::new();
    let mut at: std::collections::HashMap<Option<u32>, usize> = std::collections::HashMap::new();
    for o in ds.observations_of(&ind.id) {
        if !o.value.is_some_and(f64::is_finite) {
            continue;
        }
        match at.get(&o.series) {
            Some(&i) => out[i].values += 1,
            None => {
                at.insert(o.series, out.len());
                out.push(SeriesChoice {
                    key: o.series,
                    name: series_name(ds, ind, o, lang),
                    values: 1,
                });
            }
        }
    }
    if let Some(h) = out.iter().position(|c| c.key.is_none()) {
        out[..=h].rotate_right(1);
    }
    out
}

/// The series drawn once `key` is ticked or unticked: added at the end, or taken out; `None` when
/// adding it would draw more than `MAX_SERIES`.
pub fn toggled(drawn: &[Option<u32>], key: Option<u32>) -> Option<Vec<Option<u32>>> {
    if drawn.contains(&key) {
        return Some(drawn.iter().copied().filter(|k| *k != key).collect());
    }
    (drawn.len() < MAX_SERIES).then(|| drawn.iter().copied().chain([key]).collect())
}

/// The series keys as a URL writes them: `h` for the headline, else the series' number, by commas.
pub fn series_keys_to_text(keys: &[Option<u32>]) -> String {
    keys.iter()
        .map(|k| k.map_or_else(|| "h".to_owned(), |n| n.to_string()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The series keys of a URL's text (what is not a key is skipped; an empty text is no series).
pub fn series_keys_of_text(text: &str) -> Vec<Option<u32>> {
    text.split(',')
        .filter_map(|t| match t.trim() {
            "h" => Some(None),
            n => n.parse().ok().map(Some),
        })
        .collect()
}

impl IndicatorChart {
    /// Gathers an indicator's observed values (one series per disaggregation, the headline first),
    /// baseline, target and forecast. Flagged values (provisional, estimated…) keep their flag.
    pub fn of(ds: &Dataset, ind: &Indicator, lang: Lang) -> IndicatorChart {
        IndicatorChart::of_chosen(ds, ind, lang, None)
    }

    /// `of`, drawing only the series in `chosen` (keys as `series_choices` gives them) when given,
    /// and at most `MAX_SERIES` of them; the others count as left out.
    pub fn of_chosen(
        ds: &Dataset,
        ind: &Indicator,
        lang: Lang,
        chosen: Option<&[Option<u32>]>,
    ) -> IndicatorChart {
        let mut keys: Vec<Option<u32>> = Vec::new();
        let mut slots: std::collections::HashMap<Option<u32>, Option<usize>> =
            std::collections::HashMap::new();
        let mut series: Vec<Series> = Vec::new();
        let observations = ds.observations_of(&ind.id);
        // The headline (no disaggregation) always has a place, even when it comes late.
        let headline = chosen.is_none_or(|c| c.contains(&None))
            && observations.iter().any(|o| o.series.is_none());
        let room = MAX_SERIES - usize::from(headline);
        for o in observations {
            let Some(v) = o.value.filter(|v| v.is_finite()) else {
                continue;
            };
            let taken = keys.len() - usize::from(keys.contains(&None));
            let slot = match slots.get(&o.series) {
                Some(Some(i)) => *i,
                Some(None) => continue,
                None if chosen.is_some_and(|c| !c.contains(&o.series))
                    || (o.series.is_some() && taken >= room) =>
                {
                    slots.insert(o.series, None);
                    continue;
                }
                None => {
                    slots.insert(o.series, Some(keys.len()));
                    keys.push(o.series);
                    series.push(Series {
                        name: series_name(ds, ind, o, lang),
                        ..Series::default()
                    });
                    series.len() - 1
                }
            };
            let s = &mut series[slot];
            s.xs.push(o.period.as_year_fraction());
            s.ys.push(v);
            s.info.push(PointInfo {
                label: o.period.to_string(),
                provenance: o.provenance,
                flag: (!o.flag.is_empty()).then(|| o.flag.clone()),
                note: o.note.clone(),
            });
        }
        // Observations are sorted by period within an indicator, so each series is sorted by x.
        if let Some(headline) = keys.iter().position(|k| k.is_none()) {
            series[..=headline].rotate_right(1);
            keys[..=headline].rotate_right(1);
        }
        let more_series = slots.values().filter(|s| s.is_none()).count();
        let mut chart = IndicatorChart {
            series,
            baseline: ind.baseline.map(|m| (m.period.as_year_fraction(), m.value)),
            target: ind.target.map(|m| (m.period.as_year_fraction(), m.value)),
            forecast: None,
            precision: ind.precision,
            unit: lang.pick(&ind.unit).to_owned(),
            more_series,
            keys,
        };
        chart.forecast = chart.forecast_line();
        chart
    }

    /// The forecast segment: the fitted line from the last observed x to the target date.
    fn forecast_line(&self) -> Option<[(f64, f64); 2]> {
        let first = self.series.first()?;
        let points: Vec<(f64, f64)> = first
            .xs
            .iter()
            .copied()
            .zip(first.ys.iter().copied())
            .collect();
        let (tx, _) = self.target?;
        let last = points.last()?.0;
        if tx <= last {
            return None;
        }
        let line = forecast::fit(&points)?;
        Some([(last, line.at(last)), (tx, line.at(tx))])
    }

    /// Data ranges with a margin: whole years on x, zero included on y when values are positive.
    /// `view` limits x (zoom) and leaves hidden series out of y.
    pub fn ranges(&self, view: &ChartView) -> (Range<f64>, Range<f64>) {
        let fold = |v: &mut dyn Iterator<Item = f64>| {
            v.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                (a.min(x), b.max(x))
            })
        };
        let shown = || {
            self.series
                .iter()
                .enumerate()
                .filter(|(i, _)| view.shows(*i))
                .map(|(_, s)| s)
        };
        let extras: Vec<(f64, f64)> = self
            .baseline
            .iter()
            .chain(self.target.iter())
            .chain(self.forecast.iter().flatten())
            .copied()
            .collect();
        let (x0, x1) = fold(
            &mut shown()
                .flat_map(|s| s.xs.first().into_iter().chain(s.xs.last()))
                .copied()
                .chain(extras.iter().map(|p| p.0)),
        );
        if !x0.is_finite() {
            return (2020.0..2021.0, 0.0..1.0);
        }
        let xr = match &view.x_range {
            Some(r) if r.end > r.start => r.clone(),
            _ => (x0.floor() - 0.5)..(x1.ceil() + 0.5),
        };
        let (mut y0, y1) = if view.x_range.is_some() {
            fold(
                &mut shown()
                    .flat_map(|s| {
                        s.xs.iter()
                            .zip(&s.ys)
                            .filter(|(x, _)| xr.contains(*x))
                            .map(|(_, y)| *y)
                    })
                    .chain(self.target.map(|t| t.1)),
            )
        } else {
            fold(
                &mut shown()
                    .flat_map(|s| s.ys.iter().copied())
                    .chain(extras.iter().map(|p| p.1)),
            )
        };
        if !y0.is_finite() {
            return (xr, 0.0..1.0);
        }
        if y0 >= 0.0 {
            y0 = 0.0;
        }
        let span = if y1 > y0 { y1 - y0 } else { y1.abs().max(1.0) };
        (xr, y0..y1 + span * 0.1)
    }
}

/// Colours and sizes; `scale` is the device pixel ratio.
#[derive(Debug, Clone, Copy)]
pub struct ChartStyle {
    pub scale: f64,
    pub palette: [RGBColor; 6],
    pub target: RGBColor,
    pub trajectory: RGBColor,
    pub forecast: RGBColor,
    pub text: RGBColor,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            palette: [
                RGBColor(0x00, 0x5a, 0x9c),
                RGBColor(0xd9, 0x6c, 0x00),
                RGBColor(0x2e, 0x8b, 0x57),
                RGBColor(0x8e, 0x44, 0xad),
                RGBColor(0x7f, 0x8c, 0x8d),
                RGBColor(0xb0, 0x3a, 0x2e),
            ],
            target: RGBColor(0xc0, 0x39, 0x2b),
            trajectory: RGBColor(0x6b, 0x6b, 0x6b),
            forecast: RGBColor(0x8e, 0x44, 0xad),
            text: RGBColor(0x22, 0x22, 0x22),
        }
    }
}

impl ChartStyle {
    /// The colour of series `i`.
    pub fn color(&self, i: usize) -> RGBColor {
        self.palette[i % self.palette.len()]
    }
}

/// Where the plot sits in pixels, which data it spans, and the points drawn (sorted by pixel x).
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub pixels_x: Range<i32>,
    pub pixels_y: Range<i32>,
    pub data_x: Range<f64>,
    pub data_y: Range<f64>,
    pub points: Vec<DrawnPoint>,
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

    /// The data x of a pixel column.
    pub fn x_of(&self, px: f64) -> f64 {
        let f = (px - self.pixels_x.start as f64)
            / (self.pixels_x.end - self.pixels_x.start).max(1) as f64;
        self.data_x.start + f * (self.data_x.end - self.data_x.start)
    }
}

/// Draws an indicator chart: series as lines with points (or bars), baseline point, target point
/// with a horizontal target line, the dashed required trajectory from baseline to target and the
/// dotted forecast. Series longer than `view.max_points` are thinned with LTTB first.
pub fn draw_indicator<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &IndicatorChart,
    view: &ChartView,
    lang: Lang,
    style: &ChartStyle,
) -> Result<Mapping, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = |v: f64| (v * style.scale).round().max(1.0) as i32;
    let stroke = |c: RGBColor, w: f64| ShapeStyle {
        color: c.to_rgba(),
        filled: false,
        stroke_width: s(w) as u32,
    };
    root.fill(&WHITE)?;
    let plot_width = f64::from(root.dim_in_pixel().0) - f64::from(s(12.0) * 2 + s(60.0));
    let (xr, yr) = chart.ranges(view);
    let font = ("sans-serif", s(13.0)).into_font().color(&style.text);
    let mut cc = ChartBuilder::on(root)
        .margin(s(12.0))
        .x_label_area_size(s(28.0))
        .y_label_area_size(s(60.0))
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
    let span = xr.end - xr.start;
    let x_fmt = move |x: &f64| {
        if span > 3.0 {
            format!("{:.0}", x)
        } else {
            format::number(*x, 1, lang)
        }
    };
    cc.configure_mesh()
        .x_labels(x_label_count(span, plot_width, style.scale))
        .y_labels(6)
        .max_light_lines(1)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font.clone())
        .light_line_style(RGBColor(0xf0, 0xf0, 0xf0))
        .bold_line_style(RGBColor(0xe2, 0xe2, 0xe2))
        .axis_style(RGBColor(0x88, 0x88, 0x88))
        .draw()?;

    if let (Some(b), Some(t)) = (chart.baseline, chart.target) {
        cc.draw_series(DashedLineSeries::new(
            vec![b, t],
            s(8.0),
            s(5.0),
            stroke(style.trajectory, 2.0),
        ))?;
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
    if let Some(f) = chart.forecast {
        cc.draw_series(DashedLineSeries::new(
            f.to_vec(),
            s(2.0),
            s(4.0),
            stroke(style.forecast, 2.0),
        ))?;
    }
    let mut drawn = Vec::new();
    let bar_count = chart
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| view.shows(*i))
        .count()
        .max(1);
    let mut bar_slot = 0usize;
    for (si, series) in chart.series.iter().enumerate() {
        if !view.shows(si) {
            continue;
        }
        let color = style.color(si);
        // Points in the x range (plus one on each side so lines reach the edges), thinned by LTTB.
        let lo = series
            .xs
            .partition_point(|x| *x < xr.start)
            .saturating_sub(1);
        let hi = (series.xs.partition_point(|x| *x <= xr.end) + 1).min(series.len());
        let (xs, ys) = (&series.xs[lo..hi], &series.ys[lo..hi]);
        let keep = lttb_indices(xs, ys, view.max_points);
        let flagged = |i: usize| series.flag(lo + i).is_some();
        match view.kind {
            ChartKind::Line => {
                cc.draw_series(LineSeries::new(
                    keep.iter().map(|&i| (xs[i], ys[i])),
                    stroke(color, 2.5),
                ))?;
                if keep.len() <= 400 {
                    cc.draw_series(keep.iter().map(|&i| {
                        let style = if flagged(i) {
                            color.stroke_width(s(2.0) as u32)
                        } else {
                            color.filled()
                        };
                        Circle::new((xs[i], ys[i]), s(4.0), style)
                    }))?;
                }
            }
            ChartKind::Bars => {
                let step = min_step(xs).min(1.0);
                let width = step * 0.8 / bar_count as f64;
                let offset = -step * 0.4 + width * bar_slot as f64;
                cc.draw_series(keep.iter().map(|&i| {
                    let style = if flagged(i) {
                        color.mix(0.45).filled()
                    } else {
                        color.filled()
                    };
                    Rectangle::new(
                        [
                            (xs[i] + offset, 0.0_f64.max(yr.start)),
                            (xs[i] + offset + width, ys[i]),
                        ],
                        style,
                    )
                }))?;
                bar_slot += 1;
            }
        }
        for &i in &keep {
            if !xr.contains(&xs[i]) {
                continue;
            }
            let (px, py) = cc.backend_coord(&(xs[i], ys[i]));
            drawn.push(DrawnPoint {
                px: px as f64,
                py: py as f64,
                series: si,
                index: lo + i,
            });
        }
    }
    root.present()?;
    drawn.sort_by(|a, b| a.px.total_cmp(&b.px));
    let (pixels_x, pixels_y) = cc.plotting_area().get_pixel_range();
    Ok(Mapping {
        pixels_x,
        pixels_y,
        data_x: xr,
        data_y: yr,
        points: drawn,
    })
}

/// The smallest x gap between consecutive points (1 when there are fewer than two).
fn min_step(xs: &[f64]) -> f64 {
    let step = xs
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| *d > 0.0)
        .fold(f64::INFINITY, f64::min);
    if step.is_finite() {
        step
    } else {
        1.0
    }
}

/// How many labels the time axis asks plotters for: one a year up to twelve, but never more than fit
/// side by side in `plot_width` pixels (a year label with its gap takes about 48 px at `scale` 1), so
/// that on a phone the years do not run into each other; plotters then picks round steps (2, 5…).
pub fn x_label_count(span_years: f64, plot_width: f64, scale: f64) -> usize {
    let wanted = (span_years.round().max(1.0) as usize).clamp(2, 12) + 1;
    let fit = (plot_width / (48.0 * scale.max(0.1))).floor().max(2.0) as usize;
    wanted.min(fit)
}

/// The `points` attribute of an SVG polyline drawing `values` as a sparkline in a `width`×`height`
/// box (1 px padding), or an empty string with fewer than two values. More values than the box has
/// pixels across are reduced with LTTB to one a pixel: a long monthly series stays a short string.
pub fn sparkline_points(values: &[(f64, f64)], width: f64, height: f64) -> String {
    if values.len() < 2 {
        return String::new();
    }
    let most = (width.max(2.0)) as usize;
    let reduced;
    let values = if values.len() > most {
        reduced = super::lttb::lttb(values, most);
        reduced.as_slice()
    } else {
        values
    };
    let (x0, x1, y0, y1) = values.iter().fold(
        (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ),
        |a, &(x, y)| (a.0.min(x), a.1.max(x), a.2.min(y), a.3.max(y)),
    );
    let sx = if x1 > x0 {
        (width - 2.0) / (x1 - x0)
    } else {
        0.0
    };
    let sy = if y1 > y0 {
        (height - 2.0) / (y1 - y0)
    } else {
        0.0
    };
    values
        .iter()
        .map(|&(x, y)| {
            let py = if sy == 0.0 {
                height / 2.0
            } else {
                height - 1.0 - (y - y0) * sy
            };
            format!("{:.1},{:.1}", 1.0 + (x - x0) * sx, py)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, points: &[(f64, f64)]) -> Series {
        Series {
            name: name.into(),
            xs: points.iter().map(|p| p.0).collect(),
            ys: points.iter().map(|p| p.1).collect(),
            info: Vec::new(),
        }
    }

    fn sample() -> IndicatorChart {
        let mut c = IndicatorChart {
            series: vec![series(
                "a",
                &[(2020.0, 0.0), (2021.0, 1200.0), (2022.0, 2400.5)],
            )],
            baseline: Some((2020.0, 0.0)),
            target: Some((2025.0, 5000.0)),
            forecast: None,
            precision: 0,
            unit: "t".into(),
            more_series: 0,
            keys: vec![None],
        };
        c.forecast = c.forecast_line();
        c
    }

    fn svg_of(chart: &IndicatorChart, view: &ChartView, lang: Lang) -> (String, Mapping) {
        let mut svg = String::new();
        let mapping = {
            let root = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            draw_indicator(&root, chart, view, lang, &ChartStyle::default()).unwrap()
        };
        (svg, mapping)
    }

    /// The x positions of the time axis' year labels in an SVG drawing (texts of four digits).
    fn year_label_xs(svg: &str) -> Vec<f64> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let (attrs, rest) = t.split_once('>')?;
                let text = rest.split('<').next()?.trim();
                if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let x = attrs.split("x=\"").nth(1)?.split('"').next()?;
                x.parse().ok()
            })
            .collect()
    }

    #[test]
    fn year_labels_never_crowd_on_a_phone_and_are_yearly_when_wide() {
        let mut chart = sample();
        chart.target = Some((2030.0, 5000.0));
        chart.forecast = chart.forecast_line();
        for (width, yearly) in [(288u32, false), (320, false), (1000, true)] {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
                draw_indicator(
                    &root,
                    &chart,
                    &ChartView::default(),
                    Lang::Fr,
                    &ChartStyle::default(),
                )
                .unwrap();
            }
            let mut xs = year_label_xs(&svg);
            xs.sort_by(f64::total_cmp);
            assert!(xs.len() >= 2, "{width} px: labels {xs:?}");
            let closest = xs
                .windows(2)
                .map(|w| w[1] - w[0])
                .fold(f64::INFINITY, f64::min);
            assert!(
                closest >= 40.0,
                "{width} px: labels {closest} px apart: {xs:?}"
            );
            assert_eq!(xs.len() >= 11, yearly, "{width} px: {} labels", xs.len());
        }
        assert_eq!(x_label_count(11.0, 2000.0, 1.0), 12);
        assert_eq!(x_label_count(11.0, 200.0, 1.0), 4);
        assert_eq!(x_label_count(11.0, 200.0, 2.0), 2);
    }

    #[test]
    fn ranges_cover_observations_baseline_target_and_forecast() {
        let (x, y) = sample().ranges(&ChartView::default());
        assert_eq!(x, 2019.5..2025.5);
        assert_eq!(y.start, 0.0);
        assert!(
            y.end >= 6000.0,
            "forecast reaches about 6000 in 2025, y ends at {}",
            y.end
        );
    }

    #[test]
    fn svg_has_one_path_per_visible_series_dashed_trajectory_target_and_french_labels() {
        let mut chart = sample();
        chart
            .series
            .push(series("b", &[(2020.0, 100.0), (2022.0, 300.0)]));
        let (svg, _) = svg_of(&chart, &ChartView::default(), Lang::Fr);
        assert_eq!(
            svg.matches("<polyline fill=\"none\" opacity=\"1\" stroke=\"#005A9C\"")
                .count(),
            1,
            "series a"
        );
        assert_eq!(
            svg.matches("<polyline fill=\"none\" opacity=\"1\" stroke=\"#D96C00\"")
                .count(),
            1,
            "series b"
        );
        let dashes = svg.matches("stroke=\"#6B6B6B\"").count();
        assert!(
            dashes >= 5,
            "trajectory drawn as many dashes, found {dashes}"
        );
        assert!(
            svg.matches("stroke=\"#8E44AD\"").count() >= 5,
            "forecast drawn dotted"
        );
        assert!(svg.contains("<polygon"), "target marker");
        let labels: Vec<&str> = svg
            .split("<text")
            .skip(1)
            .map(|t| {
                t.split('>')
                    .nth(1)
                    .unwrap_or("")
                    .split('<')
                    .next()
                    .unwrap_or("")
                    .trim()
            })
            .collect();
        assert!(
            labels.iter().any(|l| l.trim() == "2\u{202f}000"),
            "French thousands separator in y labels: {labels:?}"
        );
        let (svg_en, _) = svg_of(&chart, &ChartView::default(), Lang::En);
        assert!(svg_en.contains("\n2,000\n"));
        let hidden = ChartView {
            hidden: vec![false, true],
            ..ChartView::default()
        };
        let (svg_hidden, _) = svg_of(&chart, &hidden, Lang::Fr);
        assert_eq!(
            svg_hidden.matches("stroke=\"#D96C00\"").count(),
            0,
            "hidden series not drawn"
        );
    }

    #[test]
    fn mapping_lists_drawn_points_inside_the_plot() {
        let (_, m) = svg_of(&sample(), &ChartView::default(), Lang::Fr);
        assert_eq!(m.points.len(), 3);
        for p in &m.points {
            assert!(m.pixels_x.contains(&(p.px as i32)) && m.pixels_y.contains(&(p.py as i32)));
        }
        let (px, py) = m.to_pixel((2022.0, 2400.5));
        assert!((px - m.points[2].px).abs() <= 1.0 && (py - m.points[2].py).abs() <= 1.0);
        assert!((m.x_of(px) - 2022.0).abs() < 0.05);
    }

    /// Indicator `a` with `regions` disaggregations (`geo = R0`…, region k's value is k) and a
    /// headline of 1, each year of `years`.
    fn by_region(regions: u32, years: std::ops::Range<i32>) -> Dataset {
        let mut ds = Dataset::default();
        ds.indicators
            .push(Indicator::new("a", crate::model::Text::new("A", "A")));
        for k in 0..regions {
            ds.series.push(crate::model::Series {
                indicator: "a".into(),
                dimensions: vec![("geo".into(), format!("R{k}"))],
            });
        }
        for year in years {
            for k in 0..regions {
                let mut o =
                    Observation::new("a", crate::period::Period::Year(year), Some(k as f64));
                o.series = Some(k);
                ds.observations.push(o);
            }
            ds.observations.push(Observation::new(
                "a",
                crate::period::Period::Year(year),
                Some(1.0),
            ));
        }
        ds
    }

    #[test]
    fn thousands_of_disaggregations_draw_the_headline_and_the_first_ones() {
        let ds = by_region(5_000, 2000..2004);
        let chart = IndicatorChart::of(&ds, &ds.indicators[0], Lang::Fr);
        assert_eq!(chart.series.len(), MAX_SERIES);
        assert_eq!(chart.series[0].name, "A");
        assert_eq!(chart.series[0].len(), 4);
        assert_eq!(chart.series[1].name, "geo = R0");
        assert_eq!(chart.more_series, 5_000 - (MAX_SERIES - 1));
    }

    #[test]
    fn a_person_s_choice_of_series_is_drawn_and_its_keys_round_trip() {
        let ds = by_region(20, 2000..2003);
        let ind = &ds.indicators[0];
        let choices = series_choices(&ds, ind, Lang::En);
        assert_eq!(choices.len(), 21);
        assert_eq!(
            (choices[0].key, choices[0].name.as_str(), choices[0].values),
            (None, "A", 3)
        );
        assert_eq!(
            (choices[20].key, choices[20].name.as_str()),
            (Some(19), "geo = R19")
        );
        // Two regions beyond the first twelve, without the headline.
        let chosen = [Some(19), Some(15)];
        let chart = IndicatorChart::of_chosen(&ds, ind, Lang::En, Some(&chosen));
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["geo = R15", "geo = R19"], "in the data's order");
        assert_eq!(chart.keys, [Some(15), Some(19)]);
        assert_eq!(
            IndicatorChart::of(&ds, ind, Lang::En).keys[..3],
            [None, Some(0), Some(1)]
        );
        assert_eq!(chart.series[0].ys, [15.0, 15.0, 15.0]);
        assert_eq!(chart.more_series, 19);
        let none = IndicatorChart::of_chosen(&ds, ind, Lang::En, Some(&[]));
        assert!(none.series.is_empty());
        assert_eq!(
            series_keys_of_text(&series_keys_to_text(&[None, Some(7)])),
            [None, Some(7)]
        );
        assert_eq!(series_keys_of_text("h,x,3"), [None, Some(3)]);
        assert_eq!(
            toggled(&[None, Some(3)], Some(5)),
            Some(vec![None, Some(3), Some(5)])
        );
        assert_eq!(toggled(&[None, Some(3)], None), Some(vec![Some(3)]));
        let full: Vec<Option<u32>> = (0..MAX_SERIES as u32).map(Some).collect();
        assert_eq!(toggled(&full, Some(99)), None, "at most MAX_SERIES");
        assert_eq!(
            toggled(&full, Some(0)).map(|k| k.len()),
            Some(MAX_SERIES - 1)
        );
        assert!(series_keys_of_text("").is_empty());
    }

    #[test]
    fn zoom_keeps_only_points_in_range_and_lttb_thins_long_series() {
        let long: Vec<(f64, f64)> = (0..10_000)
            .map(|i| (2000.0 + i as f64 / 1000.0, (i % 97) as f64))
            .collect();
        let chart = IndicatorChart {
            series: vec![series("l", &long)],
            ..IndicatorChart::default()
        };
        let view = ChartView {
            max_points: 500,
            ..ChartView::default()
        };
        let (_, m) = svg_of(&chart, &view, Lang::En);
        assert!(
            m.points.len() <= 500 && m.points.len() >= 490,
            "{} points drawn",
            m.points.len()
        );
        let zoomed = ChartView {
            x_range: Some(2003.0..2004.0),
            max_points: 5000,
            ..ChartView::default()
        };
        let (_, m) = svg_of(&chart, &zoomed, Lang::En);
        assert_eq!(m.data_x, 2003.0..2004.0);
        assert!(m
            .points
            .iter()
            .all(|p| m.x_of(p.px) >= 2002.99 && m.x_of(p.px) <= 2004.01));
        assert!(
            (990..=1001).contains(&m.points.len()),
            "{} points in one year",
            m.points.len()
        );
    }

    #[test]
    fn bars_draw_rectangles() {
        let view = ChartView {
            kind: ChartKind::Bars,
            ..ChartView::default()
        };
        let (svg, m) = svg_of(&sample(), &view, Lang::Fr);
        assert!(
            svg.matches("<rect").count() >= 4,
            "background plus three bars"
        );
        assert_eq!(m.points.len(), 3);
    }

    #[test]
    fn draws_an_empty_chart_without_panicking() {
        let (svg, m) = svg_of(&IndicatorChart::default(), &ChartView::default(), Lang::Fr);
        assert!(svg.starts_with("<svg"));
        assert!(m.points.is_empty());
    }

    #[test]
    fn sparkline_fits_the_box() {
        assert_eq!(
            sparkline_points(&[(0.0, 0.0), (1.0, 10.0)], 52.0, 12.0),
            "1.0,11.0 51.0,1.0"
        );
        assert_eq!(
            sparkline_points(&[(0.0, 5.0), (1.0, 5.0)], 52.0, 12.0),
            "1.0,6.0 51.0,6.0"
        );
        assert_eq!(sparkline_points(&[(0.0, 5.0)], 52.0, 12.0), "");
    }

    #[test]
    fn a_long_sparkline_keeps_one_point_a_pixel_with_its_peak() {
        let values: Vec<(f64, f64)> = (0..100_000)
            .map(|i| (i as f64, if i == 61_234 { 1000.0 } else { (i % 7) as f64 }))
            .collect();
        let points = sparkline_points(&values, 64.0, 18.0);
        assert_eq!(points.split(' ').count(), 64);
        // The peak survives the reduction: it is the only point drawn at the top.
        assert_eq!(points.matches(",1.0").count(), 1, "{points}");
        assert!(
            points.starts_with("1.0,")
                && points.split(' ').next_back().unwrap().starts_with("63.0,")
        );
    }

    #[test]
    fn one_series_per_disaggregation_headline_first_with_flags() {
        use crate::model::{
            Aggregation, Direction, Frequency, Kind, Observation, Series as Dims, Text,
        };
        use crate::period::Period;
        let ind = Indicator {
            id: "x".into(),
            project: "p".into(),
            kind: Kind::Outcome,
            name: Text::new("Espérance de vie", "Life expectancy"),
            unit: Text::new("ans", "years"),
            direction: Direction::Increase,
            baseline: None,
            target: None,
            frequency: Frequency::Annual,
            aggregation: Aggregation::Last,
            weight: 1.0,
            precision: 1,
            definition: Text::default(),
            source: String::new(),
            sdg: None,
        };
        let obs = |series: Option<u32>, year: i32, v: f64, flag: &str| Observation {
            indicator: "x".into(),
            period: Period::Year(year),
            value: Some(v),
            provenance: Provenance::Report,
            note: String::new(),
            series,
            flag: flag.into(),
        };
        let mut ds = Dataset {
            indicators: vec![ind],
            series: vec![
                Dims {
                    indicator: "x".into(),
                    dimensions: vec![("sex".into(), "F".into())],
                },
                Dims {
                    indicator: "x".into(),
                    dimensions: vec![("sex".into(), "M".into())],
                },
            ],
            observations: vec![
                obs(Some(0), 2020, 85.1, ""),
                obs(None, 2020, 82.0, ""),
                obs(Some(1), 2020, 79.0, ""),
                obs(Some(0), 2021, 85.4, "p"),
            ],
            ..Dataset::default()
        };
        ds.sort_observations();
        let chart = IndicatorChart::of(&ds, &ds.indicators[0], Lang::En);
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[0], "Life expectancy");
        assert!(names.contains(&"sex = F") && names.contains(&"sex = M"));
        let f = chart.series.iter().find(|s| s.name == "sex = F").unwrap();
        assert_eq!(f.ys, vec![85.1, 85.4]);
        assert_eq!(f.flag(1), Some("p"));
        let (svg, _) = svg_of(&chart, &ChartView::default(), Lang::En);
        for colour in ["#005A9C", "#D96C00", "#2E8B57"] {
            assert_eq!(
                svg.matches(&format!(
                    "<polyline fill=\"none\" opacity=\"1\" stroke=\"{colour}\""
                ))
                .count(),
                1,
                "{colour}"
            );
        }
    }
}
