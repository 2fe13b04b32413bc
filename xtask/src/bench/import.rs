//! `cargo xtask bench import [--no-build]`: the same bytes (Eurostat's 23 MB `demo_r_mlifexp` TSV,
//! decompressed, a generated 1 M-row long CSV and a generated 26 MB French CSV) parsed to typed
//! values by Vigie (the app's wasm in its import worker), uDSV and PapaParse in one headless
//! Chromium page, and by the same Rust (`ingest::transfer::run_import`) natively, built with the
//! worker's `engine` profile; several runs, medians.
//!
//! Beside speed, every parser is checked: each must read the file's rows; each file's numbers are
//! found by a reader of the bench's own that knows its layout (`Expected`), and the page counts how
//! many each parser typed right (Vigie must have them all); Vigie's wasm answer is compared with the
//! native one observation by observation (none may differ).
//!
//! MiB/s of a parser over the files is the sum of the files' bytes (in MiB) over the sum of its
//! median times; the ratios are of those MiB/s (vigie/udsv ≥ 1: Vigie is faster; wasm/native < 1:
//! the wasm is slower), over all files on the last line and per file above it. Without
//! ../shared/data, the bench says so and runs on the generated files alone.

use super::output;
use crate::{build_release, root, serve, step};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Measured runs per parser and file (after one warm-up run each).
const RUNS: usize = 7;
/// Data rows of the generated long CSV.
pub const LONG_ROWS: usize = 1_000_000;
/// Data rows of the generated French CSV (about 22 MB).
pub const FRENCH_ROWS: usize = 280_000;
const EUROSTAT: &str = "../shared/data/eurostat_bulk_tsv_gz/demo_r_mlifexp.tsv.gz";

/// One input file of the bench, as written in the site's `bench-data/` (apart from the app's `data/`).
#[derive(Debug, Clone, PartialEq)]
pub struct BenchFile {
    pub name: String,
    pub path: PathBuf,
    pub bytes: usize,
    /// Data rows (non-blank lines after the header), what every parser must return.
    pub rows: usize,
    /// The columns that hold values: from `value_from` to the last (`value_to`, exclusive).
    pub value_from: usize,
    pub value_to: usize,
    /// The number each value cell holds, row after row (NaN where a cell holds none), written
    /// beside the file as `<name>.expected` (f64, little-endian) for the bench page to check
    /// every parser's typed values against; `numbers` is how many are not NaN.
    pub numbers: usize,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let build = match args {
        [] => true,
        [flag] if flag == "--no-build" => false,
        _ => return Err("usage: cargo xtask bench import [--no-build]".into()),
    };
    ensure_dist(build)?;
    let site = root().join("target/bench-import");
    step("import bench site: dist/, the bench page, uDSV, PapaParse and the data files");
    lay_out_site(&site)?;
    let files = write_data(
        &site.join("bench-data"),
        &root().join(EUROSTAT),
        LONG_ROWS,
        FRENCH_ROWS,
    )?;
    for f in &files {
        println!(
            "{}: {} bytes ({:.1} MiB), {} data rows",
            f.name,
            f.bytes,
            f.bytes as f64 / 1048576.0,
            f.rows
        );
    }

    step("import, native (release): the worker's run_import on the same files");
    let mut native_cmd = Command::new("cargo");
    native_cmd
        .args([
            "run",
            "--profile",
            "engine",
            "--quiet",
            "--example",
            "import_bench",
            "--",
        ])
        .args(["--runs", &RUNS.to_string()])
        .arg("--write-packed")
        .arg(site.join("bench-data"))
        .args(files.iter().map(|f| &f.path));
    let native = records(&output(&mut native_cmd)?, "NATIVE");

    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let served = site.clone();
    std::thread::spawn(move || serve::serve_forever(listener, served));
    step("import in one headless Chromium page: Vigie (wasm, import worker), uDSV, PapaParse");
    let browser_out = output(
        Command::new("node")
            .args(["benches/browser/run.mjs", "import"])
            .env("VIGIE_BENCH_URL", format!("http://{addr}"))
            .env("VIGIE_BENCH_FILES", files_json(&files))
            .env("VIGIE_BENCH_RUNS", RUNS.to_string()),
    )?;
    let browser = records(&browser_out, "IMPORT");

