//! The import entry point: any supported file (or Data Package with its resources) to an `ImportReport`
//! holding what was detected, a preview, counts, every located problem and, only when acceptable, the `Dataset`.

use super::csv::{self, Dialect};
use super::datapackage::{self, Descriptor};
use super::decode::{self, Encoding};
use super::number::{NumberStyle, DEFAULT_MISSING};
use super::periods::{self, DateOrder};
use super::sniff;
use super::table::{self, Builder, Column, Plan, Role, Shape};
use super::{meta, Problem, ProblemKind};
use crate::model::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What the person may override; `None` keeps Vigie's guess. In JSON (the worker's request, and
/// `vigie-check --options`) a guess is an absent field, so that `null` can say "none" where a setting
/// can be turned off (`quote`, `thousands`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// `Some(None)` turns quoting off.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_off"
    )]
    pub quote: Option<Option<char>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal: Option<char>,
    /// `Some(None)`: no thousands separator.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_off"
    )]
    pub thousands: Option<Option<char>>,
    /// The header's 1-based line (everything before is preamble).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_markers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Split Eurostat status flags glued to values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<bool>,
    /// One role per column (after Eurostat key splitting), replacing the guesses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
    /// Metadata for indicators of files that carry none.
    pub indicator: IndicatorMeta,
    /// When given, indicator ids outside this list are problems.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_indicators: Option<Vec<String>>,
    /// Import anyway, skipping rows with problems (the person accepted them).
    pub accept_errors: bool,
    /// The XLSX worksheet to read (the first when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// A setting that can be turned off: `null` is `Some(None)` (off), a value is `Some(Some(v))`; an
