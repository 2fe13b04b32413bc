//! Indicator metadata files: the YAML front matter of Open SDG `meta/<id>.md` and flat `<id>.yml` files,
//! read with a minimal `key: value` reader (top-level scalars and folded `>-` blocks; lists are skipped).

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
