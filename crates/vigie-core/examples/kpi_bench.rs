//! Native benchmark of the KPI engine: `kpi::evaluate` over a synthetic dataset (by default 1,000
//! indicators × 1,000,000 observations), compared with the time to parse the same data from Vigie's
//! native Data Package.
//!
//! Run with `cargo run --release --example kpi_bench [indicators] [observations]`; it prints
//! `kpi: native Y ms` (the best of five runs), then the parse time and the ratio.

use std::time::Instant;
use vigie_core::kpi::{self, Options};
use vigie_core::period::Date;

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

    let files = kpi::synthetic::package_files(&ds);
    let descriptor = include_str!("../../../public/data/lhsm/datapackage.json");
    let mut parse = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        match vigie_core::ingest::datapackage::read_package("datapackage.json", descriptor, &files)
        {
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
