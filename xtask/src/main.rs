//! `cargo xtask`: Vigie's developer commands. Each installs what it needs first (only what is missing).
//!
//! - `serve [--port N]`: release build, then serve `dist/` on http://127.0.0.1:8080 (default).
//! - `test`: formatting, clippy (native and wasm32), native tests, wasm tests in headless Chromium,
//!   release build and the Playwright end-to-end specs. Exits non-zero on the first failure.
//! - `size`: release build, then the wasm, JS and CSS sizes raw, gzip and brotli.
//! - `build`: release build only.
//! - `bench kpi|chart|search`: browser benchmarks (see `bench.rs`); search's last line is
//!   `search: p95 X ms over 5000 indicators, from scratch p95 S ms, js p95 Y ms, vigie/js R`.
//! - `bench import [--no-build]`: Vigie's import (wasm worker) against uDSV and PapaParse in headless
//!   Chromium and natively; last line `import: vigie X MiB/s, udsv Y MiB/s, papaparse Z MiB/s,
//!   vigie/udsv R1, vigie/papaparse R2, wasm/native R3` (see `bench/import.rs`).
//! - `e2e [SPEC…]`: release build, then only the end-to-end specs (all, or those named).
//! - `bench startup [--previous REF] [--runs N] [--no-build]`: a first visit to the dashboard on a
//!   throttled phone (CPU ×4, Fast 3G, fresh profile), this tree against the release built from `REF`
//!   (default `HEAD~1`) in the same run; last line `startup: dashboard X ms, bytes B, vs_previous R`
//!   (see `bench/startup.rs`).
//! - `bench head`: reading a stored head of 2,000 indicators and 129,000 series natively, Vigie's
//!   reader (`vigie_core::stored`) against serde's derived one; last line
//!   `head: stored X ms, serde Y ms, stored/serde R` (see `crates/vigie-core/examples/head_bench.rs`).
//! - `bench store`: the store benchmark in headless Chromium (release build); last line
//!   `store: persist/parse R1, reload/parse R2, dexie_rows/vigie_persist R3`.
//! - `fuzz [--seconds N]`: every cargo-fuzz target of `fuzz/` for N seconds (60 by default), one
//!   line per target `fuzz <target>: N execs, C crashes`, last line `fuzz: total N execs, C crashes`
//!   (see `fuzz.rs`). Not part of `test`.

