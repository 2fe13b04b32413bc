//! JSON files: a top-level array of records (objects, or rows after a header array) read as a table,
//! each problem placed at its element; an object with `resources` is a Data Package, handed to
//! `datapackage`.

use super::csv;
use super::datapackage::import_package;
use super::decode::Encoding;
use super::import::{stem, Detected, Format, ImportReport};
use super::options::ImportOptions;
use super::tabular::import_rows;
use super::{Problem, ProblemKind};
use serde_json::Value;

pub(super) fn import_json(
    file: &str,
    text: &str,
    enc: Encoding,
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> ImportReport {
    let det = Detected::new(enc, Format::Json);
    let body = text.trim_start_matches('\u{feff}');
    let root: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) => return ImportReport::refused(file, det, Problem::invalid_json(file, &e)),
    };
    let whole = |kind: ProblemKind| Problem::at(file, 1, 1, "", kind);
    match &root {
        Value::Object(o) if o.contains_key("fields") => {
            ImportReport::refused(file, det, whole(ProblemKind::TableSchemaOnly))
        }
        Value::Object(o) if o.contains_key("resources") => {
            import_package(file, body, &root, enc, companions, opts)
        }
        Value::Array(items) => {
            let offsets = element_offsets(body);
            match records_to_rows(items) {
                Ok((header, rows)) => {
                    let loc = |i: usize, _: usize| {
                        offsets
                            .get(i)
                            .map(|&o| csv::locate(body, 0, 1, o))
                            .unwrap_or((0, 0))
                    };
                    import_rows(file, det, &stem(file), header, rows, &loc, opts)
                }
                Err((i, kind)) => {
                    let (l, c) = offsets
                        .get(i)
                        .map(|&o| csv::locate(body, 0, 1, o))
                        .unwrap_or((1, 1));
                    ImportReport::refused(file, det, Problem::at(file, l, c, "", kind))
                }
            }
        }
        _ => ImportReport::refused(file, det, whole(ProblemKind::UnknownJsonShape)),
    }
}

/// Byte offsets of the top-level array's elements, to locate problems in JSON records.
fn element_offsets(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let (mut depth, mut in_str, mut esc) = (0i32, false, false);
    let mut out = Vec::new();
    let mut expect = false;
    for (i, &c) in b.iter().enumerate() {
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            continue;
        }
        if expect && !c.is_ascii_whitespace() && c != b']' {
            out.push(i);
            expect = false;
        }
        match c {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 && c == b'[' {
                    expect = true;
                }
            }
            b']' | b'}' => depth -= 1,
            b',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Records (objects, or arrays after a header array) to a header and text rows.
#[allow(clippy::type_complexity)]
pub(super) fn records_to_rows(
    items: &[Value],
) -> Result<(Vec<String>, Vec<Vec<String>>), (usize, ProblemKind)> {
    if items.is_empty() {
        return Err((0, ProblemKind::NoRecords));
    }
    if let Some(Value::Array(h)) = items.first() {
        let header: Option<Vec<String>> = h.iter().map(|v| v.as_str().map(str::to_owned)).collect();
        let header = header.ok_or((0, ProblemKind::NoColumnNames))?;
        let mut rows = Vec::new();
        for (i, it) in items.iter().enumerate().skip(1) {
            let r: Option<Vec<String>> = it.as_array().and_then(|a| a.iter().map(scalar).collect());
            rows.push(r.ok_or((i, ProblemKind::NotARowArray))?);
        }
        return Ok((header, rows));
    }
    let mut header: Vec<String> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let o = it.as_object().ok_or((i, ProblemKind::NotARecord))?;
        for k in o.keys() {
            if !header.contains(k) {
                header.push(k.clone());
            }
        }
    }
    let mut rows = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let mut r = Vec::with_capacity(header.len());
        for k in &header {
            let v = it.get(k).unwrap_or(&Value::Null);
            r.push(scalar(v).ok_or_else(|| (i, ProblemKind::NestedValue { key: k.clone() }))?);
        }
        rows.push(r);
    }
    Ok((header, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import::import;

    fn run(name: &str, text: &str) -> ImportReport {
        import(name, text.as_bytes(), &ImportOptions::default())
    }

    #[test]
    fn refuses_json_of_the_wrong_shape_with_its_place() {
        let r = run(
            "x.json",
            "[{\"year\": 2019, \"v\": 1},\n {\"year\": 2020, \"v\": {\"a\": 1}}]",
        );
        assert!(!r.ok());
        assert_eq!((r.problems[0].line, r.problems[0].column), (2, 2));
        assert_eq!(
            r.problems[0].kind,
            ProblemKind::NestedValue { key: "v".into() }
        );
        let ok = run(
            "x.json",
            "[{\"year\": 2019, \"v\": 1}, {\"year\": 2020, \"v\": 2}]",
        );
        assert!(ok.ok(), "{:?}", ok.problems);
        assert_eq!(ok.counts.observations, 2);
    }
}
