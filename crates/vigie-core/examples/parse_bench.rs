//! Native throughput of the import engine: the byte-level CSV scan alone and the whole import, on a
//! generated 1 M-row long CSV and on Eurostat's 23 MB `demo_r_mlifexp` TSV when ../shared/data is present.
//!
//! Run with `cargo run --release --example parse_bench`.

#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::time::Instant;
use vigie_core::ingest::csv::{self, Dialect};
use vigie_core::ingest::{import, ImportOptions};

/// A deterministic long CSV: `indicator,period,value`, 1 M rows.
fn long_csv() -> String {
    let mut s = String::with_capacity(30 << 20);
    s.push_str("indicator,period,value\n");
    let mut x: u64 = 0x2545F4914F6CDD1D;
    for i in 0..1_000_000u32 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let ind = i % 50;
        let year = 1990 + (i / 50) % 30;
        let q = (i / 1500) % 4 + 1;
        s.push_str(&format!(
            "kpi_{ind},{year}-Q{q},{}.{}\n",
            x % 100_000,
            x % 100
        ));
    }
    s
}

fn mib_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / secs.max(1e-9)
}

fn bench(name: &str, file: &str, text: &str, delimiter: u8) {
    let t = Instant::now();
    let (mut rows, mut fields, mut bytes) = (0usize, 0usize, 0usize);
    let r = csv::scan(
        file,
        text,
        Dialect {
            delimiter,
            quote: Some(b'"'),
        },
        |row| {
            rows += 1;
            fields += row.len();
            bytes += row.get(row.len().saturating_sub(1)).len();
            true
        },
    );
    let scan = t.elapsed().as_secs_f64();
    if let Err(p) = r {
        println!("{name}: scan failed: {p}");
    }
    let t = Instant::now();
    let report = import(file, text.as_bytes(), &ImportOptions::default());
    let full = t.elapsed().as_secs_f64();
    println!(
        "{name}: {:.1} MiB, {rows} records, {fields} fields; scan {:.0} MiB/s; import {:.1} MiB/s ({} observations, {} problems){}",
        text.len() as f64 / 1048576.0,
        mib_s(text.len(), scan),
        mib_s(text.len(), full),
        report.counts.observations,
        report.problems_total,
        if bytes == usize::MAX { "!" } else { "" },
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let long = long_csv();
    bench("long 1M rows", "long.csv", &long, b',');
    let gz = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("../shared/data/eurostat_bulk_tsv_gz/demo_r_mlifexp.tsv.gz");
    match std::fs::read(&gz).map(|b| vigie_core::ingest::zip::gunzip(&b)) {
        Ok(Ok(bytes)) => {
            let text = String::from_utf8_lossy(&bytes);
            bench(
                "eurostat demo_r_mlifexp",
                "demo_r_mlifexp.tsv",
                &text,
                b'\t',
            );
        }
        Ok(Err(e)) => println!("skipped Eurostat: {e}"),
        Err(_) => println!("skipped Eurostat: {} not found", gz.display()),
    }
}
