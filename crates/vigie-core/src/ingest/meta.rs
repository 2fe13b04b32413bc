//! Indicator metadata files: the YAML front matter of Open SDG `meta/<id>.md` and flat `<id>.yml` files,
//! read with a minimal `key: value` reader (top-level scalars and folded `>-` blocks; lists are skipped),
//! and the first entry of Open SDG's `progress_calculation_options` with located faults.

use std::collections::HashMap;

/// Top-level `key: value` pairs of a YAML document or Markdown front matter.
pub fn front_matter(text: &str) -> HashMap<String, String> {
    let text = text.trim_start_matches('\u{feff}');
    let body = match text.strip_prefix("---") {
        Some(rest) => rest.split("\n---").next().unwrap_or_default(),
        None => text,
    };
    let mut out = HashMap::new();
    let mut current: Option<(String, String)> = None;
    for line in body.lines() {
        if line.starts_with([' ', '\t']) || line.trim().is_empty() {
            if let Some((_, v)) = current.as_mut() {
                let t = line.trim();
                if !t.is_empty() && !t.starts_with("- ") {
                    if !v.is_empty() {
                        v.push(' ');
                    }
                    v.push_str(t);
                }
            }
            continue;
        }
        if let Some((k, v)) = current.take() {
            out.insert(k, v);
        }
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim();
            let v = if matches!(v, ">-" | ">" | "|" | "|-") {
                ""
            } else {
                v
            };
            let v = v.trim_matches(|c| c == '"' || c == '\'');
            current = Some((k.trim().to_owned(), v.to_owned()));
        }
    }
    if let Some((k, v)) = current {
        out.insert(k, v);
    }
    out
}

/// The indicator's name and unit as an Open SDG metadata file gives them.
pub fn name_and_unit(meta: &HashMap<String, String>) -> (String, String) {
    let pick = |keys: &[&str]| {
        keys.iter()
            .filter_map(|k| meta.get(*k))
            .map(|v| strip_html(v))
            .find(|v| !v.is_empty() && !v.starts_with("global_") && !v.contains("_indicators."))
            .unwrap_or_default()
    };
    (
        pick(&[
            "graph_title",
            "indicator_name",
            "SDG_INDICATOR",
            "indicator_available",
        ]),
        pick(&["computation_units", "unit"]),
    )
}

fn strip_html(s: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in s.chars() {
        match c {
            '<' => tag = true,
            '>' if tag => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_folded_values() {
        let m = front_matter("---\nindicator_name: global_indicators.1-1-1-title\ngraph_title: Poverty <b>rate</b>\nlist:\n  - a\nSDG_INDICATOR: >-\n  Indicator 1.1.1: Proportion\n  of people\ncomputation_units: Percentage (%)\n---\nBody: not read\n");
        assert_eq!(
            m.get("SDG_INDICATOR").map(String::as_str),
            Some("Indicator 1.1.1: Proportion of people")
        );
        assert!(!m.contains_key("Body"));
        assert_eq!(
            name_and_unit(&m),
            ("Poverty rate".into(), "Percentage (%)".into())
        );
    }
}

/// A `progress_calculation_options` value Vigie cannot use: 1-based line and column in the file,
/// the text found, and what was expected (`ProblemKind::ProgressOption`).
pub type OptionFault = (usize, usize, String, crate::ingest::ProblemKind);

/// Reads the first entry of Open SDG's `progress_calculation_options` from a metadata file's front
/// matter (block style, as Open SDG writes it), with a located fault for each value it cannot use;
/// a bad value is left out. `None` when the key is absent or its list empty.
pub fn progress_options(text: &str) -> (Option<crate::model::SdgOptions>, Vec<OptionFault>) {
    use crate::ingest::{ProblemKind, ProgressOptionValue as V};
    use crate::model::{Direction, SdgOptions};
    let mut faults: Vec<OptionFault> = Vec::new();
    let fault = |faults: &mut Vec<OptionFault>, line, col, found: &str, key: &str, e| {
        faults.push((
            line,
            col,
            found.to_owned(),
            ProblemKind::ProgressOption {
                key: key.to_owned(),
                expected: e,
            },
        ))
    };
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim_end().starts_with("progress_calculation_options:"))
    else {
        return (None, faults);
    };
    let key = "progress_calculation_options";
    let rest = lines[start][key.len() + 1..].trim();
    if matches!(rest, "[]" | "null" | "~") {
        return (None, faults);
    }
    if !rest.is_empty() && !rest.starts_with('#') {
        fault(
            &mut faults,
            start + 1,
            key.len() + 3,
            rest,
            key,
            V::EntryList,
        );
        return (None, faults);
    }
    let mut out: Option<SdgOptions> = None;
    let (mut entries, mut key_col, mut in_thresholds) = (0, None::<usize>, false);
    for (i, raw) in lines.iter().enumerate().skip(start + 1) {
        let line = raw.split(" #").next().unwrap_or_default();
        let t = line.trim();
        let indent = line.len() - line.trim_start().len();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if (indent == 0 && !t.starts_with('-')) || t == "---" {
            break;
        }
        let (mut col, mut body) = (indent, t);
        if let Some(after) = t.strip_prefix('-') {
            entries += 1;
            if entries == 2 {
                fault(&mut faults, i + 1, indent + 1, "-", key, V::SingleEntry);
            }
            in_thresholds = false;
            body = after.trim_start();
            col = indent + (t.len() - body.len());
            key_col = Some(col);
            if entries == 1 {
                out = Some(SdgOptions::default());
            }
            if body.is_empty() {
                key_col = None;
                continue;
            }
        } else if key_col.is_none() {
            key_col = Some(indent);
        }
        if entries != 1 {
            if entries == 0 {
                fault(&mut faults, i + 1, indent + 1, t, key, V::EntryList);
                return (None, faults);
            }
            continue;
        }
        let Some(o) = out.as_mut() else { continue };
        let Some((k, v)) = body.split_once(':') else {
            fault(&mut faults, i + 1, col + 1, body, key, V::EntryList);
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        let vcol = col + body.find(v).unwrap_or(k.len() + 1) + 1;
        let nested = Some(col) != key_col;
        if nested && in_thresholds {
            let n = number(v);
            match (k, n) {
                ("high" | "med" | "low", None) => fault(&mut faults, i + 1, vcol, v, k, V::Number),
                ("high", n) => o.thresholds.high = n,
                ("med", n) => o.thresholds.med = n,
                ("low", n) => o.thresholds.low = n,
                _ => fault(&mut faults, i + 1, col + 1, k, k, V::ThresholdKey),
            }
            continue;
        }
        if nested {
            fault(&mut faults, i + 1, col + 1, body, key, V::EntryList);
            continue;
        }
        in_thresholds = false;
        let year = |v: &str| {
            v.parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y) && v.bytes().all(|b| b.is_ascii_digit()))
        };
        let bad = match k {
            "base_year" | "target_year" => match year(v) {
                Some(y) if k == "base_year" => (o.base_year = Some(y), None).1,
                Some(y) => (o.target_year = Some(y), None).1,
                None => Some(V::Year),
            },
            "target" | "limit" => match (number(v), matches!(v, "null" | "~")) {
                (_, true) => None,
                (Some(x), _) if k == "target" => (o.target = Some(x), None).1,
                (Some(x), _) => (o.limit = Some(x), None).1,
                (None, _) => Some(V::Number),
            },
            "direction" => match unquoted(v) {
                "positive" => (o.direction = Some(Direction::Increase), None).1,
                "negative" => (o.direction = Some(Direction::Decrease), None).1,
                _ => Some(V::Direction),
            },
            "series" | "unit" => {
                let s = unquoted(v);
                if s.is_empty() {
                    Some(V::Text)
                } else if k == "series" {
                    (o.series = Some(s.to_owned()), None).1
                } else {
                    (o.unit = Some(s.to_owned()), None).1
                }
            }
            "progress_thresholds" if v.is_empty() => (in_thresholds = true, None).1,
            "progress_thresholds" => Some(V::Thresholds),
            _ => {
                fault(&mut faults, i + 1, col + 1, k, k, V::Key);
                continue;
            }
        };
        if let Some(e) = bad {
            fault(&mut faults, i + 1, vcol, v, k, e);
        }
    }
    (out, faults)
}

