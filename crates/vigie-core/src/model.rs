//! The domain model: programme → axis → project → indicator → observation, as read from any format.

use crate::period::Period;
use serde::{Deserialize, Serialize};

/// A text in French (the default) and English.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// Builds a text; an empty English falls back to the French when shown.
    pub fn new(fr: &str, en: &str) -> Text {
        Text {
            fr: fr.to_owned(),
            en: en.to_owned(),
        }
    }
}

/// Where a figure comes from: the programme's published report, invented for the demo, or read from
/// a file the person imported (the dataset's source names the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    /// Taken from the programme's published report (the ICC final deliverable).
    Report,
    /// Invented to make the demo readable; not a published figure.
    #[default]
    Illustrative,
    /// Read from a file the person imported.
    Imported,
}

/// The three kinds of KPI of the programme's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Input,
    Output,
    Outcome,
}

/// Whether the indicator should go up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Increase,
    Decrease,
}

/// How often new values are expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    Annual,
    Quarterly,
    Monthly,
    Once,
}

/// How the values inside one period combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    Sum,
    Mean,
    Last,
}

/// A value at a period: a baseline or a target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub value: f64,
    pub period: Period,
    pub provenance: Provenance,
}

/// The programme the dataset describes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Bibliographic reference of the published source.
    pub source: String,
    pub licence: String,
}

/// A theme of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

/// A project (or action) under an axis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub axis: String,
    pub name: Text,
    pub provenance: Provenance,
}

/// A key performance indicator and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub project: String,
    pub kind: Kind,
    pub name: Text,
    pub unit: Text,
    pub direction: Direction,
    pub baseline: Option<Milestone>,
    pub target: Option<Milestone>,
    pub frequency: Frequency,
    pub aggregation: Aggregation,
    pub weight: f64,
    pub precision: u8,
    pub definition: Text,
    pub source: String,
    /// Open SDG's `progress_calculation_options` from the indicator's metadata, for its Open SDG
    /// progress status; absent in stores and exports written before they were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdg: Option<SdgOptions>,
}

/// Open SDG's progress thresholds as metadata gives them (`progress_thresholds`); each absent one
/// keeps the method's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SdgThresholdOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub med: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
}

impl SdgThresholdOptions {
    /// True when no threshold is given.
    pub fn is_empty(&self) -> bool {
        self.high.is_none() && self.med.is_none() && self.low.is_none()
    }
}

/// One entry of Open SDG's `progress_calculation_options`: what its progress measure uses instead
/// of the indicator's own baseline, target and direction, and which series it measures. Each absent
/// field falls back to the indicator's (the headline series for `series` and `unit`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SdgOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    #[serde(skip_serializing_if = "SdgThresholdOptions::is_empty")]
    pub thresholds: SdgThresholdOptions,
    /// The value of the `Series` column to measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// The unit to measure (the indicator's own unit, or a value of its `unit` dimension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Indicator {
    /// An indicator with the defaults a file without metadata implies: an outcome to increase,
    /// annual, last value of a period, weight 1, no baseline, target, unit or project.
    pub fn new(id: &str, name: Text) -> Indicator {
        Indicator {
            id: id.to_owned(),
            project: String::new(),
            kind: Kind::Outcome,
            name,
            unit: Text::default(),
            direction: Direction::Increase,
            baseline: None,
            target: None,
            frequency: Frequency::Annual,
            aggregation: Aggregation::Last,
            weight: 1.0,
            precision: 0,
            definition: Text::default(),
            source: String::new(),
            sdg: None,
        }
    }
}

/// One value of an indicator at a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub indicator: String,
    pub period: Period,
    /// `None` is an explicit missing value.
    pub value: Option<f64>,
    pub provenance: Provenance,
    pub note: String,
    /// The disaggregated series this value belongs to (index into `Dataset::series`); `None` for the
    /// headline (no disaggregation). Shared so that millions of values do not each carry their dimensions.
    #[serde(default)]
    pub series: Option<u32>,
    /// Status flag as the source wrote it (Eurostat `p` provisional, `e` estimated, `b` break…); empty when none.
    #[serde(default)]
    pub flag: String,
}

impl Observation {
    /// A headline value with no note and no flag, as published in the programme's report.
    pub fn new(indicator: &str, period: Period, value: Option<f64>) -> Observation {
        Observation {
            indicator: indicator.to_owned(),
            period,
            value,
            provenance: Provenance::Report,
            note: String::new(),
            series: None,
            flag: String::new(),
        }
    }
}

/// The three moments at which the programme judges an action (the report's table "Assessment of
/// city performance — progress against KPIs").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Moment {
    /// Where we started.
    Start,
    /// Midway through the challenge.
    Midway,
    /// Final results.
    Final,
}

impl Moment {
    /// Every moment, in time order.
    pub const ALL: [Moment; 3] = [Moment::Start, Moment::Midway, Moment::Final];

    /// The moment's key in files and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Moment::Start => "start",
            Moment::Midway => "midway",
            Moment::Final => "final",
        }
    }

    /// The moment a key names (`start`, `midway`, `final`), if any.
    pub fn of_key(key: &str) -> Option<Moment> {
        Moment::ALL.into_iter().find(|m| m.key() == key.trim())
    }
}