/// absent field stays `None` (Vigie's guess) through `#[serde(default)]`.
fn set_or_off<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Name, unit, direction, baseline and target the person gives for a file without indicator metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorMeta {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub baseline: Option<Milestone>,
    pub target: Option<Milestone>,
}

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
    fn new(encoding: Encoding, format: Format) -> Self {
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
    fn refused(file: &str, detected: Detected, p: Problem) -> Self {
        let mut r = Self::empty(file, detected);
        r.problems.push(p);
        r.problems_total = 1;
        r
    }

    /// A report with nothing read yet, no dataset and no problem.
    fn empty(file: &str, detected: Detected) -> Self {
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

fn resource_path(r: &Value) -> Option<&str> {
    match r.get("path")? {
        Value::String(s) => Some(s),
        Value::Array(a) => a.first()?.as_str(),
        _ => None,
    }
}

fn stem(file: &str) -> String {
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
                    ProblemKind::UnreadableGzip { reason: e.0 },
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
        return refuse(Format::Unsupported, ProblemKind::BinaryFile).into();
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
    if let (Some((name, unit)), Some(ds)) = (meta, imported.report.dataset.as_mut()) {
        for ind in ds.indicators.iter_mut() {
            if !name.is_empty() {
                ind.name = Text::new(&name, &name);
            }
            if !unit.is_empty() && ind.unit.fr.is_empty() {
                ind.unit = Text::new(&unit, &unit);
            }
        }
    }
    imported
}

fn open_sdg_meta(stem: &str, companions: &[(&str, &[u8])]) -> Option<(String, String)> {
    let id = stem.strip_prefix("indicator_")?;
    let (_, bytes) = companions.iter().find(|(name, _)| {
        let s = self::stem(name);
        s == id && matches!(ext(name).as_str(), "md" | "yml" | "yaml")
    })?;
    let (text, _) = decode::decode(bytes, None);
    Some(meta::name_and_unit(&meta::front_matter(&text)))
}

/// Applies what the person said about a file's indicators: the name (when the file holds one
/// indicator), unit, direction, baseline and target.
pub fn apply_meta(indicators: &mut [Indicator], m: &IndicatorMeta) {
    let single = indicators.len() == 1;
    for ind in indicators.iter_mut() {
        if let (Some(n), true) = (&m.name, single) {
            ind.name = Text::new(n, n);
        }
        if let Some(u) = &m.unit {
            ind.unit = Text::new(u, u);
        }
        if let Some(d) = m.direction {
            ind.direction = d;
        }
        if m.baseline.is_some() {
            ind.baseline = m.baseline;
        }
        if m.target.is_some() {
            ind.target = m.target;
        }
    }
}

/// Reads a delimited text (CSV, TSV, TXT); `dialect_hint` comes from a Data Package's `dialect`.
pub fn import_delimited(
    file: &str,
    text: &str,
    enc: Encoding,
    stem: &str,
    opts: &ImportOptions,
    dialect_hint: Option<Dialect>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> ImportReport {
    import_delimited_compact(file, text, enc, stem, opts, dialect_hint, progress).into_report()
}

/// `import_delimited`, leaving the observations compact (see `Imported`).
pub fn import_delimited_compact(
    file: &str,
    text: &str,
    enc: Encoding,
    stem: &str,
    opts: &ImportOptions,
    dialect_hint: Option<Dialect>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Imported {
    let mut det = Detected::new(enc, Format::Delimited);
    let dialect = match (opts.delimiter, dialect_hint) {
        (Some(d), _) => Some(Dialect {
            delimiter: if d.is_ascii() { d as u8 } else { b',' },
            quote: opts
                .quote
                .unwrap_or(Some('"'))
                .filter(char::is_ascii)
                .map(|q| q as u8),
        }),
        (None, Some(h)) => Some(h),
        (None, None) => opts.quote.map(|q| Dialect {
            delimiter: sniff::delimiter(text),
            quote: q.filter(char::is_ascii).map(|q| q as u8),
        }),
    };
    let sample = match sniff::sample(file, text, dialect, opts.header_line) {
        Ok(s) => s,
        Err(p) => return ImportReport::refused(file, det, p).into(),
    };
    det.delimiter = Some(sample.dialect.delimiter as char);
    det.quote = sample.dialect.quote.map(|q| q as char);
    det.header_line = sample.header_line;
    det.two_row_header = sample.two_row_header;
    det.preamble_lines = sample.header_line.saturating_sub(1);
    let style = NumberStyle {
        decimal: opts.decimal.unwrap_or(sample.style.decimal),
        thousands: opts.thousands.unwrap_or(sample.style.thousands),
    };
    det.decimal = style.decimal;
    det.thousands = style.thousands;
    det.date_order = opts.date_order.unwrap_or(sample.date_order);
    det.flags = opts.flags.unwrap_or(sample.eurostat_flags);
    let missing: Vec<String> = opts
        .missing_markers
        .clone()
        .unwrap_or_else(|| DEFAULT_MISSING.iter().map(|s| (*s).to_owned()).collect());
    det.missing_markers = if opts.missing_markers.is_some() {
        missing.clone()
    } else {
        sample.missing_seen.clone()
    };
    let clip = |row: &Vec<String>| {
        row.iter()
            .take(PREVIEW_COLUMNS)
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut preview = vec![clip(&sample.header)];
    preview.extend(sample.rows.iter().take(10).map(clip));
    let header_at = (sample.header_line, 1);
    if sample.header.iter().all(|h| h.is_empty()) {
        let mut r = ImportReport::refused(
            file,
            det,
            Problem::at(file, header_at.0, 1, "", ProblemKind::EmptyHeader),
        );
        r.preview = preview;
        return r.into();
    }
    // Duplicate names in a header make roles ambiguous.
    let mut seen = HashSet::new();
    for (j, h) in sample.header.iter().enumerate() {
        if !h.is_empty() && !seen.insert(h.as_str()) {
            let mut r = ImportReport::refused(
                file,
                det,
                Problem::at(file, header_at.0, j + 1, h, ProblemKind::DuplicateColumn),
            );
            r.preview = preview;
            return r.into();
        }
    }
    if sample.rows.is_empty() {
        let mut r = ImportReport::refused(
            file,
            det,
            Problem::at(file, header_at.0, 0, "", ProblemKind::NoDataRows),
        );
        r.preview = preview;
        return r.into();
    }
    let plan = table::guess(
        &sample.header,
        &sample.rows,
        stem,
        style,
        det.date_order,
        det.flags,
        &missing,
    );
    let mut plan = match plan {
        Ok(p) => p,
        Err(fault) => {
            let mut r = ImportReport::refused(
                file,
                det,
                Problem::at(
                    file,
                    header_at.0,
                    0,
                    &sample.header.join(" | "),
                    fault.kind(false),
                ),
            );
            r.preview = preview;
            return r.into();
        }
    };
    if let Some(roles) = &opts.roles {
        for (c, r) in plan.columns.iter_mut().zip(roles) {
            c.role = *r;
        }
        for (j, c) in plan.columns.iter().enumerate() {
            if c.role == Role::PeriodValue
                && plan.header_periods.get(j).copied().flatten().is_none()
            {
                let mut r = ImportReport::refused(
                    file,
                    det,
                    Problem::at(
                        file,
                        header_at.0,
                        j + 1,
                        &c.name,
                        ProblemKind::NotAPeriodHeader,
                    ),
                );
                r.preview = preview;
                return r.into();
            }
        }
        match table::shape_of(&plan.columns, plan.shape == Shape::OpenSdg) {
            Ok(s) => plan.shape = s,
            Err(e) => {
                let mut r =
                    ImportReport::refused(file, det, Problem::at(file, 0, 0, "", e.kind(true)));
                r.preview = preview;
                return r.into();
            }
        }
    }
    det.shape = Some(plan.shape);
    det.period_format = period_format(&plan, &sample.rows);
    if plan.split_first > 0 {
        // Show Eurostat rows as Vigie reads them: one column per dimension code.
        preview = std::iter::once(plan.columns.iter().map(|c| c.name.clone()).collect())
            .chain(preview.into_iter().skip(1).map(|r| {
                let mut out: Vec<String> = r
                    .first()
                    .map(|c| c.split(',').map(str::to_owned).collect())
                    .unwrap_or_default();
                out.resize(plan.split_first, String::new());
                out.extend(r.into_iter().skip(1));
                out
            }))
            .collect();
    }
    let mut b = Builder::new(&plan, file, opts.known_indicators.clone());
    let skip = sample.header_index + 1 + usize::from(sample.two_row_header);
    let ncols = plan.columns.len();
    let mut index = 0usize;
    let mut pending: Vec<((usize, usize), String)> = Vec::new();
    let mut cancelled = false;
    let scanned = csv::scan(file, text, sample.dialect, |row| {
        index += 1;
        if index % PROGRESS_EVERY == 0 && !progress(row.start, text.len()) {
            cancelled = true;
            return false;
        }
        if index <= skip {
            return true;
        }
        let w = (0..row.len())
            .rposition(|i| !table::trim(row.get(i)).is_empty())
            .map(|p| p + 1)
            .unwrap_or(0);
        if w == 0 {
            return true;
        }
        if w == 1
            && ncols >= 3
            && periods::parse(row.get(0), DateOrder::DayFirst).is_err()
            && plan.split_first == 0
        {
            pending.push((row.loc(0), row.get(0).to_owned()));
            return true;
        }
        for (at, t) in pending.drain(..) {
            b.error(
                at,
                &t,
                ProblemKind::WrongFieldCount {
                    expected: ncols,
                    found: 1,
                },
            );
        }
        b.row(row);
        true
    });
    if cancelled {
        let mut r = ImportReport::refused(
            file,
            det,
            Problem::at(file, 0, 0, "", ProblemKind::Cancelled),
        );
        r.preview = preview;
        r.columns = plan.columns.clone();
        return r.into();
    }
    progress(text.len(), text.len());
    if let Err(p) = scanned {
        b.problem_count += 1;
        b.problems.push(p);
    }
    det.footer_lines = pending.len();
    for (at, t) in &pending {
        b.warn(*at, t, ProblemKind::FooterSkipped);
    }
    finish(file, det, plan.columns.clone(), preview, b, opts)
}

fn period_format(plan: &Plan, rows: &[Vec<String>]) -> String {
    if let Some((j, _)) = plan
        .columns
        .iter()
        .enumerate()
        .find(|(_, c)| c.role == Role::PeriodValue)
    {
        let f = periods::format_of(&plan.columns[j].name);
        if plan.columns.iter().any(|c| c.role == Role::MonthOfYear) {
            return format!("month × {f}");
        }
        return f.to_owned();
    }
    if let Some(j) = plan.columns.iter().position(|c| c.role == Role::Period) {
        let off = if plan.split_first > 0 { 0 } else { j };
        if let Some(v) = rows
            .iter()
            .filter_map(|r| r.get(off))
            .find(|v| !v.trim().is_empty())
        {
            return periods::format_of(v).to_owned();
        }
    }
    String::new()
}

fn finish(
    file: &str,
    det: Detected,
    columns: Vec<Column>,
    preview: Vec<Vec<String>>,
    mut b: Builder,
    opts: &ImportOptions,
) -> Imported {
    let (problems, warnings, pt, wt, missing_cells, rows) = (
        std::mem::take(&mut b.problems),
        std::mem::take(&mut b.warnings),
        b.problem_count,
        b.warning_count,
        b.missing_cells,
        b.rows,
    );
    let series_total = b.series_count();
    let (indicators, observations) = b.finish();
    let mut problems = problems;
    let mut problems_total = pt;
    if problems_total == 0 && !observations.any_value() {
        problems.push(Problem::at(file, 0, 0, "", ProblemKind::NoValues));
        problems_total = 1;
    }
    let counts = Counts {
        indicators: indicators.len(),
        series: series_total,
        observations: observations.len(),
        rows,
        missing_cells,
    };
    let dataset = if problems_total == 0 || opts.accept_errors {
        let mut ds = Dataset {
            indicators,
            ..Dataset::default()
        };
        ds.programme.source = file.to_owned();
        apply_meta(&mut ds.indicators, &opts.indicator);
        Some(ds)
    } else {
        None
    };
    Imported {
        rows: dataset.is_some().then_some(observations),
        report: ImportReport {
            file: file.to_owned(),
            detected: det,
            columns,
            preview,
            counts,
            dataset,
            problems,
            warnings,
            problems_total,
            warnings_total: wt,
        },
    }
}

/// Distinct series: each disaggregation, plus each indicator's headline when it has one.
fn series_count(obs: &[Observation]) -> usize {
    let mut set: HashSet<(&str, Option<u32>)> = HashSet::new();
    for o in obs {
        set.insert((o.indicator.as_str(), o.series));
    }
    set.len()
}

fn json_problem(file: &str, e: &serde_json::Error) -> Problem {
    Problem::at(
        file,
        e.line(),
        e.column(),
        "",
        ProblemKind::InvalidJson {
            message: e.to_string(),
        },
    )
}

fn import_json(
    file: &str,
    text: &str,
    enc: Encoding,
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> ImportReport {
    let det = Detected::new(enc, Format::Json);
    let body = text.trim_start_matches('\u{feff}');
    let root: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) => return ImportReport::refused(file, det, json_problem(file, &e)),
    };
    let whole = |kind: ProblemKind| Problem::at(file, 1, 1, "", kind);
    match &root {
        Value::Object(o) if o.contains_key("fields") => {
            ImportReport::refused(file, det, whole(ProblemKind::TableSchemaOnly))
        }
        Value::Object(o) if o.contains_key("resources") => {
            import_package(file, body, &root, enc, companions, opts)
        }
        Value::Array(items) => {
            let offsets = element_offsets(body);
            match records_to_rows(items) {
                Ok((header, rows)) => {
                    let loc = |i: usize, _: usize| {
                        offsets
                            .get(i)
                            .map(|&o| csv::locate(body, 0, 1, o))
                            .unwrap_or((0, 0))
                    };
                    import_rows(file, det, &stem(file), header, rows, &loc, opts)
                }
                Err((i, kind)) => {
                    let (l, c) = offsets
                        .get(i)
                        .map(|&o| csv::locate(body, 0, 1, o))
                        .unwrap_or((1, 1));
                    ImportReport::refused(file, det, Problem::at(file, l, c, "", kind))
                }
            }
        }
        _ => ImportReport::refused(file, det, whole(ProblemKind::UnknownJsonShape)),
    }
}

/// Byte offsets of the top-level array's elements, to locate problems in JSON records.
fn element_offsets(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let (mut depth, mut in_str, mut esc) = (0i32, false, false);
    let mut out = Vec::new();
    let mut expect = false;
    for (i, &c) in b.iter().enumerate() {
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            continue;
        }
        if expect && !c.is_ascii_whitespace() && c != b']' {
            out.push(i);
            expect = false;
        }
        match c {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 && c == b'[' {
                    expect = true;
                }
            }
            b']' | b'}' => depth -= 1,
            b',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Records (objects, or arrays after a header array) to a header and text rows.
#[allow(clippy::type_complexity)]
fn records_to_rows(
    items: &[Value],
) -> Result<(Vec<String>, Vec<Vec<String>>), (usize, ProblemKind)> {
    if items.is_empty() {
        return Err((0, ProblemKind::NoRecords));
    }
    if let Some(Value::Array(h)) = items.first() {
        let header: Option<Vec<String>> = h.iter().map(|v| v.as_str().map(str::to_owned)).collect();
        let header = header.ok_or((0, ProblemKind::NoColumnNames))?;
        let mut rows = Vec::new();
        for (i, it) in items.iter().enumerate().skip(1) {
            let r: Option<Vec<String>> = it.as_array().and_then(|a| a.iter().map(scalar).collect());
            rows.push(r.ok_or((i, ProblemKind::NotARowArray))?);
        }
        return Ok((header, rows));
    }
    let mut header: Vec<String> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let o = it.as_object().ok_or((i, ProblemKind::NotARecord))?;
        for k in o.keys() {
            if !header.contains(k) {
                header.push(k.clone());
            }
        }
    }
    let mut rows = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let mut r = Vec::with_capacity(header.len());
        for k in &header {
            let v = it.get(k).unwrap_or(&Value::Null);
            r.push(scalar(v).ok_or_else(|| (i, ProblemKind::NestedValue { key: k.clone() }))?);
        }
        rows.push(r);
    }
    Ok((header, rows))
}

/// Reads rows that are already split (JSON records, inline data, XLSX); `loc(row, column)` places a cell.
#[allow(clippy::too_many_arguments)]
fn import_rows(
    file: &str,
    mut det: Detected,
    stem: &str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    loc: &dyn Fn(usize, usize) -> (usize, usize),
    opts: &ImportOptions,
) -> ImportReport {
    let style = NumberStyle {
        decimal: opts.decimal.unwrap_or('.'),
        thousands: opts.thousands.unwrap_or(None),
    };
    let missing: Vec<String> = opts
        .missing_markers
        .clone()
        .unwrap_or_else(|| DEFAULT_MISSING.iter().map(|s| (*s).to_owned()).collect());
    let sample: Vec<Vec<String>> = rows.iter().take(sniff::SAMPLE_ROWS).cloned().collect();
    let (_, order, _, seen) = sniff::conventions(&sample, b',', false);
    det.date_order = opts.date_order.unwrap_or(order);
    det.missing_markers = seen;
    let mut preview = vec![header.clone()];
    preview.extend(rows.iter().take(10).cloned());
    let mut plan = match table::guess(
        &header,
        &sample,
        stem,
        style,
        det.date_order,
        false,
        &missing,
    ) {
        Ok(p) => p,
        Err(fault) => {
            let line = det.header_line.max(1);
            let mut r = ImportReport::refused(
                file,
                det,
                Problem::at(file, line, 1, &header.join(" | "), fault.kind(false)),
            );
            r.preview = preview;
            return r;
        }
    };
    if let Some(roles) = &opts.roles {
        for (c, r) in plan.columns.iter_mut().zip(roles) {
            c.role = *r;
        }
        if let Ok(s) = table::shape_of(&plan.columns, false) {
            plan.shape = s;
        }
    }
    det.shape = Some(plan.shape);
    det.period_format = period_format(&plan, &sample);
    let mut b = Builder::new(&plan, file, opts.known_indicators.clone());
    for (i, r) in rows.iter().enumerate() {
        b.row(&Record { cells: r, i, loc });
    }
    finish(file, det, plan.columns.clone(), preview, b, opts).into_report()
}

/// A row already split into texts, placed by `loc(row, column)`.
struct Record<'a> {
    cells: &'a [String],
    i: usize,
    loc: &'a dyn Fn(usize, usize) -> (usize, usize),
}

impl<'a> table::Cells<'a> for Record<'a> {
    fn len(&self) -> usize {
        self.cells.len()
    }

    fn cell(&self, j: usize) -> &'a str {
        self.cells.get(j).map(String::as_str).unwrap_or("")
    }

    fn loc(&self, j: usize) -> (usize, usize) {
        (self.loc)(self.i, j)
    }
}

