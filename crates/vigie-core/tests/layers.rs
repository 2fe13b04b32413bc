//! The core's layering, checked: each module uses only modules before it in `LAYERS` (the list in
//! `lib.rs` and ARCHITECTURE.md), so there is no cycle between core modules. Test code (`mod tests` at the
//! bottom of a file) may use any module, and comments are not code.

use std::path::{Path, PathBuf};

/// Lowest first; modules on the same rung may not use each other either.
const LAYERS: &[&[&str]] = &[
    &["period"],
    &["model"],
    &["lang"],
    &["format"],
    &["columns"],
    &["records"],
    &["ingest"],
    &["kpi"],
    &["chart", "map"],
    &["workshop"],
    &["export", "embed", "search", "stored"],
    &["i18n"],
];

fn rung(module: &str) -> Option<usize> {
    LAYERS.iter().position(|r| r.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a source file belongs to (`ingest/table.rs` → `ingest`), `None` for `lib.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (name != "lib").then_some(name)
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::name` used in `code`.
fn uses(code: &str) -> Vec<String> {
    code.match_indices("crate::")
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let Some(module) = module_of(src, file) else {
            continue;
        };
        let Some(own) = rung(&module) else {
            found.push(format!("{module}: not in LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in uses(&code(&text)) {
            if used == module {
                continue;
            }
            match rung(&used) {
                Some(r) if r < own => {}
                _ => found.push(format!(
                    "{}: `{module}` uses `crate::{used}`, which is not below it",
                    file.display()
                )),
            }
        }
    }
    found
}

#[test]
fn every_core_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_use_of_a_higher_layer() {
    let dir = std::env::temp_dir().join(format!("vigie-layers-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("kpi")).unwrap();
    std::fs::write(dir.join("model.rs"), "use crate::period::Period;\n").unwrap();
    std::fs::write(
        dir.join("kpi/mod.rs"),
        "// crate::chart in a comment is fine\nuse crate::i18n::Lang;\n#[cfg(test)]\nmod tests { use crate::chart; }\n",
    )
    .unwrap();
    let found = violations(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`kpi` uses `crate::i18n`"), "{found:?}");
}
