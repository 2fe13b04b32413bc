//! `cargo xtask fuzz [--seconds N]`: every cargo-fuzz target of `fuzz/` for N seconds each (60 by
//! default), one after the other with one libFuzzer job, then one line per target and a total.
//!
//! Builds are optimised with debug assertions, without AddressSanitizer (the core forbids `unsafe`)
//! and without comparison tracing, which at least doubles the executions per second; each target's
//! dictionary in `fuzz/dict/` gives libFuzzer the tokens that tracing would find. A crash, timeout or
//! out-of-memory input is saved in `fuzz/artifacts/<target>/` and counted; the command then fails.

use crate::{root, step, tools};
use std::path::Path;
use std::process::{Command, Stdio};

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;

/// What one target's run gave.
struct Outcome {
    execs: u64,
    crashes: usize,
}

/// Runs the command: installs cargo-fuzz when missing, seeds the corpora, runs each target.
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let seconds = match args {
        [] => DEFAULT_SECONDS,
        [flag, n] if flag == "--seconds" => n
            .parse()
            .map_err(|_| format!("--seconds takes a number, got {n}"))?,
        _ => return Err("usage: cargo xtask fuzz [--seconds N]".into()),
    };
    tools::ensure_cargo_fuzz()?;
    let dir = root().join("fuzz");
    let targets = targets(&dir)?;
    if targets.iter().any(|t| !dir.join("corpus").join(t).is_dir()) {
        step("seeding the fuzz corpora (fuzz/seed.sh)");
        crate::run(Command::new("sh").arg("seed.sh").current_dir(&dir))?;
    }
    let mut outcomes = Vec::new();
    for t in &targets {
        step(&format!("fuzz {t} for {seconds} s"));
        outcomes.push(run_target(&dir, t, seconds)?);
    }
    println!();
    for (t, o) in targets.iter().zip(&outcomes) {
        println!("fuzz {t}: {} execs, {} crashes", o.execs, o.crashes);
    }
    let execs: u64 = outcomes.iter().map(|o| o.execs).sum();
    let crashes: usize = outcomes.iter().map(|o| o.crashes).sum();
    println!("fuzz: total {execs} execs, {crashes} crashes");
    if crashes > 0 {
        return Err(format!(
            "{crashes} crashing inputs saved under {}",
            dir.join("artifacts").display()
        ));
    }
    Ok(())
}

/// The targets `fuzz/Cargo.toml` declares, in its order (each `[[bin]]`'s `name`).
fn targets(dir: &Path) -> Result<Vec<String>, String> {
    let manifest = dir.join("Cargo.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut out = Vec::new();
    let mut in_bin = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if let Some(v) = line.strip_prefix("name").map(str::trim_start) {
            if let (true, Some(name)) = (in_bin, v.strip_prefix('=')) {
                out.push(name.trim().trim_matches('"').to_owned());
            }
        }
    }
    if out.is_empty() {
        return Err(format!("no [[bin]] target in {}", manifest.display()));
    }
    Ok(out)
}

/// The saved failing inputs of a target (crash, timeout, out-of-memory, leak).
fn artifacts(dir: &Path, target: &str) -> Vec<String> {
    let Ok(list) = std::fs::read_dir(dir.join("artifacts").join(target)) else {
        return Vec::new();
    };
    list.flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| {
            ["crash-", "timeout-", "oom-", "leak-"]
                .iter()
                .any(|p| n.starts_with(p))
        })
        .collect()
}

/// Runs one target for `seconds`, its libFuzzer log written to `fuzz/target/<target>.log`.
fn run_target(dir: &Path, target: &str, seconds: u64) -> Result<Outcome, String> {
    let before = artifacts(dir, target);
    let log_path = dir.join("target").join(format!("{target}.log"));
    std::fs::create_dir_all(dir.join("target")).map_err(|e| e.to_string())?;
    let log =
        std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut cmd = Command::new("cargo");
    if tools::has_nightly() {
        cmd.arg("+nightly");
    } else {
        cmd.env("RUSTC_BOOTSTRAP", "1");
    }
    cmd.args([
        "fuzz",
        "run",
        "-O",
        "-s",
        "none",
        "--no-trace-compares",
        target,
        "--",
    ])
    .args([
        format!("-max_total_time={seconds}"),
        "-rss_limit_mb=2048".into(),
        "-timeout=10".into(),
        "-print_final_stats=1".into(),
    ]);
    let dict = dir.join("dict").join(format!("{target}.dict"));
    if dict.exists() {
        cmd.arg(format!("-dict={}", dict.display()));
    }
    let status = cmd
        .current_dir(dir)
        .env("PATH", tools::path_with_tools())
        .stdout(Stdio::null())
        .stderr(log)
        .status()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    let execs = text
        .lines()
        .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let crashes = artifacts(dir, target)
        .iter()
        .filter(|a| !before.contains(a))
        .count();
    if !status.success() && crashes == 0 {
        return Err(format!(
            "cargo fuzz run {target} failed ({status}); see {}",
            log_path.display()
        ));
    }
    println!(
        "{execs} execs{}; log in {}",
        if crashes > 0 {
            ", a failing input saved"
        } else {
            ""
        },
        log_path.display()
    );
    Ok(Outcome { execs, crashes })
}
