//! Open SDG progress of a selected series or unit, end to end: real Open SDG files (trimmed to their
//! headline rows and a few disaggregated ones) imported with `progress_calculation_options`
//! metadata, evaluated, and compared with sdg-build's own `SeriesProgress` run on the same tables
//! (`tests/fixtures/sdg_progress/selection.json`, PROVENANCE.md there says how).

use vigie_core::ingest::import::import_with;
use vigie_core::ingest::ImportOptions;
use vigie_core::kpi::{evaluate_one, Options};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/sdg_progress"
);

/// The metadata file Open SDG would carry for a case's configuration.
fn metadata(config: &serde_json::Value) -> String {
    let mut md =
        String::from("---\nauto_progress_calculation: true\nprogress_calculation_options:\n");
    let mut first = true;
    for (k, v) in config.as_object().unwrap() {
        let value = match v {
            serde_json::Value::String(s) => format!("\"{}\"", s.replace('"', "\\\"")),
            other => other.to_string(),
        };
        md.push_str(if first { "- " } else { "  " });
        md.push_str(&format!("{k}: {value}\n"));
        first = false;
    }
    md.push_str("---\n");
    md
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn selected_series_and_units_agree_with_the_reference() {
    let text = std::fs::read_to_string(format!("{FIXTURE}/selection.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = v["cases"].as_array().unwrap();
    let mut disagreements = Vec::new();
    let (mut measured, mut refused, mut departures) = (0, 0, 0);
    for c in cases {
        let file = c["file"].as_str().unwrap();
        let csv = std::fs::read(format!("{FIXTURE}/selection/{file}")).unwrap();
        let id = file
            .trim_start_matches("indicator_")
            .trim_end_matches(".csv");
        let md = metadata(&c["config"]);
        let meta_name = format!("{id}.md");
        let r = import_with(
            file,
            &csv,
            &[(meta_name.as_str(), md.as_bytes())],
            &ImportOptions::default(),
        );
        let Some(ds) = r.dataset.as_ref().filter(|_| r.ok()) else {
            disagreements.push(format!("{}: not imported: {:?}", c["id"], r.problems));
            continue;
        };
        let got = evaluate_one(ds, id, &Options::default()).unwrap().sdg;
        // A selection the file does not have: the reference ignores it (and measures what is left,
        // or stops); Vigie measures nothing and says so (PROVENANCE.md).
        if let Some(v) = c.get("vigie") {
            departures += 1;
            let problem = serde_json::to_value(got.problems.last()).unwrap();
            if got.status.code() != v["status"] || problem != v["problem"] {
                disagreements.push(format!("{}: got {:?} {problem}", c["id"], got.status));
            }
            continue;
        }
        let e = &c["expected"];
        if let Some(raised) = e.get("raised") {
            // The reference stops with an error; Vigie must measure nothing and say why.
            refused += 1;
            let raised = raised.as_str().unwrap();
            let why = if raised.contains("Duplicate value") {
                "duplicate_year"
            } else if raised.contains("many sub-series") {
                "several_series_selected"
            } else {
                "?"
            };
            let said = serde_json::to_value(got.problems.last()).unwrap();
            if got.status.code() != "not_available" || said != why {
                disagreements.push(format!(
                    "{}: the reference refused ({raised}), Vigie gave {:?} P {:?} {said}",
                    c["id"], got.status, got.progress_value
                ));
            }
            continue;
        }
        measured += 1;
        // Vigie places a year's value at the year's end: the reference's 2015 is Vigie's 2016.0.
        let year = |k: &str| e[k].as_f64().map(|y| y + 1.0);
        let ok = got.status.code() == e["status"].as_str().unwrap()
            && same(got.progress_value, e["progress_value"].as_f64())
            && same(got.score, e["score"].as_f64())
            && got.target_achieved == e["target_achieved"].as_bool().unwrap()
            && same(got.base_year, year("base_year"))
            && same(got.base_value, e["base_value"].as_f64())
            && same(got.current_year, year("current_year"))
            && same(got.current_value, e["current_value"].as_f64());
        if !ok {
            disagreements.push(format!(
                "{}: {} got {:?} P {:?} score {:?} base {:?}/{:?} current {:?}/{:?}, expected {e}",
                c["id"],
                c["config"],
                got.status,
                got.progress_value,
                got.score,
                got.base_year,
                got.base_value,
                got.current_year,
                got.current_value
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cases disagree:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
    assert!(
        measured >= 80 && refused >= 36 && departures == 12,
        "{measured} measured, {refused} refused, {departures} departures"
    );
}
