//! The engine's entry point: `evaluate` computes every KPI of every indicator of a dataset as of a
//! date, then the roll-ups, in one pass over the observations.

use super::collection::{self, CollectionConfig, Overdue, OverdueConfig};
use super::forecast::{self, Forecast};
use super::progress::{explain_progress, meets, NoRate, Progress};
use super::rollup::{self, LeftOutReason, Member, Rollup, Scope};
use super::sdg::{self, SdgConfig, SdgProgress};
pub use super::trajectory::Status;
use super::trajectory::{self, Path, Thresholds, Trajectory};
use crate::model::{Aggregation, Dataset, Indicator, Kind, Milestone};
use crate::period::{Date, Period};
use serde::Serialize;
use std::collections::HashMap;

/// What to compute and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Options {
    /// The date the figures are computed for (the end of that day). The UI passes today; the
    /// default, 9999-12-31, knows every value.
    pub as_of: Date,
    pub thresholds: Thresholds,
    /// Kinds the programme, axis and project roll-ups cover; empty covers every kind.
    pub kinds: Vec<Kind>,
    pub collection: CollectionConfig,
    pub overdue: OverdueConfig,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            as_of: Date {
                year: 9999,
                month: 12,
                day: 31,
            },
            thresholds: Thresholds::default(),
            kinds: Vec::new(),
            collection: CollectionConfig::default(),
            overdue: OverdueConfig::default(),
        }
    }
}

impl Options {
    /// The default options as of a date.
    pub fn as_of(as_of: Date) -> Options {
        Options {
            as_of,
            ..Options::default()
        }
    }

    fn covers(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// The latest value known as of the date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Current {
    pub period: Period,
    pub value: f64,
}

/// Something about an indicator's data the person should know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum IndicatorProblem {
    /// Several values for one period were combined by the indicator's aggregation.
    CombinedValues { period: Period, count: usize },
    /// The weight is zero, negative or not a number, so roll-ups leave the indicator out.
    InvalidWeight { weight: f64 },
}

/// Every KPI of one indicator as of the date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    pub project: String,
    /// The project's axis; empty when the project is unknown.
    pub axis: String,
    pub kind: Kind,
    pub weight: f64,
    pub baseline: Option<Milestone>,
    pub target: Option<Milestone>,
    pub current: Option<Current>,
    /// Periods with a value known as of the date (after combining values of the same period).
    pub values_known: usize,
    /// The progress rate with its formula, or why there is none (`no_rate`).
    pub progress: Option<Progress>,
    pub no_rate: Option<NoRate>,
    pub status: Status,
    pub trajectory: Option<Trajectory>,
    pub sdg: SdgProgress,
    pub forecast: Option<Forecast>,
    pub informed: bool,
    pub overdue: Option<Overdue>,
    pub problems: Vec<IndicatorProblem>,
}

impl IndicatorResult {
    /// True when the indicator's next value is overdue.
    pub fn is_overdue(&self) -> bool {
        self.overdue.as_ref().is_some_and(|o| o.is_overdue)
    }

    fn member(&self) -> Member<'_> {
        let rate = match (&self.progress, self.no_rate) {
            (Some(p), _) => Ok(p.rate),
            (None, Some(NoRate::NoBaseline)) => Err(LeftOutReason::NoBaseline),
            (None, Some(NoRate::NoTarget)) => Err(LeftOutReason::NoTarget),
            (None, Some(NoRate::BaselineEqualsTarget)) => Err(LeftOutReason::UndefinedRate),
            (None, _) => Err(LeftOutReason::NoData),
        };
        Member {
            id: &self.id,
            weight: self.weight,
            rate,
            status: self.status,
            informed: self.informed,
            overdue: self.is_overdue(),
        }
    }
}

/// Everything the dashboard, the indicator pages and `vigie-check --json` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub options: Options,
    /// Every indicator, in file order (the kind filter applies to roll-ups only).
    pub indicators: Vec<IndicatorResult>,
    /// The programme roll-up, over the kinds chosen.
    pub programme: Rollup,
    /// One roll-up per axis and per project, in file order, over the kinds chosen.
    pub axes: Vec<Rollup>,
    pub projects: Vec<Rollup>,
    /// The programme roll-up of each kind (input, output, outcome), whatever the kinds chosen.
    pub by_kind: Vec<Rollup>,
    /// Observations whose indicator is not in the dataset, ignored.
    pub unknown_observations: usize,
}

