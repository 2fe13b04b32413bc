//! The import engine's own wasm (wasm32 only), loaded by `public/import-worker.js` in the import Web
//! Worker and never by the page: `worker_import` runs `ingest::transfer::run_import` (decoding,
//! sniffing, CSV/JSON/XLSX/zip readers, validation) and hands the packed result back. Keeping it apart
//! keeps those readers out of the wasm a first visit downloads. This file only converts JavaScript
//! values; the work is in the core.
//!
//! A panic (a bug of ours) aborts the wasm instance: the worker script catches the trap, asks
//! `worker_panic_message` what the panic said and reports it, and the page then replaces the worker,
//! whose memory can no longer be trusted, by a fresh one.

#[cfg(target_arch = "wasm32")]
mod engine {
    use std::sync::{Mutex, Once};
    use vigie_core::ingest::transfer::run_import;
    use wasm_bindgen::prelude::*;

    /// What the last panic in this worker said (its message and place), for the worker script's report.
    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

    fn record_panics() {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                if let Ok(mut last) = LAST_PANIC.lock() {
                    *last = Some(info.to_string());
                }
            }));
        });
    }

    /// The message of the panic that stopped this worker's last import, if one did.
    #[wasm_bindgen]
    pub fn worker_panic_message() -> Option<String> {
        LAST_PANIC.lock().ok().and_then(|last| last.clone())
    }

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
        record_panics();
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
}

/// The engine starts when the worker script initialises the module; the work is `worker_import`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "vigie-worker is the import engine's wasm: trunk builds it for the app's import worker"
    );
}
