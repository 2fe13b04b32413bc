//! Progress of collection (is an indicator informed?) and overdue detection from the declared
//! frequency.
//!
//! Informed: the indicator has at least one non-missing value whose period is over by the as-of date
//! and, when `CollectionConfig::since` is set, whose period ends on or after that day.
//!
//! Overdue: take the reference period R, the latest period with a value known as of the date (or the
//! baseline's period when there is none). The next value is for the period after R under the declared
//! frequency (a year, a quarter or a month later); it is due at the end of that period plus
//! `grace_days`. The indicator is overdue when the as-of date is after that due day. A frequency of
//! `Once` is never overdue. With no value and no baseline there is no reference, so nothing is due
//! (the indicator shows as not informed).

use super::explain::Formula;
use crate::lang::Lang;
use crate::model::Frequency;
use crate::period::{Date, Period};
use serde::Serialize;

/// What counts as informed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CollectionConfig {
    /// Only values of periods ending on or after this day count; `None` counts every value.
    pub since: Option<Date>,
}

/// How late a value may come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OverdueConfig {
    /// Days allowed after the end of the expected period before its value is overdue (default 90).
    pub grace_days: u32,
}

impl Default for OverdueConfig {
    fn default() -> OverdueConfig {
        OverdueConfig { grace_days: 90 }
    }
}

/// Months between two expected values; `None` for `Once`.
pub fn step_months(frequency: Frequency) -> Option<i32> {
    match frequency {
        Frequency::Annual => Some(12),
        Frequency::Quarterly => Some(3),
        Frequency::Monthly => Some(1),
        Frequency::Once => None,
    }
}

/// The day by which the value after `reference` is due: the end of the next period under
/// `frequency`, plus the grace days. `None` for `Once`.
pub fn due_date(reference: Period, frequency: Frequency, grace_days: u32) -> Option<Date> {
    let step = step_months(frequency)?;
    let next_end = reference.last_day().next_day().add_months(step);
    Some(Date::from_days(next_end.days() - 1 + i64::from(grace_days)))
}

/// The overdue check of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    /// The period the next value follows: the latest with a value, else the baseline's.
    pub reference: Period,
    pub frequency: Frequency,
    pub grace_days: u32,
    /// The day by which the next value is due.
    pub due: Date,
    pub is_overdue: bool,
    pub formula: Formula,
}

/// The overdue check as of a date; `None` for `Once` or without a reference period.
pub fn overdue(
    reference: Option<Period>,
    frequency: Frequency,
    as_of: Date,
    cfg: &OverdueConfig,
) -> Option<Overdue> {
    let reference = reference?;
    let due = due_date(reference, frequency, cfg.grace_days)?;
    let is_overdue = as_of > due;
    let g = cfg.grace_days;
    let step = step_months(frequency).unwrap_or(0);
    let formula = Formula::new(
        "échéance = fin de la période suivant la dernière valeur + délai de grâce ; en retard si date > échéance",
        "due = end of the period after the latest value + grace days; overdue if date > due",
        move |l| match l {
            Lang::Fr => format!(
                "dernière période {reference}, période suivante (+{step} mois) finie + {g} j = {due} ; au {as_of} : {}",
                if is_overdue { "en retard" } else { "à jour" }
            ),
            Lang::En => format!(
                "latest period {reference}, next period (+{step} months) ends + {g} days = {due}; as of {as_of}: {}",
                if is_overdue { "overdue" } else { "up to date" }
            ),
        },
    );
    Some(Overdue {
        reference,
        frequency,
        grace_days: g,
        due,
        is_overdue,
        formula,
    })
}

/// Whether a period with a value counts as informing the indicator as of a date.
pub fn informs(period: Period, as_of: Date, cfg: &CollectionConfig) -> bool {
    period.is_over_by(as_of) && cfg.since.is_none_or(|s| period.last_day() >= s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn annual_values_are_due_a_year_and_the_grace_after_their_period() {
        // 2023's successor, 2024, ends 2024-12-31; plus 90 days: 2025-03-31.
        let due = due_date(Period::Year(2023), Frequency::Annual, 90).unwrap();
        assert_eq!(due, day("2025-03-31"));
        let cfg = OverdueConfig::default();
        let o = overdue(
            Some(Period::Year(2023)),
            Frequency::Annual,
            day("2025-03-31"),
            &cfg,
        );
        assert!(!o.unwrap().is_overdue);
        let o = overdue(
            Some(Period::Year(2023)),
            Frequency::Annual,
            day("2025-04-01"),
            &cfg,
        );
        let o = o.unwrap();
        assert!(o.is_overdue);
        assert!(o.formula.numeric().en.contains("2025-03-31"));
    }

    #[test]
    fn quarterly_and_monthly_steps() {
        assert_eq!(
            due_date(Period::Quarter(2024, 4), Frequency::Quarterly, 0),
            Some(day("2025-03-31"))
        );
        assert_eq!(
            due_date(Period::Month(2024, 1), Frequency::Monthly, 30),
            Some(day("2024-03-30"))
        );
        // A yearly value under a quarterly frequency: the next quarter after the year.
        assert_eq!(
            due_date(Period::Year(2024), Frequency::Quarterly, 0),
            Some(day("2025-03-31"))
        );
    }

    #[test]
    fn once_and_no_reference_are_never_overdue() {
        let cfg = OverdueConfig::default();
        assert_eq!(
            overdue(
                Some(Period::Year(2000)),
                Frequency::Once,
                day("2030-01-01"),
                &cfg
            ),
            None
        );
        assert_eq!(
            overdue(None, Frequency::Annual, day("2030-01-01"), &cfg),
            None
        );
    }

    #[test]
    fn informed_counts_periods_over_by_the_date_and_since() {
        let cfg = CollectionConfig::default();
        assert!(informs(Period::Year(2024), day("2024-12-31"), &cfg));
        assert!(!informs(Period::Year(2024), day("2024-12-30"), &cfg));
        let cfg = CollectionConfig {
            since: Some(day("2024-01-01")),
        };
        assert!(!informs(Period::Year(2023), day("2025-06-30"), &cfg));
        assert!(informs(Period::Quarter(2024, 1), day("2025-06-30"), &cfg));
    }
}