mod bench;
mod csp;
mod fuzz;
mod serve;
mod size;
mod sw;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("test") => test_command(),
        Some("size") => tools::ensure_build_tools()
            .and_then(|_| build_release())
            .and_then(|_| size::report(&root().join("dist"))),
        Some("build") => tools::ensure_build_tools().and_then(|_| build_release()),
        Some("bench") => match args.get(1).map(String::as_str) {
            Some("store") => bench_store(),
            Some(which) => bench::bench(which, &args[2..]),
            None => {
                Err("usage: cargo xtask bench <kpi|chart|head|import|search|startup|store>".into())
            }
        },
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("e2e") => tools::ensure_build_tools()
            .and_then(|_| build_release())
            .and_then(|_| e2e(&args[1..])),
        _ => {
            eprintln!("usage: cargo xtask <serve [--port N] | test | size | build | e2e [SPEC…] | bench <kpi|chart|head|search|import [--no-build]|startup [--previous REF]|store> | fuzz [--seconds N]>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// Prints a step title the way every step is announced.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// Runs a command at the repository root with the project's tool PATH; fails with its name.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    cmd.current_dir(root())
        .env("PATH", tools::path_with_tools());
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn build_release() -> Result<(), String> {
    step("release build (trunk, offline)");
    run(cargo().args(["fetch", "--quiet"]))?;
    run(Command::new("trunk")
        .args(["build", "--release", "--offline"])
        .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
    let index = root().join("dist/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, csp::apply(&html)?).map_err(|e| e.to_string())?;
    println!("Content-Security-Policy written into dist/index.html");
    let version = sw::render(&root().join("dist"), &root().join("public/sw.js"))?;
    println!("service worker: release {version}");
    Ok(())
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port takes a number, got {n}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure_build_tools()?;
    build_release()?;
    let dist = root().join("dist");
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("\nVigie is served on http://127.0.0.1:{port}  (Ctrl-C to stop)");
    serve::serve_forever(listener, dist);
    Ok(())
}

fn test_command() -> Result<(), String> {
    let started = Instant::now();
    tools::ensure_build_tools()?;
    tools::ensure_browser_tools()?;

    step("cargo fmt --check");
    run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    step("clippy, native");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("clippy, wasm32");
    let clippy_wasm = |what: &[&str]| {
        run(cargo()
            .args(["clippy", "--target", "wasm32-unknown-unknown", "--quiet"])
            .args(what)
            .args(["--", "-D", "warnings"]))
    };
    clippy_wasm(&["--workspace", "--exclude", "xtask", "--all-targets"])?;
    // The full wasm (`vigie-full`: the workshop, data manager and import pages) is the same crate
    // with the `full` feature, which the workspace run above leaves off.
    clippy_wasm(&["--package", "vigie", "--features", "full", "--all-targets"])?;
    // The store benchmark is `test = false` (it runs only through `cargo xtask bench store`), so
    // `--all-targets` skips it; checking it here keeps it building as the model changes.
    clippy_wasm(&["--package", "vigie", "--test", "store_bench"])?;
    step("native tests");
    run(cargo().args(["test", "--workspace"]))?;
    step("wasm tests in headless Chromium");
    run(cargo()
        .args([
            "test",
            "--package",
            "vigie",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
        ])
        .args(browser_tests()?.iter().flat_map(|t| ["--test", t.as_str()]))
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;
    build_release()?;

    e2e(&[])?;
    let out = root().join("target/e2e");
    println!(
        "\nall checks passed in {:.0} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

/// Serves `dist/` on a free loopback port and runs the Playwright specs against it.
fn e2e(specs: &[String]) -> Result<(), String> {
    step("end-to-end tests (Playwright, Debian Chromium)");
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let dist = root().join("dist");
    std::thread::spawn(move || serve::serve_forever(listener, dist));
    let out = root().join("target/e2e");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let next = root().join("target/e2e-next-release");
    sw::next_release(&root().join("dist"), &next, &root().join("public/sw.js"))?;
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-concurrency=1", "--test-timeout=240000"]);
    if specs.is_empty() {
        cmd.arg("tests/e2e/");
    } else {
        cmd.args(specs.iter().map(|s| format!("tests/e2e/{s}")));
    }
    run(cmd
        .env("VIGIE_URL", format!("http://{addr}"))
        .env("VIGIE_E2E_OUT", &out)
        .env("VIGIE_DIST", root().join("dist"))
        .env("VIGIE_NEXT_DIST", &next)
        .env("CHROMIUM", tools::CHROMIUM))
}

/// Runs `tests/store_bench.rs` (release, headless Chromium) and prints its figures and ratios.
fn bench_store() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_browser_tools()?;
    step("store benchmark: 1 M observations in headless Chromium (release build)");
    let shown = "cargo test --release --target wasm32-unknown-unknown --test store_bench";
    let output = cargo()
        .args([
            "test",
            "--package",
            "vigie",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "store_bench",
            "--",
            "--nocapture",
        ])
        .current_dir(root())
        .env("PATH", tools::path_with_tools())
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "900")
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    if !output.status.success() {
        return Err(format!("{shown} failed ({})", output.status));
    }
    let line = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("BENCH "))
        .ok_or("the benchmark printed no BENCH line")?;
    let figure = |key: &str| -> Result<f64, String> {
        let at = line
            .find(&format!("\"{key}\":"))
            .ok_or(format!("no {key} in {line}"))?;
        let rest = &line[at + key.len() + 3..];
        let end = rest.find([',', '}']).unwrap_or(rest.len());
        rest[..end]
            .parse()
            .map_err(|_| format!("{key} is not a number in {line}"))
    };
    let (parse, persist, reload, dexie) = (
        figure("parse_ms")?,
        figure("persist_ms")?,
        figure("reload_ms")?,
        figure("dexie_ms")?,
    );
    println!(
        "rows {:.0}, csv {:.1} MB, stored {:.1} MB; parse {parse:.0} ms, persist {persist:.0} ms, reload {reload:.0} ms, dexie bulkPut {dexie:.0} ms",
        figure("rows")?,
        figure("csv_bytes")? / 1e6,
        figure("stored_bytes")? / 1e6,
    );
    println!(
        "store: persist/parse {:.2}, reload/parse {:.2}, dexie_rows/vigie_persist {:.1}",
        persist / parse,
        reload / parse,
        dexie / persist
    );
    Ok(())
}

/// The integration tests to run in the browser: every `tests/*.rs` but the benchmarks (`*_bench.rs`),
/// which `cargo xtask bench` runs in a release build.
fn browser_tests() -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests"))
        .map_err(|e| e.to_string())?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter_map(|n| n.strip_suffix(".rs").map(str::to_owned))
        .filter(|n| !n.ends_with("_bench"))
        .collect();
    names.sort();
    Ok(names)
}
