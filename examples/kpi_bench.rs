//! Native benchmark of the KPI engine: `kpi::evaluate` over a synthetic dataset (by default 1,000
//! indicators × 1,000,000 observations), compared with the time to parse the same data from Vigie's
//! native Data Package.
//!
//! Run with `cargo run --release --example kpi_bench [indicators] [observations]`; it prints
//! `kpi: native Y ms` (the best of five runs), then the parse time and the ratio.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Instant;
use vigie::kpi::{self, Options};
use vigie::model::{Aggregation, Dataset, Direction, Frequency, Kind, Milestone};
use vigie::period::Date;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let indicators = args.first().copied().unwrap_or(1_000);
    let observations = args.get(1).copied().unwrap_or(1_000_000);
    let ds = kpi::synthetic::dataset(indicators, observations, 2026);
    let opts = Options::as_of(Date::new(2025, 6, 30).expect("a valid date"));

    let mut best = f64::INFINITY;
    let mut checksum = 0.0;
    for _ in 0..5 {
        let t = Instant::now();
        let e = kpi::evaluate(&ds, &opts);
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        checksum = e.programme.progress.unwrap_or(0.0);
    }
    println!("kpi: native {best:.1} ms");
    println!("  ({indicators} indicators, {observations} observations; programme progress {checksum:.3})");

    let files = package(&ds);
    let descriptor = include_str!("../public/data/lhsm/datapackage.json");
    let mut parse = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        match vigie::ingest::datapackage::read_package("datapackage.json", descriptor, &files) {
            Ok(read) => assert_eq!(read.observations.len(), ds.observations.len()),
            Err(problems) => {
                println!("parse: failed, first problem {:?}", problems.first());
                return;
            }
        }
        parse = parse.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("parse: native {parse:.1} ms");
    println!("kpi / parse: {:.3}", best / parse);
}

/// Writes the dataset as the native Data Package's CSV files.
fn package(ds: &Dataset) -> HashMap<String, String> {
    let mut axes = String::from("id,name_fr,name_en,description_fr,description_en\n");
    for a in &ds.axes {
        writeln!(axes, "{},{},{},,", a.id, a.name.fr, a.name.en).unwrap();
    }
    let mut projects = String::from("id,axis,name_fr,name_en,provenance\n");
    for p in &ds.projects {
        writeln!(
            projects,
            "{},{},{},{},illustrative",
            p.id, p.axis, p.name.fr, p.name.en
        )
        .unwrap();
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
        .unwrap();
    }
    let mut obs = String::with_capacity(ds.observations.len() * 40);
    obs.push_str("indicator,period,value,provenance,note\n");
    for o in &ds.observations {
        match o.value {
            Some(v) => writeln!(obs, "{},{},{v:.3},illustrative,", o.indicator, o.period),
            None => writeln!(obs, "{},{},,illustrative,", o.indicator, o.period),
        }
        .unwrap();
    }
    HashMap::from([
        ("axes.csv".to_owned(), axes),
        ("projects.csv".to_owned(), projects),
        ("indicators.csv".to_owned(), inds),
        ("observations.csv".to_owned(), obs),
    ])
}
