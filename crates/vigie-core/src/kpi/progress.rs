//! The progress rate of the French Baromètre / Pilote, TA = 100·(VA − VI)/(VC − VI), and its explanation.

use super::explain::{num, pct, term, Formula};
use crate::model::{Dataset, Direction, Indicator};
use serde::Serialize;

/// Why no progress rate can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoRate {
    /// The indicator has no baseline.
    NoBaseline,
    /// The indicator has no target.
    NoTarget,
    /// The indicator has no observed value.
    NoData,
    /// The indicator has only disaggregated values: no headline (total) series to measure.
    NoHeadline,
    /// The baseline equals the target, so the formula divides by zero.
    BaselineEqualsTarget,
}

/// Progress rate TA = 100·(VA − VI)/(VC − VI), clamped to [0, 100].
///
/// `current` is VA, `baseline` VI, `target` VC. When the target is already met at baseline (VI beyond
/// VC in the indicator's direction) the rate is 100 if VA meets VC and 0 otherwise. VI = VC is undefined.
/// A decrease goal mirrors an increase goal: the same ratio, with "meets" meaning "at or below".
pub fn progress_rate(
    baseline: f64,
    current: f64,
    target: f64,
    direction: Direction,
) -> Result<f64, NoRate> {
    if baseline == target {
        return Err(NoRate::BaselineEqualsTarget);
    }
    let meets = match direction {
        Direction::Increase => current >= target,
        Direction::Decrease => current <= target,
    };
    let met_at_baseline = match direction {
        Direction::Increase => baseline > target,
        Direction::Decrease => baseline < target,
    };
    if met_at_baseline {
        return Ok(if meets { 100.0 } else { 0.0 });
    }
    Ok((100.0 * (current - baseline) / (target - baseline)).clamp(0.0, 100.0))
}

/// The progress rate of an indicator from its baseline, target and latest observed value.
pub fn indicator_progress(ds: &Dataset, ind: &Indicator) -> Result<f64, NoRate> {
    let latest = ds.latest(&ind.id);
    if latest.is_none()
        && ds
            .observations_of(&ind.id)
            .iter()
            .any(|o| o.series.is_some())
    {
        return Err(NoRate::NoHeadline);
    }
    let baseline = ind.baseline.ok_or(NoRate::NoBaseline)?;
    let target = ind.target.ok_or(NoRate::NoTarget)?;
    let current = latest.and_then(|o| o.value).ok_or(NoRate::NoData)?;
    progress_rate(baseline.value, current, target.value, ind.direction)
}

/// True when `current` meets `target` in the indicator's direction (at or above for an increase goal,
/// at or below for a decrease goal).
pub fn meets(current: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::Increase => current >= target,
        Direction::Decrease => current <= target,
    }
}

/// A progress rate with its inputs and its formula.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// VI, the baseline value.
    pub baseline: f64,
    /// VA, the current value.
    pub current: f64,
    /// VC, the target value.
    pub target: f64,
    pub direction: Direction,
    /// TA in [0, 100].
    pub rate: f64,
    /// The unclamped ratio 100·(VA − VI)/(VC − VI) (equal to `rate` when no clamping happened).
    pub raw: f64,
    /// True when the target was already met at baseline, so the rate is all or nothing.
    pub met_at_baseline: bool,
    /// True when VA meets VC in the indicator's direction.
    pub target_met: bool,
    pub formula: Formula,
}

