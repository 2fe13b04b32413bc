//! Native benchmark of reading a stored dataset's metadata record: `stored::meta_record` (what the
//! page runs: JSON parsed into a `serde_json::Value`, then read by hand) against serde's derived
//! `Deserialize` of the same record (what it ran before, still the writer's counterpart), on a large
//! head: by default 2,000 indicators and 129,000 disaggregated series, the size of an imported
//! Eurostat file's head.
//!
//! Run with `cargo run --release --example head_bench [indicators] [series]`; it prints
//! `head: stored X ms, serde Y ms, stored/serde R` (each the best of seven reads of the same text).

use std::time::Instant;
use vigie_core::model::Series;
use vigie_core::records::{meta_json, DatasetHead, DatasetInfo, DatasetKind, MetaRecord};

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let indicators = args.first().copied().unwrap_or(2_000);
    let series = args.get(1).copied().unwrap_or(129_000);
    let ds = vigie_core::kpi::synthetic::dataset(indicators, indicators, 2026);
    let (mut head, _) = DatasetHead::split(ds);
    // Disaggregations as an Eurostat file has them: a few dimensions per series.
    head.series = (0..series)
        .map(|i| Series {
            indicator: head.indicators[i % head.indicators.len()].id.clone(),
            dimensions: vec![
                ("geo".into(), format!("FR{:03}", i % 997)),
                ("sex".into(), ["F", "M", "T"][i % 3].into()),
                ("age".into(), format!("Y{}-{}", i % 80, i % 80 + 4)),
            ],
        })
        .collect();
    let info = DatasetInfo {
        id: "bench".into(),
        kind: DatasetKind::File,
        source: "bench.tsv".into(),
        imported_at: 1.7e12,
        bytes: 0,
        indicators: head.indicators.len(),
        observations: 0,
        edits: 0,
    };
    let head_json = serde_json::to_string(&head).expect("the head serialises");
    let text = meta_json(&info, &head_json, 1).expect("the record serialises");

    let best = |read: &dyn Fn() -> MetaRecord| {
        let mut best = f64::INFINITY;
        let mut last = None;
        for _ in 0..7 {
            let t = Instant::now();
            let record = read();
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            last = Some(record);
        }
        (best, last.expect("seven reads"))
    };
    let (stored_ms, by_hand) =
        best(&|| vigie_core::stored::meta_record(&text).expect("stored reads the record"));
    let (serde_ms, by_serde) =
        best(&|| serde_json::from_str::<MetaRecord>(&text).expect("serde reads the record"));
    assert!(by_hand == by_serde, "the two readers disagree");
    println!(
        "  ({} indicators, {} series, record {:.1} MB)",
        head.indicators.len(),
        head.series.len(),
        text.len() as f64 / 1e6
    );
    println!(
        "head: stored {stored_ms:.1} ms, serde {serde_ms:.1} ms, stored/serde {:.2}",
        stored_ms / serde_ms
    );
}