/// What the programme says of an action at one moment: a qualitative statement, dated, so that the
/// action's KPIs can be shown as they stood on that date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The project (action) judged.
    pub project: String,
    pub moment: Moment,
    /// The date the KPIs are shown as of.
    pub date: crate::period::Date,
    pub statement: Text,
    /// Where the statement comes from (the report's table, or invented for the demo).
    pub provenance: Provenance,
    /// Where the statement and its date were taken from, in the compiler's words.
    pub note: String,
}

/// Everything one file (or package) brought in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub programme: Programme,
    pub axes: Vec<Axis>,
    pub projects: Vec<Project>,
    pub indicators: Vec<Indicator>,
    /// Sorted by indicator (in `indicators` order), then period.
    pub observations: Vec<Observation>,
    /// Disaggregated series that observations point to.
    #[serde(default)]
    pub series: Vec<Series>,
    /// The actions' start / midway / final assessments, by project then moment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
}

/// One disaggregation of an indicator: its (dimension, value) pairs in file order (e.g. sex = F, geo = AT).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Series {
    pub indicator: String,
    pub dimensions: Vec<(String, String)>,
}

/// Dimension names (compared without case) whose values are territory codes.
pub const TERRITORY_CODES: &[&str] = &[
    "geocode",
    "geo code",
    "geo",
    "ref_area",
    "iso_code",
    "iso3",
    "iso",
    "country code",
    "country_code",
    "code_insee",
    "insee",
    "codgeo",
    "code commune",
    "code_commune",
    "territory code",
    "code territoire",
];

/// Whether a dimension (a column) of this name holds territory codes. The importer reads such a
/// column as a dimension; beside other dimension columns, a row whose only dimensions are codes is
/// a headline row (a code names the territory another column gives, and Open SDG writes a GeoCode
/// on headline rows too); the KPI engine's series selection looks past codes; the map finds its
/// territories by them.
pub fn is_territory_code(name: &str) -> bool {
    let name = name.trim();
    TERRITORY_CODES.iter().any(|t| t.eq_ignore_ascii_case(name))
}

