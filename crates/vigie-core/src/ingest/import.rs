//! The import entry point: any supported file (or Data Package with its resources) to an `ImportReport`
//! holding what was detected, a preview, counts, every located problem and, only when acceptable, the `Dataset`.
//!
//! The readers live beside their formats: `tabular` (delimited text and split rows), `json`, `xlsx`,
//! `datapackage`; what the person may override is in `options`.

use super::datapackage::resource_path;
use super::decode::{self, Encoding};
use super::json::import_json;
use super::periods::DateOrder;
use super::table::{self, Column, Shape};
use super::xlsx::import_xlsx;
use super::{meta, Problem, ProblemKind};
use crate::model::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use super::options::{apply_meta, ImportOptions, IndicatorMeta};
pub use super::tabular::{import_delimited, import_delimited_compact};

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Delimited,
    Json,
    Xlsx,
    DataPackage,
    Metadata,
    Unsupported,
}

/// Every guess Vigie made, to show and let the person override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detected {
    pub encoding: Encoding,
    pub format: Format,
    pub shape: Option<Shape>,
    pub delimiter: Option<char>,
    pub quote: Option<char>,
    pub decimal: char,
    pub thousands: Option<char>,
    /// 1-based line of the header; 0 when not delimited.
    pub header_line: usize,
    pub two_row_header: bool,
    pub preamble_lines: usize,
    pub footer_lines: usize,
    /// Missing markers in use (those seen first).
    pub missing_markers: Vec<String>,
    pub period_format: String,
    pub date_order: DateOrder,
    pub flags: bool,
    /// The file was gzip-compressed (and inflated first).
    pub gzip: bool,
}

impl Detected {
    pub(super) fn new(encoding: Encoding, format: Format) -> Self {
        Detected {
            encoding,
            format,
            shape: None,
            delimiter: None,
            quote: None,
            decimal: '.',
            thousands: None,
            header_line: 0,
            two_row_header: false,
            preamble_lines: 0,
            footer_lines: 0,
            missing_markers: Vec::new(),
            period_format: String::new(),
            date_order: DateOrder::DayFirst,
            flags: false,
            gzip: false,
        }
    }
}

/// Counts shown in the validation report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub indicators: usize,
    /// Distinct (indicator, dimensions) combinations.
    pub series: usize,
    pub observations: usize,
    /// Data rows read.
    pub rows: usize,
    /// Empty or marked cells of wide and per-column files (no observation made).
    pub missing_cells: usize,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file: String,
    pub detected: Detected,
    /// Columns and their roles (after Eurostat key splitting).
    pub columns: Vec<Column>,
    /// The header then the first rows as Vigie reads them.
    pub preview: Vec<Vec<String>>,
    pub counts: Counts,
    /// Present only when there are no problems, or the person accepted them.
    pub dataset: Option<Dataset>,
    /// Errors (at most `table::MAX_KEPT` kept per file; `problems_total` counts all).
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub problems_total: usize,
    pub warnings_total: usize,
}

impl ImportReport {
    pub(super) fn refused(file: &str, detected: Detected, p: Problem) -> Self {
        let mut r = Self::empty(file, detected);
        r.problems.push(p);
        r.problems_total = 1;
        r
    }

    /// A report with nothing read yet, no dataset and no problem.
    pub(super) fn empty(file: &str, detected: Detected) -> Self {
        ImportReport {
            file: file.to_owned(),
            detected,
            columns: Vec::new(),
            preview: Vec::new(),
            counts: Counts::default(),
            dataset: None,
            problems: Vec::new(),
            warnings: Vec::new(),
            problems_total: 0,
            warnings_total: 0,
        }
    }

    /// Whether the file would import (no problem, or problems accepted).
    pub fn ok(&self) -> bool {
        self.dataset.is_some()
    }
}

/// The columns a preview keeps: enough for any indicator table, few enough for a page (a header of
/// millions of fields is still read and refused, but not drawn).
pub const PREVIEW_COLUMNS: usize = 100;

/// How many records pass between two progress calls.
pub const PROGRESS_EVERY: usize = 8192;

/// Imports one file on its own.
pub fn import(file_name: &str, bytes: &[u8], opts: &ImportOptions) -> ImportReport {
    import_with(file_name, bytes, &[], opts)
}