impl Evaluation {
    /// The result of one indicator.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|r| r.id == id)
    }

    /// The roll-up of one axis.
    pub fn axis(&self, id: &str) -> Option<&Rollup> {
        self.axes
            .iter()
            .find(|r| matches!(&r.scope, Scope::Axis(a) if a == id))
    }

    /// The roll-up of one project.
    pub fn project(&self, id: &str) -> Option<&Rollup> {
        self.projects
            .iter()
            .find(|r| matches!(&r.scope, Scope::Project(p) if p == id))
    }
}

/// Computes every KPI of `ds` as `opts` say.
///
/// One pass groups the observations by indicator (they need not be sorted); each indicator then
/// reads only its own observations, so the cost is linear in the number of observations.
pub fn evaluate(ds: &Dataset, opts: &Options) -> Evaluation {
    let index: HashMap<&str, usize> = ds
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.as_str(), i))
        .collect();
    // Runs of consecutive observations of one indicator, bucketed by indicator.
    let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); ds.indicators.len()];
    let mut unknown_observations = 0;
    let obs = &ds.observations;
    let mut start = 0;
    while start < obs.len() {
        let id = obs[start].indicator.as_str();
        let mut end = start + 1;
        while end < obs.len() && obs[end].indicator == id {
            end += 1;
        }
        match index.get(id) {
            Some(&i) => runs[i].push((start, end)),
            None => unknown_observations += end - start,
        }
        start = end;
    }
    let axis_of: HashMap<&str, &str> = ds
        .projects
        .iter()
        .map(|p| (p.id.as_str(), p.axis.as_str()))
        .collect();
    let mut buf: Vec<(Period, f64)> = Vec::new();
    let indicators: Vec<IndicatorResult> = ds
        .indicators
        .iter()
        .zip(&runs)
        .map(|(ind, runs)| {
            buf.clear();
            for &(s, e) in runs {
                for o in &obs[s..e] {
                    if let Some(v) = o.value {
                        if v.is_finite() && o.period.is_over_by(opts.as_of) {
                            buf.push((o.period, v));
                        }
                    }
                }
            }
            let axis = axis_of.get(ind.project.as_str()).copied().unwrap_or("");
            indicator_result(ind, axis, &mut buf, opts)
        })
        .collect();
    rollups(ds, indicators, opts, unknown_observations)
}

/// Orders values by the end of their period (then by period), keeping file order among equals, and
/// combines values of one period by the indicator's aggregation.
fn combine(
    buf: &mut [(Period, f64)],
    aggregation: Aggregation,
    problems: &mut Vec<IndicatorProblem>,
) -> Vec<(Period, f64)> {
    let key = |p: &Period| (p.last_day(), *p);
    if !buf.is_sorted_by(|a, b| key(&a.0) <= key(&b.0)) {
        buf.sort_by_key(|a| key(&a.0));
    }
    let mut out: Vec<(Period, f64)> = Vec::with_capacity(buf.len());
    let mut i = 0;
    while i < buf.len() {
        let period = buf[i].0;
        let mut j = i + 1;
        while j < buf.len() && buf[j].0 == period {
            j += 1;
        }
        let values = buf[i..j].iter().map(|x| x.1);
        let value = match aggregation {
            Aggregation::Sum => values.sum(),
            Aggregation::Mean => values.sum::<f64>() / (j - i) as f64,
            Aggregation::Last => buf[j - 1].1,
        };
        if j - i > 1 {
            problems.push(IndicatorProblem::CombinedValues {
                period,
                count: j - i,
            });
        }
        out.push((period, value));
        i = j;
    }
    out
}

