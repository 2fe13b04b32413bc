//! The store benchmark, run by `cargo xtask bench store` (release build, headless Chromium): a million
//! observations persisted and reloaded by Vigie's columnar store, compared in the same page with the
//! parse time of the same data as a long CSV and with one-record-per-row writes through Dexie.
#![cfg(target_arch = "wasm32")]

use vigie::ingest::csv;
use vigie::model::{
    Aggregation, Dataset, Direction, Frequency, Indicator, Kind, Observation, Provenance, Text,
};
use vigie::period::Period;
use vigie::store::{DatasetKind, NewDataset, Store};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/node_modules/dexie/dist/dexie-esm.js")]
extern "C" {
    type Dexie;
    #[wasm_bindgen(constructor)]
    fn new(name: &str) -> Dexie;
}

/// Indicators in the generated file (1 000 by default, 1 M observations); `VIGIE_BENCH_INDICATORS` at
/// build time makes a smaller run.
const INDICATORS: usize = match option_env!("VIGIE_BENCH_INDICATORS") {
    Some(s) => parse_usize(s),
    None => 1000,
};
const PERIODS: usize = 1000;

const fn parse_usize(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    n
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The generated long CSV: `indicator,period,value`, 1 000 indicators × 1 000 months, a value missing
/// in one row out of 97, deterministic.
fn generated_csv() -> String {
    let mut out = String::with_capacity(INDICATORS * PERIODS * 28);
    out.push_str("indicator,period,value\n");
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..INDICATORS {
        for p in 0..PERIODS {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (y, m) = (1950 + p / 12, p % 12 + 1);
            if (i * PERIODS + p) % 97 == 0 {
                out.push_str(&format!("ind-{i:04},{y}-{m:02},\n"));
            } else {
                let v = (x % 10_000_000) as f64 / 100.0;
                out.push_str(&format!("ind-{i:04},{y}-{m:02},{v}\n"));
            }
        }
    }
    out
}

fn indicator(id: String) -> Indicator {
    Indicator {
        id: id.clone(),
        project: "bench".into(),
        kind: Kind::Output,
        name: Text::new(&id, &id),
        unit: Text::default(),
        direction: Direction::Increase,
        baseline: None,
        target: None,
        frequency: Frequency::Monthly,
        aggregation: Aggregation::Last,
        weight: 1.0,
        precision: 2,
        definition: Text::default(),
        source: String::new(),
        sdg: None,
    }
}

/// Parses the long CSV with the crate's CSV reader (`ingest::csv::read`), then each row's period and
/// value, into a dataset.
fn parse(text: &str) -> Dataset {
    let records = csv::read("bench.csv", text, ',').expect("valid CSV");
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut observations = Vec::with_capacity(records.len());
    for r in records.iter().skip(1) {
        let f = &r.fields;
        if indicators.last().is_none_or(|i| i.id != f[0].text) {
            indicators.push(indicator(f[0].text.clone()));
        }
        observations.push(Observation {
            indicator: f[0].text.clone(),
            period: Period::parse(&f[1].text).expect("period"),
            value: if f[2].text.is_empty() {
                None
            } else {
                Some(f[2].text.parse().expect("number"))
            },
            provenance: Provenance::Illustrative,
            note: String::new(),
            series: None,
            flag: String::new(),
        });
    }
    Dataset {
        indicators,
        observations,
        ..Dataset::default()
    }
}

async fn dexie_bulk_put(dataset: &Dataset) -> f64 {
    let rows = js_sys::Array::new_with_length(dataset.observations.len() as u32);
    for (i, o) in dataset.observations.iter().enumerate() {
        let row = js_sys::Object::new();
        js_sys::Reflect::set(&row, &"indicator".into(), &o.indicator.as_str().into()).unwrap();
        js_sys::Reflect::set(&row, &"period".into(), &o.period.to_string().into()).unwrap();
        let v = o.value.map_or(JsValue::NULL, JsValue::from_f64);
        js_sys::Reflect::set(&row, &"value".into(), &v).unwrap();
        rows.set(i as u32, row.into());
    }
    let call = |target: &JsValue, method: &str, args: &[JsValue]| -> JsValue {
        let f: js_sys::Function = js_sys::Reflect::get(target, &method.into()).unwrap().into();
        f.apply(target, &args.iter().collect::<js_sys::Array>())
            .unwrap()
    };
    let name = format!("vigie-bench-dexie-{}", js_sys::Math::random());
    let db: JsValue = Dexie::new(&name).into();
    let version = call(&db, "version", &[JsValue::from_f64(1.0)]);
    let schema = js_sys::Object::new();
    js_sys::Reflect::set(&schema, &"obs".into(), &"++id".into()).unwrap();
    call(&version, "stores", &[schema.into()]);
    let table = call(&db, "table", &["obs".into()]);
    let start = now();
    let done: js_sys::Promise = call(&table, "bulkPut", &[rows.into()]).into();
    wasm_bindgen_futures::JsFuture::from(done)
        .await
        .expect("Dexie bulkPut");
    let elapsed = now() - start;
    let deleted: js_sys::Promise = call(&db, "delete", &[]).into();
    let _ = wasm_bindgen_futures::JsFuture::from(deleted).await;
    elapsed
}

#[wasm_bindgen_test]
async fn store_bench() {
    let text = generated_csv();
    let mut parse_ms = f64::INFINITY;
    let mut dataset = Dataset::default();
    // The best of three parses, so that a cold start does not flatter the ratios.
    for _ in 0..3 {
        let start = now();
        dataset = parse(&text);
        parse_ms = parse_ms.min(now() - start);
    }
    assert_eq!(dataset.observations.len(), INDICATORS * PERIODS);

    let name = format!("vigie-bench-{}", js_sys::Math::random());
    let store = Store::open_named(&name).await.unwrap();
    let new = NewDataset {
        id: "bench".into(),
        kind: DatasetKind::File,
        source: "bench.csv".into(),
        imported_at: 0.0,
    };
    let start = now();
    store.put_dataset(&new, &dataset).await.unwrap();
    let persist_ms = now() - start;
    store.close();

    let start = now();
    let store = Store::open_named(&name).await.unwrap();
    let back = store.get("bench").await.unwrap().expect("stored");
    let reload_ms = now() - start;
    assert_eq!(back.observations.len(), dataset.observations.len());
    assert!(back == dataset, "reloaded data differs");
    let bytes = store.list().await.unwrap()[0].bytes;
    store.close();
    let _ = indexed_db_futures::database::Database::delete_by_name(&name);

    let dexie_ms = dexie_bulk_put(&dataset).await;
    console_log!(
        "BENCH {{\"rows\":{},\"csv_bytes\":{},\"stored_bytes\":{bytes},\"parse_ms\":{parse_ms:.1},\"persist_ms\":{persist_ms:.1},\"reload_ms\":{reload_ms:.1},\"dexie_ms\":{dexie_ms:.1}}}",
        dataset.observations.len(),
        text.len()
    );
}
