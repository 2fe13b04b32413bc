//! Resource paths of a Data Package: which ones Vigie may open, and where a refused one lies.
//!
//! The Frictionless spec forbids absolute paths and `..` in a resource's `path` because a package is
//! read by people who did not write it: a path must name a file *inside* the package's folder. The
//! core refuses every other path before any file is looked up, so the page and `vigie-check` behave
//! alike. URLs are refused too: Vigie never fetches a resource on its own.

use super::problem::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why a resource path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PathRefusal {
    /// No `path` (or one that is not a text).
    Missing,
    /// An empty path.
    Empty,
    /// A path from the root of a disk (`/etc/passwd`).
    Absolute,
    /// A Windows drive (`C:\…`, `c:/…`).
    DriveLetter,
    /// A `..` segment: a path that climbs out of the package's folder.
    ParentSegment,
    /// A URL (`https://…`, `file:…`, any scheme).
    Url,
    /// A backslash, which some systems read as a folder separator.
    Backslash,
    /// A control character (NUL, line feed…) in the path.
    ControlCharacter,
}

/// Checks one resource path: `Ok` with the path when Vigie may open it inside the package's folder.
pub fn check(path: &str) -> Result<&str, PathRefusal> {
    if path.is_empty() {
        return Err(PathRefusal::Empty);
    }
    if path.chars().any(char::is_control) {
        return Err(PathRefusal::ControlCharacter);
    }
    let b = path.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return Err(PathRefusal::DriveLetter);
    }
    if has_scheme(path) {
        return Err(PathRefusal::Url);
    }
    if path.contains('\\') {
        return Err(PathRefusal::Backslash);
    }
    if path.starts_with('/') || path.starts_with('~') {
        return Err(PathRefusal::Absolute);
    }
    if path.split('/').any(|s| s == "..") {
        return Err(PathRefusal::ParentSegment);
    }
    Ok(path)
}

/// Whether the path starts with a URL scheme (`letters:`), as `https:`, `file:` or `data:` do.
fn has_scheme(path: &str) -> bool {
    let Some((scheme, _)) = path.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The paths a resource names: `path` as a text, or each text of a `path` array.
pub fn of(resource: &Value) -> Vec<&Value> {
    match resource.get("path") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

/// Every refused resource path of a descriptor, each located at its text in `text` (the
/// descriptor's JSON as read), named `resources[i].path`. With `required`, a resource with neither
/// a `path` nor inline `data` is refused as `Missing`.
pub fn refusals(file: &str, text: &str, root: &Value, required: bool) -> Vec<Problem> {
    let Some(list) = root.get("resources").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (index, r) in list.iter().enumerate() {
        let resource = r
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let paths = of(r);
        if paths.is_empty() {
            if required && r.get("data").is_none() {
                let (line, column) = locate(text, &resource, &mut from);
                out.push(Problem::at(
                    file,
                    line,
                    column,
                    "",
                    ProblemKind::BadResourcePath {
                        index,
                        resource,
                        refusal: PathRefusal::Missing,
                    },
                ));
            }
            continue;
        }
        for p in paths {
            let refusal = match p.as_str() {
                Some(s) => check(s).err(),
                None => Some(PathRefusal::Missing),
            };
            if let Some(refusal) = refusal {
                let found = p
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| p.to_string());
                let (line, column) = locate(text, &found, &mut from);
                out.push(Problem::at(
                    file,
                    line,
                    column,
                    &found,
                    ProblemKind::BadResourcePath {
                        index,
                        resource: resource.clone(),
                        refusal,
                    },
                ));
            }
        }
    }
    out
}

/// The line and column (1-based, in characters) of `needle` written as a JSON string in `text`,
/// searched from byte `from` on (which then moves past it); `(1, 1)` when it cannot be found.
fn locate(text: &str, needle: &str, from: &mut usize) -> (usize, usize) {
    let quoted = serde_json::to_string(needle).unwrap_or_default();
    let Some(at) = text.get(*from..).and_then(|t| t.find(&quoted)) else {
        return (1, 1);
    };
    let at = *from + at;
    *from = at + quoted.len();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_folder_are_accepted() {
        for p in [
            "data.csv",
            "data/obs.csv",
            "./data/obs.csv",
            "a..b.csv",
            "données/é.csv",
        ] {
            assert_eq!(check(p), Ok(p), "{p}");
        }
    }

    #[test]
    fn every_way_out_of_the_folder_is_refused_with_its_reason() {
        use PathRefusal::*;
        for (p, why) in [
            ("", Empty),
            ("/etc/passwd", Absolute),
            ("~/secret.csv", Absolute),
            ("../../../../etc/passwd", ParentSegment),
            ("data/../../x.csv", ParentSegment),
            ("..", ParentSegment),
            ("C:\\Windows\\win.ini", DriveLetter),
            ("c:/x.csv", DriveLetter),
            ("file:///etc/passwd", Url),
            ("file:x.csv", Url),
            ("https://example.org/x.csv", Url),
            ("data:text/csv,a", Url),
            ("..\\x.csv", Backslash),
            ("a\0.csv", ControlCharacter),
            ("a\n.csv", ControlCharacter),
        ] {
            assert_eq!(check(p), Err(why), "{p:?}");
        }
    }

    #[test]
    fn a_refused_path_is_located_at_its_text_in_the_descriptor() {
        let text = "{\"resources\": [\n  {\"name\": \"ok\", \"path\": \"a.csv\"},\n  {\"name\": \"evil\", \"path\": [\"b.csv\", \"../../etc/passwd\"]},\n  {\"name\": \"none\"}\n]}";
        let root: Value = serde_json::from_str(text).unwrap();
        let p = refusals("datapackage.json", text, &root, true);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].line, p[0].column), (3, 38));
        assert_eq!(p[0].found, "../../etc/passwd");
        assert_eq!(
            p[0].kind,
            ProblemKind::BadResourcePath {
                index: 1,
                resource: "evil".into(),
                refusal: PathRefusal::ParentSegment
            }
        );
        assert_eq!(p[1].line, 4, "{:?}", p[1]);
        assert!(matches!(
            p[1].kind,
            ProblemKind::BadResourcePath {
                index: 2,
                refusal: PathRefusal::Missing,
                ..
            }
        ));
        assert!(refusals("datapackage.json", text, &root, false).len() == 1);
    }
}
