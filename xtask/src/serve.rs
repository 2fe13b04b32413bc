//! A small static file server for `dist/`: correct MIME types (wasm), SPA fallback to index.html for
//! deep links, loopback only. Used by `serve` and by the end-to-end tests.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves files under `dist` until the process ends.
pub fn serve_forever(listener: TcpListener, dist: PathBuf) {
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
    while reader.read_line(&mut line)? > 2 {
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
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
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
}
