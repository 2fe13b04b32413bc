//! The bad-input corpus: crafted files under tests/fixtures/bad, each refused with its located problem,
//! and none of them (nor any prefix of them) makes the importer panic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use vigie_core::ingest::zip::ZipError;
use vigie_core::ingest::{import, ImportOptions, ImportReport, ProblemKind};
use ProblemKind::*;

/// (file, line, column, the kind of the first problem). The import page's end-to-end test reads this
/// list too (the file, place and kind's name of each entry), and checks the page's `data-kind`.
#[rustfmt::skip]
fn corpus() -> Vec<(&'static str, usize, usize, ProblemKind)> {
    let s = |t: &str| t.to_owned();
    vec![
        ("empty.csv", 0, 0, EmptyFile),
        ("blank_lines.csv", 0, 0, EmptyFile),
        ("binary.bin", 1, 1, BinaryFile),
        ("sheet.xlsx", 0, 0, UnreadableXlsx { reason: ZipError::NoDirectory }),
        ("data.csv.gz", 0, 0, UnreadableGzip { reason: ZipError::NoGzipHeader }),
        ("truncated_quote.csv", 2, 6, UnterminatedQuote),
        ("stray_quote.csv", 2, 8, StrayQuote),
        ("text_after_quote.csv", 2, 9, TextAfterQuote),
        ("ragged_long_row.csv", 3, 10, TooManyFields { expected: 3, found: 4 }),
        ("mixed_decimals.csv", 3, 6, WrongDecimalSeparator { decimal: ',' }),
        ("latin1_text_in_value.csv", 2, 6, NotANumber),
        ("invalid_utf8_after_bom.csv", 2, 6, NotANumber),
        ("duplicate_header.csv", 1, 3, DuplicateColumn),
        ("header_only.csv", 1, 0, NoDataRows),
        ("impossible_date.csv", 2, 1, NoSuchDate),
        ("impossible_slash_date.csv", 2, 1, NoSuchDate),
        ("overflow_number.csv", 2, 6, NumberOutOfRange),
        ("infinite_value.csv", 2, 6, NotANumber),
        ("text_value.csv", 2, 6, NotANumber),
        ("bad_quarter.csv", 2, 1, UnknownPeriod),
        ("bad_span.csv", 3, 1, UnknownPeriod),
        ("nan_period.csv", 2, 1, UnknownPeriod),
        ("bad_month_row.csv", 6, 1, NotAMonth),
        ("no_period.csv", 1, 0, NoPeriodColumn { chosen: false }),
        ("empty_header.csv", 1, 1, EmptyHeader),
        ("all_missing.csv", 0, 0, NoValues),
        ("nested_wrong_shape.json", 1, 1, UnknownJsonShape),
        ("nested_value.json", 2, 2, NestedValue { key: s("value") }),
        ("array_of_numbers.json", 1, 2, NotARecord),
        ("truncated.json", 1, 24, InvalidJson { message: s("EOF while parsing a value at line 1 column 24") }),
        ("tableschema.json", 1, 1, TableSchemaOnly),
        ("datapackage.json", 0, 0, MissingResourceFile { resource: s("obs") }),
    ]
}

fn dir() -> std::path::PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/bad")
}

fn check(name: &str, r: &ImportReport, line: usize, column: usize, kind: &ProblemKind) {
    assert!(r.dataset.is_none(), "{name}: should be refused");
    let p = r
        .problems
        .first()
        .unwrap_or_else(|| panic!("{name}: a problem"));
    assert_eq!(
        (p.file.as_str(), p.line, p.column, &p.kind),
        (name, line, column, kind),
        "{name}: {p}"
    );
}

#[test]
fn every_bad_file_is_refused_with_its_located_problem() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "unknown_indicator.csv")
        .collect();
    on_disk.sort();
    let corpus = corpus();
    let mut listed: Vec<String> = corpus.iter().map(|c| c.0.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every corpus file has an expectation");
    assert!(corpus.len() >= 25);
    for (name, line, column, kind) in &corpus {
        let bytes = std::fs::read(dir().join(name)).expect("corpus file");
        check(
            name,
            &import(name, &bytes, &ImportOptions::default()),
            *line,
            *column,
            kind,
        );
    }
}

#[test]
fn unknown_indicator_ids_are_refused_when_the_list_is_known() {
    let name = "unknown_indicator.csv";
    let bytes = std::fs::read(dir().join(name)).expect("corpus file");
    let opts = ImportOptions {
        known_indicators: Some(vec!["kpi_a".into(), "kpi_b".into()]),
        ..ImportOptions::default()
    };
    check(
        name,
        &import(name, &bytes, &opts),
        3,
        1,
        &UnknownIndicator {
            known: vec!["kpi_a".into(), "kpi_b".into()],
        },
    );
    assert!(import(name, &bytes, &ImportOptions::default()).ok());
}

#[test]
fn accepted_errors_import_the_rest() {
    let name = "text_value.csv";
    let text = "year,value\n2019,abc\n2020,2\n";
    let opts = ImportOptions {
        accept_errors: true,
        ..ImportOptions::default()
    };
    let r = import(name, text.as_bytes(), &opts);
    assert_eq!(r.problems_total, 1);
    assert_eq!(r.dataset.map(|d| d.observations.len()), Some(1));
}

#[test]
fn a_ten_megabyte_single_line_is_refused_quickly() {
    let line = "x".repeat(10 << 20);
    let r = import("long.csv", line.as_bytes(), &ImportOptions::default());
    assert!(r.dataset.is_none());
    assert_eq!(r.problems[0].line, 1);
    let mut wide = String::from("year");
    for _ in 0..200_000 {
        wide.push_str(",abcdefghijklmnopqrstuvwxyz01234567890123456789");
    }
    let r = import("wide.csv", wide.as_bytes(), &ImportOptions::default());
    assert!(r.dataset.is_none());
}

#[test]
fn no_prefix_of_any_fixture_panics() {
    let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    inputs.push("Titre;2019;2020\njanv;1 000,5;2\nfévr;3;: c\n".into());
    inputs.push("unit,geo\\time\t2019 \t2018 \nPC,AT\t79.2 e\t: \n".into());
    inputs.push("\"a\",\"b\"\n\"2019\",\"1\"\"2\"\n".into());
    inputs.push(vec![0xEF, 0xBB, 0xBF, b'"', 0xC3]);
    inputs.push(vec![0xFF, 0xFE, b'a', 0, 0xD8]);
    for bytes in &inputs {
        for end in 0..=bytes.len().min(300) {
            for opts in [
                ImportOptions::default(),
                ImportOptions {
                    delimiter: Some(';'),
                    decimal: Some(','),
                    accept_errors: true,
                    ..ImportOptions::default()
                },
                ImportOptions {
                    header_line: Some(2),
                    quote: Some(None),
                    ..ImportOptions::default()
                },
            ] {
                let _ = import("p.csv", &bytes[..end], &opts);
                let _ = import("p.json", &bytes[..end], &opts);
            }
        }
    }
}