fn indicator_result(
    ind: &Indicator,
    axis: &str,
    buf: &mut [(Period, f64)],
    opts: &Options,
) -> IndicatorResult {
    let mut problems = Vec::new();
    let points = combine(buf, ind.aggregation, &mut problems);
    if !(ind.weight.is_finite() && ind.weight > 0.0) {
        problems.push(IndicatorProblem::InvalidWeight { weight: ind.weight });
    }
    let current = points
        .last()
        .map(|&(period, value)| Current { period, value });
    let decimals = ind.precision;
    // The progress rate, or why there is none (in the order of `indicator_progress`).
    let progress = match (ind.baseline, ind.target, current) {
        (None, _, _) => Err(NoRate::NoBaseline),
        (_, None, _) => Err(NoRate::NoTarget),
        (_, _, None) => Err(NoRate::NoData),
        (Some(b), Some(t), Some(c)) => {
            explain_progress(b.value, c.value, t.value, ind.direction, decimals)
        }
    };
    let (progress, no_rate) = match progress {
        Ok(p) => (Some(p), None),
        Err(e) => (None, Some(e)),
    };
    let trajectory = match (&progress, ind.baseline, ind.target) {
        (Some(p), Some(b), Some(t)) => Some(trajectory::trajectory(
            &Path {
                baseline: b.value,
                baseline_at: b.period.end_year_fraction(),
                target: t.value,
                target_at: t.period.end_year_fraction(),
                direction: ind.direction,
            },
            p.rate,
            p.target_met,
            opts.as_of,
            &opts.thresholds,
            decimals,
        )),
        _ => None,
    };
    let status = match (&trajectory, current, ind.target) {
        (Some(t), _, _) => t.status,
        (None, None, _) => Status::NoData,
        (None, Some(c), Some(t)) if meets(c.value, t.value, ind.direction) => {
            Status::TargetAchieved
        }
        (None, Some(_), _) => Status::NotAssessable,
    };
    let timed: Vec<(f64, f64)> = points
        .iter()
        .map(|(p, v)| (p.end_year_fraction(), *v))
        .collect();
    let sdg = sdg::progress(
        &timed,
        &SdgConfig {
            base_year: ind
                .baseline
                .map_or(f64::NEG_INFINITY, |b| b.period.end_year_fraction()),
            target: ind.target.map(|t| t.value),
            target_year: ind
                .target
                .map_or(f64::NAN, |t| t.period.end_year_fraction()),
            direction: ind.direction,
            limit: None,
            thresholds: None,
        },
    );
    let forecast = forecast::forecast(
        &timed,
        ind.target.map(|t| (t.period.end_year_fraction(), t.value)),
        ind.direction,
        decimals,
    );
    let informed =
        current.is_some_and(|c| collection::informs(c.period, opts.as_of, &opts.collection));
    let reference = current.map(|c| c.period).or(ind.baseline.map(|b| b.period));
    let overdue = collection::overdue(reference, ind.frequency, opts.as_of, &opts.overdue);
    IndicatorResult {
        id: ind.id.clone(),
        project: ind.project.clone(),
        axis: axis.to_owned(),
        kind: ind.kind,
        weight: ind.weight,
        baseline: ind.baseline,
        target: ind.target,
        current,
        values_known: points.len(),
        progress,
        no_rate,
        status,
        trajectory,
        sdg,
        forecast,
        informed,
        overdue,
        problems,
    }
}

fn rollups(
    ds: &Dataset,
    indicators: Vec<IndicatorResult>,
    opts: &Options,
    unknown_observations: usize,
) -> Evaluation {
    let members: Vec<Member> = indicators.iter().map(IndicatorResult::member).collect();
    let chosen: Vec<usize> = (0..indicators.len())
        .filter(|&i| opts.covers(indicators[i].kind))
        .collect();
    let pick = |idx: &[usize]| -> Vec<Member> { idx.iter().map(|&i| members[i]).collect() };
    let mut by_project: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_axis: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &chosen {
        by_project
            .entry(indicators[i].project.as_str())
            .or_default()
            .push(i);
        by_axis
            .entry(indicators[i].axis.as_str())
            .or_default()
            .push(i);
    }
    let none = Vec::new();
    let programme = rollup::rollup(Scope::Programme, &pick(&chosen));
    let axes = ds
        .axes
        .iter()
        .map(|a| {
            let idx = by_axis.get(a.id.as_str()).unwrap_or(&none);
            rollup::rollup(Scope::Axis(a.id.clone()), &pick(idx))
        })
        .collect();
    let projects = ds
        .projects
        .iter()
        .map(|p| {
            let idx = by_project.get(p.id.as_str()).unwrap_or(&none);
            rollup::rollup(Scope::Project(p.id.clone()), &pick(idx))
        })
        .collect();
    let by_kind = [Kind::Input, Kind::Output, Kind::Outcome]
        .into_iter()
        .map(|k| {
            let idx: Vec<usize> = (0..indicators.len())
                .filter(|&i| indicators[i].kind == k)
                .collect();
            rollup::rollup(Scope::Kind(k), &pick(&idx))
        })
        .collect();
    Evaluation {
        options: opts.clone(),
        indicators,
        programme,
        axes,
        projects,
        by_kind,
        unknown_observations,
    }
}
