//! The bad-input corpus: crafted files under tests/fixtures/bad, each refused with its located message,
//! and none of them (nor any prefix of them) makes the importer panic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use vigie_core::ingest::{import, ImportOptions, ImportReport};

/// (file, line, column, what the message says is expected).
const CORPUS: &[(&str, usize, usize, &str)] = &[
    ("empty.csv", 0, 0, "indicator data (the file is empty)"),
    ("blank_lines.csv", 0, 0, "indicator data (the file is empty)"),
    ("binary.bin", 0, 0, "a text file (CSV, TSV, JSON); this one holds binary bytes"),
    ("sheet.xlsx", 0, 0, "a readable XLSX workbook (zip: no end of central directory)"),
    ("data.csv.gz", 0, 0, "a readable gzip file (no valid gzip header)"),
    ("truncated_quote.csv", 2, 6, "a closing quote before the end of the file"),
    ("stray_quote.csv", 2, 8, "a quote only at the start of a field"),
    ("text_after_quote.csv", 2, 9, "a delimiter or the end of the line after a closing quote"),
    ("ragged_long_row.csv", 3, 10, "at most 3 fields, as in the header (found 4)"),
    ("mixed_decimals.csv", 3, 6, "a number with a decimal comma"),
    ("latin1_text_in_value.csv", 2, 6, "a number"),
    ("invalid_utf8_after_bom.csv", 2, 6, "a number"),
    ("duplicate_header.csv", 1, 3, "column names that appear once in the header"),
    ("header_only.csv", 1, 0, "data rows after the header"),
    ("impossible_date.csv", 2, 1, "a date that exists"),
    ("impossible_slash_date.csv", 2, 1, "a date that exists"),
    ("overflow_number.csv", 2, 6, "a number within the range of a 64-bit float"),
    ("infinite_value.csv", 2, 6, "a number"),
    ("text_value.csv", 2, 6, "a number"),
    ("bad_quarter.csv", 2, 1, "a period such as 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 or 18/03/2019"),
    ("bad_span.csv", 3, 1, "a period such as 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 or 18/03/2019"),
    ("nan_period.csv", 2, 1, "a period such as 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 or 18/03/2019"),
    ("bad_month_row.csv", 6, 1, "a month name such as janv., février or March"),
    ("no_period.csv", 1, 0, "indicator data: a period column (such as Year, Date or Période) or periods as column headers (such as 2019 or 2019-Q1)"),
    ("empty_header.csv", 1, 1, "a header row naming the columns"),
    ("all_missing.csv", 0, 0, "at least one value (every value cell is empty or missing)"),
    ("nested_wrong_shape.json", 1, 1, "an array of records (objects with the same keys) or a Data Package descriptor with `resources`"),
    ("nested_value.json", 2, 2, "a number or a text in `value` (not a nested object or array)"),
    ("array_of_numbers.json", 1, 2, "an object (one record per array element)"),
    ("truncated.json", 1, 24, "valid JSON (EOF while parsing a value at line 1 column 24)"),
    ("tableschema.json", 1, 1, "indicator data (this is a Table Schema: it describes columns but holds no values)"),
    ("datapackage.json", 0, 0, "the file of resource `obs` alongside the descriptor"),
];

fn dir() -> std::path::PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/bad")
}

fn check(name: &str, r: &ImportReport, line: usize, column: usize, expected: &str) {
    assert!(r.dataset.is_none(), "{name}: should be refused");
    let p = r
        .problems
        .first()
        .unwrap_or_else(|| panic!("{name}: a problem"));
    assert_eq!(
        (p.file.as_str(), p.line, p.column, p.expected.as_str()),
        (name, line, column, expected),
        "{name}: {p}"
    );
}

#[test]
fn every_bad_file_is_refused_with_its_located_message() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "unknown_indicator.csv")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|c| c.0.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every corpus file has an expectation");
    assert!(CORPUS.len() >= 25);
    for (name, line, column, expected) in CORPUS {
        let bytes = std::fs::read(dir().join(name)).expect("corpus file");
        check(
            name,
            &import(name, &bytes, &ImportOptions::default()),
            *line,
            *column,
            expected,
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
        "a known indicator id (kpi_a, kpi_b…)",
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