    let pages = records(&browser_out, "PAGE");
    let figures = figures(&files, &native, &browser)?;
    println!();
    for f in &figures {
        println!("{}", file_line(f));
        println!("  {}", correctness_line(f));
    }
    if files.len() == 2 {
        println!("(Eurostat TSV absent: the figures below are the generated files' alone)");
    }
    println!(
        "MiB/s over {}: the files' bytes over the sum of each parser's median times ({RUNS} runs); \
         Vigie's time is the worker round trip (bytes posted → packed typed result back), the peers' \
         include TextDecoder; wasm/native compares that round trip with run_import natively",
        figures
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    );
    match page_budget_line(&pages) {
        Some(line) => println!("{line}"),
        None => println!("import page: no figure (the page did not report its main-thread tasks)"),
    }
    println!("{}", last_line(&figures));
    Ok(())
}

/// Builds `dist/` when it is missing or older than the sources (unless told not to).
fn ensure_dist(build: bool) -> Result<(), String> {
    let index = root().join("dist/index.html");
    let built = std::fs::metadata(&index).and_then(|m| m.modified()).ok();
    let sources = [
        "src",
        "crates",
        "public",
        "style",
        "index.html",
        "Cargo.toml",
        "Cargo.lock",
        "Trunk.toml",
    ]
    .map(|p| root().join(p));
    let newest = sources.iter().filter_map(|p| newest_mtime(p)).max();
    match (built, build) {
        (None, _) => {
            println!("dist/ is missing: building it");
            build_release()
        }
        (Some(b), true) if newest.is_some_and(|n| n > b) => {
            println!(
                "dist/ is older than the sources: rebuilding it (--no-build uses it as it is)"
            );
            build_release()
        }
        _ => Ok(()),
    }
}

/// The newest modification time of a file, or of the files under a folder.
fn newest_mtime(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .flatten()
        .filter_map(|e| newest_mtime(&e.path()))
        .max()
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} to {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("create {}: {e}", to.display()))?;
    for e in std::fs::read_dir(from).map_err(|e| format!("read {}: {e}", from.display()))? {
        let e = e.map_err(|e| e.to_string())?;
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            copy(&e.path(), &target)?;
        }
    }
    Ok(())
}

/// The site served to Chromium: the app's `dist/` (its wasm, glue and import worker), the bench
/// page and the peers' browser builds.
fn lay_out_site(site: &Path) -> Result<(), String> {
    if site.exists() {
        std::fs::remove_dir_all(site).map_err(|e| format!("clear {}: {e}", site.display()))?;
    }
    copy_dir(&root().join("dist"), site)?;
    let browser = root().join("benches/browser");
    copy(&browser.join("import.html"), &site.join("import.html"))?;
    copy(&browser.join("import.mjs"), &site.join("import.mjs"))?;
    let modules = root().join("node_modules");
    copy(&modules.join("udsv/dist/uDSV.mjs"), &site.join("udsv.mjs"))?;
    copy(
        &modules.join("papaparse/papaparse.min.js"),
        &site.join("papaparse.min.js"),
    )
}

/// Writes the bench's input files into `dir`: Eurostat's TSV decompressed from `gz` (when
/// ../shared/data is there), the generated long CSV of `long_rows` rows and the generated French
/// CSV of `french_rows` rows, each with its expected values.
fn write_data(
    dir: &Path,
    gz: &Path,
    long_rows: usize,
    french_rows: usize,
) -> Result<Vec<BenchFile>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    match std::fs::read(gz) {
        Ok(compressed) => {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(compressed.as_slice())
                .read_to_end(&mut bytes)
                .map_err(|e| format!("gunzip {}: {e}", gz.display()))?;
            let expected = eurostat_values(&bytes);
            files.push(write_file(dir, "demo_r_mlifexp.tsv", &bytes, expected)?);
        }
        Err(_) => println!(
            "{} not found: the bench runs on the generated CSV alone, and its last line gives that file's figures",
            gz.display()
        ),
    }
    let long = long_csv(long_rows);
    let expected = long_values(&long);
    files.push(write_file(dir, "long.csv", &long, expected)?);
    let (french, expected) = french_csv(french_rows);
    files.push(write_file(dir, "french.csv", &french, expected)?);
    Ok(files)
}

