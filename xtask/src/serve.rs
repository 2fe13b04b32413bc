//! A small static file server for `dist/`: correct MIME types (wasm), SPA fallback to index.html for
//! deep links, brotli for text and wasm when the browser accepts it (as any real host would serve
//! them), loopback only. Used by `serve`, the end-to-end tests and the startup benchmark.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

/// Serves files under `dist` until the process ends. The files worth compressing are compressed in
/// the background from the start, so that the first visit does not wait for it.
pub fn serve_forever(listener: TcpListener, dist: PathBuf) {
    let warm = dist.clone();
    std::thread::spawn(move || precompress(&warm));
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dist);
        });
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file under `dist`; `None` when it would leave `dist`.
fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = dist.join(rel);
    if file.is_file() {
        return Some(file);
    }
    // Deep links (no extension) get the app shell; missing assets get a 404.
    if rel.extension().is_none() {
        return Some(dist.join("index.html"));
    }
    None
}

fn handle(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut line = String::new();
    let mut accepts_brotli = false;
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepts_brotli |= value.split(',').any(|v| v.trim().starts_with("br"));
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return stream.write_all(
            b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    match resolve(dist, target).and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => {
            let brotli = (accepts_brotli && compressible(&file))
                .then(|| brotli_of(&file, &body))
                .flatten();
            let (body, encoding) = match brotli {
                Some(b) => (b, "Content-Encoding: br\r\nVary: Accept-Encoding\r\n"),
                None => (Arc::new(body), ""),
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        None => {
            stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")?;
        }
    }
    stream.flush()
}

/// Compresses every file under `dir` that is sent compressed, largest first.
fn precompress(dir: &Path) {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                todo.push(path);
            } else if compressible(&path) {
                let len = e.metadata().map_or(0, |m| m.len());
                files.push((len, path));
            }
        }
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, file) in files {
        if let Ok(raw) = std::fs::read(&file) {
            brotli_of(&file, &raw);
        }
    }
}

/// Whether a file is sent compressed: text and wasm are, images are already compressed.
fn compressible(path: &Path) -> bool {
    !matches!(
        path.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "png" | "ico"
    )
}

/// The brotli encoding (quality 11, as `cargo xtask size` measures) of `file`, whose bytes are `raw`,
/// computed once per file version (requests for a file being compressed wait for it) and kept for the
/// life of the process; `None` if it cannot be made.
fn brotli_of(file: &Path, raw: &[u8]) -> Option<Arc<Vec<u8>>> {
    type Slot = Arc<OnceLock<Option<Arc<Vec<u8>>>>>;
    type Key = (PathBuf, Option<SystemTime>);
    static CACHE: OnceLock<Mutex<HashMap<Key, Slot>>> = OnceLock::new();
    let key = (
        file.to_path_buf(),
        std::fs::metadata(file).and_then(|m| m.modified()).ok(),
    );
    let slot = CACHE
        .get_or_init(Default::default)
        .lock()
        .ok()?
        .entry(key)
        .or_default()
        .clone();
    slot.get_or_init(|| {
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &raw[..], &mut out, &params)
            .ok()
            .map(|_| Arc::new(out))
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_files_deep_links_and_refuses_escapes() {
        let dir = std::env::temp_dir().join(format!("vigie-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("data/a.csv"), "x").unwrap();
        assert_eq!(
            resolve(&dir, "/data/a.csv?v=1"),
            Some(dir.join("data/a.csv"))
        );
        assert_eq!(
            resolve(&dir, "/indicator/abc"),
            Some(dir.join("index.html"))
        );
        assert_eq!(resolve(&dir, "/missing.js"), None);
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(content_type(Path::new("x.wasm")), "application/wasm");
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// Fetches `path` from a server over `dir` and returns the response's head and body.
    fn get(dir: &Path, path: &str, accept: &str) -> (String, Vec<u8>) {
        use std::io::Read;
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        let dir = dir.to_path_buf();
        std::thread::spawn(move || serve_forever(listener, dir));
        let mut s = TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n"
        )
        .unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let at = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        (
            String::from_utf8_lossy(&all[..at]).into_owned(),
            all[at + 4..].to_vec(),
        )
    }

    #[test]
    fn sends_brotli_only_to_browsers_that_accept_it() {
        let dir = std::env::temp_dir().join(format!("vigie-serve-br-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Vigie, observatoire des indicateurs. ".repeat(200);
        std::fs::write(dir.join("app.js"), &text).unwrap();
        std::fs::write(dir.join("icon.png"), &text).unwrap();

        let (head, body) = get(&dir, "/app.js", "gzip, deflate, br, zstd");
        assert!(head.contains("Content-Encoding: br"), "{head}");
        assert!(body.len() < text.len() / 10, "{} bytes", body.len());
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut plain).unwrap();
        assert_eq!(plain, text.as_bytes());

        let (head, body) = get(&dir, "/app.js", "gzip");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, text.as_bytes());
        let (head, body) = get(&dir, "/icon.png", "br");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, text.as_bytes());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
