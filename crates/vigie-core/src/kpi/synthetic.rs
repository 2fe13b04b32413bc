//! A deterministic synthetic dataset of any size, for benchmarks and tests of the KPI engine.

use crate::model::{
    Aggregation, Axis, Dataset, Direction, Frequency, Indicator, Kind, Milestone, Observation,
    Programme, Project, Provenance, Text,
};
use crate::period::{days_from_civil, Date, Period};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A dataset of `indicators` indicators sharing `observations` daily observations between
/// 2015-01-01 and 2024-12-31, sorted as readers leave it; the same `seed` gives the same dataset.
///
/// Indicators go in 5 axes and projects of 10 indicators; kinds and directions alternate; one in 17
/// has no target, one in 23 no baseline; about 5 % of values are missing. When an indicator has more
/// observations than days, several fall on one day and combine by its aggregation.
pub fn dataset(indicators: usize, observations: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed);
    let projects = indicators.div_ceil(10).max(1);
    let axes = (0..5)
        .map(|a| Axis {
            id: format!("A{a}"),
            name: Text::new(&format!("Axe {a}"), &format!("Axis {a}")),
            description: Text::default(),
        })
        .collect();
    let projects_v = (0..projects)
        .map(|p| Project {
            id: format!("P{p}"),
            axis: format!("A{}", p % 5),
            name: Text::new(&format!("Projet {p}"), &format!("Project {p}")),
            provenance: Provenance::Illustrative,
        })
        .collect();
    let first = days_from_civil(2015, 1, 1);
    let span = days_from_civil(2025, 1, 1) - first;
    let mut inds = Vec::with_capacity(indicators);
    let mut obs = Vec::with_capacity(observations);
    for i in 0..indicators {
        let n =
            observations / indicators.max(1) + usize::from(i < observations % indicators.max(1));
        let direction = if i % 2 == 0 {
            Direction::Increase
        } else {
            Direction::Decrease
        };
        let base = 10.0 + 90.0 * rng.unit();
        let goal = base * (0.5 + rng.unit());
        let target = match direction {
            Direction::Increase => base + goal,
            Direction::Decrease => base - goal * 0.5,
        };
        let id = format!("I{i:05}");
        inds.push(Indicator {
            id: id.clone(),
            project: format!("P{}", i / 10),
            kind: [Kind::Input, Kind::Output, Kind::Outcome][i % 3],
            name: Text::new(&id, &id),
            unit: Text::default(),
            direction,
            baseline: (i % 23 != 22).then_some(Milestone {
                value: base,
                period: Period::Year(2014),
                provenance: Provenance::Illustrative,
            }),
            target: (i % 17 != 16).then_some(Milestone {
                value: target,
                period: Period::Year(2030),
                provenance: Provenance::Illustrative,
            }),
            frequency: [Frequency::Annual, Frequency::Quarterly, Frequency::Monthly][i % 3],
            aggregation: [Aggregation::Last, Aggregation::Mean, Aggregation::Sum][i % 3],
            weight: 1.0 + (i % 3) as f64,
            precision: 1,
            definition: Text::default(),
            source: String::new(),
            sdg: None,
        });
        let trend = (target - base) / 16.0 * (2.0 * rng.unit());
        for j in 0..n {
            let day = first + (j as i64 * span) / n.max(1) as i64;
            let d = Date::from_days(day);
            let years = (day - first) as f64 / 365.25;
            let value = (rng.unit() >= 0.05)
                .then(|| base + trend * years + (rng.unit() - 0.5) * base * 0.05);
            obs.push(Observation {
                indicator: id.clone(),
                period: Period::Day(d.year, d.month, d.day),
                value,
                provenance: Provenance::Illustrative,
                note: String::new(),
                series: None,
                flag: String::new(),
            });
        }
    }
    Dataset {
        programme: Programme {
            id: "synthetic".into(),
            name: Text::new("Programme synthétique", "Synthetic programme"),
            ..Programme::default()
        },
        axes,
        projects: projects_v,
        indicators: inds,
        observations: obs,
        ..Dataset::default()
    }
}

/// Writes the dataset as the CSV files of Vigie's native Data Package (the descriptor is
/// `public/data/lhsm/datapackage.json`), so benchmarks can time parsing the same data.
pub fn package_files(ds: &Dataset) -> HashMap<String, String> {
    let mut axes = String::from("id,name_fr,name_en,description_fr,description_en\n");
    for a in &ds.axes {
        writeln!(axes, "{},{},{},,", a.id, a.name.fr, a.name.en).ok();
    }
    let mut projects = String::from("id,axis,name_fr,name_en,provenance\n");
    for p in &ds.projects {
        writeln!(
            projects,
            "{},{},{},{},illustrative",
            p.id, p.axis, p.name.fr, p.name.en
        )
        .ok();
    }
    let mut inds = String::from(
        "id,project,kind,name_fr,name_en,unit_fr,unit_en,direction,baseline_value,baseline_period,baseline_provenance,target_value,target_period,target_provenance,frequency,aggregation,weight,precision,definition_fr,definition_en,source\n",
    );
    let ms = |m: Option<Milestone>| match m {
        Some(m) => format!("{},{},illustrative", m.value, m.period),
        None => ",,".to_owned(),
    };
    for i in &ds.indicators {
        let kind = match i.kind {
            Kind::Input => "input",
            Kind::Output => "output",
            Kind::Outcome => "outcome",
        };
        let direction = match i.direction {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
        };
        let frequency = match i.frequency {
            Frequency::Annual => "annual",
            Frequency::Quarterly => "quarterly",
            Frequency::Monthly => "monthly",
            Frequency::Once => "once",
        };
        let aggregation = match i.aggregation {
            Aggregation::Sum => "sum",
            Aggregation::Mean => "mean",
            Aggregation::Last => "last",
        };
        writeln!(
            inds,
            "{},{},{kind},{},{},u,u,{direction},{},{},{frequency},{aggregation},{},{},,,",
            i.id,
            i.project,
            i.name.fr,
            i.name.en,
            ms(i.baseline),
            ms(i.target),
            i.weight,
            i.precision
        )
        .ok();
    }
    let mut obs = String::with_capacity(ds.observations.len() * 40);
    obs.push_str("indicator,period,value,provenance,note\n");
    for o in &ds.observations {
        match o.value {
            Some(v) => writeln!(obs, "{},{},{v:.3},illustrative,", o.indicator, o.period),
            None => writeln!(obs, "{},{},,illustrative,", o.indicator, o.period),
        }
        .ok();
    }
    HashMap::from([
        ("axes.csv".to_owned(), axes),
        ("projects.csv".to_owned(), projects),
        ("indicators.csv".to_owned(), inds),
        ("observations.csv".to_owned(), obs),
        // The generated programme has no assessments: the resource's header only.
        (
            "assessments.csv".to_owned(),
            "project,moment,date,statement_fr,statement_en,provenance,note\n".to_owned(),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_dataset() {
        let a = dataset(7, 100, 42);
        let b = dataset(7, 100, 42);
        assert_eq!(a, b);
        assert_ne!(a, dataset(7, 100, 43));
        assert_eq!(a.indicators.len(), 7);
        assert_eq!(a.observations.len(), 100);
        let mut sorted = a.clone();
        sorted.sort_observations();
        assert_eq!(sorted.observations, a.observations);
    }
}
