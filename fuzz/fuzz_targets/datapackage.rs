//! Fuzzes the Data Package reader: `Descriptor::parse` and `Descriptor::read` directly, then the whole
//! import of a `datapackage.json` with its resources as companion files.
//!
//! The input is the descriptor, then the companion files, separated by NUL bytes. The companions take
//! the names the descriptor gives its resources, in order (one more is named `extra.csv`), so that
//! mutations of the descriptor and of the CSV files both reach the resource readers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use vigie_core::i18n::Lang;
use vigie_core::ingest::datapackage::Descriptor;
use vigie_core::ingest::{
    companions_needed, decode, import_with, paths, ImportOptions, ImportReport, Problem,
};

/// The descriptor file's name, as problems about it will say.
const FILE: &str = "datapackage.json";

/// Checks what every report must hold, whatever the input.
fn check_report(r: &ImportReport, accepted: bool) {
    assert!(r.problems.len() <= r.problems_total, "{r:?}");
    assert!(r.warnings.len() <= r.warnings_total, "{r:?}");
    if !accepted {
        assert_eq!(r.ok(), r.problems_total == 0, "{:?}", r.problems);
    }
    for p in r.problems.iter().chain(&r.warnings) {
        render(p);
    }
}

/// Every problem has a sentence in both languages.
fn render(p: &Problem) {
    assert!(!Lang::Fr.problem(p).is_empty());
    assert!(!Lang::En.problem(p).is_empty());
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0);
    let descriptor = parts.next().unwrap_or_default();
    let bodies: Vec<&[u8]> = parts.collect();
    let needed = companions_needed(FILE, descriptor);
    let mut names: Vec<String> = needed.clone();
    names.push("extra.csv".to_owned());
    let companions: Vec<(&str, &[u8])> = names
        .iter()
        .map(String::as_str)
        .zip(bodies.iter().copied())
        .collect();

    // The native reader on its own, as the browser calls it between fetches.
    let (text, _) = decode::decode(descriptor, None);
    match Descriptor::parse(FILE, &text) {
        Ok(d) => {
            let wanted = d.paths();
            assert_eq!(wanted.len(), 4);
            for p in &wanted {
                assert!(paths::check(p).is_ok(), "{p:?}");
            }
            let files: HashMap<String, String> = companions
                .iter()
                .map(|(n, b)| ((*n).to_owned(), decode::decode(b, None).0))
                .collect();
            match d.read(&files) {
                Ok(ds) => {
                    // A valid package refers only to what it defines.
                    for o in &ds.observations {
                        assert!(ds.indicator(&o.indicator).is_some(), "{o:?}");
                    }
                }
                Err(problems) => {
                    assert!(!problems.is_empty());
                    problems.iter().for_each(render);
                }
            }
        }
        Err(p) => render(&p),
    }

    // The whole import, refusing then accepting problems.
    let opts = ImportOptions::default();
    check_report(&import_with(FILE, descriptor, &companions, &opts), false);
    let accept = ImportOptions {
        accept_errors: true,
        ..ImportOptions::default()
    };
    check_report(&import_with(FILE, descriptor, &companions, &accept), true);
});