/// The progress rate with its explanation; values are shown with at most `decimals` decimals.
pub fn explain_progress(
    baseline: f64,
    current: f64,
    target: f64,
    direction: Direction,
    decimals: u8,
) -> Result<Progress, NoRate> {
    let rate = progress_rate(baseline, current, target, direction)?;
    let met_at_baseline = match direction {
        Direction::Increase => baseline > target,
        Direction::Decrease => baseline < target,
    };
    let raw = 100.0 * (current - baseline) / (target - baseline);
    let target_met = meets(current, target, direction);
    let d = decimals.max(2);
    let formula = if met_at_baseline {
        Formula::new(
            "VI dépasse déjà VC : TA = 100 si VA atteint VC, sinon 0",
            "VI is already beyond VC: TA = 100 if VA meets VC, else 0",
            move |l| {
                let (yes, no) = match l {
                    crate::lang::Lang::Fr => ("VA atteint VC", "VA n’atteint pas VC"),
                    crate::lang::Lang::En => ("VA meets VC", "VA does not meet VC"),
                };
                format!(
                    "VI = {}, VC = {}, VA = {} : {} → TA = {}",
                    num(baseline, d, l),
                    num(target, d, l),
                    num(current, d, l),
                    if target_met { yes } else { no },
                    pct(rate, l)
                )
            },
        )
    } else {
        Formula::new(
            "TA = 100 × (VA − VI) / (VC − VI), ramené à [0, 100]",
            "TA = 100 × (VA − VI) / (VC − VI), clamped to [0, 100]",
            move |l| {
                let mut s = format!(
                    "TA = 100 × ({} − {}) / ({} − {}) = {}",
                    num(current, d, l),
                    term(baseline, d, l),
                    num(target, d, l),
                    term(baseline, d, l),
                    pct(raw, l)
                );
                if raw != rate {
                    s.push_str(" → ");
                    s.push_str(&pct(rate, l));
                }
                s
            },
        )
    };
    Ok(Progress {
        baseline,
        current,
        target,
        direction,
        rate,
        raw,
        met_at_baseline,
        target_met,
        formula,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;

    #[test]
    fn increase_goal_is_the_share_of_the_way_travelled() {
        assert_eq!(progress_rate(0.0, 3.0, 6.0, Increase), Ok(50.0));
        assert_eq!(progress_rate(10.0, 12.5, 20.0, Increase), Ok(25.0));
        assert_eq!(progress_rate(10.0, 20.0, 20.0, Increase), Ok(100.0));
    }

    #[test]
    fn decrease_goal_mirrors_it() {
        assert_eq!(progress_rate(100.0, 80.0, 60.0, Decrease), Ok(50.0));
        assert_eq!(progress_rate(100.0, 60.0, 60.0, Decrease), Ok(100.0));
        assert_eq!(progress_rate(100.0, 110.0, 60.0, Decrease), Ok(0.0));
    }

    #[test]
    fn clamps_to_zero_and_one_hundred() {
        assert_eq!(progress_rate(0.0, 9.0, 6.0, Increase), Ok(100.0));
        assert_eq!(progress_rate(5.0, 1.0, 6.0, Increase), Ok(0.0));
        assert_eq!(progress_rate(100.0, 20.0, 60.0, Decrease), Ok(100.0));
    }

    #[test]
    fn target_met_at_baseline_is_all_or_nothing() {
        assert_eq!(progress_rate(10.0, 9.0, 8.0, Increase), Ok(100.0));
        assert_eq!(progress_rate(10.0, 7.0, 8.0, Increase), Ok(0.0));
        assert_eq!(progress_rate(5.0, 6.0, 8.0, Decrease), Ok(100.0));
        assert_eq!(progress_rate(5.0, 9.0, 8.0, Decrease), Ok(0.0));
    }

    #[test]
    fn baseline_equal_to_target_is_undefined() {
        assert_eq!(
            progress_rate(4.0, 5.0, 4.0, Increase),
            Err(NoRate::BaselineEqualsTarget)
        );
        assert_eq!(
            progress_rate(4.0, 5.0, 4.0, Decrease),
            Err(NoRate::BaselineEqualsTarget)
        );
    }

    #[test]
    fn explains_the_rate_with_the_numbers_put_in() {
        let p = explain_progress(0.0, 12.0, 20.0, Increase, 0).unwrap();
        assert_eq!(p.rate, 60.0);
        assert!(!p.target_met);
        assert_eq!(
            p.formula.numeric().fr,
            "TA = 100 × (12 − 0) / (20 − 0) = 60\u{a0}%"
        );
        assert_eq!(
            p.formula.numeric().en,
            "TA = 100 × (12 − 0) / (20 − 0) = 60%"
        );
        let p = explain_progress(-5.0, 30.0, 20.0, Increase, 0).unwrap();
        assert_eq!(p.rate, 100.0);
        assert!(p.target_met);
        assert_eq!(
            p.formula.numeric().en,
            "TA = 100 × (30 − (−5)) / (20 − (−5)) = 140% → 100%"
        );
        let p = explain_progress(10.0, 9.0, 8.0, Increase, 0).unwrap();
        assert!(p.met_at_baseline && p.target_met);
        assert!(p.formula.numeric().en.ends_with("VA meets VC → TA = 100%"));
        assert_eq!(
            explain_progress(4.0, 4.0, 4.0, Decrease, 0),
            Err(NoRate::BaselineEqualsTarget)
        );
    }

    #[test]
    fn zero_and_negative_bases_work_like_any_other() {
        assert_eq!(progress_rate(-10.0, -5.0, 0.0, Increase), Ok(50.0));
        assert_eq!(progress_rate(0.0, -2.0, -4.0, Decrease), Ok(50.0));
        assert_eq!(progress_rate(-2.0, 1.0, 2.0, Increase), Ok(75.0));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn direction() -> impl Strategy<Value = Direction> {
            prop_oneof![Just(Direction::Increase), Just(Direction::Decrease)]
        }

        proptest! {
            #[test]
            fn rate_is_within_zero_and_one_hundred(
                vi in -1e6f64..1e6, va in -1e6f64..1e6, vc in -1e6f64..1e6, d in direction()
            ) {
                if let Ok(r) = progress_rate(vi, va, vc, d) {
                    prop_assert!((0.0..=100.0).contains(&r), "{r}");
                }
            }

            #[test]
            fn moving_toward_the_target_never_lowers_the_rate(
                vi in -1e6f64..1e6, va in -1e6f64..1e6, vc in -1e6f64..1e6,
                share in 0.0f64..=1.0, d in direction()
            ) {
                // A value between the current value and the target is closer to the target.
                let closer = va + share * (vc - va);
                if let (Ok(a), Ok(b)) = (progress_rate(vi, va, vc, d), progress_rate(vi, closer, vc, d)) {
                    prop_assert!(b >= a - 1e-9, "{a} then {b}");
                }
            }
        }
    }
}