/// A YAML scalar without the quotes around it (`"positive"`, `'%'`), as YAML reads it.
fn unquoted(v: &str) -> &str {
    let b = v.as_bytes();
    match (b.first(), b.last()) {
        (Some(b'"'), Some(b'"')) | (Some(b'\''), Some(b'\'')) if v.len() >= 2 => &v[1..v.len() - 1],
        _ => v,
    }
}

/// A finite number written plainly (`0.5`, `-2`, `1e3`).
fn number(v: &str) -> Option<f64> {
    v.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod progress_tests {
    use super::*;
    use crate::ingest::{ProblemKind, ProgressOptionValue as V};

    #[test]
    fn reads_progress_calculation_options_and_locates_bad_values() {
        let text = "---\nauto_progress_calculation: true\nprogress_calculation_options:\n- direction: positive\n  base_year: 2015\n  target: 0.5\n  target_year: 2030\n  limit: 7\n  series: Poverty\n  unit: \"%\"\n  progress_thresholds:\n    high: 0.02\n    low: -0.01\n---\n";
        let (o, faults) = progress_options(text);
        assert!(faults.is_empty(), "{faults:?}");
        let o = o.unwrap();
        assert_eq!((o.base_year, o.target_year), (Some(2015), Some(2030)));
        assert_eq!((o.target, o.limit), (Some(0.5), Some(7.0)));
        assert_eq!(o.direction, Some(crate::model::Direction::Increase));
        assert_eq!(
            (o.series.as_deref(), o.unit.as_deref()),
            (Some("Poverty"), Some("%"))
        );
        assert_eq!(
            (o.thresholds.high, o.thresholds.med, o.thresholds.low),
            (Some(0.02), None, Some(-0.01))
        );
        let bad = "progress_calculation_options:\n  - base_year: 2015.5\n    direction: up\n    colour: red\n    progress_thresholds:\n      high: lots\n  - base_year: 2020\n";
        let (o, faults) = progress_options(bad);
        assert_eq!(o.unwrap().base_year, None);
        let got: Vec<(usize, usize, &str, V)> = faults
            .iter()
            .map(|(l, c, f, k)| match k {
                ProblemKind::ProgressOption { expected, .. } => (*l, *c, f.as_str(), *expected),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2, 16, "2015.5", V::Year),
                (3, 16, "up", V::Direction),
                (4, 5, "colour", V::Key),
                (6, 13, "lots", V::Number),
                (7, 3, "-", V::SingleEntry),
            ]
        );
        assert_eq!(progress_options("title: x\n").0, None);
    }
}