fn write_file(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    expected: Expected,
) -> Result<BenchFile, String> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| format!("write {}: {e}", path.display()))?;
    let values: Vec<u8> = expected
        .values
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let exp = dir.join(format!("{name}.expected"));
    std::fs::write(&exp, values).map_err(|e| format!("write {}: {e}", exp.display()))?;
    Ok(BenchFile {
        name: name.to_owned(),
        path,
        bytes: bytes.len(),
        rows: data_rows(bytes),
        value_from: expected.from,
        value_to: expected.to,
        numbers: expected.values.iter().filter(|v| !v.is_nan()).count(),
    })
}

/// The numbers a file's value cells hold, found by a reader of its own that knows the file's
/// layout (so that no parser under test is its own judge): row after row, the cells of columns
/// `from..to`, NaN where a cell holds no number.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub from: usize,
    pub to: usize,
    pub values: Vec<f64>,
}

/// Eurostat's TSV: after the first (key) column, each cell is a number and an optional flag
/// (`79.2 e`), or `:` (with or without a flag) for no value.
pub fn eurostat_values(bytes: &[u8]) -> Expected {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let width = lines.next().map_or(1, |h| h.split('\t').count());
    let mut values = Vec::new();
    for l in lines {
        for cell in l.split('\t').skip(1) {
            let number = cell.trim().split(' ').next().unwrap_or("");
            values.push(number.parse::<f64>().unwrap_or(f64::NAN));
        }
    }
    Expected {
        from: 1,
        to: width,
        values,
    }
}

/// The long CSV's fourth column.
pub fn long_values(bytes: &[u8]) -> Expected {
    let text = String::from_utf8_lossy(bytes);
    let values = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.rsplit(',')
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        })
        .collect();
    Expected {
        from: 3,
        to: 4,
        values,
    }
}

/// A deterministic French CSV as a French open-data portal publishes it: `;` between fields,
/// decimal comma, spaces between thousands (`1 234 567,8`), text columns quoted (a label holds a
/// `;` inside its quotes), `Indicateur;Code;Territoire;Année;Valeur`; 40 indicators, 200
/// territories (20 communes of the Le Havre area × 10 quarters) and the years 1990-2024, values
/// with 0 to 2 decimals, a tenth of them negative. Returns the bytes and the values written.
pub fn french_csv(rows: usize) -> (Vec<u8>, Expected) {
    const THEMES: [&str; 8] = [
        "Émissions de gaz à effet de serre ; tous secteurs",
        "Consommation d’énergie finale",
        "Trafic de conteneurs (EVP)",
        "Part modale du vélo",
        "Déchets ménagers collectés",
        "Surface d’espaces verts",
        "Emplois dans l’économie portuaire",
        "Logements rénovés « BBC »",
    ];
    const VARIANTS: [&str; 5] = [
        "",
        " – femmes",
        " – hommes",
        " – moins de 25 ans",
        " – total",
    ];
    const COMMUNES: [&str; 20] = [
        "Le Havre",
        "Montivilliers",
        "Harfleur",
        "Gonfreville-l’Orcher",
        "Sainte-Adresse",
        "Octeville-sur-Mer",
        "Épouville",
        "Fontaine-la-Mallet",
        "Gainneville",
        "Rolleville",
        "Manéglise",
        "Cauville-sur-Mer",
        "Étretat",
        "Fécamp",
        "Criquetot-l’Esneval",
        "Saint-Romain-de-Colbosc",
        "Notre-Dame-du-Bec",
        "Rogerville",
        "Sandouville",
        "Oudalle",
    ];
    let mut out = Vec::with_capacity(rows * 96 + 64);
    out.extend_from_slice("Indicateur;Code;Territoire;Année;Valeur\n".as_bytes());
    let mut values = Vec::with_capacity(rows);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut written = 0;
    'all: for (t, theme) in THEMES.iter().enumerate() {
        for (v, variant) in VARIANTS.iter().enumerate() {
            for commune in COMMUNES {
                for quarter in 1..=10 {
                    for year in 1990..=2024 {
                        if written == rows {
                            break 'all;
                        }
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        let magnitude = (x >> 11) % 1_000_000_000;
                        let decimals = (x % 3) as u32;
                        let negative = x.is_multiple_of(10);
                        let (text, value) = french_number(magnitude, decimals, negative);
                        let line = format!(
                            "\"{theme}{variant}\";HV{t}{v:02};\"{commune} – quartier {quarter}\";{year};{text}\n"
                        );
                        out.extend_from_slice(line.as_bytes());
                        values.push(value);
                        written += 1;
                    }
                }
            }
        }
    }
    let expected = Expected {
        from: 4,
        to: 5,
        values,
    };
    (out, expected)
}

