//! What the person does to a chart's view, as plain methods on `ChartView`: a view for a chart with
//! its series all shown, dragging a selection, zooming with the wheel around a point, the "last N
//! years" presets, showing or hiding a series, and reset. The page turns pointer and key events into
//! these calls; the arithmetic is here, tested natively.

use super::{ChartView, IndicatorChart};
use std::ops::Range;

/// A drag shorter than this (in CSS pixels) is a click, not a selection.
pub const MIN_DRAG_PX: f64 = 6.0;

impl ChartView {
    /// The view of `chart` with every series shown and the whole time span.
    pub fn for_chart(chart: &IndicatorChart) -> ChartView {
        ChartView {
            hidden: vec![false; chart.series.len()],
            ..ChartView::default()
        }
    }

    /// Zooms to the data range between two x positions of a drag (either order); `false`, and no
    /// change, when the drag spans less than `MIN_DRAG_PX` CSS pixels (`px_a`, `px_b`).
    pub fn select(&mut self, px_a: f64, px_b: f64, x_of: impl Fn(f64) -> f64) -> bool {
        if (px_a - px_b).abs() <= MIN_DRAG_PX {
            return false;
        }
        let (lo, hi) = (x_of(px_a.min(px_b)), x_of(px_a.max(px_b)));
        self.x_range = Some(lo.min(hi)..lo.max(hi));
        true
    }

    /// Zooms the shown range `shown` around the data x `center`: in (a negative wheel delta, ×0.8)
    /// or out (×1.25), keeping `center` where it is on screen.
    pub fn zoom_around(&mut self, shown: Range<f64>, center: f64, wheel_delta: f64) {
        let factor = if wheel_delta > 0.0 { 1.25 } else { 0.8 };
        self.x_range = Some(
            (center - (center - shown.start) * factor)..(center + (shown.end - center) * factor),
        );
    }

    /// Shows the last `years` years before the chart's latest value (half a year of margin on each
    /// side), or everything with `None`.
    pub fn preset(&mut self, chart: &IndicatorChart, years: Option<f64>) {
        let last = chart
            .series
            .iter()
            .filter_map(|s| s.xs.last().copied())
            .fold(f64::NEG_INFINITY, f64::max);
        self.x_range = years
            .filter(|_| last.is_finite())
            .map(|y| (last - y + 0.5)..(last + 0.5));
    }

    /// Shows series `i` if it was hidden, hides it if it was shown (ignored out of range).
    pub fn toggle(&mut self, i: usize) {
        if let Some(h) = self.hidden.get_mut(i) {
            *h = !*h;
        }
    }

    /// The whole time span again (a double click).
    pub fn reset(&mut self) {
        self.x_range = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Series;

    fn chart(xs: &[f64]) -> IndicatorChart {
        IndicatorChart {
            series: vec![
                Series {
                    xs: xs.to_vec(),
                    ys: xs.to_vec(),
                    ..Series::default()
                },
                Series::default(),
            ],
            ..IndicatorChart::default()
        }
    }

    #[test]
    fn a_drag_selects_its_range_and_a_click_does_not() {
        let mut v = ChartView::for_chart(&chart(&[2020.0, 2021.0]));
        assert_eq!(v.hidden, vec![false, false]);
        let x_of = |px: f64| 2000.0 + px / 10.0;
        assert!(!v.select(100.0, 104.0, x_of));
        assert_eq!(v.x_range, None);
        assert!(v.select(300.0, 100.0, x_of));
        assert_eq!(v.x_range, Some(2010.0..2030.0));
        v.reset();
        assert_eq!(v.x_range, None);
    }

    #[test]
    fn the_wheel_zooms_around_the_pointer() {
        let mut v = ChartView::default();
        v.zoom_around(2000.0..2020.0, 2010.0, -1.0);
        assert_eq!(v.x_range, Some(2002.0..2018.0));
        v.zoom_around(2000.0..2020.0, 2000.0, 1.0);
        assert_eq!(v.x_range, Some(2000.0..2025.0));
    }

    #[test]
    fn presets_end_at_the_latest_value_and_toggle_flips_one_series() {
        let c = chart(&[2010.0, 2024.0]);
        let mut v = ChartView::for_chart(&c);
        v.preset(&c, Some(5.0));
        assert_eq!(v.x_range, Some(2019.5..2024.5));
        v.preset(&c, None);
        assert_eq!(v.x_range, None);
        v.preset(&IndicatorChart::default(), Some(5.0));
        assert_eq!(v.x_range, None, "nothing to show: the whole span");
        v.toggle(1);
        assert!(v.shows(0) && !v.shows(1));
        v.toggle(1);
        v.toggle(7);
        assert!(v.shows(1));
    }
}
