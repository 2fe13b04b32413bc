//! `cargo xtask bench kpi|chart|import|search`: browser benchmarks in headless Chromium, next to their
//! peers in the same page (uPlot for charts; uDSV and PapaParse for imports, see `import.rs`; the same
//! matching in plain JavaScript for search) and to the
//! same Rust natively (KPI, import). Each prints its figures and a last line in the form the issues ask for.

mod import;
mod startup;

use crate::{root, run, serve, step, tools};
use std::path::Path;
use std::process::Command;

/// Builds the bench wasm, lays out the bench page in `target/bench-site` and serves it.
fn bench_site() -> Result<String, String> {
    step("bench wasm (release)");
    run(Command::new("cargo").args([
        "build",
        "--release",
        "--quiet",
        "--target",
        "wasm32-unknown-unknown",
        "--example",
        "bench_wasm",
    ]))?;
    let site = root().join("target/bench-site");
    let wasm = root().join("target/wasm32-unknown-unknown/release/examples/bench_wasm.wasm");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(site.join("pkg"))
        .arg(&wasm))?;
    let copy = |from: &Path, name: &str| {
        std::fs::copy(from, site.join(name))
            .map(|_| ())
            .map_err(|e| format!("copy {}: {e}", from.display()))
    };
    copy(&root().join("benches/browser/index.html"), "index.html")?;
    copy(&root().join("benches/browser/bench.mjs"), "bench.mjs")?;
    copy(
        &root().join("node_modules/uplot/dist/uPlot.esm.js"),
        "uPlot.esm.js",
    )?;
    copy(
        &root().join("node_modules/uplot/dist/uPlot.min.css"),
        "uPlot.min.css",
    )?;
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || serve::serve_forever(listener, site));
    Ok(format!("http://{addr}"))
}

/// Runs a command and returns its standard output, echoing it.
fn output(cmd: &mut Command) -> Result<String, String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .current_dir(root())
        .env("PATH", tools::path_with_tools())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{shown} failed ({})", out.status))
    }
}

/// The number after `key` in `text` (`key` followed by a number, e.g. `native 74.4`).
fn number_after(text: &str, key: &str) -> Option<f64> {
    let rest = &text[text.find(key)? + key.len()..];
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// Builds and serves the bench page, then runs its benchmark `which` in headless Chromium under the
/// step title `title`; returns what it printed.
fn run_page_bench(title: &str, which: &str) -> Result<String, String> {
    let url = bench_site()?;
    step(title);
    output(
        Command::new("node")
            .args(["benches/browser/run.mjs", which])
            .env("VIGIE_BENCH_URL", &url),
    )
}

pub fn bench(which: &str, args: &[String]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_browser_tools()?;
    match which {
        "kpi" => {
            step("KPI, native (release)");
            let native = output(Command::new("cargo").args([
                "run",
                "--release",
                "--quiet",
                "--example",
                "kpi_bench",
            ]))?;
            let native_ms = number_after(&native, "kpi: native").ok_or("no native KPI figure")?;
            let wasm = run_page_bench("KPI, wasm in headless Chromium", "kpi")?;
            let wasm_ms = number_after(&wasm, "WASM_KPI_MS=").ok_or("no wasm KPI figure")?;
            let parse_ms = number_after(&wasm, "WASM_PARSE_MS=").ok_or("no wasm parse figure")?;
            println!(
                "kpi: wasm {wasm_ms:.1} ms, native {native_ms:.1} ms, wasm/native {:.2}, kpi/parse {:.3}",
                wasm_ms / native_ms,
                wasm_ms / parse_ms
            );
            Ok(())
        }
        "head" => {
            step("reading a large stored head, native (release): Vigie's reader against serde's derived one");
            output(Command::new("cargo").args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "vigie-core",
                "--example",
                "head_bench",
            ]))
            .map(|_| ())
        }
        "chart" => run_page_bench(
            "charts, Vigie and uPlot in one headless Chromium page",
            "chart",
        )
        .map(|_| ()),
        "search" => {
            let out = run_page_bench(
                "search, Vigie's index (wasm) and the same matching in JavaScript, one headless Chromium page",
                "search",
            )?;
            let p95 = number_after(&out, "SEARCH_P95_MS=").ok_or("no search figure")?;
            let scratch = number_after(&out, "SCRATCH_P95_MS=").ok_or("no from-scratch figure")?;
            let js = number_after(&out, "JS_P95_MS=").ok_or("no JavaScript search figure")?;
            let n = number_after(&out, " N=").ok_or("no indicator count")?;
            println!(
                "search: p95 {p95:.2} ms over {n:.0} indicators, from scratch p95 {scratch:.2} ms, js p95 {js:.2} ms, vigie/js {:.2}",
                p95 / js.max(0.001)
            );
            Ok(())
        }
        "import" => import::run(args),
        "startup" => startup::run(args),
        other => Err(format!(
            "unknown benchmark `{other}`: use kpi, chart, import, search, startup or store"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_figures_after_keys() {
        assert_eq!(
            number_after("kpi: native 74.4 ms\n", "kpi: native"),
            Some(74.4)
        );
        assert_eq!(
            number_after("WASM_KPI_MS=12.5 WASM_PARSE_MS=900", "WASM_PARSE_MS="),
            Some(900.0)
        );
        assert_eq!(number_after("nothing", "kpi"), None);
    }
}