/// `magnitude` with `decimals` of its digits after a decimal comma and spaces between thousands,
/// and the number it writes (the integer over a power of ten: one correctly rounded division,
/// as a correct reader of the text also gives).
fn french_number(magnitude: u64, decimals: u32, negative: bool) -> (String, f64) {
    let scale = 10u64.pow(decimals);
    let (int, frac) = (magnitude / scale, magnitude % scale);
    let digits = int.to_string();
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(' ');
        }
        text.push(c);
    }
    if decimals > 0 {
        text += &format!(",{frac:0width$}", width = decimals as usize);
    }
    let value = magnitude as f64 / scale as f64;
    (text, if negative { -value } else { value })
}

/// Non-blank lines after the first (the header).
pub fn data_rows(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .count()
        .saturating_sub(1)
}

/// A deterministic long CSV, `indicator,geo,year,value`, with `rows` data rows: 40 Eurostat-style
/// indicator codes, 750 NUTS-style territory codes (30 countries, their 4 regions and 5 subregions
/// each) and the years 1990-2024, in that order, values with 0 to 2 decimals.
pub fn long_csv(rows: usize) -> Vec<u8> {
    const BASES: [&str; 8] = [
        "demo_r_mlifexp",
        "tgs00101",
        "nama_10r_2gdp",
        "lfst_r_lfu3rt",
        "env_wasmun",
        "sdg_13_10",
        "tour_occ_nin2",
        "educ_uoe_enra21",
    ];
    const VARIANTS: [&str; 5] = ["", "_f", "_m", "_t", "_y"];
    const COUNTRIES: [&str; 30] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "NO", "CH", "IS",
    ];
    let indicators: Vec<String> = BASES
        .iter()
        .flat_map(|b| VARIANTS.iter().map(move |v| format!("{b}{v}")))
        .collect();
    let mut geos = Vec::new();
    for c in COUNTRIES {
        geos.push(c.to_owned());
        for r in 1..=4 {
            geos.push(format!("{c}{r}"));
            for s in 1..=5 {
                geos.push(format!("{c}{r}{s}"));
            }
        }
    }
    let mut out = Vec::with_capacity(rows * 32 + 32);
    out.extend_from_slice(b"indicator,geo,year,value\n");
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut written = 0;
    'all: for ind in &indicators {
        for geo in &geos {
            for year in 1990..=2024 {
                if written == rows {
                    break 'all;
                }
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let v = (x >> 11) % 1_000_000;
                let value = match x % 3 {
                    0 => v.to_string(),
                    1 => format!("{}.{}", v / 10, v % 10),
                    _ => format!("{}.{:02}", v / 100, v % 100),
                };
                out.extend_from_slice(format!("{ind},{geo},{year},{value}\n").as_bytes());
                written += 1;
            }
        }
    }
    out
}