impl Dataset {
    /// The (dimension, value) pairs of an observation; empty for a headline value.
    pub fn dimensions_of(&self, o: &Observation) -> &[(String, String)] {
        o.series
            .and_then(|s| self.series.get(s as usize))
            .map(|s| s.dimensions.as_slice())
            .unwrap_or_default()
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The project with this id.
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// The assessments of a project (action), in moment order.
    pub fn assessments_of<'a>(&'a self, project: &str) -> Vec<&'a Assessment> {
        let mut of: Vec<&Assessment> = self
            .assessments
            .iter()
            .filter(|a| a.project == project)
            .collect();
        of.sort_by_key(|a| a.moment);
        of
    }

    /// The axis with this id.
    pub fn axis(&self, id: &str) -> Option<&Axis> {
        self.axes.iter().find(|a| a.id == id)
    }

    /// Projects of an axis, in file order.
    pub fn projects_of<'a>(&'a self, axis: &'a str) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects.iter().filter(move |p| p.axis == axis)
    }

    /// Indicators of a project, in file order.
    pub fn indicators_of<'a>(
        &'a self,
        project: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators.iter().filter(move |i| i.project == project)
    }

    /// Indicators of an axis (those of its projects), in file order.
    pub fn indicators_of_axis<'a>(
        &'a self,
        axis: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators
            .iter()
            .filter(move |i| self.project(&i.project).is_some_and(|p| p.axis == axis))
    }

    /// Observations of an indicator, oldest first.
    pub fn observations_of<'a>(&'a self, indicator: &str) -> &'a [Observation] {
        let start = self
            .observations
            .partition_point(|o| self.order_of(&o.indicator) < self.order_of(indicator));
        let len = self.observations[start..]
            .iter()
            .take_while(|o| o.indicator == indicator)
            .count();
        &self.observations[start..start + len]
    }

    /// The provenances its figures carry (values, baselines, targets), in `Provenance` order: what the
    /// page's legend explains.
    pub fn provenances(&self) -> Vec<Provenance> {
        let all = [
            Provenance::Report,
            Provenance::Illustrative,
            Provenance::Imported,
        ];
        let mut seen = [false; 3];
        let slot = |p: Provenance| match p {
            Provenance::Report => 0,
            Provenance::Illustrative => 1,
            Provenance::Imported => 2,
        };
        let milestones = self
            .indicators
            .iter()
            .flat_map(|i| [i.baseline, i.target])
            .flatten()
            .map(|m| m.provenance);
        for p in milestones.chain(self.observations.iter().map(|o| o.provenance)) {
            seen[slot(p)] = true;
            if seen.iter().all(|&s| s) {
                break;
            }
        }
        all.into_iter()
            .zip(seen)
            .filter(|&(_, s)| s)
            .map(|(p, _)| p)
            .collect()
    }

    /// The most recent observation of the indicator's headline (not disaggregated) that has a value.
    pub fn latest(&self, indicator: &str) -> Option<&Observation> {
        self.observations_of(indicator)
            .iter()
            .rev()
            .find(|o| o.series.is_none() && o.value.is_some())
    }

    /// Sorts observations by indicator order, then period; readers call it once after loading.
    pub fn sort_observations(&mut self) {
        let order: std::collections::HashMap<&str, usize> = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        let mut obs = std::mem::take(&mut self.observations);
        obs.sort_by(|a, b| {
            let ka = order
                .get(a.indicator.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            let kb = order
                .get(b.indicator.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            ka.cmp(&kb).then(a.period.cmp(&b.period))
        });
        self.observations = obs;
    }

    fn order_of(&self, indicator: &str) -> usize {
        self.indicators
            .iter()
            .position(|i| i.id == indicator)
            .unwrap_or(usize::MAX)
    }
}

impl Kind {
    /// The three kinds in the order the KPI frame reads: inputs, outputs, outcomes.
    pub const ALL: [Kind; 3] = [Kind::Input, Kind::Output, Kind::Outcome];
}

/// `indicators` in the KPI frame's three columns (inputs → outputs → outcomes), each keeping the
/// given order; `kinds` limits the columns (all three when empty).
pub fn by_kind<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
    kinds: &[Kind],
) -> Vec<(Kind, Vec<&'a Indicator>)> {
    let mut columns: Vec<(Kind, Vec<&Indicator>)> = Kind::ALL
        .iter()
        .filter(|k| kinds.is_empty() || kinds.contains(k))
        .map(|&k| (k, Vec::new()))
        .collect();
    for ind in indicators {
        if let Some((_, col)) = columns.iter_mut().find(|(k, _)| *k == ind.kind) {
            col.push(ind);
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_holds_its_projects_indicators_in_the_kpi_frames_columns() {
        let mut a = indicator("a");
        a.kind = Kind::Outcome;
        let mut b = indicator("b");
        b.project = "q".into();
        let c = indicator("c");
        let mut d = indicator("d");
        d.kind = Kind::Input;
        let ds = Dataset {
            projects: vec![
                Project {
                    id: "p".into(),
                    axis: "x".into(),
                    ..Project::default()
                },
                Project {
                    id: "q".into(),
                    axis: "y".into(),
                    ..Project::default()
                },
            ],
            indicators: vec![a, b, c, d],
            ..Dataset::default()
        };
        let ids = |v: &[&Indicator]| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        let of_x: Vec<&Indicator> = ds.indicators_of_axis("x").collect();
        assert_eq!(ids(&of_x), ["a", "c", "d"]);
        let cols = by_kind(of_x.iter().copied(), &[]);
        let shape: Vec<(Kind, Vec<String>)> = cols.iter().map(|(k, v)| (*k, ids(v))).collect();
        assert_eq!(
            shape,
            vec![
                (Kind::Input, vec!["d".to_owned()]),
                (Kind::Output, vec!["c".to_owned()]),
                (Kind::Outcome, vec!["a".to_owned()]),
            ]
        );
        let only = by_kind(of_x.iter().copied(), &[Kind::Outcome]);
        assert_eq!(only.len(), 1);
        assert_eq!(ids(&only[0].1), ["a"]);
        assert_eq!(ds.indicators_of_axis("zzz").count(), 0);
    }

    #[test]
    fn provenances_list_what_the_figures_carry() {
        let mut d = Dataset::default();
        assert!(d.provenances().is_empty());
        let mut i = indicator("a");
        i.target = Some(Milestone {
            value: 1.0,
            period: Period::Year(2030),
            provenance: Provenance::Report,
        });
        d.indicators.push(i);
        let mut o = obs("a", 2024, Some(1.0));
        o.provenance = Provenance::Imported;
        d.observations.push(o);
        assert_eq!(
            d.provenances(),
            vec![Provenance::Report, Provenance::Imported]
        );
    }

    fn indicator(id: &str) -> Indicator {
        Indicator {
            project: "p".into(),
            kind: Kind::Output,
            ..Indicator::new(id, Text::new(id, id))
        }
    }

    fn obs(id: &str, year: i32, value: Option<f64>) -> Observation {
        Observation::new(id, Period::Year(year), value)
    }

    #[test]
    fn finds_observations_and_latest_value_per_indicator() {
        let mut d = Dataset {
            indicators: vec![indicator("b"), indicator("a")],
            observations: vec![
                obs("a", 2021, Some(3.0)),
                obs("b", 2020, Some(1.0)),
                obs("a", 2022, None),
                obs("a", 2019, Some(2.0)),
            ],
            ..Dataset::default()
        };
        d.sort_observations();
        let a: Vec<i32> = d
            .observations_of("a")
            .iter()
            .map(|o| o.period.start().0)
            .collect();
        assert_eq!(a, vec![2019, 2021, 2022]);
        assert_eq!(d.observations_of("b").len(), 1);
        assert_eq!(d.latest("a").and_then(|o| o.value), Some(3.0));
        assert!(d.observations_of("zzz").is_empty());
    }
}
