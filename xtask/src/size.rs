//! `cargo xtask size`: what a visitor downloads, raw, gzip and brotli, per kind of file.

use std::io::Write;
use std::path::Path;

fn gzip(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("in-memory gzip");
    enc.finish().expect("in-memory gzip").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in-memory brotli");
    out.len()
}

/// When a file of `dist/` is downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Before the dashboard of a first visit is interactive: the page, its wasm, glue and CSS, the
    /// default data, the manifest and icon.
    FirstVisit,
    /// Later: the import engine (its worker script, glue and wasm, fetched by the import page, and
    /// precached in the background by the service worker once it is installed), the world's
    /// boundaries (fetched by a page with a map) and the service worker itself (registered after load).
    Later,
}

/// Which download a file of `dist/` (path relative to it, `/`-separated) belongs to; `None` for files
/// no visit fetches unless asked (the default data's README, other icons).
pub fn when(path: &str) -> Option<When> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.starts_with("vigie-worker")
        || name.starts_with("vigie-full")
        || name == "import-worker.js"
        || name == "sw.js"
    {
        return Some(When::Later);
    }
    if path.starts_with("data/") {
        return (!name.ends_with(".md")).then_some(When::FirstVisit);
    }
    if path.starts_with("geo/") {
        // The world's boundaries, fetched by an indicator page with a map (and precached).
        return (!name.ends_with(".txt")).then_some(When::Later);
    }
    if path.starts_with("icons/") {
        // index.html names the 192 px icon; the others are the manifest's, for installing.
        return (name == "vigie-192.png").then_some(When::FirstVisit);
    }
    let ext = name.rsplit('.').next().unwrap_or("");
    ["wasm", "js", "css", "html", "webmanifest"]
        .contains(&ext)
        .then_some(When::FirstVisit)
}

fn files_under(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = e.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files_under(&path, base, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Prints the sizes of what a first visit downloads before the dashboard is interactive, then, apart,
/// of what is fetched later (the import engine, the service worker), raw, gzip and brotli; the last
/// line is the first visit's brotli total.
pub fn report(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_under(dist, dist, &mut files)?;
    files.sort();
    let mut first_total = 0usize;
    for (heading, kind) in [
        (
            "first visit (before the dashboard is interactive)",
            When::FirstVisit,
        ),
        ("later (import engine, service worker)", When::Later),
    ] {
        println!("\n{heading}");
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            "file", "raw", "gzip", "brotli"
        );
        let (mut raw, mut gz, mut br) = (0, 0, 0);
        for f in files.iter().filter(|f| when(f) == Some(kind)) {
            let bytes = std::fs::read(dist.join(f)).map_err(|e| e.to_string())?;
            let (g, b) = (gzip(&bytes), brotli(&bytes));
            println!("{f:<44} {:>10} {:>10} {:>10}", bytes.len(), g, b);
            raw += bytes.len();
            gz += g;
            br += b;
        }
        println!("{:<44} {raw:>10} {gz:>10} {br:>10}", "total");
        if kind == When::FirstVisit {
            first_total = br;
        }
    }
    println!("size: total brotli {first_total} bytes");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_into_first_visit_and_later() {
        for first in [
            "index.html",
            "vigie-0123abcd.js",
            "vigie-0123abcd_bg.wasm",
            "main-99.css",
            "sw-register.js",
            "manifest.webmanifest",
            "data/lhsm/datapackage.json",
            "data/lhsm/observations.csv",
            "icons/vigie-192.png",
            "snippets/vigie-0123abcd/inline0.js",
        ] {
            assert_eq!(when(first), Some(When::FirstVisit), "{first}");
        }
        for later in [
            "vigie-worker.js",
            "vigie-worker_bg.wasm",
            "vigie-full.js",
            "vigie-full_bg.wasm",
            "import-worker.js",
            "sw.js",
        ] {
            assert_eq!(when(later), Some(When::Later), "{later}");
        }
        assert_eq!(when("data/lhsm/README.md"), None);
        assert_eq!(when("geo/countries-110m.json"), Some(When::Later));
        assert_eq!(when("icons/vigie-512.png"), None);
    }
}
