//! Expected-by-now on the linear trajectory from (baseline date, VI) to (target date, VC), and the
//! status of an indicator: target achieved, on track, at risk, off track, no data, not assessable.
//!
//! Dates follow the engine's convention (see `kpi`): the baseline and the target are placed at the
//! end of their periods and the as-of date D at the end of day D. The elapsed share of time is
//! (as-of − baseline) / (target − baseline), clamped to [0, 1]:
//! - as-of on or before the baseline date: nothing is expected yet (0 %), so any current value is on
//!   track (the ratio of a rate to an expectation of 0 is taken as meeting it);
//! - target date already past: 100 % is expected, `target_date_passed` is set, and only the target
//!   achieved is on track;
//! - target date on or before the baseline date: the target is due from the start, 100 % is expected.
//!
//! The status compares the progress rate TA with the expected rate E = 100 × share: on track when
//! TA ≥ on_track × E, at risk when TA ≥ at_risk × E, off track below; "target achieved" whenever the
//! current value meets the target, whatever the dates.

use super::explain::{num, pct, year, Formula};
use crate::model::{Direction, Text};
use crate::period::Date;
use serde::Serialize;

/// Shares of the expected rate that separate the statuses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// On track when TA ≥ on_track × expected (default 0.95).
    pub on_track: f64,
    /// At risk when TA ≥ at_risk × expected (default 0.60); off track below.
    pub at_risk: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            on_track: 0.95,
            at_risk: 0.60,
        }
    }
}

/// The status of an indicator shown on the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    TargetAchieved,
    OnTrack,
    AtRisk,
    OffTrack,
    /// No value known as of the date.
    NoData,
    /// Values exist but no baseline, no target, or baseline equal to target: no trajectory.
    NotAssessable,
}

impl Status {
    /// Every status, in the dashboard's order.
    pub const ALL: [Status; 6] = [
        Status::TargetAchieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NoData,
        Status::NotAssessable,
    ];

    /// The status as shown to a person.
    pub fn label(self) -> Text {
        let (fr, en) = match self {
            Status::TargetAchieved => ("Cible atteinte", "Target achieved"),
            Status::OnTrack => ("En bonne voie", "On track"),
            Status::AtRisk => ("À risque", "At risk"),
            Status::OffTrack => ("En retard", "Off track"),
            Status::NoData => ("Pas de donnée", "No data"),
            Status::NotAssessable => ("Non évaluable", "Not assessable"),
        };
        Text::new(fr, en)
    }
}

/// The share of the baseline-to-target time elapsed at `as_of`, all three as fractional years,
/// clamped to [0, 1]; 1 when the target is not after the baseline.
pub fn elapsed_share(baseline_at: f64, target_at: f64, as_of_at: f64) -> f64 {
    if target_at <= baseline_at {
        return 1.0;
    }
    ((as_of_at - baseline_at) / (target_at - baseline_at)).clamp(0.0, 1.0)
}

/// The status from a progress rate and the expected rate (both in [0, 100]).
pub fn status(rate: f64, expected: f64, target_met: bool, th: &Thresholds) -> Status {
    if target_met {
        Status::TargetAchieved
    } else if rate >= th.on_track * expected {
        Status::OnTrack
    } else if rate >= th.at_risk * expected {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

/// Expected-by-now and the resulting status, with their inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trajectory {
    /// The as-of date and the instants used, as fractional years.
    pub as_of: Date,
    pub baseline_at: f64,
    pub target_at: f64,
    pub as_of_at: f64,
    /// Elapsed share of time in [0, 1].
    pub elapsed: f64,
    /// E, the expected progress rate by now, in [0, 100].
    pub expected_rate: f64,
    /// The value expected by now on the linear path, VI + share × (VC − VI).
    pub expected_value: f64,
    /// TA, the progress rate it is compared with.
    pub rate: f64,
    /// TA / E, `None` when nothing is expected yet.
    pub ratio: Option<f64>,
    pub status: Status,
    pub target_date_passed: bool,
    pub before_baseline: bool,
    pub formula: Formula,
}

/// The trajectory inputs of one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Path {
    pub baseline: f64,
    pub baseline_at: f64,
    pub target: f64,
    pub target_at: f64,
    pub direction: Direction,
}

