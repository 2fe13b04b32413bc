//! Compressed and zipped inputs: gzip-compressed TSV (Eurostat's own distribution format) and XLSX workbooks.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use vigie_core::ingest::{import, Format, ImportOptions, ProblemKind};
use vigie_core::period::Period;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/containers")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn a_gzipped_eurostat_tsv_is_inflated_then_read() {
    let r = import(
        "eurostat_small.tsv.gz",
        &read("eurostat_small.tsv.gz"),
        &ImportOptions::default(),
    );
    assert!(r.ok(), "{:?}", r.problems);
    assert!(r.detected.gzip);
    assert_eq!(r.detected.delimiter, Some('\t'));
    let ds = r.dataset.expect("dataset");
    assert_eq!(ds.observations.len(), 3);
    let fr = ds
        .observations
        .iter()
        .find(|o| ds.dimensions_of(o) == [("geo".to_string(), "FR".to_string())])
        .expect("FR");
    assert_eq!(
        (fr.period, fr.value, fr.flag.as_str()),
        (Period::Year(2019), Some(7.9), "p")
    );
}

#[test]
fn an_xlsx_sheet_is_read_by_name_with_located_problems() {
    let bytes = read("chomage.xlsx");
    let opts = ImportOptions {
        sheet: Some("Données".into()),
        ..ImportOptions::default()
    };
    let r = import("chomage.xlsx", &bytes, &opts);
    assert_eq!(r.detected.format, Format::Xlsx);
    assert_eq!((r.detected.header_line, r.detected.preamble_lines), (3, 1));
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let p = &r.problems[0];
    assert_eq!(
        (p.line, p.column, p.found.as_str(), &p.kind),
        (7, 3, "abc", &ProblemKind::NotANumber)
    );
    let opts = ImportOptions {
        accept_errors: true,
        ..opts
    };
    let ds = import("chomage.xlsx", &bytes, &opts)
        .dataset
        .expect("accepted");
    let ind = ds
        .indicator("Taux de chômage")
        .expect("one indicator per value column");
    assert_eq!(ind.id, "Taux de chômage");
    let dims = [("Territoire".to_string(), "Le Havre".to_string())];
    let v: Vec<(Period, Option<f64>)> = ds
        .observations
        .iter()
        .filter(|o| ds.dimensions_of(o) == dims)
        .map(|o| (o.period, o.value))
        .collect();
    assert_eq!(
        v,
        [
            (Period::Year(2019), Some(7.9)),
            (Period::Year(2020), Some(8.25))
        ]
    );
}

#[test]
fn the_first_sheet_by_default_and_unknown_sheets_are_located() {
    let bytes = read("chomage.xlsx");
    let r = import("chomage.xlsx", &bytes, &ImportOptions::default());
    assert!(!r.ok());
    assert_eq!(r.problems[0].kind, ProblemKind::EmptyWorksheet);
    let opts = ImportOptions {
        sheet: Some("Nope".into()),
        ..ImportOptions::default()
    };
    let r = import("chomage.xlsx", &bytes, &opts);
    assert_eq!(
        r.problems[0].kind,
        ProblemKind::UnreadableXlsx {
            reason: vigie_core::ingest::zip::ZipError::NoSheetNamed {
                name: "Nope".into()
            }
        }
    );
    for end in 0..bytes.len() {
        let _ = import("cut.xlsx", &bytes[..end], &ImportOptions::default());
    }
    let gz = read("eurostat_small.tsv.gz");
    for end in 0..gz.len() {
        let _ = import("cut.tsv.gz", &gz[..end], &ImportOptions::default());
    }
}
