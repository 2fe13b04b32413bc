//! The least-squares forecast: a straight line through an indicator's values (x in fractional years,
//! each value at the end of its period), its value at the target date and the date it reaches the
//! target.

use super::explain::{num, year, Formula};
use crate::lang::Lang;
use crate::model::Direction;
use crate::period::Date;
use serde::Serialize;

/// A least-squares line y = mean_y + slope × (x − mean_x).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Line {
    /// Number of points.
    pub n: usize,
    pub mean_x: f64,
    pub mean_y: f64,
    /// Change per year.
    pub slope: f64,
}

impl Line {
    /// The line's value at `x`.
    pub fn at(&self, x: f64) -> f64 {
        self.mean_y + self.slope * (x - self.mean_x)
    }

    /// Where the line reaches `y`; `None` when it is flat.
    pub fn x_of(&self, y: f64) -> Option<f64> {
        (self.slope != 0.0).then(|| self.mean_x + (y - self.mean_y) / self.slope)
    }
}

/// The least-squares line through `(x, y)` points; `None` with fewer than two distinct x or any
/// non-finite coordinate.
pub fn fit(points: &[(f64, f64)]) -> Option<Line> {
    let n = points.len();
    if n < 2 || points.iter().any(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return None;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n as f64;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n as f64;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (x, y) in points {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    (sxx > 0.0).then(|| Line {
        n,
        mean_x,
        mean_y,
        slope: sxy / sxx,
    })
}

/// The forecast of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub line: Line,
    /// The target date as a fractional year, and the line's value there.
    pub target_at: Option<f64>,
    pub value_at_target: Option<f64>,
    /// The day the line reaches the target value; `None` when the line is flat, goes the wrong way
    /// for the indicator's direction, or reaches it outside the years −9999 to 9999. It may be in the
    /// past when the line crossed the target before the latest value.
    pub reached_by: Option<Date>,
    pub formula: Formula,
}

/// The forecast through `points` for a target `(target date as fractional year, target value)`;
/// `None` with fewer than two distinct dates. Values are shown with at most `decimals` decimals.
pub fn forecast(
    points: &[(f64, f64)],
    target: Option<(f64, f64)>,
    direction: Direction,
    decimals: u8,
) -> Option<Forecast> {
    let line = fit(points)?;
    let value_at_target = target.map(|(at, _)| line.at(at));
    let right_way = match direction {
        Direction::Increase => line.slope > 0.0,
        Direction::Decrease => line.slope < 0.0,
    };
    let reached_by = match target {
        Some((_, vc)) if right_way => line.x_of(vc).and_then(Date::from_year_fraction),
        _ => None,
    };
    let d = decimals.max(2);
    let formula = Formula::new(
        "y = ȳ + a × (x − x̄), a = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², x en années",
        "y = ȳ + a × (x − x̄), a = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², x in years",
        move |l| {
            let sep = if l == Lang::Fr { " ; " } else { "; " };
            let mut s = format!(
                "n = {}, x̄ = {}, ȳ = {}, a = {}",
                line.n,
                year(line.mean_x, l),
                num(line.mean_y, d, l),
                num(line.slope, d + 2, l)
            );
            if let (Some((at, vc)), Some(v)) = (target, value_at_target) {
                s.push_str(&format!(
                    "{sep}y({}) = {} + {} × ({} − {}) = {}",
                    year(at, l),
                    num(line.mean_y, d, l),
                    num(line.slope, d + 2, l),
                    year(at, l),
                    year(line.mean_x, l),
                    num(v, d, l)
                ));
                match reached_by {
                    Some(date) => s.push_str(&format!(
                        "{sep}y = {} {} {date}",
                        num(vc, d, l),
                        if l == Lang::Fr { "le" } else { "on" }
                    )),
                    None => {
                        s.push_str(sep);
                        s.push_str(if l == Lang::Fr {
                            "la droite ne va pas vers la cible"
                        } else {
                            "the line does not head for the target"
                        });
                    }
                }
            }
            s
        },
    );
    Some(Forecast {
        line,
        target_at: target.map(|t| t.0),
        value_at_target,
        reached_by,
        formula,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;

    #[test]
    fn fits_a_line_through_exact_points() {
        let l = fit(&[(2020.0, 1.0), (2021.0, 3.0), (2022.0, 5.0)]).unwrap();
        assert_eq!(l.slope, 2.0);
        assert_eq!(l.at(2025.0), 11.0);
        assert_eq!(l.x_of(7.0), Some(2023.0));
    }

    #[test]
    fn least_squares_through_scattered_points() {
        // x̄ = 1.5, ȳ = 2.5; Σ(x − x̄)(y − ȳ) = 2.25 − 0.25 − 0.25 + 2.25 = 4, Σ(x − x̄)² = 5: a = 0.8.
        let l = fit(&[(0.0, 1.0), (1.0, 2.0), (2.0, 3.0), (3.0, 4.0)]).unwrap();
        assert_eq!(l.slope, 1.0);
        let l = fit(&[(0.0, 1.0), (1.0, 3.0), (2.0, 2.0), (3.0, 4.0)]).unwrap();
        assert!((l.slope - 0.8).abs() < 1e-12);
        assert!((l.mean_y - 2.5).abs() < 1e-12);
    }

    #[test]
    fn fewer_than_two_dates_give_nothing() {
        assert_eq!(fit(&[]), None);
        assert_eq!(fit(&[(2020.0, 1.0)]), None);
        assert_eq!(fit(&[(2020.0, 1.0), (2020.0, 2.0)]), None);
        assert_eq!(
            forecast(&[(2020.0, 1.0)], Some((2030.0, 5.0)), Increase, 0),
            None
        );
    }

    #[test]
    fn value_at_target_and_reached_by() {
        // From 10 (2021.0) to 12 (2022.0): +2 a year; 20 is reached at 2026.0.
        let f = forecast(
            &[(2021.0, 10.0), (2022.0, 12.0)],
            Some((2031.0, 20.0)),
            Increase,
            0,
        )
        .unwrap();
        assert_eq!(f.value_at_target, Some(30.0));
        assert_eq!(f.reached_by, Date::new(2026, 1, 1));
        assert!(f.formula.numeric().en.ends_with("y = 20 on 2026-01-01"));
    }

    #[test]
    fn wrong_way_or_flat_never_reaches() {
        let pts = [(2021.0, 10.0), (2022.0, 9.0)];
        let f = forecast(&pts, Some((2031.0, 20.0)), Increase, 0).unwrap();
        assert_eq!(f.reached_by, None);
        assert_eq!(f.value_at_target, Some(0.0));
        // Falling by 1 a year from 10 at 2021.0: 5 at 2026.0.
        let f = forecast(&pts, Some((2031.0, 5.0)), Decrease, 0).unwrap();
        assert_eq!(f.reached_by, Date::new(2026, 1, 1));
        let flat = [(2021.0, 10.0), (2022.0, 10.0)];
        assert_eq!(
            forecast(&flat, Some((2031.0, 5.0)), Decrease, 0)
                .unwrap()
                .reached_by,
            None
        );
        let far = [(2021.0, 10.0), (2022.0, 10.000_000_1)];
        assert_eq!(
            forecast(&far, Some((2031.0, 1e9)), Increase, 0)
                .unwrap()
                .reached_by,
            None
        );
    }

    #[test]
    fn a_target_already_crossed_is_reached_in_the_past() {
        let f = forecast(
            &[(2021.0, 10.0), (2022.0, 14.0)],
            Some((2031.0, 12.0)),
            Increase,
            0,
        )
        .unwrap();
        assert_eq!(f.reached_by, Date::new(2021, 7, 2));
    }
}