fn import_xlsx(file: &str, bytes: &[u8], opts: &ImportOptions) -> ImportReport {
    let det = Detected::new(Encoding::Utf8, Format::Xlsx);
    let rows = match super::xlsx::read(bytes, opts.sheet.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            return ImportReport::refused(
                file,
                det,
                Problem::at(file, 0, 0, "", ProblemKind::UnreadableXlsx { reason: e.0 }),
            )
        }
    };
    let Some(h) = rows
        .iter()
        .position(|(_, r)| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
    else {
        return ImportReport::refused(
            file,
            det,
            Problem::at(file, 0, 0, "", ProblemKind::EmptyWorksheet),
        );
    };
    let mut det = det;
    det.header_line = rows[h].0;
    det.preamble_lines = h;
    let header: Vec<String> = rows[h].1.iter().map(|c| c.trim().to_owned()).collect();
    let (numbers, data): (Vec<usize>, Vec<Vec<String>>) = rows[h + 1..]
        .iter()
        .filter(|r| r.1.iter().any(|c| !c.trim().is_empty()))
        .map(|r| (r.0, r.1.clone()))
        .unzip();
    let loc = |i: usize, j: usize| (numbers.get(i).copied().unwrap_or(0), j + 1);
    import_rows(file, det, &stem(file), header, data, &loc, opts)
}

