//! Tells the tests whether the real open-data files (`<repo root>/../shared/data`) are there:
//! `cfg(vigie_shared_data)` is set when they are, so that `tests/shared_data.rs` runs, and is
//! listed as ignored (with its reason) by the test runner when they are not.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(vigie_shared_data)");
    println!("cargo::rerun-if-changed=build.rs");
    // The crate is `<repo root>/crates/vigie-core`; the folder sits beside the repository.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let Some(manifest) = manifest else {
        return;
    };
    let shared = manifest.join("../../../shared");
    let data = shared.join("data");
    if data.is_dir() {
        println!("cargo::rerun-if-changed={}", data.display());
        println!("cargo::rustc-cfg=vigie_shared_data");
    } else if shared.is_dir() {
        // Watching a path that does not exist would rerun this script, and rebuild the crate and
        // everything above it, on every build: watch its parent instead, so that the folder
        // appearing is still noticed.
        println!("cargo::rerun-if-changed={}", shared.display());
    }
    // With neither folder, nothing is watched but this script: after adding ../shared/data,
    // `touch crates/vigie-core/build.rs` (or `cargo clean -p vigie-core`) to run its tests.
}
