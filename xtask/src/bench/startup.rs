//! `cargo xtask bench startup [--previous REF] [--runs N] [--no-build]`: a first visit to the
//! dashboard on a throttled phone (CPU ×4, "Fast 3G"), this tree's release build against a previous
//! release built from the git ref `REF` (default `HEAD~1`), in the same run (see
//! `benches/startup.mjs`). The last line is
//! `startup: dashboard X ms, bytes B, vs_previous R`, X and B this tree's medians and R its
//! dashboard time over the previous build's.
//!
//! The previous build is made from `git archive REF` under `target/bench-startup/<commit>/` with
//! trunk, sharing this tree's cargo target directory (so dependencies are not compiled again), and
//! kept there: later runs against the same commit reuse it.

use crate::{build_release, csp, root, serve, step, sw, tools};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One run's figures for one build, as `benches/startup.mjs` prints them.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    build: String,
    rows_ms: f64,
    chart_ms: f64,
    bytes: f64,
}

/// Reads the `STARTUP build=… rows_ms=… chart_ms=… bytes=…` lines of the script's output.
fn parse_runs(text: &str) -> Vec<Run> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("STARTUP "))
        .filter_map(|l| {
            let field = |key: &str| {
                l.split_whitespace()
                    .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            };
            Some(Run {
                build: field("build")?.to_owned(),
                rows_ms: field("rows_ms")?.parse().ok()?,
                chart_ms: field("chart_ms")?.parse().ok()?,
                bytes: field("bytes")?.parse().ok()?,
            })
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// The medians of one build's runs: (rows ms, chart ms, bytes).
fn medians(runs: &[Run], build: &str) -> (f64, f64, f64) {
    let of = |f: fn(&Run) -> f64| median(runs.iter().filter(|r| r.build == build).map(f).collect());
    (of(|r| r.rows_ms), of(|r| r.chart_ms), of(|r| r.bytes))
}

/// Runs a command in `dir` with the project's tool PATH.
fn run_in(dir: &Path, cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .current_dir(dir)
        .env("PATH", tools::path_with_tools())
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or(format!("{shown} failed ({status})"))
}

/// The full commit id `reference` names.
fn commit_of(reference: &str) -> Result<String, String> {
    let out = Command::new("git")
        .args(["rev-parse", "--verify", &format!("{reference}^{{commit}}")])
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("git rev-parse: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{reference}` names no commit of this repository"));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The release `dist/` of `commit`, built once under `target/bench-startup/<commit>/`.
fn previous_dist(commit: &str) -> Result<PathBuf, String> {
    let dir = root().join("target/bench-startup").join(&commit[..12]);
    let dist = dir.join("dist");
    if dist.join("index.html").is_file() {
        println!(
            "previous build of {} kept in {}",
            &commit[..12],
            dist.display()
        );
        return Ok(dist);
    }
    step(&format!("previous release build ({})", &commit[..12]));
    let src = dir.join("src");
    if src.exists() {
        std::fs::remove_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    }
    std::fs::create_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    run_in(
        &root(),
        Command::new("sh").args([
            "-c",
            &format!(
                "git archive --format=tar {commit} | tar -x -C '{}'",
                src.display()
            ),
        ]),
    )?;
    // The same npm tools (wasm-opt) and the same compiled dependencies as this tree.
    std::os::unix::fs::symlink(root().join("node_modules"), src.join("node_modules"))
        .map_err(|e| format!("node_modules link: {e}"))?;
    run_in(
        &src,
        Command::new("trunk")
            .args(["build", "--release", "--offline"])
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("CARGO_TARGET_DIR", root().join("target")),
    )?;
    // What `cargo xtask build` adds after trunk: the page's Content-Security-Policy and the service
    // worker with its precache list.
    let index = src.join("dist/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, csp::apply(&html)?).map_err(|e| e.to_string())?;
    let worker = src.join("public/sw.js");
    if worker.is_file() {
        sw::render(&src.join("dist"), &worker)?;
    }
    std::fs::rename(src.join("dist"), &dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    std::fs::remove_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    Ok(dist)
}

/// Serves `dist` on a free loopback port; returns its URL.
fn serve_dist(dist: PathBuf) -> Result<String, String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || serve::serve_forever(listener, dist));
    Ok(format!("http://{addr}"))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut previous = "HEAD~1".to_owned();
    let mut runs = 7usize;
    let mut build = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--previous" => previous = it.next().ok_or("--previous takes a git ref")?.clone(),
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs takes a positive number")?
            }
            "--no-build" => build = false,
            other => {
                return Err(format!(
                    "unknown argument `{other}`: cargo xtask bench startup [--previous REF] [--runs N] [--no-build]"
                ))
            }
        }
    }
    let commit = commit_of(&previous)?;
    let old = previous_dist(&commit)?;
    if build || !root().join("dist/index.html").is_file() {
        build_release()?;
    }
    let builds = [
        ("current", serve_dist(root().join("dist"))?),
        ("previous", serve_dist(old)?),
    ];
    let list: Vec<String> = builds
        .iter()
        .map(|(name, url)| format!("{{\"name\":\"{name}\",\"url\":\"{url}\"}}"))
        .collect();
    step(&format!(
        "startup: first visit at 375 px, CPU ×4, Fast 3G, fresh profile, {runs} runs per build; previous = {previous} ({})",
        &commit[..12]
    ));
    let text = super::output(
        Command::new("node")
            .arg("benches/startup.mjs")
            .env("VIGIE_STARTUP_BUILDS", format!("[{}]", list.join(",")))
            .env("VIGIE_STARTUP_RUNS", runs.to_string())
            .env("CHROMIUM", tools::CHROMIUM),
    )?;
    let all = parse_runs(&text);
    let (rows, chart, bytes) = medians(&all, "current");
    let (old_rows, old_chart, old_bytes) = medians(&all, "previous");
    if !(chart.is_finite() && old_chart.is_finite()) {
        return Err("the startup benchmark printed no figure for one of the builds".into());
    }
    println!(
        "current:  rows {rows:.0} ms, first chart {chart:.0} ms, {bytes:.0} bytes (medians of {runs})"
    );
    println!(
        "previous: rows {old_rows:.0} ms, first chart {old_chart:.0} ms, {old_bytes:.0} bytes (medians of {runs})"
    );
    println!(
        "startup: dashboard {chart:.0} ms, bytes {bytes:.0}, vs_previous {:.2}",
        chart / old_chart
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_script_lines_and_takes_medians_per_build() {
        let text = "noise\nSTARTUP build=current run=0 rows_ms=900 chart_ms=950 bytes=500000 requests=9\n\
                    STARTUP build=previous run=0 rows_ms=1800 chart_ms=1900 bytes=600000 requests=9\n\
                    STARTUP build=current run=1 rows_ms=1100 chart_ms=1150 bytes=500100 requests=9\n\
                    STARTUP build=current run=2 rows_ms=1000 chart_ms=1000 bytes=500050 requests=9\n\
                    STARTUP build=broken run=3 rows_ms=x chart_ms=1 bytes=1\n";
        let runs = parse_runs(text);
        assert_eq!(runs.len(), 4);
        assert_eq!(medians(&runs, "current"), (1000.0, 1000.0, 500050.0));
        assert_eq!(medians(&runs, "previous"), (1800.0, 1900.0, 600000.0));
        assert!(medians(&runs, "absent").1.is_nan());
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
    }
}
