//! Vigie, the web app: the Leptos pages (`ui`), the IndexedDB glue (`store`) and small browser
//! helpers (`web`), all compiled for wasm32 only. The import engine runs in its own wasm, built from
//! `crates/vigie-worker` and loaded only by the import worker, so this crate's wasm never carries it.
//!
//! Everything that reads, checks, computes or draws is in `vigie-core`, re-exported here under the
//! same names so pages write `crate::kpi`, `crate::model`… The web app never holds business logic:
//! components wire signals and call the core.

pub use vigie_core::{
    chart, columns, embed, export, format, i18n, ingest, kpi, lang, map, model, period, records,
    search, stored, workshop,
};

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Components hold no user-facing literal: every sentence, label and name a person reads comes from
/// the language tables (`vigie_core::i18n`). This reads every `src/ui/*.rs` and fails on a string
/// literal that looks like French or English words.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// Literals allowed in components, each with its reason. Keep it short.
    const ALLOWED: &[(&str, &str)] = &[
        // File formats are the same word in both languages (download buttons).
        ("PNG", "a file format's name"),
        ("SVG", "a file format's name"),
        ("CSV", "a file format's name"),
        (
            "Open SDG",
            "a product's name, the same in French and English",
        ),
        ("CSV / TSV", "file formats' names"),
        (
            "Data Package",
            "the Frictionless format's name, the same in French and English",
        ),
    ];

    /// Attributes whose values nobody reads (`aria-label`, `title`, `placeholder`, `alt` are read).
    const SILENT_ATTRS: &[&str] = &[
        "class",
        "data-testid",
        "id",
        "href",
        "type",
        "role",
        "style",
        "for",
        "name",
        "rel",
        "inputmode",
        "autocomplete",
        "aria-controls",
        "aria-describedby",
        "accept",
        "size",
        "key",
        "aria-live",
        "tabindex",
        "viewBox",
        "d",
        "fill",
        "stroke",
    ];

    /// The string literals of `code` outside comments, with their line and the text just before and
    /// just after each on its line.
    fn literals(code: &str) -> Vec<(usize, String, String, String)> {
        let mut out = Vec::new();
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            let bytes: Vec<char> = line.chars().collect();
            let mut i = 0;
            while i < bytes.len() {
                let c = bytes[i];
                if c == '/' && bytes.get(i + 1) == Some(&'/') {
                    break;
                }
                if c == '\'' && bytes.get(i + 2) == Some(&'\'') {
                    i += 3;
                    continue;
                }
                if c == '\'' && bytes.get(i + 1) == Some(&'\\') {
                    // An escaped char literal such as '\'' or '\u{a0}'.
                    let end = (i + 2..bytes.len())
                        .find(|&j| bytes[j] == '\'')
                        .unwrap_or(i + 2);
                    i = end + 1;
                    continue;
                }
                if c == '"' {
                    let before: String = bytes[..i].iter().collect();
                    let mut text = String::new();
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != '"' {
                        if bytes[j] == '\\' {
                            j += 1;
                        }
                        if let Some(&ch) = bytes.get(j) {
                            text.push(ch);
                        }
                        j += 1;
                    }
                    let after: String = bytes[(j + 1).min(bytes.len())..].iter().collect();
                    out.push((n + 1, text, before, after));
                    i = j + 1;
                    continue;
                }
                i += 1;
            }
        }
        out
    }

    /// The text without its `{…}` format placeholders.
    fn without_placeholders(text: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// Whether a literal (and what precedes it on its line) reads as words meant for people.
    fn is_prose(text: &str, before: &str, after: &str) -> bool {
        // A value compared or matched (a key name, an event type) is not shown.
        let (b, a) = (before.trim_end(), after.trim_start());
        if b.ends_with("==")
            || b.ends_with('|')
            || a.starts_with("=>")
            || a.starts_with("if ") && a.contains("=>")
            || a.starts_with('|')
            || a.starts_with("==")
        {
            return false;
        }
        let attr_before = before.trim_end().strip_suffix('=').map(str::trim_end);
        if let Some(attr) = attr_before.and_then(|b| b.rsplit([' ', '<', ':']).next()) {
            if SILENT_ATTRS.contains(&attr) || attr.starts_with("data-") {
                return false;
            }
        }
        if ALLOWED.iter().any(|(a, _)| *a == text) {
            return false;
        }
        let t = without_placeholders(text);
        let technical = t.contains("://")
            || t.starts_with('/')
            || t.contains("[")
            || t.contains(':') && !t.contains(' ')
            || t.contains('=')
            || t.contains("calc(");
        if technical {
            return false;
        }
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2)
            .collect();
        let accented = t.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
        let capitalised = words.iter().any(|w| {
            w.chars().count() >= 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)
        });
        // Two words or more, unless they read as a list of CSS classes (`kind kind-input`).
        let tokens: Vec<&str> = t.split_whitespace().collect();
        let class_list = tokens.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        }) && tokens.iter().any(|w| w.contains('-') || w.contains('_'));
        let sentence = tokens
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
            >= 2
            && !class_list;
        accented || capitalised || sentence
    }

    fn offenders(file: &str, code: &str) -> Vec<String> {
        literals(code)
            .into_iter()
            .filter(|(_, text, before, after)| is_prose(text, before, after))
            .map(|(line, text, _, _)| format!("{file}:{line}: \"{text}\""))
            .collect()
    }

    #[test]
    fn components_hold_no_user_facing_literal() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut found = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for path in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        {
            let code = std::fs::read_to_string(path).unwrap();
            let code = match code.find("#[cfg(test)]") {
                Some(i) => &code[..i],
                None => &code[..],
            };
            found.extend(offenders(&path.display().to_string(), code));
        }
        assert!(
            found.is_empty(),
            "user-facing literals in components (move them to i18n):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_detector_sees_planted_words_and_ignores_markup() {
        let planted = r#"
            view! { <p class="notice notice-ok" data-testid="saved">"Enregistré dans ce navigateur"</p> }
            let label = "Target";
            let two = "not saved yet";
            // "Un commentaire n’est pas du code"
            let selector = "link[rel=modulepreload]";
            let css = format!("kind kind-{}", k);
            let tip = view! { <button title="Afficher la série">"x"</button> };
            if ev.key() == "Escape" { close() }
            match key { "Home" => 0, _ => 1 }
        "#;
        let found = offenders("planted.rs", planted);
        let texts: Vec<&str> = found
            .iter()
            .map(|f| f.split(": ").nth(1).unwrap())
            .collect();
        assert_eq!(
            texts,
            vec![
                "\"Enregistré dans ce navigateur\"",
                "\"Target\"",
                "\"not saved yet\"",
                "\"Afficher la série\""
            ],
            "{found:?}"
        );
    }
}
