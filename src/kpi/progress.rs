//! KPI methods computed from an indicator's metadata and observations.
//!
//! The walking skeleton has the progress rate of the French Baromètre / Pilote; the other methods of
//! PRODUCT.md (trajectory, Open SDG status, forecast, collection, roll-ups) come with the KPI engine.

use crate::model::{Dataset, Direction, Indicator};

/// Why no progress rate can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRate {
    /// The indicator has no baseline.
    NoBaseline,
    /// The indicator has no target.
    NoTarget,
    /// The indicator has no observed value.
    NoData,
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
    let baseline = ind.baseline.ok_or(NoRate::NoBaseline)?;
    let target = ind.target.ok_or(NoRate::NoTarget)?;
    let current = ds
        .latest(&ind.id)
        .and_then(|o| o.value)
        .ok_or(NoRate::NoData)?;
    progress_rate(baseline.value, current, target.value, ind.direction)
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
}