/// Expected-by-now at `as_of` and the status of a progress `rate` (whose current value meets the
/// target when `target_met`); values are shown with at most `decimals` decimals.
pub fn trajectory(
    path: &Path,
    rate: f64,
    target_met: bool,
    as_of: Date,
    th: &Thresholds,
    decimals: u8,
) -> Trajectory {
    let as_of_at = as_of.next_day().year_fraction();
    let elapsed = elapsed_share(path.baseline_at, path.target_at, as_of_at);
    let expected_rate = 100.0 * elapsed;
    let expected_value = path.baseline + elapsed * (path.target - path.baseline);
    let st = status(rate, expected_rate, target_met, th);
    let ratio = (expected_rate > 0.0).then(|| rate / expected_rate);
    let target_date_passed = as_of_at > path.target_at;
    let before_baseline = as_of_at <= path.baseline_at;
    let d = decimals.max(2);
    let th = *th;
    let path = *path;
    let formula = Formula::new(
        "E = 100 × (date − date de VI) / (date de VC − date de VI) ; en bonne voie si TA ≥ s₁ × E, à risque si TA ≥ s₂ × E, sinon en retard",
        "E = 100 × (date − VI date) / (VC date − VI date); on track if TA ≥ s₁ × E, at risk if TA ≥ s₂ × E, else off track",
        move |l| {
            let (name, cmp) = match l {
                crate::lang::Lang::Fr => ("valeur attendue", "TA / E"),
                crate::lang::Lang::En => ("expected value", "TA / E"),
            };
            let years = |x: f64| year(x, l);
            let sep = if l == crate::lang::Lang::Fr { " ; " } else { "; " };
            let mut s = format!(
                "E = 100 × ({} − {}) / ({} − {}) = {}{sep}{name} = {}",
                years(as_of_at),
                years(path.baseline_at),
                years(path.target_at),
                years(path.baseline_at),
                pct(expected_rate, l),
                num(expected_value, d, l)
            );
            if let Some(r) = ratio {
                s.push_str(&format!(
                    "{sep}{cmp} = {} / {} = {} (≥ {} / ≥ {})",
                    num(rate, 1, l),
                    num(expected_rate, 1, l),
                    num(r, 2, l),
                    num(th.on_track, 2, l),
                    num(th.at_risk, 2, l)
                ));
            }
            s.push_str(" → ");
            s.push_str(super::explain::pick(&st.label(), l));
            s
        },
    );
    Trajectory {
        as_of,
        baseline_at: path.baseline_at,
        target_at: path.target_at,
        as_of_at,
        elapsed,
        expected_rate,
        expected_value,
        rate,
        ratio,
        status: st,
        target_date_passed,
        before_baseline,
        formula,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;

    fn path(vi: f64, vc: f64, from: i32, to: i32) -> Path {
        Path {
            baseline: vi,
            baseline_at: Period::Year(from).end_year_fraction(),
            target: vc,
            target_at: Period::Year(to).end_year_fraction(),
            direction: Direction::Increase,
        }
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn expected_grows_linearly_from_the_end_of_the_baseline_year() {
        // Baseline 2020 (ends 2021.0), target 2030 (ends 2031.0); as of 2025-12-31 (ends 2026.0).
        let p = path(0.0, 20.0, 2020, 2030);
        let t = trajectory(
            &p,
            60.0,
            false,
            day("2025-12-31"),
            &Thresholds::default(),
            0,
        );
        assert_eq!(t.elapsed, 0.5);
        assert_eq!(t.expected_rate, 50.0);
        assert_eq!(t.expected_value, 10.0);
        assert_eq!(t.status, Status::OnTrack);
        assert_eq!(t.ratio, Some(1.2));
        assert!(t
            .formula
            .numeric()
            .en
            .contains("E = 100 × (2026 − 2021) / (2031 − 2021) = 50%"));
        assert!(t.formula.numeric().en.ends_with("→ On track"));
        assert!(t
            .formula
            .numeric()
            .fr
            .contains("= 50\u{a0}% ; valeur attendue = 10 ; TA / E = 60 / 50 = 1,2 (≥ 0,95 / ≥ 0,6) → En bonne voie"));
    }

    #[test]
    fn thresholds_separate_on_track_at_risk_and_off_track() {
        let th = Thresholds::default();
        assert_eq!(status(47.5, 50.0, false, &th), Status::OnTrack);
        assert_eq!(status(47.4, 50.0, false, &th), Status::AtRisk);
        assert_eq!(status(30.0, 50.0, false, &th), Status::AtRisk);
        assert_eq!(status(29.9, 50.0, false, &th), Status::OffTrack);
        assert_eq!(status(0.0, 50.0, true, &th), Status::TargetAchieved);
        let strict = Thresholds {
            on_track: 1.0,
            at_risk: 0.9,
        };
        assert_eq!(status(47.5, 50.0, false, &strict), Status::AtRisk);
    }

    #[test]
    fn before_the_baseline_nothing_is_expected() {
        let p = path(0.0, 20.0, 2020, 2030);
        let t = trajectory(&p, 0.0, false, day("2020-06-30"), &Thresholds::default(), 0);
        assert_eq!(t.expected_rate, 0.0);
        assert!(t.before_baseline);
        assert_eq!(t.ratio, None);
        assert_eq!(t.status, Status::OnTrack);
    }

    #[test]
    fn a_past_target_date_expects_everything() {
        let p = path(0.0, 20.0, 2020, 2024);
        let t = trajectory(
            &p,
            90.0,
            false,
            day("2026-01-01"),
            &Thresholds::default(),
            0,
        );
        assert!(t.target_date_passed);
        assert_eq!(t.expected_rate, 100.0);
        assert_eq!(t.expected_value, 20.0);
        assert_eq!(t.status, Status::AtRisk);
        let t = trajectory(
            &p,
            100.0,
            true,
            day("2026-01-01"),
            &Thresholds::default(),
            0,
        );
        assert_eq!(t.status, Status::TargetAchieved);
    }

    #[test]
    fn a_target_not_after_the_baseline_is_due_at_once() {
        assert_eq!(elapsed_share(2021.0, 2021.0, 2000.0), 1.0);
        assert_eq!(elapsed_share(2021.0, 2020.0, 2030.0), 1.0);
    }

    #[test]
    fn quarters_and_years_share_one_time_axis() {
        // Baseline 2024-Q4 (ends 2025.0), target 2026-Q4 (ends 2027.0); as of 2025-12-31: half way.
        let p = Path {
            baseline: 100.0,
            baseline_at: Period::Quarter(2024, 4).end_year_fraction(),
            target: 50.0,
            target_at: Period::Quarter(2026, 4).end_year_fraction(),
            direction: Direction::Decrease,
        };
        let t = trajectory(
            &p,
            40.0,
            false,
            day("2025-12-31"),
            &Thresholds::default(),
            0,
        );
        assert_eq!(t.expected_rate, 50.0);
        assert_eq!(t.expected_value, 75.0);
        assert_eq!(t.status, Status::AtRisk);
    }
}
