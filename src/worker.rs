//! The import Web Worker's entry point (wasm32 only): `public/import-worker.js` loads the app's own
//! wasm in a worker and calls `worker_import`, which runs `ingest::transfer::run_import` and hands
//! the packed result back. This module only converts JavaScript values; the work is in the core.

use crate::ingest::transfer::run_import;
use wasm_bindgen::prelude::*;

/// Imports `bytes` (the file called `name`) with its companions (an array of `[name, Uint8Array]`
/// pairs) and the options' JSON, calling `progress(read, total)` as rows are read. Returns the
/// packed report (see `ingest::transfer`).
#[wasm_bindgen]
pub fn worker_import(
    name: &str,
    bytes: &[u8],
    companions: &js_sys::Array,
    options_json: &str,
    progress: &js_sys::Function,
) -> Vec<u8> {
    let companions: Vec<(String, Vec<u8>)> = companions
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let name = pair.get(0).as_string()?;
            let bytes = js_sys::Uint8Array::new(&pair.get(1)).to_vec();
            Some((name, bytes))
        })
        .collect();
    let borrowed: Vec<(&str, &[u8])> = companions
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    run_import(name, bytes, &borrowed, options_json, &mut |read, total| {
        let _ = progress.call2(
            &JsValue::NULL,
            &JsValue::from_f64(read as f64),
            &JsValue::from_f64(total as f64),
        );
        true
    })
}
