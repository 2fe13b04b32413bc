//! Vigie, the web app: the Leptos pages (`ui`), the IndexedDB glue (`store`), the import Web
//! Worker's entry point (`worker`) and small browser helpers (`web`), all compiled for wasm32 only.
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
#[cfg(target_arch = "wasm32")]
pub mod worker;
