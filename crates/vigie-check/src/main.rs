//! `vigie-check [--json] [--lang en|fr] FILE...`: reads files as the browser would and says whether each
//! would import.
//!
//! `--options FILE.json` applies the settings the import page gives (its corrections) to every file.
//! `--lang fr` writes the problems found in French, as the import page does (`en`, the default, in
//! English); in `--json`, each problem is an object with its place, its `kind` (`{"type": …}` and the
//! kind's values), `expected` and the whole `message` in that language.
//! Exit status: 0 when every file would import, 1 when any would be refused, 2 on a usage error
//! (141 when standard output is closed early, as for any program writing into a closed pipe).
//! Companion files are found next to each file: a Data Package's resources, and an Open SDG indicator's
//! metadata (`../meta/<id>.md` or `.yml`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// `println!` that ends the program quietly when standard output is closed (`vigie-check … | head`)
/// instead of panicking, with the status a shell gives a program killed by a closed pipe.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(141);
        }
    }};
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use serde_json::{json, Value};
    use std::path::{Path, PathBuf};
    use vigie_core::i18n::Lang;
    use vigie_core::ingest::{self, ImportOptions, ImportReport, Problem};
    use vigie_core::kpi;
    use vigie_core::period::Date;

    const USAGE: &str =
        "usage: vigie-check [--json] [--lang en|fr] [--as-of YYYY-MM-DD] [--options OPTIONS.json] FILE...";

    /// Runs the checker and returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        let json = args.iter().any(|a| a == "--json");
        let mut as_of = today();
        let mut options = ImportOptions::default();
        let mut lang = Lang::En;
        let mut files: Vec<&String> = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => {}
                "--lang" => match it.next().map(String::as_str) {
                    Some("en") => lang = Lang::En,
                    Some("fr") => lang = Lang::Fr,
                    _ => {
                        eprintln!("--lang expects en or fr\n{USAGE}");
                        return 2;
                    }
                },
                "--as-of" => match it.next().map(|d| Date::parse(d)) {
                    Some(Ok(d)) => as_of = d,
                    _ => {
                        eprintln!("--as-of expects a date such as 2025-06-30\n{USAGE}");
                        return 2;
                    }
                },
                "--options" => match it.next().map(|f| read_options(f)) {
                    Some(Ok(o)) => options = o,
                    Some(Err(e)) => {
                        eprintln!("{e}");
                        return 2;
                    }
                    None => {
                        eprintln!("--options expects a JSON file\n{USAGE}");
                        return 2;
                    }
                },
                _ => files.push(a),
            }
        }
        if files.is_empty() || files.iter().any(|f| f.starts_with('-')) {
            eprintln!("{USAGE}");
            return 2;
        }
        let mut all_ok = true;
        let mut out = Vec::new();
        let given: Vec<&str> = files.iter().map(|f| f.as_str()).collect();
        for f in files.iter().filter(|f| !is_given_metadata(f, &given)) {
            let path = Path::new(f.as_str());
            let report = match std::fs::read(path) {
                Ok(bytes) => {
                    let mut comps = companions(path, &bytes);
                    for m in given.iter().filter(|m| metadata_of(m) == indicator_id(f)) {
                        if let Ok(b) = std::fs::read(m) {
                            comps.push((base_name(m), b));
                        }
                    }
                    let refs: Vec<(&str, &[u8])> = comps
                        .iter()
                        .map(|(n, b)| (n.as_str(), b.as_slice()))
                        .collect();
                    ingest::import_with(f, &bytes, &refs, &options)
                }
                Err(e) => {
                    eprintln!("{f}: cannot read: {e}");
                    all_ok = false;
                    continue;
                }
            };
            all_ok &= report.ok();
            if json {
                out.push(report_json(&report, as_of, lang));
            } else {
                print_text(&report, lang);
                print_kpi(&report, as_of);
            }
        }
        if json {
            say!(
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

    /// The import settings the page shows under "Réglages pour vigie-check" (its corrections:
    /// encoding, delimiter, decimal, roles, indicator description…), read from a JSON file.
    fn read_options(f: &str) -> Result<ImportOptions, String> {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: cannot read: {e}"))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "{f}:{}:{}: expected import options in JSON, as the import page gives them ({e})",
                e.line(),
                e.column()
            )
        })
    }

    fn base_name(f: &str) -> String {
        Path::new(f)
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The indicator id of an Open SDG data file (`indicator_1-1-1.csv` → `1-1-1`).
    fn indicator_id(f: &str) -> Option<String> {
        let stem = Path::new(f).file_stem()?.to_string_lossy().into_owned();
        stem.strip_prefix("indicator_").map(str::to_owned)
    }

    /// The indicator id an Open SDG metadata file describes (`1-1-1.yml` → `1-1-1`).
    fn metadata_of(f: &str) -> Option<String> {
        let p = Path::new(f);
        let ext = p.extension()?.to_string_lossy().to_lowercase();
        matches!(ext.as_str(), "md" | "yml" | "yaml")
            .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .flatten()
    }

    /// Whether `f` is the metadata of an Open SDG data file also given: it is read with that file
    /// (as the browser does when both are dropped) rather than reported on its own.
    fn is_given_metadata(f: &str, given: &[&str]) -> bool {
        metadata_of(f).is_some_and(|id| {
            given
                .iter()
                .any(|g| indicator_id(g).as_deref() == Some(id.as_str()))
        })
    }

    /// The files a file needs, read from disk next to it: a package's resources from its folder,
    /// an Open SDG indicator's metadata from `../meta` beside its data.
    fn companions(path: &Path, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        // Each wanted file with the folder it must stay inside.
        let mut wanted: Vec<(String, PathBuf, PathBuf)> =
            ingest::companions_needed(&path.to_string_lossy(), bytes)
                .into_iter()
                .map(|p| (p.clone(), dir.join(&p), dir.clone()))
                .collect();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(id) = stem.strip_prefix("indicator_") {
            let meta = dir.join("..").join("meta");
            for ext in ["md", "yml"] {
                let name = format!("{id}.{ext}");
                wanted.push((name.clone(), meta.join(&name), meta.clone()));
            }
        }
        let mut out: Vec<(String, Vec<u8>)> = Vec::new();
        for (n, p, base) in wanted {
            // The core already refused every path whose text leaves the folder; a symbolic link
            // inside the folder may still point out of it, so the resolved path must stay under
            // the resolved folder, or the file is not read.
            let (Ok(base), Ok(real)) = (base.canonicalize(), p.canonicalize()) else {
                continue;
            };
            if !real.starts_with(&base) {
                eprintln!(
                    "{}: not read: it leads to {}, outside the package's folder {}",
                    p.display(),
                    real.display(),
                    base.display()
                );
                continue;
            }
            if let Ok(b) = std::fs::read(&real) {
                out.push((n, b));
            }
        }
        out
    }

    /// The JSON for one file; KPI results will be added under `"kpi"` by `kpi_results`.
    pub fn report_json(r: &ImportReport, as_of: Date, lang: Lang) -> Value {
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
            "problems": r.problems.iter().map(|p| problem_json(p, lang)).collect::<Vec<_>>(),
            "problems_total": r.problems_total,
            "warnings": r.warnings.iter().map(|p| problem_json(p, lang)).collect::<Vec<_>>(),
            "warnings_total": r.warnings_total,
            "kpi": kpi_results(r, as_of),
        })
    }

    /// One problem: where, its kind as data (`{"type": "NotANumber"}`…), and in `lang` what was
    /// expected and the whole line the text output shows.
    fn problem_json(p: &Problem, lang: Lang) -> Value {
        json!({
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "found": p.found,
            "kind": p.kind,
            "expected": lang.expected(&p.kind),
            "message": lang.problem(p),
        })
    }

    /// The KPI results the pages show for the imported dataset as of `as_of` (every indicator, with its
    /// status, progress rate, trajectory, Open SDG progress, forecast, collection, and the roll-ups);
    /// null when the file would not import.
    pub fn kpi_results(r: &ImportReport, as_of: Date) -> Value {
        match &r.dataset {
            Some(ds) => serde_json::to_value(kpi::evaluate(ds, &kpi::Options::as_of(as_of)))
                .unwrap_or(Value::Null),
            None => Value::Null,
        }
    }

    /// One line per indicator that has a target: status and progress rate.
    fn print_kpi(r: &ImportReport, as_of: Date) {
        let Some(ds) = &r.dataset else { return };
        let e = kpi::evaluate(ds, &kpi::Options::as_of(as_of));
        let assessed: Vec<_> = e.indicators.iter().filter(|i| i.target.is_some()).collect();
        if assessed.is_empty() {
            return;
        }
        say!("  kpi as of {as_of}:");
        for i in assessed {
            let rate = i
                .progress
                .as_ref()
                .map_or("—".to_owned(), |p| format!("{:.1} %", p.rate));
            say!(
                "    {:<32} {:<16} progress {rate}",
                i.id,
                Lang::En.pick(&i.status.label())
            );
        }
    }

    /// Today, from the system clock (UTC).
    fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    fn print_text(r: &ImportReport, lang: Lang) {
        let d = &r.detected;
        say!(
            "{}: {}",
            r.file,
            if r.ok() { "would import" } else { "REFUSED" }
        );
        let opt = |c: Option<char>| c.map(|c| format!("{c:?}")).unwrap_or_else(|| "none".into());
        say!(
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
        say!(
            "  counts: {} indicators, {} series, {} observations, {} rows, {} missing cells",
            c.indicators,
            c.series,
            c.observations,
            c.rows,
            c.missing_cells
        );
        if let Some(ds) = &r.dataset {
            for i in ds.indicators.iter().take(10) {
                say!(
                    "  indicator {} \"{}\" ({} observations)",
                    i.id,
                    i.name.en,
                    ds.observations_of(&i.id).len()
                );
            }
            if ds.indicators.len() > 10 {
                say!("  … and {} more indicators", ds.indicators.len() - 10);
            }
        }
        for p in &r.problems {
            say!("  error: {}", lang.problem(p));
        }
        if r.problems_total > r.problems.len() {
            say!("  … {} errors in all", r.problems_total);
        }
        for p in r.warnings.iter().take(5) {
            say!("  warning: {}", lang.problem(p));
        }
        if r.warnings_total > 5 {
            say!("  … {} warnings in all", r.warnings_total);
        }
    }
}