fn find_companion<'a>(path: &str, companions: &[(&str, &'a [u8])]) -> Option<&'a [u8]> {
    let clean = path.trim_start_matches("./");
    companions
        .iter()
        .find(|(n, _)| {
            *n == clean || n.ends_with(&format!("/{clean}")) || clean.ends_with(&format!("/{n}"))
        })
        .map(|(_, b)| *b)
}

fn import_package(
    file: &str,
    body: &str,
    root: &Value,
    enc: Encoding,
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> ImportReport {
    let mut det = Detected::new(enc, Format::DataPackage);
    let resources = root
        .get("resources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let names: Vec<&str> = resources
        .iter()
        .filter_map(|r| r.get("name").and_then(Value::as_str))
        .collect();
    if datapackage::RESOURCES.iter().all(|n| names.contains(n)) {
        det.shape = Some(Shape::Native);
        let d = match Descriptor::parse(file, body) {
            Ok(d) => d,
            Err(p) => return ImportReport::refused(file, det, p),
        };
        let mut files = HashMap::new();
        for p in d.paths() {
            if let Some(b) = find_companion(p, companions) {
                files.insert(p.to_owned(), decode::decode(b, None).0);
            }
        }
        return match d.read(&files) {
            Ok(ds) => {
                let counts = Counts {
                    indicators: ds.indicators.len(),
                    series: series_count(&ds.observations),
                    observations: ds.observations.len(),
                    rows: ds.observations.len(),
                    missing_cells: 0,
                };
                ImportReport {
                    file: file.to_owned(),
                    detected: det,
                    columns: Vec::new(),
                    preview: Vec::new(),
                    counts,
                    dataset: Some(ds),
                    problems: Vec::new(),
                    warnings: Vec::new(),
                    problems_total: 0,
                    warnings_total: 0,
                }
            }
            Err(problems) => ImportReport {
                file: file.to_owned(),
                detected: det,
                columns: Vec::new(),
                preview: Vec::new(),
                counts: Counts::default(),
                dataset: None,
                problems_total: problems.len(),
                problems,
                warnings: Vec::new(),
                warnings_total: 0,
            },
        };
    }
    // A general Frictionless package: each tabular resource is read like a file of its own.
    let mut merged = Dataset::default();
    let mut out = ImportReport::empty(file, det.clone());
    let mut any = false;
    for (k, r) in resources.iter().enumerate() {
        let name = r
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("resource {}", k + 1));
        let sub = if let Some(data) = r.get("data").and_then(Value::as_array) {
            match records_to_rows(data) {
                Ok((h, rows)) => import_rows(
                    file,
                    Detected::new(enc, Format::Json),
                    &name,
                    h,
                    rows,
                    &|_, _| (0, 0),
                    opts,
                ),
                Err((_, e)) => ImportReport::refused(
                    file,
                    det.clone(),
                    Problem::at(
                        file,
                        0,
                        0,
                        &name,
                        ProblemKind::InlineData {
                            resource: name.clone(),
                            problem: Box::new(e),
                        },
                    ),
                ),
            }
        } else if let Some(path) = resource_path(r) {
            let Some(bytes) = find_companion(path, companions) else {
                out.problems.push(Problem::at(
                    file,
                    0,
                    0,
                    path,
                    ProblemKind::MissingResourceFile {
                        resource: name.clone(),
                    },
                ));
                out.problems_total += 1;
                continue;
            };
            let delim = r
                .pointer("/dialect/delimiter")
                .and_then(Value::as_str)
                .and_then(|s| s.chars().next());
            let mut o = opts.clone();
            if o.delimiter.is_none() {
                o.delimiter = delim;
            }
            let missing: Option<Vec<String>> = r
                .pointer("/schema/missingValues")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                });
            if o.missing_markers.is_none() {
                if let Some(mut m) = missing {
                    m.extend(DEFAULT_MISSING.iter().map(|s| (*s).to_owned()));
                    o.missing_markers = Some(m);
                }
            }
            let (text, enc) = decode::decode(bytes, o.encoding);
            import_delimited(path, &text, enc, &name, &o, None, &mut |_, _| true)
        } else {
            continue;
        };
        any = true;
        if out.columns.is_empty() {
            out.detected = sub.detected.clone();
            out.detected.format = Format::DataPackage;
            out.columns = sub.columns.clone();
            out.preview = sub.preview.clone();
        }
        out.problems.extend(sub.problems);
        out.warnings.extend(sub.warnings);
        out.problems_total += sub.problems_total;
        out.warnings_total += sub.warnings_total;
        out.counts.rows += sub.counts.rows;
        out.counts.missing_cells += sub.counts.missing_cells;
        if let Some(ds) = sub.dataset {
            let offset = merged.series.len() as u32;
            merged.indicators.extend(ds.indicators);
            merged
                .observations
                .extend(ds.observations.into_iter().map(|mut o| {
                    o.series = o.series.map(|s| s + offset);
                    o
                }));
            merged.series.extend(ds.series);
        }
    }
    if !any && out.problems.is_empty() {
        out.problems
            .push(Problem::at(file, 0, 0, "", ProblemKind::NoReadableResource));
        out.problems_total = 1;
    }
    out.counts.indicators = merged.indicators.len();
    out.counts.series = series_count(&merged.observations);
    out.counts.observations = merged.observations.len();
    if out.problems_total == 0 || opts.accept_errors {
        merged.programme.id = root
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let title = root
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        merged.programme.name = Text::new(title, title);
        merged.programme.source = file.to_owned();
        out.dataset = Some(merged);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_in_json_keep_a_setting_turned_off_apart_from_a_guess() {
        let off = ImportOptions {
            thousands: Some(None),
            quote: Some(Some('\'')),
            decimal: Some(','),
            ..ImportOptions::default()
        };
        let text = serde_json::to_string(&off).unwrap();
        // Guesses are absent; "no thousands separator" is an explicit null.
        assert!(
            text.contains(r#""thousands":null"#) && !text.contains("delimiter"),
            "{text}"
        );
        let back: ImportOptions = serde_json::from_str(&text).unwrap();
        assert_eq!(back.thousands, Some(None));
        assert_eq!(back.quote, Some(Some('\'')));
        assert_eq!(back.decimal, Some(','));
        assert_eq!(back.delimiter, None);
        let guess: ImportOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(guess.thousands, None);
        // Read with "no thousands separator", `1 200` is not a number; with the guess it is 1200.
        let csv = b"indicator;year;value\nx;2020;1 200\n";
        assert!(import("a.csv", csv, &guess).ok());
        assert!(!import("a.csv", csv, &back).ok());
    }

    fn run(name: &str, text: &str) -> ImportReport {
        import(name, text.as_bytes(), &ImportOptions::default())
    }

    #[test]
    fn imports_a_french_wide_file_with_quarters() {
        let r = run(
            "emploi.csv",
            "\u{feff};Paris;Grand Paris\n2011-T1;1 742,5;3834\n2011-T2;1745;3842\n",
        );
        assert!(r.ok(), "{:?}", r.problems);
        assert_eq!(r.detected.shape, Some(Shape::Columns));
        assert_eq!(r.detected.delimiter, Some(';'));
        let ds = r.dataset.unwrap();
        assert_eq!(ds.indicators.len(), 2);
        assert_eq!(ds.observations[0].value, Some(1742.5));
        assert_eq!(
            ds.observations[0].period,
            crate::period::Period::Quarter(2011, 1)
        );
    }

    #[test]
    fn imports_eurostat_with_flags_and_dimensions() {
        let t = "unit,geo\\time\t2019 \t2018 \nPC,AT\t79.2 e\t: \nPC,BE\t: c\t12 \n";
        let r = run("x.tsv", t);
        assert!(r.ok(), "{:?}", r.problems);
        let ds = r.dataset.unwrap();
        assert_eq!(ds.observations.len(), 2);
        let at = ds
            .observations
            .iter()
            .find(|o| ds.dimensions_of(o).contains(&("geo".into(), "AT".into())))
            .unwrap();
        assert_eq!((at.value, at.flag.as_str()), (Some(79.2), "e"));
        assert_eq!(r.counts.missing_cells, 2);
        assert_eq!(r.preview[0], ["unit", "geo", "2019", "2018"]);
        assert_eq!(r.preview[1], ["PC", "AT", "79.2 e", ": "]);
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

    #[test]
    fn refuses_json_of_the_wrong_shape_with_its_place() {
        let r = run(
            "x.json",
            "[{\"year\": 2019, \"v\": 1},\n {\"year\": 2020, \"v\": {\"a\": 1}}]",
        );
        assert!(!r.ok());
        assert_eq!((r.problems[0].line, r.problems[0].column), (2, 2));
        assert_eq!(
            r.problems[0].kind,
            ProblemKind::NestedValue { key: "v".into() }
        );
        let ok = run(
            "x.json",
            "[{\"year\": 2019, \"v\": 1}, {\"year\": 2020, \"v\": 2}]",
        );
        assert!(ok.ok(), "{:?}", ok.problems);
        assert_eq!(ok.counts.observations, 2);
    }
}
