//! Fuzzes the whole import under each file kind the name selects (CSV, TSV, JSON, datapackage).
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::ingest::{import, import_with, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ImportOptions::default();
    for name in ["f.csv", "f.tsv", "f.json", "indicator_1-1-1.csv"] {
        let _ = import(name, data, &opts);
    }
    let (head, tail) = data.split_at(data.len() / 2);
    let _ = import_with("datapackage.json", head, &[("data.csv", tail)], &opts);
    let accept = ImportOptions { accept_errors: true, delimiter: Some(';'), decimal: Some(','), ..ImportOptions::default() };
    let _ = import("f.csv", data, &accept);
});
