//! Observation periods (year, quarter, month, day): parsing, ordering and placement on a time axis.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One period an observation, a baseline or a target refers to.
///
/// Periods order by their start, then by their length (a year sorts before its first quarter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(i32, u8, u8),
}

/// Why a text is not a period; the message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a period such as 2021, 2021-Q3, 2021-06 or 2021-06-30")]
pub struct PeriodError;

impl Period {
    /// Parses the canonical forms `2021`, `2021-Q3`, `2021-06` and `2021-06-30`.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let year = |s: &str| -> Result<i32, PeriodError> {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| PeriodError)
            } else {
                Err(PeriodError)
            }
        };
        let small = |s: &str, lo: u8, hi: u8| -> Result<u8, PeriodError> {
            if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
                let v: u8 = s.parse().map_err(|_| PeriodError)?;
                if (lo..=hi).contains(&v) {
                    return Ok(v);
                }
            }
            Err(PeriodError)
        };
        match parts.as_slice() {
            [y] => Ok(Period::Year(year(y)?)),
            [y, q] if q.len() == 2 && (q.starts_with('Q') || q.starts_with('T')) => {
                let n = q[1..].parse::<u8>().map_err(|_| PeriodError)?;
                if (1..=4).contains(&n) {
                    Ok(Period::Quarter(year(y)?, n))
                } else {
                    Err(PeriodError)
                }
            }
            [y, m] => Ok(Period::Month(year(y)?, small(m, 1, 12)?)),
            [y, m, d] => {
                let (y, m) = (year(y)?, small(m, 1, 12)?);
                let d = small(d, 1, days_in_month(y, m))?;
                Ok(Period::Day(y, m, d))
            }
            _ => Err(PeriodError),
        }
    }

    /// The first day of the period as (year, month, day).
    pub fn start(&self) -> (i32, u8, u8) {
        match *self {
            Period::Year(y) => (y, 1, 1),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1, 1),
            Period::Month(y, m) => (y, m, 1),
            Period::Day(y, m, d) => (y, m, d),
        }
    }

    /// The period's start as a fractional year (2021-07-01 is about 2021.496), the chart's time axis.
    pub fn as_year_fraction(&self) -> f64 {
        let (y, m, d) = self.start();
        let day_of_year = days_from_civil(y, m, d) - days_from_civil(y, 1, 1);
        let len = if is_leap(y) { 366.0 } else { 365.0 };
        y as f64 + day_of_year as f64 / len
    }

    fn rank(&self) -> u8 {
        match self {
            Period::Year(_) => 0,
            Period::Quarter(..) => 1,
            Period::Month(..) => 2,
            Period::Day(..) => 3,
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start(), self.rank()).cmp(&(other.start(), other.rank()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Years print with at least four digits, as `parse` reads them: the year 999 (parsed from
        // `0999`) used to print as `999`, which `parse` refuses.
        match *self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

/// True for Gregorian leap years.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar day, the unit of "as of" dates and of period ends.
///
/// Dates order chronologically. An "as of" date D means the end of day D: everything whose period
/// has ended on or before D is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date; `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `2021-06-30`.
    pub fn parse(text: &str) -> Result<Date, PeriodError> {
        match Period::parse(text)? {
            Period::Day(y, m, d) => Ok(Date {
                year: y,
                month: m,
                day: d,
            }),
            _ => Err(PeriodError),
        }
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day after this one.
    pub fn next_day(&self) -> Date {
        Date::from_days(self.days() + 1)
    }

    /// The same day `months` months later (or earlier), clamped to the end of a shorter month.
    pub fn add_months(&self, months: i32) -> Date {
        let m0 = self.year * 12 + (self.month as i32 - 1) + months;
        let (year, month) = (m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u8);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The start of this day as a fractional year (2021-07-02 is 2021 + 182/365).
    pub fn year_fraction(&self) -> f64 {
        Period::Day(self.year, self.month, self.day).as_year_fraction()
    }

    /// The day containing the fractional year `x` (the inverse of `year_fraction`, rounded down to a
    /// day); `None` outside the years −9999 to 9999.
    pub fn from_year_fraction(x: f64) -> Option<Date> {
        if !x.is_finite() || !(-9999.0..10_000.0).contains(&x) {
            return None;
        }
        let year = x.floor() as i32;
        let len = if is_leap(year) { 366.0 } else { 365.0 };
        let day_of_year = ((x - year as f64) * len + 1e-9).floor() as i64;
        Some(Date::from_days(days_from_civil(year, 1, 1) + day_of_year))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // At least four digits for the year, as `Date::parse` reads it (see `Period`'s `Display`).
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Period {
    /// The first day of the period.
    pub fn first_day(&self) -> Date {
        let (year, month, day) = self.start();
        Date { year, month, day }
    }

    /// The last day of the period (2021-12-31 for the year 2021, 2021-06-30 for 2021-Q2).
    pub fn last_day(&self) -> Date {
        match *self {
            Period::Year(y) => Date {
                year: y,
                month: 12,
                day: 31,
            },
            Period::Quarter(y, q) => {
                let month = q * 3;
                Date {
                    year: y,
                    month,
                    day: days_in_month(y, month),
                }
            }
            Period::Month(y, m) => Date {
                year: y,
                month: m,
                day: days_in_month(y, m),
            },
            Period::Day(y, m, d) => Date {
                year: y,
                month: m,
                day: d,
            },
        }
    }

    /// The instant the period ends, as a fractional year: the start of the following day (the
    /// year 2021 ends at 2022.0, the quarter 2021-Q2 at 2021-07-01). KPI methods place a value, a
    /// baseline or a target of a period at this instant.
    pub fn end_year_fraction(&self) -> f64 {
        // The start of the next day is computed directly: this runs once per observation in the
        // KPI engine.
        let next_month_start = |y: i32, m: u8| {
            if m == 12 {
                Period::Year(y + 1)
            } else {
                Period::Month(y, m + 1)
            }
        };
        match *self {
            Period::Year(y) => f64::from(y + 1),
            Period::Quarter(y, q) => next_month_start(y, q * 3).as_year_fraction(),
            Period::Month(y, m) => next_month_start(y, m).as_year_fraction(),
            Period::Day(y, m, d) if d < days_in_month(y, m) => {
                Period::Day(y, m, d + 1).as_year_fraction()
            }
            Period::Day(y, m, _) => next_month_start(y, m).as_year_fraction(),
        }
    }

    /// True when the period is over by the end of day `as_of`, so that its value can be known.
    pub fn is_over_by(&self, as_of: Date) -> bool {
        self.last_day() <= as_of
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_canonical_forms() {
        assert_eq!(Period::parse("2021"), Ok(Period::Year(2021)));
        assert_eq!(Period::parse("2021-Q3"), Ok(Period::Quarter(2021, 3)));
        assert_eq!(Period::parse("2021-T3"), Ok(Period::Quarter(2021, 3)));
        assert_eq!(Period::parse("2021-06"), Ok(Period::Month(2021, 6)));
        assert_eq!(Period::parse(" 2020-02-29 "), Ok(Period::Day(2020, 2, 29)));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        for bad in [
            "2021-02-29",
            "2021-13",
            "2021-Q5",
            "21",
            "2021-6",
            "",
            "2021-06-31",
            "abcd",
        ] {
            assert_eq!(Period::parse(bad), Err(PeriodError), "{bad}");
        }
    }

    #[test]
    fn orders_by_start_then_length() {
        let mut v = vec![
            Period::Month(2021, 1),
            Period::Year(2021),
            Period::Year(2020),
            Period::Quarter(2021, 1),
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                Period::Year(2020),
                Period::Year(2021),
                Period::Quarter(2021, 1),
                Period::Month(2021, 1)
            ]
        );
    }

    #[test]
    fn places_periods_on_a_fractional_year_axis() {
        assert_eq!(Period::Year(2021).as_year_fraction(), 2021.0);
        let h = Period::Month(2021, 7).as_year_fraction();
        assert!((h - (2021.0 + 181.0 / 365.0)).abs() < 1e-12);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn round_trips_through_display() {
        for p in [
            Period::Year(2019),
            Period::Quarter(2022, 4),
            Period::Month(2023, 11),
            Period::Day(2024, 2, 29),
            Period::Year(0),
            Period::Quarter(999, 1),
            Period::Month(42, 7),
            Period::Day(7, 1, 31),
        ] {
            assert_eq!(Period::parse(&p.to_string()), Ok(p));
        }
        assert_eq!(Period::Year(999).to_string(), "0999");
        assert_eq!(Date::new(7, 1, 31).unwrap().to_string(), "0007-01-31");
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for d in [
            Date::new(1970, 1, 1),
            Date::new(2000, 2, 29),
            Date::new(2021, 12, 31),
            Date::new(1899, 3, 1),
        ] {
            let d = d.unwrap();
            assert_eq!(Date::from_days(d.days()), d);
        }
        assert_eq!(Date::new(2021, 2, 29), None);
        assert_eq!(
            Date::parse("2024-02-29"),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
        assert_eq!(Date::parse("2024"), Err(PeriodError));
        assert_eq!(
            Date::new(2021, 1, 31).unwrap().add_months(1).to_string(),
            "2021-02-28"
        );
        assert_eq!(
            Date::new(2021, 3, 15).unwrap().add_months(-15).to_string(),
            "2019-12-15"
        );
        assert_eq!(
            Date::new(2021, 12, 31).unwrap().next_day().to_string(),
            "2022-01-01"
        );
    }

    #[test]
    fn periods_end_on_their_last_day() {
        assert_eq!(Period::Year(2021).last_day().to_string(), "2021-12-31");
        assert_eq!(
            Period::Quarter(2024, 1).last_day().to_string(),
            "2024-03-31"
        );
        assert_eq!(Period::Month(2024, 2).last_day().to_string(), "2024-02-29");
        assert_eq!(Period::Year(2021).end_year_fraction(), 2022.0);
        assert_eq!(Period::Quarter(2021, 4).end_year_fraction(), 2022.0);
        for p in [
            Period::Quarter(2024, 1),
            Period::Month(2024, 2),
            Period::Month(2023, 12),
            Period::Day(2024, 12, 31),
        ] {
            assert_eq!(
                p.end_year_fraction(),
                p.last_day().next_day().year_fraction(),
                "{p}"
            );
        }
        let d = Date::new(2021, 12, 31).unwrap();
        assert!(Period::Year(2021).is_over_by(d));
        assert!(!Period::Year(2021).is_over_by(Date::new(2021, 12, 30).unwrap()));
        assert!(!Period::Quarter(2022, 1).is_over_by(d));
    }

    #[test]
    fn fractional_years_map_back_to_days() {
        for d in ["2021-01-01", "2021-07-02", "2024-12-31", "2020-02-29"] {
            let d = Date::parse(d).unwrap();
            assert_eq!(Date::from_year_fraction(d.year_fraction()), Some(d));
        }
        assert_eq!(Date::from_year_fraction(f64::NAN), None);
        assert_eq!(Date::from_year_fraction(1e12), None);
    }
}