/// The other files a file needs (a Data Package's resources), as relative paths.
pub fn companions_needed(file_name: &str, bytes: &[u8]) -> Vec<String> {
    let (text, _) = decode::decode(bytes, None);
    let Ok(root) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let _ = file_name;
    root.get("resources")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(resource_path)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.split('.').next().unwrap_or(base).to_owned()
}

fn ext(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default()
}

/// Imports a file with companion files (a Data Package's resources, an Open SDG metadata file).
pub fn import_with(
    file_name: &str,
    bytes: &[u8],
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> ImportReport {
    import_with_progress(file_name, bytes, companions, opts, &mut |_, _| true)
}

/// Like `import_with`, calling `progress(bytes_read, total_bytes)` every few thousand rows of a
/// delimited file (in the decoded text); returning `false` cancels, and the report says so.
pub fn import_with_progress(
    file_name: &str,
    bytes: &[u8],
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> ImportReport {
    import_compact(file_name, bytes, companions, opts, progress).into_report()
}

/// An import's outcome before a delimited file's observations and series leave the reader's
/// compact form: `into_report` makes them `Observation`s and `Series`; `transfer::pack_imported`
/// encodes them without that step.
#[derive(Debug)]
pub struct Imported {
    /// The report; when `rows` is given, its dataset's `observations` and `series` are still empty.
    pub report: ImportReport,
    pub rows: Option<table::Rows>,
}

impl From<ImportReport> for Imported {
    fn from(report: ImportReport) -> Self {
        Imported { report, rows: None }
    }
}

impl Imported {
    /// The report with every observation in its dataset.
    pub fn into_report(self) -> ImportReport {
        let mut report = self.report;
        if let (Some(rows), Some(ds)) = (self.rows, report.dataset.as_mut()) {
            ds.series = rows.series_list();
            ds.observations = rows.into_observations();
        }
        report
    }
}

/// `import_with_progress`, leaving a delimited file's observations compact (see `Imported`).
pub fn import_compact(
    file_name: &str,
    bytes: &[u8],
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Imported {
    let (text, enc) = decode::decode(bytes, opts.encoding);
    let refuse = |format, kind: ProblemKind| {
        ImportReport::refused(
            file_name,
            Detected::new(enc, format),
            Problem::at(file_name, 0, 0, "", kind),
        )
    };
    if bytes.is_empty() || text.trim().is_empty() {
        return refuse(Format::Unsupported, ProblemKind::EmptyFile).into();
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let inner = match super::zip::gunzip(bytes) {
            Ok(b) if !b.starts_with(&[0x1f, 0x8b]) => b,
            Ok(_) => return refuse(Format::Unsupported, ProblemKind::NestedGzip).into(),
            Err(e) => {
                return refuse(
                    Format::Unsupported,
                    ProblemKind::UnreadableGzip { reason: e },
                )
                .into()
            }
        };
        let inner_name = file_name.strip_suffix(".gz").unwrap_or(file_name);
        let mut imported = import_compact(inner_name, &inner, companions, opts, progress);
        let r = &mut imported.report;
        r.file = file_name.to_owned();
        r.detected.gzip = true;
        for p in r.problems.iter_mut().chain(r.warnings.iter_mut()) {
            if p.file == inner_name {
                p.file = file_name.to_owned();
            }
        }
        return imported;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return import_xlsx(file_name, bytes, opts).into();
    }
    if decode::looks_binary(bytes, enc) {
        // Located at the first NUL, so a person finds the damaged place of a text file.
        let (line, column) = decode::first_nul(&text).unwrap_or((0, 0));
        return ImportReport::refused(
            file_name,
            Detected::new(enc, Format::Unsupported),
            Problem::at(file_name, line, column, "", ProblemKind::BinaryFile),
        )
        .into();
    }
    let e = ext(file_name);
    if matches!(e.as_str(), "md" | "yml" | "yaml") {
        return refuse(Format::Metadata, ProblemKind::MetadataOnly).into();
    }
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if e == "json" || first.starts_with('{') || first.starts_with('[') {
        return import_json(file_name, &text, enc, companions, opts).into();
    }
    let stem_name = stem(file_name);
    let meta = open_sdg_meta(&stem_name, companions);
    let mut imported =
        import_delimited_compact(file_name, &text, enc, &stem_name, opts, None, progress);
    let Some(meta) = meta else {
        return imported;
    };
    if let Some(ds) = imported.report.dataset.as_mut() {
        for ind in ds.indicators.iter_mut() {
            if !meta.name.is_empty() {
                ind.name = Text::new(&meta.name, &meta.name);
            }
            if !meta.unit.is_empty() && ind.unit.fr.is_empty() {
                ind.unit = Text::new(&meta.unit, &meta.unit);
            }
            ind.sdg = meta.sdg.clone();
        }
    }
    // Faults in the progress options are the metadata file's problems, located in it; an extra
    // entry is a warning, any other fault an error that keeps the file out unless accepted.
    let r = &mut imported.report;
    let mut errors = 0;
    for (line, column, found, kind) in meta.faults {
        let single = matches!(
            kind,
            ProblemKind::ProgressOption {
                expected: super::ProgressOptionValue::SingleEntry,
                ..
            }
        );
        let p = Problem::at(&meta.file, line, column, &found, kind);
        if single {
            r.warnings.push(p);
            r.warnings_total += 1;
        } else {
            r.problems.push(p);
            r.problems_total += 1;
            errors += 1;
        }
    }
    if errors > 0 && !opts.accept_errors {
        r.dataset = None;
        imported.rows = None;
    }
    imported
}

/// What an Open SDG metadata file gives an indicator.
struct OpenSdgMeta {
    file: String,
    name: String,
    unit: String,
    sdg: Option<crate::model::SdgOptions>,
    faults: Vec<meta::OptionFault>,
}

fn open_sdg_meta(stem: &str, companions: &[(&str, &[u8])]) -> Option<OpenSdgMeta> {
    let id = stem.strip_prefix("indicator_")?;
    let (file, bytes) = companions.iter().find(|(name, _)| {
        let s = self::stem(name);
        s == id && matches!(ext(name).as_str(), "md" | "yml" | "yaml")
    })?;
    let (text, _) = decode::decode(bytes, None);
    let (name, unit) = meta::name_and_unit(&meta::front_matter(&text));
    let (sdg, faults) = meta::progress_options(&text);
    Some(OpenSdgMeta {
        file: (*file).to_owned(),
        name,
        unit,
        sdg,
        faults,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_sdg_progress_options_are_read_with_their_data_and_located_when_wrong() {
        let csv = b"Year,Value\n2015,10\n2020,12\n";
        let meta = b"---\nprogress_calculation_options:\n- target: 20\n  target_year: 2030\n  direction: positive\n---\n";
        let opts = ImportOptions::default();
        let r = import_with("indicator_1-1-1.csv", csv, &[("1-1-1.md", meta)], &opts);
        assert!(r.ok(), "{:?}", r.problems);
        let ind = &r.dataset.as_ref().unwrap().indicators[0];
        let o = ind.sdg.as_ref().unwrap();
        assert_eq!((o.target, o.target_year), (Some(20.0), Some(2030)));
        let bad = b"---\nprogress_calculation_options:\n- target: twenty\n---\n";
        let r = import_with("indicator_1-1-1.csv", csv, &[("1-1-1.md", bad)], &opts);
        assert!(!r.ok());
        let p = &r.problems[0];
        assert_eq!((p.file.as_str(), p.line, p.column), ("1-1-1.md", 3, 11));
        let accepted = ImportOptions {
            accept_errors: true,
            ..ImportOptions::default()
        };
        let r = import_with("indicator_1-1-1.csv", csv, &[("1-1-1.md", bad)], &accepted);
        assert!(r.ok());
    }

    #[test]
    fn reports_progress_and_can_be_cancelled() {
        let mut text = String::from("year,value\n");
        for i in 0..20_000 {
            text.push_str(&format!("{},{i}\n", 1900 + i % 200));
        }
        let mut calls = Vec::new();
        let r = import_with_progress(
            "p.csv",
            text.as_bytes(),
            &[],
            &ImportOptions::default(),
            &mut |done, total| {
                calls.push((done, total));
                true
            },
        );
        assert!(r.ok());
        assert_eq!(calls.len(), 3);
        assert_eq!(calls.last(), Some(&(text.len(), text.len())));
        let r = import_with_progress(
            "p.csv",
            text.as_bytes(),
            &[],
            &ImportOptions::default(),
            &mut |_, _| false,
        );
        assert!(!r.ok());
        assert_eq!(r.problems[0].kind, ProblemKind::Cancelled);
    }
}
