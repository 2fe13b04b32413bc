//! Vigie, the web app: the Leptos pages (`ui`), the IndexedDB glue (`store`) and small browser
//! helpers (`web`), all compiled for wasm32 only. The import engine runs in its own wasm, built from
//! `crates/vigie-worker` and loaded only by the import worker, so this crate's wasm never carries it.
//!
//! Everything that reads, checks, computes or draws is in `vigie-core`, re-exported here under the
//! same names so pages write `crate::kpi`, `crate::model`… The web app never holds business logic:
//! components wire signals and call the core.

pub use vigie_core::{
    chart, columns, embed, export, format, i18n, ingest, kpi, lang, model, period, records,
    workshop,
};

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