/// The files as the bench page reads them (a JSON list; the names are plain ASCII).
fn files_json(files: &[BenchFile]) -> String {
    let items: Vec<String> = files
        .iter()
        .map(|f| {
            format!(
                r#"{{"name":"{0}","url":"/bench-data/{0}","path":{3},"bytes":{1},"rows":{2},"valueFrom":{4},"valueTo":{5},"numbers":{6}}}"#,
                f.name,
                f.bytes,
                f.rows,
                json_string(&f.path.display().to_string()),
                f.value_from,
                f.value_to,
                f.numbers
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The budget line for the app's own import page: main-thread tasks over 50 ms while a file is read
/// in the worker, its report shown (`PAGE` records of the bench runner). The budget is none.
pub fn page_budget_line(pages: &[HashMap<String, String>]) -> Option<String> {
    let page = pages
        .iter()
        .max_by_key(|p| p.get("bytes").and_then(|b| b.parse::<u64>().ok()))?;
    let count: usize = page.get("long_tasks")?.parse().ok()?;
    let longest = page.get("longest_ms")?;
    let verdict = if count == 0 {
        "within budget"
    } else {
        "OVER BUDGET"
    };
    Some(format!(
        "import page: {} read on /import, main-thread tasks over 50 ms: {count}, longest {longest} ms (budget: none over 50 ms): {verdict}",
        page.get("name")?
    ))
}

/// The `key=value` fields of each output line that starts with `tag`.
pub fn records(text: &str, tag: &str) -> Vec<HashMap<String, String>> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(tag)?.strip_prefix(' '))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// One file's medians, in ms.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub name: String,
    pub bytes: usize,
    pub vigie_ms: f64,
    pub worker_ms: f64,
    pub udsv_ms: f64,
    pub papaparse_ms: f64,
    pub native_ms: f64,
    /// Value cells holding a number (the bench's own reader of the layout, `Expected`).
    pub numbers: usize,
    /// How many of those each parser gave as that very number.
    pub vigie_right: usize,
    pub udsv_right: usize,
    pub papaparse_right: usize,
    /// Observations of Vigie's wasm (in the worker) whose value, missing mark or any other
    /// field differs from the same import run natively.
    pub native_mismatches: usize,
}

/// Each file's figures from the native and browser records, checking that every reader read the
/// file's rows and that the wasm and native imports agree.
pub fn figures(
    files: &[BenchFile],
    native: &[HashMap<String, String>],
    browser: &[HashMap<String, String>],
) -> Result<Vec<Figures>, String> {
    let find = |list: &[HashMap<String, String>], what: &str, name: &str| {
        list.iter()
            .find(|r| r.get("name").map(String::as_str) == Some(name))
            .cloned()
            .ok_or(format!("no {what} figures for {name}"))
    };
    let num = |r: &HashMap<String, String>, key: &str| -> Result<f64, String> {
        r.get(key)
            .and_then(|v| v.parse().ok())
            .ok_or(format!("no number `{key}` in {r:?}"))
    };
    files
        .iter()
        .map(|f| {
            let n = find(native, "native", &f.name)?;
            let b = find(browser, "browser", &f.name)?;
            let rows = f.rows as f64;
            if num(&n, "rows")? != rows || num(&b, "rows")? != rows {
                return Err(format!(
                    "{}: rows read natively {}, in the browser {}, expected {}",
                    f.name,
                    num(&n, "rows")?,
                    num(&b, "rows")?,
                    f.rows
                ));
            }
            if num(&n, "deterministic")? != 1.0 {
                return Err(format!(
                    "{}: two native imports of the same bytes packed different results",
                    f.name
                ));
            }
            if num(&n, "problems")? != 0.0 {
                return Err(format!("{}: the native import found problems", f.name));
            }
            if num(&n, "observations")? != num(&b, "observations")? {
                return Err(format!(
                    "{}: {} observations natively, {} in the browser",
                    f.name,
                    num(&n, "observations")?,
                    num(&b, "observations")?
                ));
            }
            let count = |r: &HashMap<String, String>, key: &str| num(r, key).map(|v| v as usize);
            let figures = Figures {
                name: f.name.clone(),
                bytes: f.bytes,
                vigie_ms: num(&b, "vigie_ms")?,
                worker_ms: num(&b, "vigie_worker_ms")?,
                udsv_ms: num(&b, "udsv_ms")?,
                papaparse_ms: num(&b, "papaparse_ms")?,
                native_ms: num(&n, "median_ms")?,
                numbers: f.numbers,
                vigie_right: count(&b, "vigie_right")?,
                udsv_right: count(&b, "udsv_right")?,
                papaparse_right: count(&b, "papaparse_right")?,
                native_mismatches: count(&b, "native_mismatches")?,
            };
            if figures.vigie_right != f.numbers {
                return Err(format!(
                    "{}: Vigie gave {} of the file's {} numbers right",
                    f.name, figures.vigie_right, f.numbers
                ));
            }
            if figures.native_mismatches != 0 {
                return Err(format!(
                    "{}: {} observations of the wasm import differ from the native import",
                    f.name, figures.native_mismatches
                ));
            }
            Ok(figures)
        })
        .collect()
}

/// One file's speeds and ratios (`vigie/udsv` above 1: Vigie is faster on this file).
pub fn file_line(f: &Figures) -> String {
    let (vigie, udsv, papa) = (
        mib_s(f.bytes, f.vigie_ms),
        mib_s(f.bytes, f.udsv_ms),
        mib_s(f.bytes, f.papaparse_ms),
    );
    format!(
        "{}: vigie {vigie:.1} MiB/s (inside the worker {:.1}), udsv {udsv:.1}, papaparse {papa:.1}, native {:.1} MiB/s; vigie/udsv {:.2}, vigie/papaparse {:.2}",
        f.name,
        mib_s(f.bytes, f.worker_ms),
        mib_s(f.bytes, f.native_ms),
        vigie / udsv,
        vigie / papa
    )
}

/// How many of a file's numbers each parser typed right, and Vigie's agreement with its native self.
pub fn correctness_line(f: &Figures) -> String {
    let pct = |n: usize| 100.0 * n as f64 / f.numbers.max(1) as f64;
    let mut line = format!(
        "numbers typed right, of {}: vigie {} ({:.1} %), udsv {} ({:.1} %), papaparse {} ({:.1} %); wasm vs native: {} observations differ",
        f.numbers,
        f.vigie_right,
        pct(f.vigie_right),
        f.udsv_right,
        pct(f.udsv_right),
        f.papaparse_right,
        pct(f.papaparse_right),
        f.native_mismatches
    );
    let worst = f.udsv_right.min(f.papaparse_right);
    if pct(worst) < 50.0 {
        line += &format!(
            " (the peers are fast here partly because they leave {:.0} % of the numbers as text)",
            100.0 - pct(worst)
        );
    }
    line
}

fn mib_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1048576.0 / (ms / 1000.0)
}

/// The issue's last line: MiB/s over all the files (sum of bytes over the sum of median times).
pub fn last_line(figures: &[Figures]) -> String {
    let bytes: usize = figures.iter().map(|f| f.bytes).sum();
    let total = |ms: fn(&Figures) -> f64| mib_s(bytes, figures.iter().map(ms).sum());
    let vigie = total(|f| f.vigie_ms);
    let udsv = total(|f| f.udsv_ms);
    let papaparse = total(|f| f.papaparse_ms);
    let native = total(|f| f.native_ms);
    format!(
        "import: vigie {vigie:.1} MiB/s, udsv {udsv:.1} MiB/s, papaparse {papaparse:.1} MiB/s, vigie/udsv {:.2}, vigie/papaparse {:.2}, wasm/native {:.2}",
        vigie / udsv,
        vigie / papaparse,
        vigie / native
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_csv_is_deterministic_with_the_rows_asked() {
        let a = long_csv(2000);
        assert_eq!(a, long_csv(2000));
        assert_eq!(data_rows(&a), 2000);
        let text = String::from_utf8(a).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("indicator,geo,year,value"));
        assert!(lines.next().unwrap().starts_with("demo_r_mlifexp,AT,1990,"));
        for l in text.lines().skip(1) {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 4, "{l}");
            assert!(f[2]
                .parse::<u16>()
                .is_ok_and(|y| (1990..=2024).contains(&y)));
            assert!(f[3].parse::<f64>().is_ok(), "{l}");
        }
        // 40 indicators × 750 territories × 35 years hold a million rows.
        assert_eq!(data_rows(&long_csv(LONG_ROWS)), LONG_ROWS);
    }

    #[test]
    fn the_french_csv_is_deterministic_and_its_numbers_are_the_ones_written() {
        let (a, expected) = french_csv(5000);
        assert_eq!((a.clone(), expected.clone()), french_csv(5000));
        assert_eq!(data_rows(&a), 5000);
        let text = String::from_utf8(a).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("Indicateur;Code;Territoire;Année;Valeur")
        );
        let (mut spaced, mut comma, mut negative) = (0, 0, 0);
        for (l, want) in lines.zip(&expected.values) {
            // The value is the last field, after the quoted texts (one holds a `;`).
            let cell = l.rsplit(';').next().unwrap();
            spaced += usize::from(cell.contains(' '));
            comma += usize::from(cell.contains(','));
            negative += usize::from(cell.starts_with('-'));
            let read: f64 = cell.replace(' ', "").replace(',', ".").parse().unwrap();
            assert_eq!(read, *want, "{l}");
            assert!(l.starts_with('"') && l.contains(" ; "), "{l}");
        }
        assert!(
            spaced > 4000 && comma > 3000 && negative > 300,
            "{spaced} {comma} {negative}"
        );
        let (full, _) = french_csv(FRENCH_ROWS);
        assert!(full.len() >= 20_000_000, "{} bytes", full.len());
        assert_eq!(
            french_number(123_456_789, 2, true),
            ("-1 234 567,89".into(), -1234567.89)
        );
        assert_eq!(french_number(5, 0, false), ("5".into(), 5.0));
        assert_eq!(french_number(5, 2, false), ("0,05".into(), 0.05));
    }

    #[test]
    fn data_rows_skip_the_header_and_blank_lines() {
        assert_eq!(data_rows(b"a,b\n1,2\n\n3,4\n"), 2);
        assert_eq!(data_rows(b"a,b\r\n1,2\r\n3,4"), 2);
        assert_eq!(data_rows(b""), 0);
    }

    #[test]
    fn the_page_budget_line_takes_the_largest_file_and_says_whether_it_is_within() {
        let out = "PAGE name=long.csv bytes=10 long_tasks=0 longest_ms=12\nPAGE name=big.tsv bytes=99 long_tasks=2 longest_ms=71\n";
        let line = page_budget_line(&records(out, "PAGE")).unwrap();
        assert!(line.starts_with("import page: big.tsv read on /import, main-thread tasks over 50 ms: 2, longest 71 ms"), "{line}");
        assert!(line.ends_with("OVER BUDGET"), "{line}");
        let ok = page_budget_line(&records(
            "PAGE name=a bytes=1 long_tasks=0 longest_ms=3",
            "PAGE",
        ))
        .unwrap();
        assert!(ok.ends_with("within budget"), "{ok}");
        assert_eq!(page_budget_line(&[]), None);
        assert_eq!(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn records_read_key_values_of_tagged_lines() {
        let out = "noise\nNATIVE name=long.csv bytes=10 median_ms=2.5\n  IMPORT name=x rows=3\n";
        let n = records(out, "NATIVE");
        assert_eq!(n.len(), 1);
        assert_eq!(n[0]["median_ms"], "2.5");
        assert_eq!(records(out, "IMPORT")[0]["rows"], "3");
        assert!(records(out, "NATIVEX").is_empty());
    }

    fn rec(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn figures_check_rows_and_the_last_line_sums_bytes_over_times() {
        let files = vec![
            BenchFile {
                name: "a.tsv".into(),
                path: "a.tsv".into(),
                bytes: 1048576 * 3,
                rows: 10,
                value_from: 1,
                value_to: 2,
                numbers: 10,
            },
            BenchFile {
                name: "b.csv".into(),
                path: "b.csv".into(),
                bytes: 1048576,
                rows: 20,
                value_from: 1,
                value_to: 2,
                numbers: 20,
            },
        ];
        let native = vec![
            rec(&[
                ("name", "a.tsv"),
                ("rows", "10"),
                ("observations", "30"),
                ("problems", "0"),
                ("deterministic", "1"),
                ("median_ms", "500"),
            ]),
            rec(&[
                ("name", "b.csv"),
                ("rows", "20"),
                ("observations", "20"),
                ("problems", "0"),
                ("deterministic", "1"),
                ("median_ms", "500"),
            ]),
        ];
        let browser_with = |rows_b: &str, vigie_right_b: &str, mismatches_b: &str| {
            vec![
                rec(&[
                    ("name", "a.tsv"),
                    ("rows", "10"),
                    ("observations", "30"),
                    ("vigie_ms", "1500"),
                    ("vigie_worker_ms", "1400"),
                    ("udsv_ms", "1000"),
                    ("papaparse_ms", "4000"),
                    ("vigie_right", "10"),
                    ("udsv_right", "0"),
                    ("papaparse_right", "3"),
                    ("native_mismatches", "0"),
                ]),
                rec(&[
                    ("name", "b.csv"),
                    ("rows", rows_b),
                    ("observations", "20"),
                    ("vigie_ms", "500"),
                    ("vigie_worker_ms", "450"),
                    ("udsv_ms", "1000"),
                    ("papaparse_ms", "4000"),
                    ("vigie_right", vigie_right_b),
                    ("udsv_right", "20"),
                    ("papaparse_right", "20"),
                    ("native_mismatches", mismatches_b),
                ]),
            ]
        };
        let browser = |rows_b: &str| browser_with(rows_b, "20", "0");
        let f = figures(&files, &native, &browser("20")).unwrap();
        assert_eq!(
            file_line(&f[0]),
            "a.tsv: vigie 2.0 MiB/s (inside the worker 2.1), udsv 3.0, papaparse 0.8, native 6.0 MiB/s; vigie/udsv 0.67, vigie/papaparse 2.67"
        );
        assert!(correctness_line(&f[0]).starts_with(
            "numbers typed right, of 10: vigie 10 (100.0 %), udsv 0 (0.0 %), papaparse 3 (30.0 %); wasm vs native: 0 observations differ (the peers"
        ), "{}", correctness_line(&f[0]));
        assert!(!correctness_line(&f[1]).contains("the peers"));
        // Vigie wrong on one number, or the wasm apart from the native import: the bench fails.
        assert!(figures(&files, &native, &browser_with("20", "19", "0"))
            .unwrap_err()
            .contains("19 of the file's 20 numbers"));
        assert!(figures(&files, &native, &browser_with("20", "20", "2"))
            .unwrap_err()
            .contains("2 observations of the wasm import differ"));
        // 4 MiB: vigie 2 s, udsv 2 s, papaparse 8 s, native 1 s.
        assert_eq!(
            last_line(&f),
            "import: vigie 2.0 MiB/s, udsv 2.0 MiB/s, papaparse 0.5 MiB/s, vigie/udsv 1.00, vigie/papaparse 4.00, wasm/native 0.50"
        );
        assert!(figures(&files, &native, &browser("19"))
            .unwrap_err()
            .contains("rows"));
        assert!(figures(&files[..1], &native, &browser("20")).is_ok());
        assert!(figures(&files, &native[..1], &browser("20")).is_err());
    }

    #[test]
    fn data_files_are_the_decompressed_tsv_when_present_and_the_long_csv() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("vigie-bench-data-{}", std::process::id()));
        let tsv = b"unit,geo\\time\t2020 \nPC,AT\t1.5 \nPC,BE\t: \n";
        let gz = dir.join("x.tsv.gz");
        std::fs::create_dir_all(&dir).unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(tsv).unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();

        let files = write_data(&dir.join("data"), &gz, 100, 50).unwrap();
        assert_eq!(
            files
                .iter()
                .map(|f| (f.name.as_str(), f.rows, f.numbers))
                .collect::<Vec<_>>(),
            [
                ("demo_r_mlifexp.tsv", 2, 1),
                ("long.csv", 100, 100),
                ("french.csv", 50, 50)
            ]
        );
        let expected = std::fs::read(dir.join("data/demo_r_mlifexp.tsv.expected")).unwrap();
        assert_eq!(expected.len(), 16);
        assert_eq!(f64::from_le_bytes(expected[..8].try_into().unwrap()), 1.5);
        assert!(f64::from_le_bytes(expected[8..].try_into().unwrap()).is_nan());
        assert_eq!(std::fs::read(&files[0].path).unwrap(), tsv);
        assert_eq!(files[0].bytes, tsv.len());

        let alone = write_data(&dir.join("data"), &dir.join("absent.tsv.gz"), 100, 50).unwrap();
        assert_eq!(alone.len(), 2);
        assert_eq!(alone[0].name, "long.csv");
        assert_eq!(
            files_json(&alone[..1]),
            format!(
                r#"[{{"name":"long.csv","url":"/bench-data/long.csv","path":{},"bytes":{},"rows":100,"valueFrom":3,"valueTo":4,"numbers":100}}]"#,
                json_string(&alone[0].path.display().to_string()),
                alone[0].bytes
            )
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn newest_mtime_looks_inside_folders() {
        let dir = std::env::temp_dir().join(format!("vigie-mtime-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/a.txt"), "a").unwrap();
        let file_time = std::fs::metadata(dir.join("sub/a.txt"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(newest_mtime(&dir), Some(file_time));
        assert_eq!(newest_mtime(&dir.join("missing")), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
