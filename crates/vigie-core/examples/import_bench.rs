//! Native side of `cargo xtask bench import`: the import the browser's worker runs
//! (`ingest::transfer::run_import`: decode, sniff, read every row to typed observations, pack the
//! result), on the files named on the command line, several runs each, medians.
//!
//! Run with `cargo run --release --example import_bench -- [--runs N] FILE…`. For each file it prints
//! a line for people and one `NATIVE name=… bytes=… median_ms=… rows=… observations=…` line that
//! xtask reads. Each run's time is also split into the import itself and the packing of its result.

#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::time::Instant;
use vigie_core::ingest::import::import_compact;
use vigie_core::ingest::transfer::{pack_imported, unpack};
use vigie_core::ingest::ImportOptions;

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.is_empty() {
        f64::NAN
    } else if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

fn mib_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / (ms / 1e3)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 5usize;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .expect("--runs takes a number");
        args.drain(i..i + 2);
    }
    let mut write_packed = None;
    if let Some(i) = args.iter().position(|a| a == "--write-packed") {
        write_packed = Some(std::path::PathBuf::from(
            args.get(i + 1).expect("--write-packed takes a folder"),
        ));
        args.drain(i..i + 2);
    }
    if args.is_empty() {
        eprintln!("usage: import_bench [--runs N] FILE…");
        std::process::exit(2);
    }
    for path in &args {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path)
            .to_owned();
        let (mut total, mut import, mut packing) = (Vec::new(), Vec::new(), Vec::new());
        let mut packed = Vec::new();
        let mut first: Option<Vec<u8>> = None;
        for _ in 0..runs {
            let t = Instant::now();
            let report = import_compact(
                &name,
                &bytes,
                &[],
                &ImportOptions::default(),
                &mut |_, _| true,
            );
            let imported = t.elapsed().as_secs_f64() * 1e3;
            packed = pack_imported(report);
            let all = t.elapsed().as_secs_f64() * 1e3;
            if first.is_none() {
                first = Some(packed.clone());
            }
            total.push(all);
            import.push(imported);
            packing.push(all - imported);
        }
        // Every run packs the same bytes, or comparing the wasm's answer with this one would mean nothing.
        let deterministic = first.as_deref() == Some(packed.as_slice());
        if let Some(dir) = &write_packed {
            let to = dir.join(format!("{name}.native"));
            std::fs::write(&to, &packed)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", to.display()));
        }
        let report = unpack(&packed).expect("the packed result reads back");
        let fmt = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let m = median(&total);
        println!(
            "native {name}: {:.1} MiB, {} rows, {} observations, {} problems; runs {} ms; median {m:.0} ms = {:.1} MiB/s (import {:.0} ms, pack {:.0} ms)",
            bytes.len() as f64 / 1048576.0,
            report.counts.rows,
            report.counts.observations,
            report.problems_total,
            fmt(&total),
            mib_s(bytes.len(), m),
            median(&import),
            median(&packing),
        );
        println!(
            "NATIVE name={name} bytes={} median_ms={m:.3} rows={} observations={} problems={} deterministic={}",
            bytes.len(),
            report.counts.rows,
            report.counts.observations,
            report.problems_total,
            u8::from(deterministic)
        );
    }
}
