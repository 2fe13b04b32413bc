//! Comparing indicators: the one time range that several charts share, so that two indicators of
//! different units, drawn one above the other, line up year for year; and the table that lists
//! their values period by period, one column per series.

use super::draw::{ChartView, IndicatorChart};
use std::ops::Range;

/// The x range (fractional years) that shows every chart whole: the union of each chart's own
/// default range (`IndicatorChart::ranges` with every series shown). Charts drawn with it have
/// their years at the same horizontal positions when they have the same width.
pub fn shared_x_range(charts: &[&IndicatorChart]) -> Range<f64> {
    charts
        .iter()
        .filter(|c| c.series.iter().any(|s| !s.is_empty()) || c.target.is_some())
        .map(|c| c.ranges(&ChartView::for_chart(c)).0)
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        .unwrap_or(2020.0..2021.0)
}

/// A column of the comparison table: one series of one compared chart.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareColumn {
    /// Which compared chart (its position in the slice given to `compare_table`).
    pub chart: usize,
    /// The indicator's name, and the series' own name when the chart has several.
    pub title: String,
    pub unit: String,
    pub precision: u8,
}

/// A row of the comparison table: a period as written and the value of each column there.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub period: String,
    /// The period's x (fractional year), by which rows are sorted.
    pub x: f64,
    pub values: Vec<Option<f64>>,
}

/// The values of the compared charts by period: the union of their periods, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareTable {
    pub columns: Vec<CompareColumn>,
    pub rows: Vec<CompareRow>,
}

/// The table of `charts`, each given with its indicator's name: one column per series (the
/// headline first, as the chart has them), one row per period any of them has a value for.
pub fn compare_table(charts: &[(&str, &IndicatorChart)]) -> CompareTable {
    let mut columns = Vec::new();
    // (x, period, column, value) for every point, then grouped by period.
    let mut cells: Vec<(f64, String, usize, f64)> = Vec::new();
    for (c, (name, chart)) in charts.iter().enumerate() {
        for series in &chart.series {
            let column = columns.len();
            columns.push(CompareColumn {
                chart: c,
                title: if chart.series.len() > 1 {
                    format!("{name} — {}", series.name)
                } else {
                    (*name).to_owned()
                },
                unit: chart.unit.clone(),
                precision: chart.precision,
            });
            for i in 0..series.len() {
                cells.push((series.xs[i], series.label(i), column, series.ys[i]));
            }
        }
    }
    cells.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut rows: Vec<CompareRow> = Vec::new();
    for (x, period, column, value) in cells {
        match rows.last_mut() {
            Some(row) if row.period == period => row.values[column] = Some(value),
            _ => {
                let mut values = vec![None; columns.len()];
                values[column] = Some(value);
                rows.push(CompareRow { period, x, values });
            }
        }
    }
    CompareTable { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{PointInfo, Series};
    use crate::model::Provenance;

    fn series(name: &str, points: &[(f64, &str, f64)]) -> Series {
        Series {
            name: name.into(),
            xs: points.iter().map(|p| p.0).collect(),
            ys: points.iter().map(|p| p.2).collect(),
            info: points
                .iter()
                .map(|p| PointInfo {
                    label: p.1.into(),
                    provenance: Provenance::default(),
                    flag: None,
                    note: String::new(),
                })
                .collect(),
        }
    }

    fn chart(unit: &str, series: Vec<Series>) -> IndicatorChart {
        IndicatorChart {
            series,
            unit: unit.into(),
            precision: 1,
            ..IndicatorChart::default()
        }
    }

    #[test]
    fn the_shared_range_spans_both_charts_whole() {
        let early = chart(
            "t",
            vec![series("a", &[(2015.0, "2015", 1.0), (2019.0, "2019", 2.0)])],
        );
        let late = chart(
            "%",
            vec![series("b", &[(2018.0, "2018", 5.0), (2024.0, "2024", 6.0)])],
        );
        assert_eq!(shared_x_range(&[&early, &late]), 2014.5..2024.5);
        assert_eq!(
            shared_x_range(&[&late]),
            late.ranges(&ChartView::for_chart(&late)).0
        );
        // A target after the last value widens the range, as it does on the chart itself.
        let aimed = IndicatorChart {
            target: Some((2030.0, 3.0)),
            ..early.clone()
        };
        assert_eq!(shared_x_range(&[&aimed, &late]), 2014.5..2030.5);
        // A chart without values does not pull the range to its placeholder.
        assert_eq!(
            shared_x_range(&[&early, &IndicatorChart::default()]),
            2014.5..2019.5
        );
        assert_eq!(shared_x_range(&[]), 2020.0..2021.0);
    }

    #[test]
    fn the_table_has_every_period_of_either_chart_once_in_order() {
        let yearly = chart(
            "kt",
            vec![series(
                "CO₂",
                &[(2019.0, "2019", 3200.0), (2021.0, "2021", 2900.0)],
            )],
        );
        let split = chart(
            "%",
            vec![
                series("all", &[(2020.0, "2020", 10.0), (2021.0, "2021", 12.0)]),
                series(
                    "sex = F",
                    &[(2021.0, "2021", 14.0), (2021.25, "2021-Q2", 15.0)],
                ),
            ],
        );
        let t = compare_table(&[("Emissions", &yearly), ("Share", &split)]);
        let titles: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Emissions", "Share — all", "Share — sex = F"]);
        assert_eq!(
            t.columns.iter().map(|c| c.chart).collect::<Vec<_>>(),
            [0, 1, 1]
        );
        assert_eq!(t.columns[1].unit, "%");
        let periods: Vec<&str> = t.rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(periods, ["2019", "2020", "2021", "2021-Q2"]);
        assert_eq!(t.rows[0].values, [Some(3200.0), None, None]);
        assert_eq!(t.rows[2].values, [Some(2900.0), Some(12.0), Some(14.0)]);
        assert_eq!(t.rows[3].values, [None, None, Some(15.0)]);
        // Every point of every series is in the table exactly once.
        let cells: usize = t
            .rows
            .iter()
            .map(|r| r.values.iter().flatten().count())
            .sum();
        assert_eq!(cells, 6);
        assert_eq!(compare_table(&[]), CompareTable::default());
    }
}
