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

/// Prints the sizes of the app files in `dist` (wasm, js, css; data files apart) and the brotli total.
pub fn report(dist: &Path) -> Result<(), String> {
    let mut total = 0usize;
    println!(
        "\n{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["wasm", "js", "css"].contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let (g, b) = (gzip(&bytes), brotli(&bytes));
        total += b;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<44} {:>10} {:>10} {:>10}", bytes.len(), g, b);
    }
    println!("size: total brotli {total} bytes");
    Ok(())
}
