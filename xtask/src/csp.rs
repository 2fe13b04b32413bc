//! The Content-Security-Policy written into `dist/index.html` after trunk: scripts only from the site
//! itself and the page's own inline loader (by its SHA-256, so no `unsafe-inline` for scripts), wasm
//! compiled with `wasm-unsafe-eval` (not `unsafe-eval`), no plugins, no foreign frames or forms.
//!
//! Inline styles stay allowed: the chart's tooltip and the embeds' colours are set as `style`
//! attributes. A `<meta>` policy cannot say who may frame the page; embeds are meant to be framed.

use sha2::{Digest, Sha256};

/// The contents of every inline `<script>` (one without `src`) of an HTML page, in order.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The policy for a page whose inline scripts are `scripts`.
pub fn policy(scripts: &[&str]) -> String {
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| format!("'sha256-{}'", base64(&Sha256::digest(s.as_bytes()))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' {} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'",
        hashes.join(" ")
    )
}

/// Writes the policy into the page as the first element after `<meta charset…>` (before any script).
pub fn apply(html: &str) -> Result<String, String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_owned());
    }
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&inline_scripts(html))
    );
    let charset = html
        .find("<meta charset")
        .ok_or("index.html has no <meta charset>")?;
    let end = charset + html[charset..].find('>').ok_or("unclosed <meta charset>")? + 1;
    Ok(format!("{}{meta}{}", &html[..end], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_values() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn hashes_inline_scripts_only_and_goes_before_them() {
        let html = "<!doctype html><html><meta charset=utf-8><script type=module>alert(1)</script>\
                    <script defer src=/sw-register.js></script></html>";
        assert_eq!(inline_scripts(html), vec!["alert(1)"]);
        let out = apply(html).unwrap();
        // sha256("alert(1)"), as `openssl dgst -sha256 -binary | base64` gives it.
        assert!(
            out.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{out}"
        );
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<script").unwrap());
        let script_src = out
            .split("script-src")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        assert!(!script_src.contains("'unsafe-inline'"), "{script_src}");
        assert!(!out.contains("'unsafe-eval'"), "only wasm-unsafe-eval");
        assert_eq!(apply(&out).unwrap(), out, "applied once");
    }
}
