//! The service worker of a release: `public/sw.js` with its version (a hash of every file of the
//! release) and its precache list (every file of `dist/`) filled in, written to `dist/sw.js`.
//! Also builds a "next release" copy of `dist/` for the end-to-end update test.

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, base, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_path_buf());
        }
    }
    Ok(())
}

/// 64-bit FNV-1a, enough to tell releases apart.
fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Writes `dist/sw.js` from the template and returns the release's version.
pub fn render(dist: &Path, template: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    files_under(dist, dist, &mut files).map_err(|e| format!("listing {}: {e}", dist.display()))?;
    files.retain(|f| f != Path::new("sw.js"));
    files.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325;
    let mut urls = Vec::new();
    for f in &files {
        let url = format!("/{}", f.to_string_lossy().replace('\\', "/"));
        hash = fnv(hash, url.as_bytes());
        hash = fnv(
            hash,
            &std::fs::read(dist.join(f)).map_err(|e| e.to_string())?,
        );
        urls.push(url);
    }
    let version = format!("{hash:016x}");
    let list = format!(
        "[{}]",
        urls.iter()
            .map(|u| format!("'{u}'"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let text =
        std::fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    let text = text
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__PRECACHE__", &list);
    std::fs::write(dist.join("sw.js"), text).map_err(|e| e.to_string())?;
    Ok(version)
}

/// Copies `dist` to `next` as a different release would look: a renamed stylesheet, a marker in
/// index.html, and its own service worker.
pub fn next_release(dist: &Path, next: &Path, template: &Path) -> Result<String, String> {
    if next.exists() {
        std::fs::remove_dir_all(next).map_err(|e| e.to_string())?;
    }
    let mut files = Vec::new();
    files_under(dist, dist, &mut files).map_err(|e| e.to_string())?;
    for f in &files {
        let to = next.join(f);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::copy(dist.join(f), &to).map_err(|e| e.to_string())?;
    }
    let css = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "css"))
        .ok_or("no stylesheet in dist")?
        .clone();
    let css_name = css.to_string_lossy().into_owned();
    let next_css = "main-next-release.css";
    let mut style = std::fs::read_to_string(next.join(&css)).map_err(|e| e.to_string())?;
    style.push_str("\n.release-marker{--release:next}\n");
    std::fs::write(next.join(next_css), style).map_err(|e| e.to_string())?;
    std::fs::remove_file(next.join(&css)).map_err(|e| e.to_string())?;
    let index = std::fs::read_to_string(next.join("index.html")).map_err(|e| e.to_string())?;
    let index = index.replace(&css_name, next_css);
    // Minified pages have no <head> tag: the marker goes right after the <html …> tag.
    let at = index
        .find("<html")
        .and_then(|i| index[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let index = format!(
        "{}<meta name=\"vigie-release\" content=\"next\">{}",
        &index[..at],
        &index[at..]
    );
    std::fs::write(next.join("index.html"), index).map_err(|e| e.to_string())?;
    render(next, template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_version_and_precache_and_a_distinct_next_release() {
        let dir = std::env::temp_dir().join(format!("vigie-sw-{}", std::process::id()));
        let dist = dir.join("dist");
        std::fs::create_dir_all(dist.join("data")).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><html lang=fr><link href=/main-1.css></html>",
        )
        .unwrap();
        std::fs::write(dist.join("main-1.css"), "body{}").unwrap();
        std::fs::write(dist.join("data/a.csv"), "x").unwrap();
        let template = dir.join("sw.js");
        std::fs::write(
            &template,
            "const VERSION = '__VERSION__';\nconst PRECACHE = __PRECACHE__;\n",
        )
        .unwrap();
        let v1 = render(&dist, &template).unwrap();
        let sw = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(sw.contains(&format!("'{v1}'")));
        assert!(
            sw.contains("['/data/a.csv', '/index.html', '/main-1.css']"),
            "{sw}"
        );
        assert_eq!(
            render(&dist, &template).unwrap(),
            v1,
            "same files, same version"
        );
        let v2 = next_release(&dist, &dir.join("next"), &template).unwrap();
        assert_ne!(v1, v2);
        let next_index = std::fs::read_to_string(dir.join("next/index.html")).unwrap();
        assert_eq!(
            next_index,
            "<!doctype html><html lang=fr><meta name=\"vigie-release\" content=\"next\"><link href=/main-next-release.css></html>"
        );
        assert!(!dir.join("next/main-1.css").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
