//! Installs the tools the project needs, each only when missing, each step announced.

use crate::{root, run, step};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` version pinned in Cargo.toml and Trunk.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// PATH with the npm tools (wasm-opt) and cargo's bin directory in front.
pub fn path_with_tools() -> String {
    let mut parts = vec![root().join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME").or_else(|| {
        std::env::var_os("HOME").map(|h| format!("{}/.cargo", h.to_string_lossy()).into())
    }) {
        parts.push(format!("{}/bin", std::path::Path::new(&home).display()));
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", path_with_tools())
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    })
}

fn cargo_install(krate: &str, version: &str, locked: bool) -> Result<(), String> {
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", &format!("={version}")]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd)
}

/// The wasm target, trunk, wasm-bindgen CLI and npm packages (wasm-opt, playwright-core).
pub fn ensure_build_tools() -> Result<(), String> {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !output_of("trunk", &["--version"]).is_some_and(|v| v.contains(TRUNK_VERSION)) {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (several minutes, once)"
        ));
        cargo_install("trunk", TRUNK_VERSION, true)?;
    }
    if !output_of("wasm-bindgen", &["--version"]).is_some_and(|v| v.contains(WASM_BINDGEN_VERSION))
    {
        step(&format!(
            "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (a few minutes, once)"
        ));
        // Not --locked: the locked webpki-roots of that release is no longer on the index.
        cargo_install("wasm-bindgen-cli", WASM_BINDGEN_VERSION, false)?;
    }
    if [
        "node_modules/.bin/wasm-opt",
        "node_modules/playwright-core",
        "node_modules/uplot",
        "node_modules/dexie",
        "node_modules/udsv",
        "node_modules/papaparse",
    ]
    .iter()
    .any(|p| !root().join(p).exists())
    {
        step("installing npm packages (binaryen for wasm-opt, playwright-core; uplot, dexie, udsv and papaparse for the benchmarks)");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    // The store bench imports Dexie's ES module through wasm-bindgen, whose test runner serves `.mjs`
    // files with a MIME type browsers refuse for modules: it imports a `.js` copy instead.
    let modules = root().join("node_modules");
    let esm = modules.join("dexie/dist/dexie-esm.js");
    if !esm.exists() {
        std::fs::copy(modules.join("dexie/dist/dexie.mjs"), &esm)
            .map_err(|e| format!("cannot copy Dexie's ES module: {e}"))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver, for the wasm tests and Playwright.
pub fn ensure_browser_tools() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if !have(CHROMIUM) || !have(CHROMEDRIVER) {
        step("installing Debian's chromium and chromium-driver");
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    Ok(())
}

/// cargo-fuzz, for `cargo xtask fuzz`.
pub fn ensure_cargo_fuzz() -> Result<(), String> {
    if !output_of("cargo", &["fuzz", "--version"]).is_some_and(|v| v.contains(CARGO_FUZZ_VERSION)) {
        step(&format!(
            "installing cargo-fuzz {CARGO_FUZZ_VERSION} (a minute or two, once)"
        ));
        cargo_install("cargo-fuzz", CARGO_FUZZ_VERSION, true)?;
    }
    Ok(())
}

/// Whether rustup has a nightly toolchain, which cargo-fuzz's compiler flags need (without one,
/// `RUSTC_BOOTSTRAP=1` lets the stable compiler accept them).
pub fn has_nightly() -> bool {
    output_of("rustup", &["toolchain", "list"])
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("nightly"))
}
