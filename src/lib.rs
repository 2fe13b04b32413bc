//! Vigie: a KPI observatory that runs entirely in the browser.
//!
//! The crate is split in two halves. The core (`model`, `period`, `ingest`, `kpi`, `format`, `i18n`,
//! `chart`, and `store` except its IndexedDB glue) is pure Rust: it compiles and is tested natively in
//! seconds. The browser half (`store::idb`, `ui`, `web`, `worker`) touches web-sys and is compiled only for `wasm32`.

pub mod chart;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod ingest;
pub mod kpi;
pub mod model;
pub mod period;
pub mod workshop;

pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker;
