//! Reading a table into a report: delimited text (CSV, TSV, TXT) sniffed then scanned by `csv`, or rows
//! already split (JSON records, XLSX, inline data). Column roles come from `roles` (or the person),
//! rows are read by `rows`; the format readers and the entry point in `import` call in here.

use super::csv::{self, Dialect};
use super::decode::Encoding;
use super::import::{
    Counts, Detected, Format, ImportReport, Imported, PREVIEW_COLUMNS, PROGRESS_EVERY,
};
use super::number::{NumberStyle, DEFAULT_MISSING};
use super::options::{apply_meta, ImportOptions};
use super::periods::{self, DateOrder};
use super::sniff;
use super::table::{self, Builder, Column, Plan, Role, Shape};
use super::{Problem, ProblemKind};
use crate::model::*;
use std::collections::HashSet;

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

/// Reads rows that are already split (JSON records, inline data, XLSX); `loc(row, column)` places a cell.
#[allow(clippy::too_many_arguments)]
pub(super) fn import_rows(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import::import;

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
}
