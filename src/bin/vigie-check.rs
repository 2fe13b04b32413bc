//! `vigie-check [--json] FILE...`: reads files as the browser would and says whether each would import.
//!
//! Exit status: 0 when every file would import, 1 when any would be refused, 2 on a usage error.
//! Companion files are found next to each file: a Data Package's resources, and an Open SDG indicator's
//! metadata (`../meta/<id>.md` or `.yml`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use serde_json::{json, Value};
    use std::path::{Path, PathBuf};
    use vigie::ingest::{self, ImportOptions, ImportReport};

    const USAGE: &str = "usage: vigie-check [--json] FILE...";

    /// Runs the checker and returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        let json = args.iter().any(|a| a == "--json");
        let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
        if files.is_empty() || files.iter().any(|f| f.starts_with('-')) {
            eprintln!("{USAGE}");
            return 2;
        }
        let mut all_ok = true;
        let mut out = Vec::new();
        for f in files {
            let path = Path::new(f);
            let report = match std::fs::read(path) {
                Ok(bytes) => {
                    let comps = companions(path, &bytes);
                    let refs: Vec<(&str, &[u8])> = comps
                        .iter()
                        .map(|(n, b)| (n.as_str(), b.as_slice()))
                        .collect();
                    ingest::import_with(f, &bytes, &refs, &ImportOptions::default())
                }
                Err(e) => {
                    eprintln!("{f}: cannot read: {e}");
                    all_ok = false;
                    continue;
                }
            };
            all_ok &= report.ok();
            if json {
                out.push(report_json(&report));
            } else {
                print_text(&report);
            }
        }
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&Value::Array(out)).unwrap_or_default()
            );
        }
        if all_ok {
            0
        } else {
            1
        }
    }

    /// The files a file needs, read from disk next to it.
    fn companions(path: &Path, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut wanted: Vec<(String, PathBuf)> =
            ingest::companions_needed(&path.to_string_lossy(), bytes)
                .into_iter()
                .map(|p| (p.clone(), dir.join(&p)))
                .collect();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(id) = stem.strip_prefix("indicator_") {
            for ext in ["md", "yml"] {
                let name = format!("{id}.{ext}");
                wanted.push((name.clone(), dir.join("..").join("meta").join(&name)));
            }
        }
        wanted
            .into_iter()
            .filter_map(|(n, p)| std::fs::read(p).ok().map(|b| (n, b)))
            .collect()
    }

    /// The JSON for one file; KPI results will be added under `"kpi"` by `kpi_results`.
    pub fn report_json(r: &ImportReport) -> Value {
        let indicators: Vec<Value> = r
            .dataset
            .as_ref()
            .map(|d| {
                d.indicators
                    .iter()
                    .map(|i| json!({"id": i.id, "name": i.name.en, "unit": i.unit.en, "observations": d.observations_of(&i.id).len()}))
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "file": r.file,
            "ok": r.ok(),
            "detected": r.detected,
            "columns": r.columns,
            "counts": r.counts,
            "indicators": indicators,
            "problems": r.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            "problems_total": r.problems_total,
            "warnings": r.warnings.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            "warnings_total": r.warnings_total,
            "kpi": kpi_results(r),
        })
    }

    /// Hook for the KPI engine: statuses of each imported indicator. Empty until the engine lands.
    pub fn kpi_results(_r: &ImportReport) -> Value {
        Value::Null
    }

    fn print_text(r: &ImportReport) {
        let d = &r.detected;
        println!(
            "{}: {}",
            r.file,
            if r.ok() { "would import" } else { "REFUSED" }
        );
        let opt = |c: Option<char>| c.map(|c| format!("{c:?}")).unwrap_or_else(|| "none".into());
        println!(
            "  detected: {} · {:?} · shape {} · delimiter {} · decimal {:?} · thousands {} · header line {} · preamble {} · footer {} · periods {} · missing {:?}{}",
            d.encoding.label(),
            d.format,
            d.shape.map(|s| format!("{s:?}")).unwrap_or_else(|| "-".into()),
            opt(d.delimiter),
            d.decimal,
            opt(d.thousands),
            d.header_line,
            d.preamble_lines,
            d.footer_lines,
            if d.period_format.is_empty() { "-" } else { &d.period_format },
            d.missing_markers,
            if d.flags { " · status flags" } else { "" },
        );
        let c = &r.counts;
        println!(
            "  counts: {} indicators, {} series, {} observations, {} rows, {} missing cells",
            c.indicators, c.series, c.observations, c.rows, c.missing_cells
        );
        if let Some(ds) = &r.dataset {
            for i in ds.indicators.iter().take(10) {
                println!(
                    "  indicator {} \"{}\" ({} observations)",
                    i.id,
                    i.name.en,
                    ds.observations_of(&i.id).len()
                );
            }
            if ds.indicators.len() > 10 {
                println!("  … and {} more indicators", ds.indicators.len() - 10);
            }
        }
        for p in &r.problems {
            println!("  error: {p}");
        }
        if r.problems_total > r.problems.len() {
            println!("  … {} errors in all", r.problems_total);
        }
        for p in r.warnings.iter().take(5) {
            println!("  warning: {p}");
        }
        if r.warnings_total > 5 {
            println!("  … {} warnings in all", r.warnings_total);
        }
    }
}
